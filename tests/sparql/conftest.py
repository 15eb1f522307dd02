"""Fixtures for the SPARQL tests: a hand-written sample build folder with a store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).with_name("sample.trig")


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build-like folder: graph.trig, graph.ttl (merged) and store/."""
    from rdflib import Dataset, Graph

    from kg.store import write_store

    folder = tmp_path_factory.mktemp("sample-build")
    shutil.copy(SAMPLE, folder / "graph.trig")
    dataset = Dataset()
    dataset.parse(SAMPLE, format="trig")
    merged = Graph()
    for quad in dataset.quads():
        merged.add(quad[:3])
    merged.serialize(folder / "graph.ttl", format="turtle")
    write_store(None, folder / "store", files=[SAMPLE])
    return folder


@pytest.fixture(scope="session")
def sample_graph(sample_dir: Path) -> object:
    """The sample as one merged rdflib Graph."""
    from rdflib import Graph

    return Graph().parse(sample_dir / "graph.ttl", format="turtle")
