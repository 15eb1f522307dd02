"""load_graph: formats by extension, build folders, one-line errors for bad files."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from graph_sample import export_all, sample_build
from rdflib.compare import isomorphic

from kg.errors import GraphError, KGError
from kg.graph.files import GRAPH_FORMATS, load_graph


def test_every_format_loads(tmp_path: Path) -> None:
    build = sample_build()
    export_all(tmp_path, ("turtle", "trig", "jsonld"))
    build.graph.serialize(tmp_path / "graph.nt", format="nt", encoding="utf-8")
    with warnings.catch_warnings():  # rdflib's Dataset warns about its own internals
        warnings.simplefilter("ignore", DeprecationWarning)
        build.dataset.serialize(tmp_path / "graph.nq", format="nquads", encoding="utf-8")
    for suffix in GRAPH_FORMATS:
        loaded = load_graph(tmp_path / f"graph{suffix}")
        assert isomorphic(loaded, build.graph), suffix
        assert dict(loaded.namespaces())["civ"] is not None


def test_a_build_folder_means_its_graph_ttl(tmp_path: Path) -> None:
    export_all(tmp_path, ("turtle",))
    assert isomorphic(load_graph(tmp_path), sample_build().graph)


def _one_line_error(path: Path) -> str:
    with pytest.raises(GraphError) as caught:
        load_graph(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert isinstance(caught.value, KGError)
    return message


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    assert "no such graph file" in _one_line_error(tmp_path / "nope.ttl")
    assert "no graph.ttl" in _one_line_error(tmp_path)


def test_unknown_extension(tmp_path: Path) -> None:
    odd = tmp_path / "graph.xyz"
    odd.write_text("whatever", encoding="utf-8")
    assert ".ttl" in _one_line_error(odd)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bad.ttl", "<http://example.org/a> <http://example.org/b> ."),
        ("bad.jsonld", '{"@graph": [ {"@id": '),
        ("bad.trig", '<http://example.org/g> { <http://example.org/a> <http://example.org/b> "x }'),
        ("bad.nt", "this is not n-triples\n"),
    ],
)
def test_garbled_files(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert "cannot read as" in _one_line_error(path)


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin.ttl"
    path.write_bytes(b'<http://example.org/a> <http://example.org/b> "caf\xe9" .')
    assert "cannot read as turtle" in _one_line_error(path)
