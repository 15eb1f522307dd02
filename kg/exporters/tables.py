"""nodes.csv and edges.csv (and .parquet with pyarrow): the network as two typed tables.

For pandas, R and spreadsheets: one row per node and per edge, counts as integers and
dates as ISO ``YYYY-MM-DD``, so ``pandas.read_csv(..., parse_dates=[...])`` or R's
``readr`` types every column without help. With pyarrow installed (``civkg[tables]``)
the same tables go to Parquet with real int64 and date32 columns.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.atomic import write_atomic
from kg.exporters.base import installed
from kg.exporters.map.data import read_map_data
from kg.views import to_networkx

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.exporters.base import Build

#: Column name -> type ("str", "int" or "date"), in file order.
NODE_COLUMNS: dict[str, str] = {
    "id": "str",
    "type": "str",
    "label": "str",
    "org_class": "str",
    "degree": "int",
    "articles": "int",
    "date": "date",
    "first_reported": "date",
    "last_reported": "date",
}
EDGE_COLUMNS: dict[str, str] = {
    "source": "str",
    "target": "str",
    "type": "str",
    "role": "str",
    "fact": "str",
    "weight": "int",
    "articles": "int",
    "first_reported": "date",
    "last_reported": "date",
}

Row = dict[str, str | int | datetime.date | None]


@dataclass(frozen=True)
class Tables:
    """The network as rows; the order is the files' order."""

    nodes: list[Row]
    edges: list[Row]


def _date(text: str | None) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


def network_tables(graph: Graph) -> Tables:
    """The graph's network (``kg.views``) with article counts and reporting dates.

    A node's ``articles`` are the articles that mention it or state one of its edges;
    ``first_reported`` / ``last_reported`` are the earliest and latest of their dates.
    An edge's are the articles of its evidence. ``date`` is an agreement's or event's own.
    """
    network = to_networkx(graph)
    data = read_map_data(graph)
    article_dates = [_date(a.date) for a in data.articles]
    by_iri = {node.iri: node for node in data.nodes}
    edge_articles: dict[tuple[str, str, str], set[int]] = {}
    for edge in data.edges:
        key = (edge.iri, data.nodes[edge.source].iri, data.nodes[edge.target].iri)
        edge_articles[key] = {e.article for e in edge.evidence if e.article >= 0}

    def reported(articles: set[int]) -> tuple[datetime.date | None, datetime.date | None]:
        dates = [d for d in (article_dates[a] for a in articles) if d is not None]
        return (min(dates), max(dates)) if dates else (None, None)

    nodes: list[Row] = []
    for iri, attrs in network.nodes(data=True):
        node = by_iri.get(iri)
        articles = set(node.articles) if node else set()
        first, last = reported(articles)
        nodes.append(
            {
                "id": iri,
                "type": attrs["type"],
                "label": attrs["label"],
                "org_class": attrs["org_class"] or None,
                "degree": attrs["degree"],
                "articles": len(articles),
                "date": _date(node.date) if node else None,
                "first_reported": first,
                "last_reported": last,
            }
        )
    edges: list[Row] = []
    for source, target, attrs in network.edges(data=True):
        articles = edge_articles.get((attrs["fact"], source, target), set())
        first, last = reported(articles)
        edges.append(
            {
                "source": source,
                "target": target,
                "type": attrs["type"],
                "role": attrs.get("role") or None,
                "fact": attrs["fact"],
                "weight": attrs["weight"],
                "articles": len(articles),
                "first_reported": first,
                "last_reported": last,
            }
        )
    return Tables(nodes, edges)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def csv_bytes(rows: list[Row], columns: dict[str, str]) -> bytes:
    """Rows as CSV (UTF-8, header first, LF line ends, empty cell for a missing value)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(row[name]) for name in columns] for row in rows)
    return buffer.getvalue().encode("utf-8")


def parquet_bytes(rows: list[Row], columns: dict[str, str]) -> bytes:
    """Rows as Parquet with typed columns (string, int64, date32); needs pyarrow."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "date": pa.date32()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns.items()])
    table = pa.Table.from_pylist(rows, schema=schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


class TablesExporter:
    name = "tables"
    description = "nodes.csv, edges.csv: the network as typed tables (+ .parquet with pyarrow)"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        tables = network_tables(build.graph)
        written = [
            write_atomic(out_dir / "nodes.csv", csv_bytes(tables.nodes, NODE_COLUMNS)),
            write_atomic(out_dir / "edges.csv", csv_bytes(tables.edges, EDGE_COLUMNS)),
        ]
        if installed("pyarrow"):
            written += [
                write_atomic(out_dir / "nodes.parquet", parquet_bytes(tables.nodes, NODE_COLUMNS)),
                write_atomic(out_dir / "edges.parquet", parquet_bytes(tables.edges, EDGE_COLUMNS)),
            ]
        return written
