"""Fixtures for the SPARQL tests: a hand-written sample build folder with a store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).with_name("sample.trig")


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build-like folder: graph.trig, graph.ttl (merged) and store/."""
    import pyoxigraph

    from kg.sparql.store import write_store

    folder = tmp_path_factory.mktemp("sample-build")
    shutil.copy(SAMPLE, folder / "graph.trig")
    merged = pyoxigraph.Store()
    merged.bulk_load(path=str(SAMPLE), format=pyoxigraph.RdfFormat.TRIG)
    triples = merged.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    pyoxigraph.serialize(triples, folder / "graph.ttl", pyoxigraph.RdfFormat.TURTLE)
    write_store(None, folder / "store", files=[SAMPLE])
    return folder


@pytest.fixture(scope="session")
def sample_graph(sample_dir: Path) -> object:
    """The sample as one merged rdflib Graph."""
    from rdflib import Graph

    return Graph().parse(
        data=(sample_dir / "graph.ttl").read_text(encoding="utf-8"), format="turtle"
    )


@pytest.fixture()
def sample_dataset() -> object:
    """The sample as an rdflib Dataset with one named graph per article."""
    import pyoxigraph
    from rdflib import Dataset, URIRef

    quads = pyoxigraph.Store()
    quads.bulk_load(path=str(SAMPLE), format=pyoxigraph.RdfFormat.TRIG)
    dataset = Dataset()
    for name in quads.named_graphs():
        triples = quads.query("CONSTRUCT WHERE { ?s ?p ?o }", default_graph=name)
        data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
        dataset.graph(URIRef(name.value)).parse(data=data, format="nt")
    return dataset
