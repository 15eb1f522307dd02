"""Shared fixtures: the bundled examples and the development corpus beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
# CI clones the repo with the shared folder beside it; developers have it there too.
DEV_CORPUS = REPO.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not DEV_CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {DEV_CORPUS}")
    return DEV_CORPUS


@pytest.fixture(scope="session")
def example_build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One full build of the bundled examples, shared by the tests that read outputs."""
    from kg.build import build

    out = tmp_path_factory.mktemp("example-build")
    build([EXAMPLES], out_dir=out)
    return out
