"""Shared fixtures: the bundled examples and the development corpus beside the repo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles"
# CI clones the repo with the shared folder beside it; developers have it there too.
DEV_CORPUS = REPO.parent / "shared" / "corpus" / "dev"
# Debian's chromium: playwright drives it and never downloads a browser of its own.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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


# One browser for the session: Playwright's sync API cannot run two at once.
@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()
