"""The network view of a civkg graph: who represents, signed or took part in what.

The one reader of the actor network out of RDF: GraphML/GEXF, ``kg stats`` and the HTML
map all read nodes (kind, label, organisation class) and edges (kind, ends, fact, role,
weight) here, so a node has the same name in every output. Reading the RDF (not pipeline
objects) means a graph file from any build gives the same network.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, Literal, URIRef

from kg.graph.quadstore import computed_once
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


@dataclass(frozen=True, slots=True)
class NetworkNode:
    """A person, organisation, agreement or event; ``org_class`` is "" when none."""

    iri: str
    type: str
    label: str
    org_class: str


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    """One fact as an edge; ``weight`` counts its evidence, ``role`` is on ``represents``."""

    source: str
    target: str
    type: str
    fact: str
    weight: int
    role: str | None


@dataclass(frozen=True, slots=True)
class Network:
    """Nodes sorted by IRI; edges sorted by source, target, type, role and fact."""

    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]


def label_order(value: Node) -> tuple[int, str, str]:
    """Sort key putting kk first, then ru, en, untagged and any other language."""
    language = value.language if isinstance(value, Literal) else None
    return (_LANG_ORDER.get(language, 4), language or "", str(value))


def _pick(values: list[Node]) -> str | None:
    """One label out of several, the same one every time: kk, then ru, en, untagged."""
    literals = [v for v in values if isinstance(v, Literal)]
    if not literals:
        return None
    return str(min(literals, key=label_order))


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


def _nodes(graph: Graph) -> dict[str, NetworkNode]:
    nodes: dict[str, NetworkNode] = {}
    for kind, cls in NODE_TYPES:
        for node in graph.subjects(RDF.type, cls):
            # a node typed twice is the kind NODE_KINDS names first
            if not isinstance(node, URIRef) or str(node) in nodes:
                continue
            nodes[str(node)] = NetworkNode(
                iri=str(node),
                type=kind,
                label=_label(graph, node, kind),
                org_class=_org_class(graph, node) if kind == "organisation" else "",
            )
    return nodes


def _evidence_count(graph: Graph, fact: Node) -> int:
    return sum(1 for _ in graph.objects(fact, CIV.evidence))


def _edges(graph: Graph, nodes: dict[str, NetworkNode]) -> list[NetworkEdge]:
    edges: list[NetworkEdge] = []

    def add(source: Node, target: Node, kind: str, fact: Node, role: str | None = None) -> None:
        if str(source) in nodes and str(target) in nodes:
            weight = _evidence_count(graph, fact)
            edges.append(NetworkEdge(str(source), str(target), kind, str(fact), weight, role))

    for membership in graph.subjects(RDF.type, ORG.Membership):
        roles = [
            _pick(list(graph.objects(r, SKOS.prefLabel)))
            for r in graph.objects(membership, ORG.role)
        ]
        role = min((r for r in roles if r), default="")
        for person in graph.objects(membership, ORG.member):
            for org in graph.objects(membership, ORG.organization):
                add(person, org, "represents", membership, role)
    for agreement in graph.subjects(RDF.type, CIV.Agreement):
        for party in graph.objects(agreement, CIV.party):
            add(party, agreement, "signed", agreement)
    for participation in graph.subjects(RDF.type, CIV.Participation):
        for who in graph.objects(participation, CIV.participant):
            for event in graph.objects(participation, CIV.event):
                add(who, event, "participated_in", participation)
    edges.sort(key=lambda e: (e.source, e.target, e.type, e.role or "", e.fact))
    return edges


def read_network(graph: Graph) -> Network:
    """The actor network of ``graph``: every node of a ``kg.schema`` kind and every fact
    between two of them, in a deterministic order.

    A membership's role is its role's label by the same language rule as node labels
    ("" when it has none); ``signed`` runs from each party to the agreement. Read once
    for a build's graph, which the map, GraphML, GEXF and the tables all read.
    """
    return computed_once(graph, "network", lambda: _read_network(graph))


def _read_network(graph: Graph) -> Network:
    nodes = _nodes(graph)
    edges = _edges(graph, nodes)
    return Network(tuple(nodes[iri] for iri in sorted(nodes)), tuple(edges))


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The actor network of ``graph``, inserted in sorted order so exports are deterministic.

    Nodes (persons, organisations, agreements, events) are keyed by IRI with ``type``,
    ``label``, ``org_class`` ("" when none) and ``degree``. Edges ``represents``,
    ``signed`` and ``participated_in`` have integer keys and ``type``, ``fact`` (the
    fact's IRI), ``weight`` (evidence sentences) and, on ``represents``, ``role``.
    """
    import networkx as nx

    view = read_network(graph)
    network = nx.MultiDiGraph()
    for node in view.nodes:
        network.add_node(node.iri, type=node.type, label=node.label, org_class=node.org_class)
    for key, edge in enumerate(view.edges):
        data: dict[str, Any] = {"type": edge.type, "fact": edge.fact, "weight": edge.weight}
        if edge.role is not None:
            data["role"] = edge.role
        network.add_edge(edge.source, edge.target, key=key, **data)
    for node_iri in network:
        network.nodes[node_iri]["degree"] = int(network.degree(node_iri))
    return network
