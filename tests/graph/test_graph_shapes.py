"""SHACL: built graphs conform to the shapes; graphs that break the contract do not."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import pytest
from pyshacl import validate
from rdflib import RDF, Graph, Literal, URIRef

from kg.graph.vocab import CIV, ORG, PROV, SKOS, shapes_path


def conforms(graph: Graph) -> tuple[bool, str]:
    # pySHACL drives rdflib's Dataset, which warns about its own deprecated internals.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ok, _, text = validate(graph, shacl_graph=str(shapes_path()), inference="none")
    return bool(ok), str(text)


def test_sample_graph_conforms(graph: Graph) -> None:
    ok, text = conforms(graph)
    assert ok, text


def _copy(graph: Graph) -> Graph:
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    return broken


def _first(graph: Graph, cls: URIRef) -> URIRef:
    node = sorted(graph.subjects(RDF.type, cls), key=str)[0]
    assert isinstance(node, URIRef)
    return node


def drop_member(graph: Graph) -> None:
    graph.remove((_first(graph, ORG.Membership), ORG.member, None))


def drop_evidence(graph: Graph) -> None:
    graph.remove((_first(graph, CIV.Agreement), CIV.evidence, None))


def drop_memberships_behind_shortcuts(graph: Graph) -> None:
    for membership in list(graph.subjects(RDF.type, ORG.Membership)):
        graph.remove((membership, None, None))


def signed_by_a_non_party(graph: Graph) -> None:
    outsider = _first(graph, CIV.MediaOrganization)
    graph.add((outsider, CIV.signed, _first(graph, CIV.Agreement)))


def participation_without_shortcut(graph: Graph) -> None:
    graph.remove((None, CIV.participatedIn, None))


def string_offset(graph: Graph) -> None:
    evidence = _first(graph, CIV.Evidence)
    graph.set((evidence, CIV.startOffset, Literal("7")))


def reversed_offsets(graph: Graph) -> None:
    evidence = _first(graph, CIV.Evidence)
    graph.set((evidence, CIV.startOffset, Literal(10_000)))


def unlabelled_role(graph: Graph) -> None:
    graph.remove((_first(graph, ORG.Role), SKOS.prefLabel, None))


def agent_without_version(graph: Graph) -> None:
    agent = _first(graph, PROV.SoftwareAgent)
    graph.remove((agent, URIRef("https://schema.org/softwareVersion"), None))


def one_party(graph: Graph) -> None:
    agreement = _first(graph, CIV.Agreement)
    party = sorted(graph.objects(agreement, CIV.party), key=str)[0]
    graph.remove((agreement, CIV.party, party))


@pytest.mark.parametrize(
    ("breakage", "violation"),
    [
        (drop_member, "MinCountConstraintComponent"),
        (drop_evidence, "MinCountConstraintComponent"),
        (drop_memberships_behind_shortcuts, "has no org:Membership behind it"),
        (signed_by_a_non_party, "is not one of its civ:party values"),
        (participation_without_shortcut, "lacks the civ:participatedIn shortcut"),
        (string_offset, "DatatypeConstraintComponent"),
        (reversed_offsets, "LessThanConstraintComponent"),
        (unlabelled_role, "MinCountConstraintComponent"),
        (agent_without_version, "MinCountConstraintComponent"),
        (one_party, "MinCountConstraintComponent"),
    ],
)
def test_broken_graphs_do_not_conform(
    graph: Graph, breakage: Callable[[Graph], None], violation: str
) -> None:
    broken = _copy(graph)
    breakage(broken)
    assert set(broken) != set(graph)
    ok, text = conforms(broken)
    assert not ok
    assert violation in text
