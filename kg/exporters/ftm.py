"""graph.ftm.json: the graph as FollowTheMoney entities, one JSON object per line.

So Aleph / OpenAleph and OpenSanctions tooling (``ftm``, nomenklatura) can import a
civkg build. Entities are made with the maintained ``followthemoney`` package, whose
model checks every property and value. The mapping:

- a person is a ``Person``; an organisation an ``Organization`` (a government body a
  ``PublicBody``, FtM's kind of organisation for it);
- a membership (``org:Membership``) is a ``Membership`` of member and organisation with
  its role, or a ``Representation`` (agent acting for a client) when the role is one of
  speaking for the body: representative, spokesperson, ambassador, envoy;
- an event is an ``Event`` with its participants as ``involved``;
- an agreement is a ``Contract``, FtM's nearest schema for a signed document between
  bodies: its parties are the contract's ``authority``, memoranda have type
  "memorandum".

Each entity's id is ``civkg-`` + its IRI's path (type, slug, hash), so the same graph
gives the same ids and an id can be traced back to the node; the evidence sentences go
in ``description`` and the articles' URLs in ``sourceUrl``. Lines are sorted by id and
values sorted, so identical graphs give identical bytes.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, URIRef

from kg.atomic import write_atomic
from kg.errors import ExportError
from kg.graph.vocab import CIV, DCTERMS, FOAF, ORG, ORG_CLASSES, PROV, SCHEMA, SKOS
from kg.model import OrgClass
from kg.views import _pick

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

    from kg.exporters.base import Build

FTM_FILE = "graph.ftm.json"

#: Role words (kk, ru, en; matched inside the folded role) of someone who speaks or acts
#: for the body rather than belonging to it: FtM calls that a Representation.
_AGENT_ROLES = re.compile(
    r"representative|spokes|ambassador|envoy|delegate|"
    r"представител|пресс-секретар|посол|посланник|делегат|"
    r"өкіл|баспасөз хатшы|елші",
    re.IGNORECASE,
)
_DESCRIPTION_LIMIT = 5  # evidence sentences per fact: enough to read, not a dump


def ftm_id(iri: str, base: str) -> str:
    """The FtM id of the node ``iri``: ``civkg-`` and its path, slashes as dashes."""
    # Outside the base (a graph built with another --base): the type and slug segments.
    tail = iri[len(base) :] if iri.startswith(base) else "/".join(iri.split("/")[-2:])
    return "civkg-" + re.sub(r"[^A-Za-z0-9.-]+", "-", tail).strip("-")


class _Reader:
    """What the mapping needs from the merged graph, read once."""

    def __init__(self, graph: Graph, base: str) -> None:
        self.graph = graph
        self.base = base

    def texts(self, node: Node, *predicates: Node) -> list[str]:
        values = {str(o) for p in predicates for o in self.graph.objects(node, p)}
        return sorted(v for v in values if v.strip())

    def label(self, node: Node) -> str | None:
        return _pick(list(self.graph.objects(node, SKOS.prefLabel))) or _pick(
            list(self.graph.objects(node, SCHEMA.name))
        )

    def evidence(self, fact: Node) -> tuple[list[str], list[str], list[str]]:
        """A fact's sentences, its articles' URLs and dates (each sorted, unique)."""
        sentences: set[str] = set()
        urls: set[str] = set()
        dates: set[str] = set()
        for node in self.graph.objects(fact, CIV.evidence):
            sentences.update(str(s) for s in self.graph.objects(node, CIV.sentence))
            for article in self.graph.objects(node, PROV.wasDerivedFrom):
                urls.update(str(u) for u in self.graph.objects(article, SCHEMA.url))
                dates.update(str(d) for d in self.graph.objects(article, SCHEMA.datePublished))
        return sorted(sentences), sorted(urls), sorted(dates)


def ftm_entities(graph: Graph, base: str) -> list[dict[str, Any]]:
    """The graph as FtM entity dicts (``EntityProxy.to_dict()``), sorted by id."""
    from followthemoney import model

    reader = _Reader(graph, base)
    entities: dict[str, Any] = {}

    def make(schema: str, iri: Node) -> Any:
        proxy = model.make_entity(schema)
        proxy.id = ftm_id(str(iri), base)
        entities[proxy.id] = proxy
        return proxy

    def add_evidence(proxy: Any, fact: Node) -> list[str]:
        sentences, urls, dates = reader.evidence(fact)
        if sentences:
            proxy.add("description", " | ".join(sentences[:_DESCRIPTION_LIMIT]))
        proxy.add("sourceUrl", urls, quiet=True)
        return dates

    def add_names(proxy: Any, node: Node) -> None:
        name = reader.label(node)
        proxy.add("name", name)
        others = set(reader.texts(node, SKOS.prefLabel, SKOS.altLabel)) - {name}
        proxy.add("alias", sorted(others))

    people = {str(p) for p in graph.subjects(RDF.type, FOAF.Person)}
    organisations = {str(o) for o in graph.subjects(RDF.type, ORG.Organization)}
    for iri in sorted(people):
        add_names(make("Person", URIRef(iri)), URIRef(iri))
    government = ORG_CLASSES[OrgClass.GOVERNMENT]
    for iri in sorted(organisations):
        node = URIRef(iri)
        schema = "PublicBody" if (node, RDF.type, government) in graph else "Organization"
        add_names(make(schema, node), node)

    for fact in sorted(graph.subjects(RDF.type, ORG.Membership), key=str):
        members = [m for m in graph.objects(fact, ORG.member) if str(m) in people]
        bodies = [o for o in graph.objects(fact, ORG.organization) if str(o) in organisations]
        if not members or not bodies:
            continue
        roles = sorted(
            r for role in graph.objects(fact, ORG.role) for r in reader.texts(role, SKOS.prefLabel)
        )
        agent = any(_AGENT_ROLES.search(r) for r in roles)
        proxy = make("Representation" if agent else "Membership", fact)
        proxy.add("agent" if agent else "member", ftm_id(str(members[0]), base))
        proxy.add("client" if agent else "organization", ftm_id(str(bodies[0]), base))
        proxy.add("role", roles)
        # The articles' dates say when it was reported, not when it began: "date".
        proxy.add("date", add_evidence(proxy, fact))

    events = sorted(graph.subjects(RDF.type, SCHEMA.Event), key=str)
    involved: dict[str, set[str]] = defaultdict(set)
    for participation in graph.subjects(RDF.type, CIV.Participation):
        for event in graph.objects(participation, CIV.event):
            for who in graph.objects(participation, CIV.participant):
                if str(who) in people or str(who) in organisations:
                    involved[str(event)].add(ftm_id(str(who), base))
    for event in events:
        proxy = make("Event", event)
        add_names(proxy, event)
        proxy.add("startDate", reader.texts(event, SCHEMA.startDate))
        proxy.add("location", reader.texts(event, SCHEMA.location))
        proxy.add("involved", sorted(involved[str(event)]))

    for agreement in sorted(graph.subjects(RDF.type, CIV.Agreement), key=str):
        proxy = make("Contract", agreement)
        memorandum = (agreement, RDF.type, CIV.Memorandum) in graph
        kind = "memorandum" if memorandum else "agreement"
        titles = reader.texts(agreement, DCTERMS.title)
        dates = reader.texts(agreement, DCTERMS.date)
        proxy.add("title", titles or [f"{kind} {dates[0]}" if dates else kind])
        proxy.add("name", titles[:1] or [kind])
        proxy.add("type", kind)
        proxy.add("contractDate", dates)
        parties = [p for p in graph.objects(agreement, CIV.party) if str(p) in organisations]
        proxy.add("authority", sorted(ftm_id(str(p), base) for p in parties))
        add_evidence(proxy, agreement)

    return [_sorted(entities[key].to_dict()) for key in sorted(entities)]


def _sorted(entity: dict[str, Any]) -> dict[str, Any]:
    properties = {k: sorted(v) for k, v in sorted(entity.get("properties", {}).items())}
    return {"id": entity["id"], "schema": entity["schema"], "properties": properties}


def ftm_bytes(graph: Graph, base: str) -> bytes:
    """The entities as JSON lines (UTF-8), one entity per line."""
    lines = [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in ftm_entities(graph, base)]
    return "".join(line + "\n" for line in lines).encode("utf-8")


class FtmExporter:
    name = "ftm"
    description = "graph.ftm.json: FollowTheMoney entities (JSON lines) for Aleph / OpenSanctions"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        try:
            import followthemoney  # noqa: F401
        except ImportError:
            raise ExportError(
                '--format ftm needs followthemoney: pip install "civkg[ftm]"'
            ) from None
        return [write_atomic(out_dir / FTM_FILE, ftm_bytes(build.graph, build.base))]
