"""The published ontology and shapes: they parse, ship with the package, cover the graph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SH, Graph, Literal, URIRef

from kg.graph.vocab import CIV, ORG, ORG_CLASSES, SCHEMA, ontology_path, shapes_path

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = {"en", "kk", "ru"}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path())


def civ_terms(ontology: Graph) -> set[URIRef]:
    return {
        s
        for cls in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in ontology.subjects(RDF.type, cls)
        if isinstance(s, URIRef) and s.startswith(str(CIV))
    }


def languages(graph: Graph, term: URIRef, predicate: URIRef) -> set[str | None]:
    return {v.language for v in graph.objects(term, predicate) if isinstance(v, Literal)}


def test_every_term_is_labelled_in_three_languages_and_commented(ontology: Graph) -> None:
    terms = civ_terms(ontology)
    assert terms
    for term in terms:
        labels = {
            lbl.language for lbl in ontology.objects(term, RDFS.label) if isinstance(lbl, Literal)
        }
        assert labels == LANGUAGES, term
        comments = {
            c.language for c in ontology.objects(term, RDFS.comment) if isinstance(c, Literal)
        }
        assert "en" in comments, term


def test_every_property_has_domain_and_range(ontology: Graph) -> None:
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(
        ontology.subjects(RDF.type, OWL.DatatypeProperty)
    )
    for prop in properties:
        domain = {RDFS.domain, SCHEMA.domainIncludes} & set(ontology.predicates(prop))
        range_ = {RDFS.range, SCHEMA.rangeIncludes} & set(ontology.predicates(prop))
        assert domain and range_, prop


def test_class_and_property_hierarchy(ontology: Graph) -> None:
    for cls in ORG_CLASSES.values():
        assert (cls, RDFS.subClassOf, ORG.Organization) in ontology
    assert (CIV.Memorandum, RDFS.subClassOf, CIV.Agreement) in ontology
    assert (CIV.represents, RDFS.subPropertyOf, ORG.memberOf) in ontology


def test_ontology_declares_exactly_the_terms_civkg_writes(ontology: Graph, graph: Graph) -> None:
    used = {p for p in graph.predicates() if str(p).startswith(str(CIV))}
    used |= {o for o in graph.objects(None, RDF.type) if str(o).startswith(str(CIV))}
    used |= set(ORG_CLASSES.values())
    assert used == civ_terms(ontology)


def test_readme_counts_match_the_ontology(ontology: Graph) -> None:
    readme = (REPO / "ontologies" / "README.md").read_text(encoding="utf-8")
    found = re.search(r"(\d+) classes, (\d+) properties", readme)
    assert found is not None
    classes = {t for t in civ_terms(ontology) if (t, RDF.type, OWL.Class) in ontology}
    assert (int(found[1]), int(found[2])) == (len(classes), len(civ_terms(ontology)) - len(classes))


def test_shapes_parse_and_target_known_classes(ontology: Graph) -> None:
    shapes = Graph().parse(shapes_path())
    targets = set(shapes.objects(None, SH.targetClass))
    assert CIV.Evidence in targets and ORG.Membership in targets
    for target in targets:
        if str(target).startswith(str(CIV)):
            assert (target, RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", ["civkg.ttl", "civkg-shapes.ttl"])
def test_published_files_are_the_package_files(name: str) -> None:
    # One file, not two copies: ontologies/ at the top links to what the package ships.
    published = REPO / "ontologies" / name
    shipped = ontology_path() if name == "civkg.ttl" else shapes_path()
    assert published.is_symlink()
    assert published.resolve() == shipped.resolve()
