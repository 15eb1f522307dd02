"""Run SPARQL against a graph and format the results for people or programs."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from kg.errors import GraphError, UsageError

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.query import Result

#: Prefixes every query may use without declaring them.
PREFIXES: dict[str, str] = {
    "civ": "https://w3id.org/civkg/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


def run_query(graph: Graph, sparql: str) -> Result:
    """Evaluate ``sparql`` with the common prefixes predeclared."""
    from rdflib import Namespace

    namespaces = {prefix: Namespace(uri) for prefix, uri in PREFIXES.items()}
    try:
        return graph.query(sparql, initNs=namespaces)
    except Exception as exc:  # rdflib raises pyparsing and assorted errors for bad queries
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphError(f"query failed: {first_line}") from exc


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def format_results(result: Result, output: str) -> str:
    """Render a query result as ``table``, ``csv``, ``tsv`` or ``json`` text."""
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        return (
            json.dumps({"head": {}, "boolean": answer}) + "\n"
            if output == "json"
            else (f"{str(answer).lower()}\n")
        )
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return result.graph.serialize(format="turtle")
    if output == "json":
        payload = result.serialize(format="json")
        assert payload is not None
        return payload.decode("utf-8") + "\n"
    names = [str(v) for v in (result.vars or [])]
    rows = [[_cell(row[i]) for i in range(len(names))] for row in result]  # type: ignore[index]
    if output in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if output == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()
    if output != "table":
        raise UsageError(f"unknown output format {output!r}; use table, csv, tsv or json")
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"
