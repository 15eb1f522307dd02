"""The build's graph in an on-disk Oxigraph store: the same quads as the rdflib Dataset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graph_sample import BASE, sample_activity, sample_results
from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

import kg.graph.quadstore
from kg.errors import GraphError
from kg.graph.bridge import to_dataset, to_store
from kg.graph.quadstore import GraphStore, computed_once, from_oxigraph, to_oxigraph
from kg.graph.vocab import CIV, SKOS


def _quads(dataset: Dataset) -> set[tuple[object, ...]]:
    return {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None)) if g}


def test_the_store_holds_the_quads_of_the_dataset_and_its_union() -> None:
    dataset, merged = to_dataset(sample_results(), activity=sample_activity(), base=BASE)
    store = to_store(sample_results(), activity=sample_activity(), base=BASE)
    assert isomorphic(store.graph, merged) and len(store.graph) == len(merged)
    copied = store.dataset()
    assert _quads(copied) == _quads(dataset)
    assert set(copied.default_graph) == set(dataset.default_graph)


def test_loading_in_chunks_gives_the_same_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    whole = to_store(sample_results(), activity=sample_activity(), base=BASE)
    whole.write_trig(tmp_path / "whole.trig")
    monkeypatch.setattr(kg.graph.quadstore, "LOAD_CHUNK", 7)
    chunked = to_store(sample_results()[::-1], activity=sample_activity(), base=BASE)
    chunked.write_trig(tmp_path / "chunked.trig")
    assert (tmp_path / "whole.trig").read_bytes() == (tmp_path / "chunked.trig").read_bytes()


def test_the_graph_view_is_read_only_and_answers_patterns() -> None:
    store = to_store(sample_results(), activity=sample_activity(), base=BASE)
    graph = store.graph
    assert isinstance(graph, Graph)
    labels = set(graph.objects(None, SKOS.prefLabel))
    assert labels and all(isinstance(label, Literal) for label in labels)
    with pytest.raises(GraphError, match="read-only"):
        graph.add((URIRef(BASE + "x"), CIV.sentence, Literal("x")))


@pytest.mark.parametrize(
    "term",
    [
        URIRef("https://w3id.org/civkg/id/person/a-1"),
        Literal("Бану"),
        Literal("Бану", lang="kk"),
        Literal(3),
        Literal("2024-05-01", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),
    ],
)
def test_terms_cross_to_oxigraph_and_back_unchanged(term: URIRef | Literal) -> None:
    back = from_oxigraph(to_oxigraph(term))
    assert back == term and type(back) is type(term)
    if isinstance(term, Literal):
        assert isinstance(back, Literal)
        assert (back.language, back.datatype) == (term.language, term.datatype)


def test_a_temporary_store_is_removed_when_closed() -> None:
    store = GraphStore()
    folder = store.folder
    assert folder.is_dir()
    store.close()
    assert not folder.exists()


@pytest.mark.parametrize("kept", [1, kg.graph.quadstore.SUBJECT_CACHE])
def test_the_graph_answers_each_subjects_patterns_as_the_store_does(
    monkeypatch: pytest.MonkeyPatch, kept: int
) -> None:
    monkeypatch.setattr(kg.graph.quadstore, "SUBJECT_CACHE", kept)
    store = to_store(sample_results(), activity=sample_activity(), base=BASE)
    graph = store.graph
    direct = graph.store._matches  # type: ignore[attr-defined]  # the uncached lookup
    subjects = sorted({s for s in graph.subjects() if isinstance(s, URIRef)})
    assert subjects
    for _ in range(2):  # asked again: answered from what was kept, or read again
        for subject in subjects:
            triples = list(graph.triples((subject, None, None)))
            assert triples == [t for t, _ in direct((subject, None, None))]
            for s, p, o in triples:
                assert list(graph.triples((s, p, None))) == [t for t, _ in direct((s, p, None))]
                assert list(graph.triples((s, None, o))) == [t for t, _ in direct((s, None, o))]
                assert (s, p, o) in graph
    # a plain literal asked for as an xsd:string one is the same term to the store
    s, p, o = next(
        (s, p, o)
        for s, p, o in graph.triples((None, None, None))
        if isinstance(o, Literal) and o.datatype is None and not o.language
    )
    typed = Literal(str(o), datatype=XSD.string)
    assert list(graph.triples((s, p, typed))) == [t for t, _ in direct((s, p, typed))] != []


def test_what_is_read_from_a_build_graph_is_computed_once() -> None:
    store = to_store(sample_results(), activity=sample_activity(), base=BASE)
    calls: list[int] = []

    def make() -> int:
        calls.append(1)
        return len(calls)

    assert computed_once(store.graph, "n", make) == computed_once(store.graph, "n", make) == 1
    other = Graph()
    assert computed_once(other, "n", make) == 2 and computed_once(other, "n", make) == 3


def test_one_scan_gives_each_subject_once_with_all_its_triples() -> None:
    from kg.exporters.rdf import jsonld_document, jsonld_of

    store = to_store(sample_results(), activity=sample_activity(), base=BASE)
    about = list(store.about_each())
    subjects = [s for s, _ in about]
    assert len(subjects) == len(set(subjects)) == len(set(store.graph.subjects()))
    scanned = {(s, p, o) for s, pairs in about for p, o in pairs}
    assert scanned == set(store.graph.triples((None, None, None)))
    # graph.jsonld from the scan is the document of the graph, byte for byte
    assert json.dumps(jsonld_of(about), ensure_ascii=False) == json.dumps(
        jsonld_document(store.graph), ensure_ascii=False
    )


def test_the_whole_graph_in_memory_answers_as_the_store_does() -> None:
    store = to_store(sample_results(), activity=sample_activity(), base=BASE)
    graph = store.graph
    direct = graph.store._matches  # type: ignore[attr-defined]  # the uncached lookup
    whole = store.whole_graph()
    assert whole is graph and graph.store.everything is not None  # type: ignore[attr-defined]
    subjects = sorted({s for s in graph.subjects() if isinstance(s, URIRef)})
    for subject in [*subjects, URIRef(BASE + "no-such-node")]:
        assert list(whole.triples((subject, None, None))) == [
            t for t, _ in direct((subject, None, None))
        ]
    assert [s for s, _ in store.about_all()] == [s for s, _ in store.about_each()]
