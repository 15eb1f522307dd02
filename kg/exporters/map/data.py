"""What the map shows, read from a civkg RDF graph: nodes, edges, evidence, articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rdflib import RDF, Literal, URIRef

from kg.graph.vocab import CIV, DCTERMS, ORG, ORG_CLASSES, PROV, SCHEMA, SKOS, rdf_class
from kg.schema import NODE_KINDS, ORGANISATION

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

NODE_TYPES: tuple[str, ...] = tuple(kind.name for kind in NODE_KINDS)
EDGE_TYPES: tuple[str, ...] = ("represents", "signed", "participated_in")


@dataclass(frozen=True, slots=True)
class MapArticle:
    """An article that evidence points at; ``url`` only when it is an http(s) link."""

    iri: str
    title: str | None
    date: str | None
    lang: str
    url: str | None
    path: str | None


@dataclass(frozen=True, slots=True)
class MapEvidence:
    """One sentence supporting an edge, and the index of its article."""

    sentence: str
    article: int
    start: int


@dataclass(frozen=True, slots=True)
class MapNode:
    """A person, organisation, agreement or event; ``names`` are (text, lang) pairs."""

    iri: str
    type: str
    label: str
    names: tuple[tuple[str, str], ...]
    org_class: str | None
    date: str | None
    articles: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MapEdge:
    """One fact drawn as an edge from ``source`` to ``target`` (node indices)."""

    iri: str
    type: str
    source: int
    target: int
    role: str | None
    evidence: tuple[MapEvidence, ...]


@dataclass(frozen=True, slots=True)
class MapData:
    """Everything the page needs, in a deterministic order."""

    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    articles: tuple[MapArticle, ...]

    def degrees(self) -> list[int]:
        """Number of edges at each node, by node index."""
        counts = [0] * len(self.nodes)
        for edge in self.edges:
            counts[edge.source] += 1
            counts[edge.target] += 1
        return counts

    def subset(self, keep: Iterable[int]) -> MapData:
        """The map restricted to the nodes ``keep``, the edges and articles they use."""
        kept = sorted(set(keep))
        new_index = {old: new for new, old in enumerate(kept)}
        edges = [e for e in self.edges if e.source in new_index and e.target in new_index]
        used = {a for n in kept for a in self.nodes[n].articles}
        used |= {e.article for edge in edges for e in edge.evidence if e.article >= 0}
        new_article = {old: new for new, old in enumerate(sorted(used))}
        return MapData(
            nodes=tuple(
                replace(
                    self.nodes[n],
                    articles=tuple(new_article[a] for a in self.nodes[n].articles),
                )
                for n in kept
            ),
            edges=tuple(
                replace(
                    edge,
                    source=new_index[edge.source],
                    target=new_index[edge.target],
                    evidence=tuple(
                        replace(e, article=new_article.get(e.article, -1)) for e in edge.evidence
                    ),
                )
                for edge in edges
            ),
            articles=tuple(self.articles[a] for a in sorted(used)),
        )


def _text(value: Node | None) -> str | None:
    return None if value is None else str(value)


def _lang(value: Node) -> str:

    return (value.language or "und") if isinstance(value, Literal) else "und"


def _names(graph: Graph, subject: Node) -> tuple[str, tuple[tuple[str, str], ...]]:

    preferred = sorted(graph.objects(subject, SKOS.prefLabel), key=lambda v: (_lang(v), str(v)))
    others = [*graph.objects(subject, SKOS.altLabel), *graph.objects(subject, DCTERMS.title)]
    others += list(graph.objects(subject, SCHEMA.name))
    names: dict[tuple[str, str], None] = {}
    for value in [*preferred, *sorted(others, key=lambda v: (_lang(v), str(v)))]:
        names[(str(value), _lang(value))] = None
    label = str(preferred[0]) if preferred else next(iter(names), ("", ""))[0]
    return label, tuple(names)


def _articles(graph: Graph) -> dict[str, MapArticle]:

    found: dict[str, MapArticle] = {}
    for node in graph.subjects(RDF.type, SCHEMA.NewsArticle):
        url = _text(graph.value(node, SCHEMA.url))
        found[str(node)] = MapArticle(
            iri=str(node),
            title=_text(graph.value(node, SCHEMA.headline)),
            date=_text(graph.value(node, SCHEMA.datePublished)),
            lang=_text(graph.value(node, SCHEMA.inLanguage)) or "und",
            # Only web links become clickable; anything else (javascript:, file:) is not.
            url=url if url and url.lower().startswith(("http://", "https://")) else None,
            path=_text(graph.value(node, CIV.sourcePath)),
        )
    return found


class _Reader:
    """Collects nodes and edges from one graph; indices are assigned after sorting."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        by_iri = _articles(graph)
        self.article_iris = sorted(by_iri)
        self.articles = tuple(by_iri[i] for i in self.article_iris)
        self.article_index = {iri: n for n, iri in enumerate(self.article_iris)}
        self.node_types: dict[str, tuple[str, str | None]] = {}
        self.raw_edges: list[tuple[str, str, str, str, str | None]] = []

    def collect_nodes(self) -> None:

        classes = {str(iri): str(kind) for kind, iri in ORG_CLASSES.items()}
        for kind in NODE_KINDS:
            for node in self.graph.subjects(RDF.type, rdf_class(kind)):
                org_class = None
                if kind is ORGANISATION:
                    found = sorted(
                        classes[str(t)]
                        for t in self.graph.objects(node, RDF.type)
                        if str(t) in classes
                    )
                    org_class = found[0] if found else None
                # a later kind overwrites an earlier one, as the map always read them
                self.node_types[str(node)] = (kind.name, org_class)

    def collect_edges(self) -> None:

        graph = self.graph
        for fact in graph.subjects(RDF.type, ORG.Membership):
            role_node = graph.value(fact, ORG.role)
            role = None if role_node is None else _text(graph.value(role_node, SKOS.prefLabel))
            for person in graph.objects(fact, ORG.member):
                for org in graph.objects(fact, ORG.organization):
                    self.raw_edges.append((str(fact), "represents", str(person), str(org), role))
        for fact in graph.subjects(RDF.type, CIV.Agreement):
            for party in graph.objects(fact, CIV.party):
                self.raw_edges.append((str(fact), "signed", str(party), str(fact), None))
        for fact in graph.subjects(RDF.type, CIV.Participation):
            for who in graph.objects(fact, CIV.participant):
                for event in graph.objects(fact, CIV.event):
                    self.raw_edges.append(
                        (str(fact), "participated_in", str(who), str(event), None)
                    )

    def evidence(self, fact: str) -> tuple[MapEvidence, ...]:

        found: list[MapEvidence] = []
        for node in self.graph.objects(URIRef(fact), CIV.evidence):
            article = str(self.graph.value(node, PROV.wasDerivedFrom))
            start = self.graph.value(node, CIV.startOffset)
            found.append(
                MapEvidence(
                    sentence=str(self.graph.value(node, CIV.sentence) or ""),
                    article=self.article_index.get(article, -1),
                    start=int(str(start)) if start is not None else 0,
                )
            )
        return tuple(sorted(found, key=lambda e: (e.article, e.start, e.sentence)))

    def mentioned_in(self) -> dict[str, set[int]]:

        found: dict[str, set[int]] = defaultdict(set)
        for iri, index in self.article_index.items():
            for entity in self.graph.objects(URIRef(iri), SCHEMA.mentions):
                found[str(entity)].add(index)
        return found


