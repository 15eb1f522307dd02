"""The bridge's triples as N-Triples text: the same terms as rdflib and pyoxigraph make."""

from __future__ import annotations

from pathlib import Path

import pytest
from graph_sample import BASE, sample_activity, sample_results
from rdflib import XSD, Literal, URIRef

from kg.errors import GraphError
from kg.graph import bridge
from kg.graph.bridge import dataset_quads, dataset_statements
from kg.graph.quadstore import GraphStore, rdflib_triples, to_oxigraph

#: Texts a sentence or a name may hold that N-Triples must escape, or may not.
AWKWARD = [
    'She said "yes"',
    "a back\\slash and \\n not a newline",
    "two\nlines\r\nand a\ttab",
    "",
    "Қазақстан «Нұр Отан» — 100%",
    "trailing backslash\\",
    'ends with a quote"',
    "a NUL \x00 and a bell \x07",
    "emoji 🇰🇿 and U+2028 \u2028 line separator",
]

SUBJECT = "https://example.org/civ/person/a-1"
PREDICATE = "https://w3id.org/civkg/ontology#sentence"


def _rdflib_objects() -> list[Literal | URIRef]:
    objects: list[Literal | URIRef] = []
    for text in AWKWARD:
        objects += [Literal(text), Literal(text, lang="kk"), Literal(text, lang="en-gb")]
    objects += [
        Literal(3),
        Literal(-12),
        Literal("2024-05-01", datatype=XSD.date),
        URIRef("https://example.org/a?b=c&d=%20#frag"),
    ]
    return objects


def _statement_objects() -> list[str]:
    # the bridge's own helpers, in the order of _rdflib_objects
    objects: list[str] = []
    for text in AWKWARD:
        objects += [bridge._plain(text), bridge._text(text, "kk"), bridge._text(text, "en-gb")]
    objects += [
        bridge._integer(3),
        bridge._integer(-12),
        str(bridge._date("2024-05-01")),
        bridge._iri("https://example.org/a?b=c&d=%20#frag"),
    ]
    return objects


def test_statements_read_back_as_the_rdflib_terms_of_before() -> None:
    statements = [f"<{SUBJECT}> <{PREDICATE}> {o}" for o in _statement_objects()]
    triples = rdflib_triples(statements)
    expected = _rdflib_objects()
    assert [o for _, _, o in triples] == expected
    for (_, _, got), want in zip(triples, expected, strict=True):
        assert type(got) is type(want)
        if isinstance(want, Literal):
            assert isinstance(got, Literal)
            assert (got.language, got.datatype) == (want.language, want.datatype)


def test_a_store_loaded_from_statements_holds_the_quads_of_pyoxigraph_terms(
    tmp_path: Path,
) -> None:
    graph = "https://example.org/civ/article/x"
    old = GraphStore(tmp_path / "old")
    old.load((URIRef(graph), (URIRef(SUBJECT), URIRef(PREDICATE), o)) for o in _rdflib_objects())
    new = GraphStore(tmp_path / "new")
    new.load_statements(
        (f"<{graph}>", f"<{SUBJECT}> <{PREDICATE}> {o}") for o in _statement_objects()
    )
    assert set(new.oxigraph) == set(old.oxigraph)
    assert len(new.oxigraph) == 2 * len(_rdflib_objects())
    old.write_trig(tmp_path / "old.trig")
    new.write_trig(tmp_path / "new.trig")
    assert (tmp_path / "new.trig").read_bytes() == (tmp_path / "old.trig").read_bytes()


def test_the_default_graph_statements_become_the_header() -> None:
    store = GraphStore()
    statements = list(dataset_statements(sample_results(), activity=sample_activity(), base=BASE))
    store.load_statements(statements)
    header = [t for name, t in dataset_quads((), activity=sample_activity(), base=BASE)]
    assert list(store.header) == header and header
    pyoxigraph_header = {tuple(to_oxigraph(term) for term in triple) for triple in header}
    assert all(len(list(store.oxigraph.quads_for_pattern(*t))) == 1 for t in pyoxigraph_header)


def test_dataset_quads_are_the_statements_as_rdflib_terms() -> None:
    quads = list(dataset_quads(sample_results(), activity=sample_activity(), base=BASE))
    statements = list(dataset_statements(sample_results(), activity=sample_activity(), base=BASE))
    assert len(quads) == len(statements)
    for (name, triple), (text_name, text) in zip(quads, statements, strict=True):
        assert (None if name is None else f"<{name}>") == text_name
        assert rdflib_triples([text]) == [triple]


@pytest.mark.parametrize(
    "iri", ["https://example.org/a b", "https://example.org/a> <b", "https://e.org/\n"]
)
def test_an_iri_that_could_break_the_text_is_refused(iri: str) -> None:
    with pytest.raises(GraphError, match="not a valid IRI"):
        bridge._iri(iri)


@pytest.mark.parametrize("lang", ["en gb", "kk .", "", "-en"])
def test_a_language_tag_that_could_break_the_text_is_refused(lang: str) -> None:
    if lang == "":
        assert bridge._text("x", lang) == '"x"'  # no language: a plain literal
        return
    with pytest.raises(GraphError, match="not a language tag"):
        bridge._text("x", lang)


def test_a_quad_the_loader_cannot_parse_is_a_graph_error() -> None:
    store = GraphStore()
    with pytest.raises(GraphError, match="not valid N-Quads"):
        store.load_statements([("<https://example.org/g>", "<relative> <p:x> <p:y>")])
