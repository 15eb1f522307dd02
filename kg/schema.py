"""One table of the kinds of node civkg writes: each kind's name and its RDF class.

Schema as data (as FollowTheMoney keeps it): the RDF bridge types nodes from this table,
the network and map readers find them by it, and a test checks the ontology against it.
Classes are written as (prefix, local name) so this module needs neither rdflib nor the
vocabulary; ``kg.graph.vocab.rdf_class`` turns an entry into an rdflib term.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import EntityType, OrgClass


@dataclass(frozen=True, slots=True)
class NodeKind:
    """A kind of network node: its name in the network and map, and its RDF class."""

    name: str
    prefix: str
    local: str

    @property
    def curie(self) -> str:
        """The class as SPARQL and Turtle write it, e.g. ``foaf:Person``."""
        return f"{self.prefix}:{self.local}"


PERSON = NodeKind("person", "foaf", "Person")
ORGANISATION = NodeKind("organisation", "org", "Organization")
AGREEMENT = NodeKind("agreement", "civ", "Agreement")
EVENT = NodeKind("event", "schema", "Event")

#: Every node kind, in the order the network and the map read them.
NODE_KINDS: tuple[NodeKind, ...] = (PERSON, ORGANISATION, AGREEMENT, EVENT)

#: The node kind of each entity type (agreements are facts, not entities).
ENTITY_KINDS: dict[EntityType, NodeKind] = {
    EntityType.PERSON: PERSON,
    EntityType.ORGANISATION: ORGANISATION,
    EntityType.EVENT: EVENT,
}

#: The ``civ:`` subclass of ``org:Organization`` of each finer organisation class.
ORG_CLASS_NAMES: dict[OrgClass, str] = {
    OrgClass.NGO: "NGO",
    OrgClass.GOVERNMENT: "GovernmentBody",
    OrgClass.INTERNATIONAL: "InternationalOrganization",
    OrgClass.COMPANY: "Company",
    OrgClass.MEDIA: "MediaOrganization",
    OrgClass.EDUCATION: "EducationalOrganization",
}