def _fallback_label(graph: Graph, iri: str, kind: str, date: str | None) -> str:
    """A readable label for a node without names (an untitled agreement, say)."""

    if kind == "agreement":
        memorandum = (URIRef(iri), RDF.type, CIV.Memorandum) in graph
        word = "Memorandum" if memorandum else "Agreement"
        return f"{word} {date}" if date else word
    return iri.rsplit("/", 1)[-1]


def read_map_data(graph: Graph) -> MapData:
    """Nodes, edges with their evidence, and articles of a civkg graph, sorted by IRI."""

    reader = _Reader(graph)
    reader.collect_nodes()
    reader.collect_edges()
    iris = sorted(reader.node_types)
    index = {iri: n for n, iri in enumerate(iris)}
    articles = reader.mentioned_in()
    edges: list[MapEdge] = []
    for fact, kind, source, target, role in sorted(reader.raw_edges, key=lambda e: e[:4]):
        if source not in index or target not in index:
            continue
        evidence = reader.evidence(fact)
        edge = MapEdge(fact, kind, index[source], index[target], role, evidence)
        edges.append(edge)
        for item in evidence:
            if item.article >= 0:
                articles[source].add(item.article)
                articles[target].add(item.article)
    nodes: list[MapNode] = []
    for iri in iris:
        kind, org_class = reader.node_types[iri]
        label, names = _names(graph, URIRef(iri))
        date = graph.value(URIRef(iri), DCTERMS.date) or graph.value(URIRef(iri), SCHEMA.startDate)
        nodes.append(
            MapNode(
                iri=iri,
                type=kind,
                label=label or _fallback_label(graph, iri, kind, _text(date)),
                names=names,
                org_class=org_class,
                date=_text(date),
                articles=tuple(sorted(articles.get(iri, ()))),
            )
        )
    return MapData(tuple(nodes), tuple(edges), reader.articles)
