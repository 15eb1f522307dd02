"""nodes.csv / edges.csv (and Parquet) and ``Answer.to_dataframe``: typed for pandas."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pandas as pd
import pytest
from graph_sample import export_all, sample_build

from kg.sparql.results import Answer, Term, format_answer
from kg.sparql.store import Store
from kg.views import to_networkx

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tables")
    export_all(out, ("tables",))
    return out


def test_csv_tables_read_typed_in_pandas(tables: Path) -> None:
    network = to_networkx(sample_build().graph)
    nodes = pd.read_csv(tables / "nodes.csv", parse_dates=["date", "first_reported"])
    edges = pd.read_csv(tables / "edges.csv", parse_dates=["first_reported", "last_reported"])
    assert list(nodes["id"]) == sorted(network.nodes)
    assert len(edges) == network.number_of_edges()
    assert nodes["degree"].dtype == "int64" and edges["weight"].dtype == "int64"
    assert pd.api.types.is_datetime64_any_dtype(nodes["first_reported"])
    assert pd.api.types.is_datetime64_any_dtype(edges["first_reported"])
    forum = nodes[nodes["type"] == "event"].iloc[0]
    assert forum["date"] == pd.Timestamp("2024-04-12")
    assert dict(zip(nodes["id"], nodes["degree"], strict=True)) == {
        n: d["degree"] for n, d in network.nodes(data=True)
    }
    # An edge's reporting dates come from its evidence's articles.
    dated = edges.dropna(subset=["first_reported"])
    assert len(dated) and (dated["first_reported"] <= dated["last_reported"]).all()


def test_parquet_tables_have_real_types(tables: Path) -> None:
    import pyarrow.parquet as pq

    nodes = pq.read_table(tables / "nodes.parquet")
    edges = pq.read_table(tables / "edges.parquet")
    assert str(nodes.schema.field("degree").type) == "int64"
    assert str(nodes.schema.field("date").type) == "date32[day]"
    assert str(edges.schema.field("first_reported").type) == "date32[day]"
    csv_nodes = pd.read_csv(tables / "nodes.csv")
    assert nodes.num_rows == len(csv_nodes)
    assert nodes.column("id").to_pylist() == list(csv_nodes["id"])
    assert edges.column("weight").to_pylist() == list(pd.read_csv(tables / "edges.csv")["weight"])


_TYPED = """
@prefix : <https://example.org/t/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:a :n 3 ; :d "2021-06-02"^^xsd:date ; :x 1.5 ; :ok true ; :name "Rook Valley" .
:b :n 11 ; :d "2019-01-30"^^xsd:date ; :x 2.0e0 ; :ok false ; :name "Wren Hill" .
:c :name "Moss Ford" .
"""
_QUERY = """SELECT ?s ?name ?n ?d ?x ?ok WHERE {
  ?s <https://example.org/t/name> ?name .
  OPTIONAL { ?s <https://example.org/t/n> ?n ; <https://example.org/t/d> ?d ;
             <https://example.org/t/x> ?x ; <https://example.org/t/ok> ?ok }
} ORDER BY ?s"""


def _typed_answer() -> Answer:
    from rdflib import Graph

    store = Store.memory()
    store.load_graph(Graph().parse(data=_TYPED, format="turtle"))
    return store.query(_QUERY)


def test_records_carry_numbers_and_dates_typed() -> None:
    records = _typed_answer().records()
    assert records[0]["n"] == 3 and records[1]["n"] == 11
    assert records[0]["d"] == datetime.date(2021, 6, 2)
    assert records[0]["x"] == 1.5 and records[0]["ok"] is True and records[1]["ok"] is False
    assert records[2]["n"] is None and records[2]["name"] == "Moss Ford"


def test_to_dataframe_types_each_column() -> None:
    frame = _typed_answer().to_dataframe()
    assert list(frame.columns) == ["s", "name", "n", "d", "x", "ok"]
    assert str(frame["n"].dtype) == "Int64" and frame["n"].isna().tolist() == [False, False, True]
    assert pd.api.types.is_datetime64_any_dtype(frame["d"])
    assert frame["x"].dtype == "float64" and str(frame["ok"].dtype) == "boolean"
    assert frame["n"].sum() == 14  # numbers, not text


def test_jsonl_output_is_typed() -> None:
    lines = format_answer(_typed_answer(), "jsonl").splitlines()
    first = json.loads(lines[0])
    assert first["n"] == 3 and first["x"] == 1.5 and first["ok"] is True
    assert first["d"] == "2021-06-02" and json.loads(lines[2])["n"] is None


def test_an_ill_typed_literal_keeps_its_text() -> None:
    assert Term("literal", "12a", None, XSD + "integer").python() == "12a"
    assert Term("literal", "2021-13-40", None, XSD + "date").python() == "2021-13-40"


def test_without_the_optional_packages_the_defaults_leave_them_out(tmp_path: Path) -> None:
    """A plain ``pip install civkg`` has neither pyarrow nor followthemoney."""
    import subprocess
    import sys

    script = f"""
import sys
sys.modules["pyarrow"] = None  # an import of either now fails, as when not installed
sys.modules["followthemoney"] = None
sys.path.insert(0, {str(Path(__file__).parent)!r})
from pathlib import Path
from graph_sample import export_all
from kg.errors import ExportError
from kg.exporters import default_formats
assert "ftm" not in default_formats() and "tables" in default_formats()
out = Path({str(tmp_path)!r})
export_all(out, ("tables",))
try:
    export_all(out, ("ftm",))
except ExportError as exc:
    print(exc)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv", "nodes.csv"]
    assert 'pip install "civkg[ftm]"' in done.stdout
