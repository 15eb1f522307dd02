"""Query answers as plain values, and their rendering for people and programs.

Both engines (the embedded Oxigraph store and rdflib) produce an ``Answer``, so the
CLI, the HTTP endpoint and the notebook format results one way.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from kg.errors import GraphError, UsageError
from kg.graph.namespaces import NAMESPACES, QUERY_PREFIXES

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.query import Result

#: Prefixes every query may use without declaring them (one table: kg.graph.namespaces).
PREFIXES = QUERY_PREFIXES

XSD_STRING = NAMESPACES["xsd"] + "string"
RDF_LANG_STRING = NAMESPACES["rdf"] + "langString"

_BREAKS = frozenset("\t\n\r")


class ResultFormat(StrEnum):
    """Output formats ``format_answer`` knows; ``sparql-tsv`` is the W3C TSV results format."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    xml = "xml"
    sparql_tsv = "sparql-tsv"


#: The format names, for messages and for checking a name given as plain text.
FORMATS: tuple[str, ...] = tuple(ResultFormat)


@dataclass(frozen=True, slots=True)
class Term:
    """One RDF term of a result row, engine-neutral."""

    kind: str  # "uri", "literal" or "bnode", as in SPARQL Results JSON
    value: str
    lang: str | None = None
    datatype: str | None = None  # None for plain and language-tagged strings

    def __str__(self) -> str:
        return self.value

    def n3(self) -> str:
        """The term in N-Triples syntax, as the W3C TSV results format wants it."""
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = json.dumps(self.value, ensure_ascii=False)
        if self.lang:
            return f"{text}@{self.lang}"
        return f"{text}^^<{self.datatype}>" if self.datatype else text


@dataclass(frozen=True, slots=True)
class Answer:
    """A query's answer: rows for SELECT, a boolean for ASK, Turtle for CONSTRUCT/DESCRIBE."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    turtle: str | None = None

    def records(self) -> list[dict[str, str | None]]:
        """Rows as ``{variable: text}`` dicts, e.g. for ``pandas.DataFrame``."""
        return [
            {v: None if c is None else c.value for v, c in zip(self.variables, r, strict=True)}
            for r in self.rows
        ]


def run_query(graph: Graph, sparql: str) -> Answer:
    """Evaluate ``sparql`` on an rdflib graph with the common prefixes predeclared."""
    from rdflib import Namespace

    namespaces = {prefix: Namespace(uri) for prefix, uri in PREFIXES.items()}
    try:
        result = graph.query(sparql, initNs=namespaces)
        return answer_from_rdflib(result)
    except Exception as exc:  # rdflib raises pyparsing and assorted errors for bad queries
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphError(f"query failed: {first_line}") from exc


def answer_from_rdflib(result: Result) -> Answer:
    """Convert an rdflib query result into an ``Answer``."""
    from rdflib import BNode, Literal, URIRef

    if result.type == "ASK":
        return Answer(boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return Answer(turtle=result.graph.serialize(format="turtle"))

    def term(node: object) -> Term | None:
        if node is None:
            return None
        if isinstance(node, URIRef):
            return Term("uri", str(node))
        if isinstance(node, BNode):
            return Term("bnode", str(node))
        assert isinstance(node, Literal)
        datatype = str(node.datatype) if node.datatype else None
        return Term(
            "literal", str(node), node.language, None if datatype == XSD_STRING else datatype
        )

    variables = tuple(str(v) for v in (result.vars or []))
    rows = tuple(tuple(term(row[i]) for i in range(len(variables))) for row in result)  # type: ignore[index]
    return Answer(variables=variables, rows=rows)


def _json(answer: Answer) -> str:
    if answer.boolean is not None:
        return json.dumps({"head": {}, "boolean": answer.boolean})
    bindings = []
    for row in answer.rows:
        binding: dict[str, dict[str, str]] = {}
        for name, cell in zip(answer.variables, row, strict=True):
            if cell is None:
                continue
            entry = {"type": cell.kind, "value": cell.value}
            if cell.lang:
                entry["xml:lang"] = cell.lang
            elif cell.datatype:
                entry["datatype"] = cell.datatype
            binding[name] = entry
        bindings.append(binding)
    payload = {"head": {"vars": list(answer.variables)}, "results": {"bindings": bindings}}
    return json.dumps(payload, ensure_ascii=False)


def _xml(answer: Answer) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in answer.variables))
    out.append("</head>")
    if answer.boolean is not None:
        out.append(f"<boolean>{str(answer.boolean).lower()}</boolean></sparql>")
        return "\n".join(out)
    out.append("<results>")
    for row in answer.rows:
        cells = []
        for name, cell in zip(answer.variables, row, strict=True):
            if cell is None:
                continue
            value = escape(cell.value)
            if cell.kind == "uri":
                inner = f"<uri>{value}</uri>"
            elif cell.kind == "bnode":
                inner = f"<bnode>{value}</bnode>"
            elif cell.lang:
                inner = f"<literal xml:lang={quoteattr(cell.lang)}>{value}</literal>"
            elif cell.datatype:
                inner = f"<literal datatype={quoteattr(cell.datatype)}>{value}</literal>"
            else:
                inner = f"<literal>{value}</literal>"
            cells.append(f"<binding name={quoteattr(name)}>{inner}</binding>")
        out.append("<result>" + "".join(cells) + "</result>")
    out.append("</results></sparql>")
    return "\n".join(out)


def _table(names: tuple[str, ...], rows: list[list[str]]) -> str:
    # A cell with a newline would break the alignment, so show it on one line.
    rows = [[c.replace("\n", " ") for c in r] for r in rows]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"


def format_answer(answer: Answer, output: str) -> str:
    """Render an answer as ``table``, ``csv``, ``tsv``, ``json``, ``xml`` or ``sparql-tsv``.

    ``json`` and ``xml`` are the SPARQL 1.1 results formats; ``csv`` is the SPARQL CSV
    format; ``tsv`` holds plain values (for spreadsheets), ``sparql-tsv`` N-Triples terms.
    """
    if output not in FORMATS:
        raise UsageError(f"unknown output format {output!r}; use {', '.join(FORMATS)}")
    if answer.turtle is not None:
        return answer.turtle
    if output == "json":
        return _json(answer) + "\n"
    if output == "xml":
        return _xml(answer) + "\n"
    if answer.boolean is not None:
        return f"{str(answer.boolean).lower()}\n"
    if output == "sparql-tsv":
        lines = ["\t".join(f"?{v}" for v in answer.variables)]
        lines.extend("\t".join("" if c is None else c.n3() for c in r) for r in answer.rows)
        return "\n".join(lines) + "\n"
    texts = [["" if c is None else c.value for c in r] for r in answer.rows]
    if output == "tsv":
        # Plain TSV has no quoting, so a tab or line break inside a value becomes a space.
        texts = [[" ".join(c.split()) if _BREAKS.intersection(c) else c for c in r] for r in texts]
    if output in ("csv", "tsv"):
        buffer = io.StringIO()
        # The SPARQL CSV format ends lines with CRLF; TSV for spreadsheets uses LF.
        writer = csv.writer(
            buffer,
            delimiter="," if output == "csv" else "\t",
            lineterminator="\r\n" if output == "csv" else "\n",
        )
        writer.writerow(answer.variables)
        writer.writerows(texts)
        return buffer.getvalue()
    return _table(answer.variables, texts)
