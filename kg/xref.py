"""Candidate pairs the linking rules did not merge, for an analyst to judge (``kg xref``).

Read from a built graph, so it works on any build folder: organisations that share a
proper part or an international body of their key (``kg.org_key``) and people who
share a surname, scored by how much of their names agree, each with one evidence
sentence per side. Pairs already judged distinct (``owl:differentFrom``) are left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from kg.graph.files import load_graph
from kg.iris import DEFAULT_BASE
from kg.org_key import org_atoms
from kg.person_name import PersonName
from kg.person_name import parse as parse_person
from kg.sparql.results import run_query

if TYPE_CHECKING:
    from rdflib import Graph

#: Pairs scoring below this are noise: they share one word of a long name.
MIN_SCORE = 0.3
#: A surname shorter than this is shared by too many people to propose a pair.
MIN_SURNAME = 4

_NODES = """
SELECT ?node ?kind ?name WHERE {
  VALUES (?class ?kind) { (org:Organization "organisation") (foaf:Person "person") }
  ?node a ?class ; skos:prefLabel ?name .
}"""
_EVIDENCE = """
SELECT ?node (MIN(STR(?sentence)) AS ?text) WHERE {
  { ?fact org:member ?node } UNION { ?fact org:organization ?node }
  UNION { ?fact civ:party ?node } UNION { ?fact civ:participant ?node }
  ?fact civ:evidence/civ:sentence ?sentence .
} GROUP BY ?node"""
_DIFFERENT = "SELECT ?a ?b WHERE { ?a owl:differentFrom ?b }"
_SAME = "SELECT ?a ?b WHERE { ?a owl:sameAs ?b }"
_ARTICLES = "SELECT ?article ?path WHERE { ?article civ:sourcePath ?path }"


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: str
    name: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two nodes that may be one actor."""

    score: float
    reason: str
    one: Node
    other: Node


@dataclass(frozen=True, slots=True)
class BuiltGraph:
    """What the curation commands need from a build: its nodes and what linking kept."""

    nodes: dict[str, Node]
    same_as: dict[str, str]  # absorbed id -> the node id that absorbed it
    different: frozenset[frozenset[str]]
    articles: dict[str, str]  # article id and source path -> article id

    def node(self, ident: str) -> Node | None:
        """The node ``ident`` names: its own id, or an id it absorbed."""
        return self.nodes.get(ident) or self.nodes.get(self.same_as.get(ident, ""))


def build_base(target: Path) -> str:
    """The IRI base the build in ``target`` (a folder or its graph file) minted ids under."""
    report = (target if target.is_dir() else target.parent) / "report.json"
    try:
        return str(json.loads(report.read_text(encoding="utf-8"))["base"])
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_BASE


def read_build(target: Path) -> BuiltGraph:
    """The nodes of the build folder (or graph file) ``target``."""

    graph: Graph = load_graph(target)
    base = build_base(target)

    def ident(value: str) -> str:
        return value[len(base) :] if value.startswith(base) else value

    evidence = {
        str(row[0]): str(row[1]) for row in run_query(graph, _EVIDENCE).rows if row[1] is not None
    }
    nodes: dict[str, Node] = {}
    for node, kind, name in run_query(graph, _NODES).rows:
        if node is None or kind is None or name is None:
            continue
        key = ident(node.value)
        found = Node(key, kind.value, name.value, evidence.get(node.value, ""))
        # One name per node, the same on every run.
        if key not in nodes or found.name < nodes[key].name:
            nodes[key] = found
    same = {ident(str(b)): ident(str(a)) for a, b in run_query(graph, _SAME).rows}
    different = frozenset(
        frozenset((ident(str(a)), ident(str(b)))) for a, b in run_query(graph, _DIFFERENT).rows
    )
    articles: dict[str, str] = {}
    for article, path in run_query(graph, _ARTICLES).rows:
        if article is not None and path is not None:
            article_id = article.value.rsplit("/", 1)[-1]
            articles[article_id] = article_id
            articles[path.value] = article_id
    return BuiltGraph(nodes, same, different, articles)


def _org_pairs(nodes: list[Node]) -> list[Candidate]:
    bags = {n.id: org_atoms(n.name) for n in nodes}
    by_atom: dict[str, list[Node]] = {}
    for node in nodes:
        for atom in bags[node.id]:
            if atom[:2] in ("p:", "a:"):
                by_atom.setdefault(atom, []).append(node)
    found: dict[tuple[str, str], Candidate] = {}
    for atom, sharing in sorted(by_atom.items()):
        for one, other in combinations(sorted(sharing, key=lambda n: n.id), 2):
            union = bags[one.id] | bags[other.id]
            score = len(bags[one.id] & bags[other.id]) / len(union)
            reason = "same acronym" if atom.startswith("a:") else "similar keys"
            if score >= MIN_SCORE and (one.id, other.id) not in found:
                found[(one.id, other.id)] = Candidate(round(score, 3), reason, one, other)
    return list(found.values())


def _person_pair(a: PersonName, b: PersonName) -> tuple[float, str] | None:
    """How likely two names sharing a word name one person, and why; None: not at all."""
    if a.fits(b) or b.fits(a):
        return 0.9, "initials fit"
    one, other = set(a.names), set(b.names)
    if one == other:
        return 0.8, "same name, other patronymic"
    if a.full and b.full and (one < other or other < one):
        return 0.7, "one name has another word"
    rest_a, rest_b = one - other, other - one
    if a.full and b.full and {w[0] for w in rest_a} == {w[0] for w in rest_b}:
        return 0.5, "shared name, same initials"
    return None


def _person_pairs(nodes: list[Node]) -> list[Candidate]:
    parsed = {n.id: parse_person(n.name) for n in nodes}
    by_word: dict[str, list[Node]] = {}
    for node in nodes:
        for word in parsed[node.id].names:
            if len(word) >= MIN_SURNAME:
                by_word.setdefault(word, []).append(node)
    found: dict[tuple[str, str], Candidate] = {}
    for _, sharing in sorted(by_word.items()):
        for one, other in combinations(sorted(sharing, key=lambda n: n.id), 2):
            found_pair = _person_pair(parsed[one.id], parsed[other.id])
            if found_pair is None:
                continue
            score, reason = found_pair
            if score >= MIN_SCORE and (one.id, other.id) not in found:
                found[(one.id, other.id)] = Candidate(round(score, 3), reason, one, other)
    return list(found.values())


def candidates(built: BuiltGraph, limit: int | None = None) -> list[Candidate]:
    """Pairs of nodes the rules kept apart that may be one actor, best first."""
    nodes = sorted(built.nodes.values(), key=lambda n: n.id)
    found = _org_pairs([n for n in nodes if n.kind == "organisation"])
    found += _person_pairs([n for n in nodes if n.kind == "person"])
    kept = [c for c in found if frozenset((c.one.id, c.other.id)) not in built.different]
    kept.sort(key=lambda c: (-c.score, c.one.kind, c.one.id, c.other.id))
    return kept[:limit] if limit is not None else kept
