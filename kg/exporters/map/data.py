"""What the map shows: the network of ``kg.views`` plus names, dates, evidence, articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rdflib import RDF, Literal, URIRef

from kg.graph.quadstore import computed_once
from kg.graph.vocab import CIV, DCTERMS, PROV, SCHEMA, SKOS
from kg.views import label_order, read_network

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node


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


def _names(graph: Graph, subject: URIRef) -> tuple[tuple[str, str], ...]:
    """Every spelling of a node with its language, preferred labels first, each group in
    the label order of ``kg.views`` (kk, ru, en, untagged, others)."""
    preferred = sorted(graph.objects(subject, SKOS.prefLabel), key=label_order)
    others = [*graph.objects(subject, SKOS.altLabel), *graph.objects(subject, DCTERMS.title)]
    others += list(graph.objects(subject, SCHEMA.name))
    names: dict[tuple[str, str], None] = {}
    for value in [*preferred, *sorted(others, key=label_order)]:
        names[(str(value), _lang(value))] = None
    return tuple(names)


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


def _evidence(graph: Graph, fact: str, article_index: dict[str, int]) -> tuple[MapEvidence, ...]:
    found: list[MapEvidence] = []
    for node in graph.objects(URIRef(fact), CIV.evidence):
        article = str(graph.value(node, PROV.wasDerivedFrom))
        start = graph.value(node, CIV.startOffset)
        found.append(
            MapEvidence(
                sentence=str(graph.value(node, CIV.sentence) or ""),
                article=article_index.get(article, -1),
                start=int(str(start)) if start is not None else 0,
            )
        )
    return tuple(sorted(found, key=lambda e: (e.article, e.start, e.sentence)))


def _mentioned_in(graph: Graph, article_index: dict[str, int]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = defaultdict(set)
    for iri, index in article_index.items():
        for entity in graph.objects(URIRef(iri), SCHEMA.mentions):
            found[str(entity)].add(index)
    return found


def read_map_data(graph: Graph) -> MapData:
    """Nodes, edges with their evidence, and articles of a civkg graph, sorted by IRI.

    The network itself (which nodes, their kind, label and class; which edges and their
    roles) is ``kg.views.read_network``, the reader GraphML and GEXF use, so a node is
    named alike in the map and in those files. What only the page shows (every spelling,
    dates, evidence sentences, articles) is read here, once for a build's graph.
    """
    return computed_once(graph, "map data", lambda: _read_map_data(graph))


def _read_map_data(graph: Graph) -> MapData:
    network = read_network(graph)
    by_iri = _articles(graph)
    article_iris = sorted(by_iri)
    article_index = {iri: n for n, iri in enumerate(article_iris)}
    index = {node.iri: n for n, node in enumerate(network.nodes)}
    articles = _mentioned_in(graph, article_index)
    edges: list[MapEdge] = []
    # The map numbers edges by fact, as it always has (the page's edge ids).
    for edge in sorted(network.edges, key=lambda e: (e.fact, e.type, e.source, e.target)):
        evidence = _evidence(graph, edge.fact, article_index)
        role = edge.role or None
        edges.append(
            MapEdge(edge.fact, edge.type, index[edge.source], index[edge.target], role, evidence)
        )
        for item in evidence:
            if item.article >= 0:
                articles[edge.source].add(item.article)
                articles[edge.target].add(item.article)
    nodes: list[MapNode] = []
    for node in network.nodes:
        subject = URIRef(node.iri)
        date = graph.value(subject, DCTERMS.date) or graph.value(subject, SCHEMA.startDate)
        nodes.append(
            MapNode(
                iri=node.iri,
                type=node.type,
                label=node.label,
                names=_names(graph, subject),
                org_class=node.org_class or None,
                date=_text(date),
                articles=tuple(sorted(articles.get(node.iri, ()))),
            )
        )
    return MapData(tuple(nodes), tuple(edges), tuple(by_iri[i] for i in article_iris))
