"""The RDF vocabulary civkg writes: namespaces, prefixes, JSON-LD terms, ontology files.

The ontology (``civkg.ttl``) and the shapes (``civkg-shapes.ttl``) are the published
contract; tests check that every ``civ:`` term the graph uses is declared there.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import RDFS, Namespace, URIRef

from kg.errors import GraphError
from kg.graph.namespaces import NAMESPACES
from kg.model import OrgClass
from kg.schema import ORG_CLASS_NAMES, NodeKind

CIV = Namespace(NAMESPACES["civ"])
ORG = Namespace(NAMESPACES["org"])
FOAF = Namespace(NAMESPACES["foaf"])
SKOS = Namespace(NAMESPACES["skos"])
SCHEMA = Namespace(NAMESPACES["schema"])
PROV = Namespace(NAMESPACES["prov"])
DCTERMS = Namespace(NAMESPACES["dcterms"])

#: Every prefix civkg binds when it writes or reads a graph, sorted by prefix.
PREFIXES: dict[str, Namespace] = {
    prefix: Namespace(NAMESPACES[prefix]) for prefix in sorted(NAMESPACES)
}

#: The RDF class of each finer organisation class (names from ``kg.schema``).
ORG_CLASSES: dict[OrgClass, URIRef] = {kind: CIV[local] for kind, local in ORG_CLASS_NAMES.items()}


def rdf_class(kind: NodeKind) -> URIRef:
    """The rdflib term of a node kind's class."""
    return URIRef(NAMESPACES[kind.prefix] + kind.local)


#: JSON-LD terms for context.jsonld: (term, property, coercion or None).
#: ``@id`` marks properties whose values are nodes; a datatype IRI marks typed literals.
JSONLD_TERMS: tuple[tuple[str, URIRef, str | None], ...] = (
    ("label", RDFS.label, None),
    ("prefLabel", SKOS.prefLabel, None),
    ("altLabel", SKOS.altLabel, None),
    ("member", ORG.member, "@id"),
    ("organization", ORG.organization, "@id"),
    ("role", ORG.role, "@id"),
    ("represents", CIV.represents, "@id"),
    ("party", CIV.party, "@id"),
    ("signed", CIV.signed, "@id"),
    ("title", DCTERMS.title, None),
    ("date", DCTERMS.date, "xsd:date"),
    ("name", SCHEMA.name, None),
    ("startDate", SCHEMA.startDate, "xsd:date"),
    ("location", SCHEMA.location, None),
    ("participatedIn", CIV.participatedIn, "@id"),
    ("participant", CIV.participant, "@id"),
    ("event", CIV.event, "@id"),
    ("headline", SCHEMA.headline, None),
    ("datePublished", SCHEMA.datePublished, "xsd:date"),
    ("inLanguage", SCHEMA.inLanguage, None),
    ("url", SCHEMA.url, "@id"),
    ("publisher", SCHEMA.publisher, None),
    ("sourcePath", CIV.sourcePath, None),
    ("mentions", SCHEMA.mentions, "@id"),
    ("evidence", CIV.evidence, "@id"),
    ("sentence", CIV.sentence, None),
    ("startOffset", CIV.startOffset, None),
    ("endOffset", CIV.endOffset, None),
    ("extractor", CIV.extractor, None),
    ("wasDerivedFrom", PROV.wasDerivedFrom, "@id"),
    ("wasGeneratedBy", PROV.wasGeneratedBy, "@id"),
    ("wasAssociatedWith", PROV.wasAssociatedWith, "@id"),
    ("softwareVersion", SCHEMA.softwareVersion, None),
)

_ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontologies"


def _shipped(name: str) -> Path:
    path = _ONTOLOGY_DIR / name
    if not path.is_file():
        raise GraphError(f"{path}: ontology file missing from the installed package")
    return path


def ontology_path() -> Path:
    """Path of the shipped OWL ontology ``civkg.ttl`` (installed or in a checkout)."""
    return _shipped("civkg.ttl")


def shapes_path() -> Path:
    """Path of the shipped SHACL shapes ``civkg-shapes.ttl`` (installed or in a checkout)."""
    return _shipped("civkg-shapes.ttl")
