"""The network view of a civkg graph: who represents, signed or took part in what.

The GraphML/GEXF exporters and ``kg stats`` read the actor network out of RDF here.
The HTML map still has its own reader (``kg.exporters.map.data``), which picks labels
by another rule; making it use this one changes map.html, so it is a change of its own.
Reading the RDF (not pipeline objects) means a graph file from any build gives the same
network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, Literal, URIRef

from kg.graph.vocab import CIV, DCTERMS, ORG, ORG_CLASSES, SCHEMA, SKOS, rdf_class
from kg.schema import NODE_KINDS
from kg.text import LABEL_PRIORITY

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph
    from rdflib.term import Node

#: Node types of the network and the RDF class each is read from (``kg.schema``).
NODE_TYPES: tuple[tuple[str, URIRef], ...] = tuple((k.name, rdf_class(k)) for k in NODE_KINDS)
EDGE_TYPES: tuple[str, ...] = ("represents", "signed", "participated_in")

# untagged labels after the three languages, any other language last
_LANG_ORDER: dict[str | None, int] = {None: 3}
_LANG_ORDER.update(LABEL_PRIORITY)
_ORG_CLASS_NAMES = {str(iri): org_class.value for org_class, iri in ORG_CLASSES.items()}


def _pick(values: list[Node]) -> str | None:
    """One label out of several, the same one every time: kk, then ru, en, untagged."""
    literals = [v for v in values if isinstance(v, Literal)]
    if not literals:
        return None
    best = min(literals, key=lambda v: (_LANG_ORDER.get(v.language, 4), v.language or "", str(v)))
    return str(best)


def _tail(node: URIRef) -> str:
    return str(node).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _label(graph: Graph, node: URIRef, kind: str) -> str:
    if kind == "agreement":
        title = _pick(list(graph.objects(node, DCTERMS.title)))
        if title:
            return title
        what = "memorandum" if (node, RDF.type, CIV.Memorandum) in graph else "agreement"
        date = _pick(list(graph.objects(node, DCTERMS.date)))
        return f"{what} {date}" if date else what
    for predicate in (SKOS.prefLabel, RDFS.label, SCHEMA.name):
        found = _pick(list(graph.objects(node, predicate)))
        if found:
            return found
    return _tail(node)


def _org_class(graph: Graph, node: URIRef) -> str:
    names = sorted(
        _ORG_CLASS_NAMES[str(t)]
        for t in graph.objects(node, RDF.type)
        if str(t) in _ORG_CLASS_NAMES
    )
    return names[0] if names else ""


def _nodes(graph: Graph) -> dict[str, dict[str, Any]]:
    nodes: dict[str, dict[str, Any]] = {}
    for kind, cls in NODE_TYPES:
        for node in graph.subjects(RDF.type, cls):
            if not isinstance(node, URIRef) or str(node) in nodes:
                continue
            nodes[str(node)] = {
                "type": kind,
                "label": _label(graph, node, kind),
                "org_class": _org_class(graph, node) if kind == "organisation" else "",
            }
    return nodes


def _evidence_count(graph: Graph, fact: Node) -> int:
    return sum(1 for _ in graph.objects(fact, CIV.evidence))


def _edges(graph: Graph, nodes: dict[str, dict[str, Any]]) -> list[tuple[str, str, dict[str, Any]]]:
    edges: list[tuple[str, str, dict[str, Any]]] = []

    def add(source: Node, target: Node, kind: str, fact: Node, **extra: Any) -> None:
        if str(source) in nodes and str(target) in nodes:
            data = {"type": kind, "fact": str(fact), "weight": _evidence_count(graph, fact)}
            edges.append((str(source), str(target), {**data, **extra}))

    for membership in graph.subjects(RDF.type, ORG.Membership):
        roles = [
            _pick(list(graph.objects(r, SKOS.prefLabel)))
            for r in graph.objects(membership, ORG.role)
        ]
        role = min((r for r in roles if r), default="")
        for person in graph.objects(membership, ORG.member):
            for org in graph.objects(membership, ORG.organization):
                add(person, org, "represents", membership, role=role)
    for agreement in graph.subjects(RDF.type, CIV.Agreement):
        for party in graph.objects(agreement, CIV.party):
            add(party, agreement, "signed", agreement)
    for participation in graph.subjects(RDF.type, CIV.Participation):
        for who in graph.objects(participation, CIV.participant):
            for event in graph.objects(participation, CIV.event):
                add(who, event, "participated_in", participation)
    edges.sort(key=lambda e: (e[0], e[1], e[2]["type"], e[2].get("role", ""), e[2]["fact"]))
    return edges


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The actor network of ``graph``, inserted in sorted order so exports are deterministic.

    Nodes (persons, organisations, agreements, events) are keyed by IRI with ``type``,
    ``label``, ``org_class`` ("" when none) and ``degree``. Edges ``represents``,
    ``signed`` and ``participated_in`` have integer keys and ``type``, ``fact`` (the
    fact's IRI), ``weight`` (evidence sentences) and, on ``represents``, ``role``.
    """
    import networkx as nx

    nodes = _nodes(graph)
    edges = _edges(graph, nodes)
    network = nx.MultiDiGraph()
    for node in sorted(nodes):
        network.add_node(node, **nodes[node])
    for key, (source, target, data) in enumerate(edges):
        network.add_edge(source, target, key=key, **data)
    for node in network:
        network.nodes[node]["degree"] = int(network.degree(node))
    return network
