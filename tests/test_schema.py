"""The ontology is checked against the one table of node kinds (kg.schema)."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.graph.vocab import CIV, ORG, ontology_path, rdf_class
from kg.model import EntityType, OrgClass
from kg.schema import ENTITY_KINDS, NODE_KINDS, ORG_CLASS_NAMES


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path())


def test_every_node_class_is_in_the_ontology(ontology: Graph) -> None:
    for kind in NODE_KINDS:
        cls = rdf_class(kind)
        if str(cls).startswith(str(CIV)):
            assert (cls, RDF.type, OWL.Class) in ontology, kind
        else:  # a standard class: the ontology must at least use it (domain, range ...)
            assert next(ontology.triples((None, None, cls)), None) is not None, kind


def test_organisation_classes_and_the_ontology_agree(ontology: Graph) -> None:
    declared = {
        s
        for s in ontology.subjects(RDFS.subClassOf, ORG.Organization)
        if isinstance(s, URIRef) and (s, RDF.type, OWL.Class) in ontology
    }
    assert declared == {CIV[local] for local in ORG_CLASS_NAMES.values()}
    assert set(ORG_CLASS_NAMES) == set(OrgClass)


def test_every_entity_type_has_a_kind() -> None:
    assert set(ENTITY_KINDS) == set(EntityType)
    assert len({kind.name for kind in NODE_KINDS}) == len(NODE_KINDS)
