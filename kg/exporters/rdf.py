"""graph.ttl, graph.trig and graph.jsonld (+ context.jsonld): the graph as RDF files.

graph.jsonld embeds its context; context.jsonld is the same context on its own, for
documents of one's own that want civkg's short terms.

All three are byte-identical for identical input whatever ``PYTHONHASHSEED`` is. Turtle
and TriG are written by Oxigraph from the build's on-disk store (``kg.graph.quadstore``),
whose order depends only on the set of quads; rdflib's JSON-LD writer visits triples in
store order, so JSON-LD is written here from sorted triples. ``turtle_bytes`` and
``trig_bytes`` still serialise an rdflib graph or dataset in memory.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.atomic import write_atomic, write_atomic_with
from kg.errors import ExportError
from kg.graph.vocab import JSONLD_TERMS, PREFIXES

if TYPE_CHECKING:
    from rdflib.term import Node

    from kg.exporters.base import Build

CONTEXT_FILE = "context.jsonld"
_PREFIX_LINE = re.compile(r"@prefix (\S*): <([^>]*)> \.")


def turtle_bytes(graph: Graph) -> bytes:
    """The graph as Turtle (UTF-8), subjects and values in sorted order."""
    return graph.serialize(format="turtle", encoding="utf-8")


def trig_bytes(dataset: Dataset) -> bytes:
    """The dataset as TriG: the default graph first, then named graphs sorted by IRI."""
    prefixes: dict[str, str] = {}
    blocks: list[str] = []
    graphs = sorted(
        dataset.graphs(),
        key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID, str(g.identifier)),
    )
    for graph in graphs:
        if not len(graph):
            continue
        body: list[str] = []
        for line in graph.serialize(format="turtle").splitlines(keepends=True):
            declared = _PREFIX_LINE.fullmatch(line.rstrip("\n"))
            if declared is None:
                body.append(line)
                continue
            prefix, namespace = declared.groups()
            if prefixes.setdefault(prefix, namespace) != namespace:
                raise ExportError(f"graph.trig: prefix {prefix!r} names two namespaces")
        name = "" if graph.identifier == DATASET_DEFAULT_GRAPH_ID else f"{graph.identifier.n3()} "
        # Lines are not indented: a multi-line literal's content must stay untouched.
        blocks.append(f"{name}{{\n{''.join(body).strip()}\n}}\n")
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()))
    return (header + "\n" + "\n".join(blocks)).encode("utf-8")


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context: civkg's prefixes, then a short term for every property."""
    context: dict[str, Any] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    for term, iri, coercion in JSONLD_TERMS:
        curie = _compact(iri)
        context[term] = {"@id": curie, "@type": coercion} if coercion else curie
    return {"@context": context}


@lru_cache(maxsize=4096)
def _compact(iri: str) -> str:
    matches = [(len(ns), p) for p, ns in PREFIXES.items() if iri.startswith(ns) and iri != ns]
    if not matches:
        return iri
    _, prefix = max(matches)
    return f"{prefix}:{iri[len(PREFIXES[prefix]) :]}"


def _value(node: Node, coercion: str | None) -> Any:
    if not isinstance(node, Literal):
        ref = node.n3() if isinstance(node, BNode) else str(node)
        return ref if coercion == "@id" else {"@id": ref}
    text = str(node)
    if node.language:
        return {"@value": text, "@language": node.language}
    datatype = node.datatype
    if datatype is None or datatype == XSD.string:
        return text if coercion is None else {"@value": text}
    if coercion is not None and coercion != "@id" and _compact(datatype) == coercion:
        return text
    if datatype == XSD.integer and coercion is None and str(int(node)) == text:
        return int(node)
    return {"@value": text, "@type": _compact(datatype)}


def _order(node: Node) -> tuple[int, str, str, str]:
    if isinstance(node, Literal):
        return (1, str(node), node.language or "", str(node.datatype or ""))
    return (0, str(node), "", "")


def jsonld_document(graph: Graph, context: str | None = None) -> dict[str, Any]:
    """The graph as a compact JSON-LD document, nodes sorted by IRI.

    The context is embedded unless ``context`` names one to reference: a relative
    reference breaks every reader that is not handed the file's own location (pyoxigraph,
    PyLD's default loader, a document sent over HTTP), so the file must stand alone.
    """
    about = ((s, list(graph.predicate_objects(s))) for s in set(graph.subjects()))
    return jsonld_of(about, context)


def jsonld_of(
    about: Iterable[tuple[Node, Sequence[tuple[Node, Node]]]], context: str | None = None
) -> dict[str, Any]:
    """``jsonld_document`` of a graph given as each subject with its (predicate, object)s.

    One scan of a store gives this (``GraphStore.about_each``, ``about_all``): asking
    the store about each subject in turn was most of the time of writing graph.jsonld.
    """
    terms = {str(iri): (term, coercion) for term, iri, coercion in JSONLD_TERMS}
    nodes: list[tuple[tuple[int, str, str, str], dict[str, Any]]] = []
    for subject, pairs in about:
        node: dict[str, Any] = {"@id": _value(subject, "@id")}
        values: dict[Node, list[Node]] = defaultdict(list)
        for predicate, value in pairs:
            values[predicate].append(value)
        types = sorted(_compact(str(t)) for t in values.pop(RDF.type, ()))
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        properties: dict[str, Any] = {}
        for predicate, objects in values.items():
            key, coercion = terms.get(str(predicate), (_compact(str(predicate)), None))
            if len(objects) == 1:  # (most properties have one value: nothing to sort)
                properties[key] = _value(objects[0], coercion)
            else:
                properties[key] = [_value(o, coercion) for o in sorted(objects, key=_order)]
        node.update(sorted(properties.items()))
        nodes.append((_order(subject), node))
    nodes.sort(key=lambda pair: pair[0])
    embedded: str | dict[str, Any] = jsonld_context()["@context"] if context is None else context
    return {"@context": embedded, "@graph": [node for _, node in nodes]}


def _json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _node_lines(document: dict[str, Any]) -> str:
    """``document`` as JSON with its context indented and one node of its graph a line.

    json indents with its pure-Python encoder and writes unindented JSON with its C one,
    ten times faster (the indented graph.jsonld of 10,000 articles took 5 s to write);
    a node a line also keeps a diff of two builds' files to the nodes that changed.
    """
    context = json.dumps(document["@context"], ensure_ascii=False, indent=2)
    nodes = ",\n".join(f"    {json.dumps(n, ensure_ascii=False)}" for n in document["@graph"])
    graph = f"[\n{nodes}\n  ]" if nodes else "[]"
    context = context.replace("\n", "\n  ")
    return f'{{\n  "@context": {context},\n  "@graph": {graph}\n}}\n'


class TurtleExporter:
    name = "turtle"
    description = "graph.ttl: the merged graph as Turtle"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        return [write_atomic_with(out_dir / "graph.ttl", build.store.write_turtle)]


class TrigExporter:
    name = "trig"
    description = "graph.trig: one named graph per article, the build activity in the default graph"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        return [write_atomic_with(out_dir / "graph.trig", build.store.write_trig)]


class JsonLdExporter:
    name = "jsonld"
    description = "graph.jsonld: the merged graph as JSON-LD, context embedded (+ context.jsonld)"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        context = write_atomic(out_dir / CONTEXT_FILE, _json(jsonld_context()))
        document = jsonld_of(build.store.about_all())
        written = write_atomic(out_dir / "graph.jsonld", _node_lines(document))
        return [written, context]
