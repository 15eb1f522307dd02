"""Counts and simple network measures of a graph, read back from RDF.

Working from the RDF graph (not from pipeline objects) means ``kg stats`` gives the
same numbers for a fresh build and for a graph file someone sent you.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.sparql.results import PREFIXES
from kg.views import to_networkx

if TYPE_CHECKING:
    from rdflib import Graph

_PREFIXES = "".join(f"PREFIX {prefix}: <{uri}>\n" for prefix, uri in PREFIXES.items())

_COUNTS = {
    "articles": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a schema:NewsArticle }",
    "people": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a foaf:Person }",
    "organisations": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a org:Organization }",
    "memberships": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a org:Membership }",
    "agreements": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a civ:Agreement }",
    "events": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a schema:Event }",
    "participations": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a civ:Participation }",
}

_TOP_ORGANISATIONS = """
SELECT ?org (SAMPLE(?name) AS ?label) (COUNT(DISTINCT ?person) AS ?members) WHERE {
  ?person civ:represents ?org .
  OPTIONAL { ?org skos:prefLabel ?name }
} GROUP BY ?org ORDER BY DESC(?members) ?org LIMIT %d
"""


@dataclass(frozen=True, slots=True)
class GraphStats:
    counts: dict[str, int]
    top_organisations: list[tuple[str, int]]
    components: int
    largest_component: int


def count(graph: Graph) -> dict[str, int]:
    """Distinct articles, people, organisations, memberships, agreements, events,
    participations and triples."""
    counts: dict[str, int] = {}
    for name, query in _COUNTS.items():
        row = next(iter(graph.query(_PREFIXES + query)))
        counts[name] = int(str(row[0]))  # type: ignore[index]
    counts["triples"] = len(graph)
    return counts


def graph_stats(graph: Graph, *, top: int = 10) -> GraphStats:
    """Counts, organisations with most members, and connected components of the network."""
    import networkx as nx

    tops = [
        (str(row[1] if row[1] is not None else row[0]), int(str(row[2])))  # type: ignore[index]
        for row in graph.query(_PREFIXES + _TOP_ORGANISATIONS % top)
    ]
    network = to_networkx(graph)
    components = list(nx.weakly_connected_components(network)) if len(network) else []
    return GraphStats(
        counts=count(graph),
        top_organisations=tops,
        components=len(components),
        largest_component=max((len(c) for c in components), default=0),
    )
