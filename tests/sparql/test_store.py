"""The embedded store: writing, opening, limits, and result formats."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kg.errors import GraphError
from kg.sparql.results import format_answer, run_query
from kg.sparql.store import QueryTimeoutError, Store, TooManyRowsError, open_store, write_store

PEOPLE = "SELECT ?p ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name } ORDER BY ?name"


def test_open_store_prefers_the_store_folder(sample_dir: Path) -> None:
    on_disk = open_store(sample_dir)
    assert on_disk.location == sample_dir / "store"
    from_file = open_store(sample_dir / "graph.ttl")
    assert from_file.location is None
    assert on_disk.query(PEOPLE).rows == from_file.query(PEOPLE).rows


def test_folder_without_store_loads_its_graph_file(sample_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "graph.trig").write_bytes((sample_dir / "graph.trig").read_bytes())
    store = open_store(tmp_path)
    assert len(store) == len(open_store(sample_dir))


def test_missing_target_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(GraphError, match=str(tmp_path / "nope")):
        open_store(tmp_path / "nope")
    with pytest.raises(GraphError, match="no store/ and no graph file"):
        open_store(tmp_path)
    (tmp_path / "broken.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(GraphError, match=r"broken\.ttl"):
        open_store(tmp_path / "broken.ttl")


def test_write_store_replaces_atomically(sample_dir: Path, tmp_path: Path) -> None:
    from rdflib import Graph

    dest = tmp_path / "store"
    write_store(Graph().parse(data=(sample_dir / "graph.ttl").read_bytes(), format="turtle"), dest)
    first = len(Store.open(dest))
    small = Graph().parse(data="<urn:a> <urn:b> <urn:c> .", format="nt")
    write_store(small, dest)
    assert first > 1 and len(Store.open(dest)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_limits_raise_clear_errors(sample_dir: Path) -> None:
    store = open_store(sample_dir)
    with pytest.raises(TooManyRowsError, match="more than 2 rows"):
        store.query(PEOPLE, max_rows=2)
    with pytest.raises(QueryTimeoutError, match="longer than"):
        store.query(PEOPLE, timeout=0.0)
    with pytest.raises(GraphError, match="query failed"):
        store.query("SELECT WHERE {")


def test_formats_are_valid_and_agree(sample_dir: Path, sample_graph: object) -> None:
    from rdflib import Graph

    assert isinstance(sample_graph, Graph)
    answer = open_store(sample_dir).query(PEOPLE)
    data = json.loads(format_answer(answer, "json"))
    theirs = json.loads(format_answer(run_query(sample_graph, PEOPLE), "json"))
    # The engines order equal-sorting language-tagged names differently; compare as sets.
    assert data["head"] == theirs["head"]
    assert sorted(map(str, data["results"]["bindings"])) == sorted(
        map(str, theirs["results"]["bindings"])
    )
    assert data["head"]["vars"] == ["p", "name"]
    assert len(data["results"]["bindings"]) == len(answer.rows)
    assert all("xml:lang" in b["name"] for b in data["results"]["bindings"])
    rows = list(csv.reader(io.StringIO(format_answer(answer, "csv"))))
    assert rows[0] == ["p", "name"] and len(rows) == len(answer.rows) + 1
    tsv = format_answer(answer, "tsv").splitlines()
    assert tsv[0] == "p\tname" and len(tsv) == len(answer.rows) + 1
    spec_tsv = format_answer(answer, "sparql-tsv").splitlines()
    assert spec_tsv[0] == "?p\t?name" and spec_tsv[1].startswith("<https://")
    root = ET.fromstring(format_answer(answer, "xml"))
    namespace = "{http://www.w3.org/2005/sparql-results#}"
    assert len(root.findall(f"{namespace}results/{namespace}result")) == len(answer.rows)
    table = format_answer(answer, "table")
    assert table.rstrip().endswith(f"({len(answer.rows)} rows)")


def test_ask_and_construct(sample_dir: Path) -> None:
    store = open_store(sample_dir)
    assert store.query("ASK { ?a a civ:Agreement }").boolean is True
    assert (
        format_answer(store.query("ASK { ?a a civ:Nothing }"), "json")
        .strip()
        .endswith('"boolean": false}')
    )
    turtle = store.query("CONSTRUCT { ?a a civ:Agreement } WHERE { ?a a civ:Agreement }").turtle
    assert turtle is not None and "agreement-1" in turtle


def test_store_exporter_writes_the_dataset(
    sample_dir: Path, sample_dataset: object, tmp_path: Path
) -> None:
    from rdflib import Dataset

    from kg.build import build_activity
    from kg.exporters import load_exporter
    from kg.exporters.base import Build
    from kg.graph.quadstore import GraphStore

    dataset = sample_dataset
    assert isinstance(dataset, Dataset)
    graph_store = GraphStore()
    graph_store.load((g, (s, p, o)) for s, p, o, g in dataset.quads((None, None, None, None)))
    done = Build(
        results=(),
        problems=(),
        activity=build_activity(["test"]),
        store=graph_store,
        base="https://w3id.org/civkg/id/",
        input_root=tmp_path,
    )
    written = load_exporter("store").export(done, tmp_path)
    assert written == [tmp_path / "store"]
    store = Store.open(tmp_path / "store")
    assert len(store) == len(open_store(sample_dir))
    graphs = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert len(graphs.rows) == 3


def test_plain_tsv_keeps_one_line_per_row() -> None:
    from kg.sparql.results import Answer, Term

    answer = Answer(("s",), ((Term("literal", "бір\tекі\nүш"),), (None,)))
    lines = format_answer(answer, "tsv").splitlines()
    assert lines[:2] == ["s", "бір екі үш"] and len(lines) == 3
    assert format_answer(answer, "csv").count("\r\n") == 3
