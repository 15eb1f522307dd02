"""What an endpoint answer can be sent as, and which one a client's ``Accept`` asks for.

The query form decides the family first: SELECT and ASK answer with solutions (SPARQL
results as JSON, XML, CSV or TSV), CONSTRUCT and DESCRIBE with a graph (Turtle,
N-Triples, JSON-LD or RDF/XML). Negotiating before knowing the form is what made
``Accept: text/turtle`` (SPARQLWrapper's for CONSTRUCT) a 406.
"""

from __future__ import annotations

import re

from kg.sparql.guard import tokens
from kg.sparql.results import PREFIXES

#: Solution media types, and the ``kg.sparql.results.format_answer`` format for each.
SOLUTION_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "sparql-tsv",
}
#: Graph media types, and the ``pyoxigraph.RdfFormat`` name for each. JSON asked of a
#: graph gets JSON-LD, which is JSON; the old Turtle aliases get Turtle.
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "TURTLE",
    "application/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/x-json+ld": "JSON_LD",
    "application/json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}
#: What each family sends for ``*/*``, ``text/*`` and ``application/*``.
_WILDCARDS: dict[str, dict[str, str]] = {
    "solutions": {
        "*/*": "application/sparql-results+json",
        "application/*": "application/sparql-results+json",
        "text/*": "text/csv",
    },
    "graph": {
        "*/*": "text/turtle",
        "text/*": "text/turtle",
        "application/*": "application/n-triples",
    },
}
_FORMS = {"select": "solutions", "ask": "solutions", "construct": "graph", "describe": "graph"}
_KEYWORD = re.compile(r"select|ask|construct|describe", re.IGNORECASE)


def query_form(text: str) -> str | None:
    """``select``, ``ask``, ``construct`` or ``describe``: the query's first form keyword.

    Keywords inside strings, IRIs and comments do not count (the guard's tokenizer reads
    them); None when there is none, e.g. an update or a query with a syntax error.
    """
    for kind, value in tokens(text):
        if kind == "name" and _KEYWORD.fullmatch(value):
            return value.lower()
    return None


def family(form: str | None) -> str:
    """``graph`` for CONSTRUCT and DESCRIBE, else ``solutions``."""
    return _FORMS.get(form or "", "solutions")


def offered(kind: str) -> dict[str, str]:
    """The media types answers of ``kind`` (``solutions`` or ``graph``) can be sent as."""
    return GRAPH_TYPES if kind == "graph" else SOLUTION_TYPES


def choose_media_type(accept: str, kind: str = "solutions") -> str | None:
    """The media type of ``kind`` best matching an ``Accept`` header, or None if none fits.

    Highest quality first, then the order the client listed them; an empty header gets
    the family's default.
    """
    types = offered(kind)
    wildcards = _WILDCARDS[kind]
    if not accept.strip():
        return wildcards["*/*"]
    offers: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *options = (p.strip() for p in part.split(";"))
        quality = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            offers.append((-quality, position, media.lower()))
    for _, _, media in sorted(offers):
        if media in types:
            return media
        if media in wildcards:
            return wildcards[media]
    return None


def graph_bytes(turtle: str, media: str) -> bytes:
    """A graph answer (Turtle from the engine) re-serialised as ``media``."""
    import pyoxigraph

    data = turtle.encode("utf-8")
    name = GRAPH_TYPES[media]
    if name == "TURTLE":
        return data
    triples = pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE)
    fmt = getattr(pyoxigraph.RdfFormat, name)
    # N-Triples has no prefixes; the others read better with them.
    prefixes = None if name == "N_TRIPLES" else PREFIXES
    out = pyoxigraph.serialize(triples, format=fmt, prefixes=prefixes)
    return out if isinstance(out, bytes) else b""
