"""The single bridge from model objects to RDF (graph files are read by ``kg.graph.files``).

Every node gets an IRI (``base`` + a deterministic id) and no node is blank, so the
graphs of two articles merge by plain set union: the same person or membership found
twice becomes one node carrying both pieces of evidence.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import singledispatch
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from kg.errors import GraphError
from kg.graph.quadstore import GraphStore
from kg.graph.vocab import (
    CIV,
    DCTERMS,
    ORG,
    ORG_CLASSES,
    PREFIXES,
    PROV,
    SCHEMA,
    SKOS,
    rdf_class,
)
from kg.iris import agent_id, article_node_id, evidence_id, role_id
from kg.model import (
    UNDETERMINED,
    Agreement,
    AgreementKind,
    Article,
    ArticleResult,
    BuildActivity,
    Entity,
    EntityType,
    Evidence,
    Fact,
    Label,
    Membership,
    Participation,
)
from kg.schema import ENTITY_KINDS

__all__ = [
    "activity_graph",
    "activity_iri",
    "agent_iri",
    "article_graph",
    "article_iri",
    "bind_prefixes",
    "dataset_quads",
    "evidence_iri",
    "role_iri",
    "to_dataset",
    "to_store",
]

_Triple = tuple[URIRef, URIRef, URIRef | Literal]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S")
# Characters an IRI may not contain (RFC 3987); percent-encoded so a scraped URL with a
# stray space still becomes a valid IRI rather than breaking every serialiser.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def bind_prefixes(graph: Graph) -> None:
    """Bind civkg's prefixes (civ, org, foaf, skos, schema, prov, dcterms, ...) on ``graph``."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def article_iri(base: str, article_id: str) -> URIRef:
    """IRI of an article node: ``base + "article/" + id``."""
    return URIRef(base + article_node_id(article_id))


def role_iri(base: str, role: Label) -> URIRef:
    """IRI of the ``org:Role`` named by ``role`` (same name and language, same role)."""
    return URIRef(base + role_id(role))


def evidence_iri(base: str, fact_id: str, evidence: Evidence) -> URIRef:
    """IRI of the evidence node for one sentence supporting one fact."""
    return URIRef(base + evidence_id(fact_id, evidence))


def activity_iri(base: str, activity: BuildActivity) -> URIRef:
    """IRI of the build run (``prov:Activity``)."""
    return URIRef(base + activity.id)


def agent_iri(base: str, version: str) -> URIRef:
    """IRI of the civkg release that ran the build (``prov:SoftwareAgent``)."""
    return URIRef(base + agent_id(version))


def _text(text: str, lang: str) -> Literal:
    return Literal(text) if lang in ("", UNDETERMINED) else Literal(text, lang=lang)


def _label(label: Label) -> Literal:
    return _text(label.text, label.lang)


def _date(value: str | None) -> Literal | None:
    """``value`` as an ``xsd:date``; anything but a real YYYY-MM-DD date is left out."""
    if not value or not _ISO_DATE.fullmatch(value):
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return Literal(value, datatype=XSD.date)


def _url(value: str | None) -> URIRef | None:
    if not value or not _URL_SCHEME.match(value.strip()):
        return None
    return URIRef(_NOT_IN_IRI.sub(lambda m: f"%{ord(m.group()):02X}", value.strip()))


def _article_triples(article: Article, base: str) -> Iterator[_Triple]:
    node = article_iri(base, article.id)
    yield node, RDF.type, SCHEMA.NewsArticle
    yield node, CIV.sourcePath, Literal(article.source_path)
    if article.title:
        yield node, SCHEMA.headline, _text(article.title, article.lang)
    if (published := _date(article.date)) is not None:
        yield node, SCHEMA.datePublished, published
    if article.lang != UNDETERMINED:
        yield node, SCHEMA.inLanguage, Literal(article.lang)
    if (url := _url(article.url)) is not None:
        yield node, SCHEMA.url, url
    if article.publisher:
        yield node, SCHEMA.publisher, Literal(article.publisher)


def _entity_triples(entity: Entity, base: str) -> Iterator[_Triple]:
    node = URIRef(base + entity.id)
    name = _label(entity.name)
    yield node, RDF.type, rdf_class(ENTITY_KINDS[entity.type])
    if entity.type is EntityType.ORGANISATION:
        if entity.org_class is not None:
            yield node, RDF.type, ORG_CLASSES[entity.org_class]
    elif entity.type is EntityType.EVENT:
        yield node, SCHEMA.name, name
        if (start := _date(entity.date)) is not None:
            yield node, SCHEMA.startDate, start
        if entity.place:
            yield node, SCHEMA.location, _text(entity.place, entity.name.lang)
    yield node, SKOS.prefLabel, name
    yield node, RDFS.label, name
    for alias in entity.aliases:
        yield node, SKOS.altLabel, _label(alias)


def _evidence_triples(
    fact_node: URIRef, fact_id: str, evidence: Evidence, article: Article, base: str, run: URIRef
) -> Iterator[_Triple]:
    node = evidence_iri(base, fact_id, evidence)
    lang = article.lang if evidence.article_id == article.id else UNDETERMINED
    yield fact_node, CIV.evidence, node
    yield node, RDF.type, CIV.Evidence
    yield node, CIV.sentence, _text(evidence.sentence, lang)
    yield node, CIV.startOffset, Literal(evidence.start)
    yield node, CIV.endOffset, Literal(evidence.end)
    yield node, CIV.extractor, Literal(evidence.extractor)
    yield node, PROV.wasDerivedFrom, article_iri(base, evidence.article_id)
    yield node, PROV.wasGeneratedBy, run


@singledispatch
def _fact_triples(fact: Fact, base: str) -> Iterator[_Triple]:
    """The triples of one fact; each kind of fact registers its own below."""
    raise GraphError(f"{fact.id}: no RDF for a fact of kind {type(fact).__name__}")


@_fact_triples.register(Membership)
def _membership_triples(fact: Membership, base: str) -> Iterator[_Triple]:
    node = URIRef(base + fact.id)
    person, org = URIRef(base + fact.person), URIRef(base + fact.organisation)
    yield node, RDF.type, ORG.Membership
    yield node, ORG.member, person
    yield node, ORG.organization, org
    yield person, CIV.represents, org
    if fact.role is not None:
        role = role_iri(base, fact.role)
        yield node, ORG.role, role
        yield role, RDF.type, ORG.Role
        yield role, SKOS.prefLabel, _label(fact.role)
        yield role, RDFS.label, _label(fact.role)


@_fact_triples.register(Agreement)
def _agreement_triples(fact: Agreement, base: str) -> Iterator[_Triple]:
    node = URIRef(base + fact.id)
    yield node, RDF.type, CIV.Agreement
    if fact.kind is AgreementKind.MEMORANDUM:
        yield node, RDF.type, CIV.Memorandum
    for party in fact.parties:
        yield node, CIV.party, URIRef(base + party)
        yield URIRef(base + party), CIV.signed, node
    if fact.title is not None:
        yield node, DCTERMS.title, _label(fact.title)
    if (signed := _date(fact.date)) is not None:
        yield node, DCTERMS.date, signed


@_fact_triples.register(Participation)
def _participation_triples(fact: Participation, base: str) -> Iterator[_Triple]:
    node = URIRef(base + fact.id)
    who, event = URIRef(base + fact.participant), URIRef(base + fact.event)
    yield node, RDF.type, CIV.Participation
    yield node, CIV.participant, who
    yield node, CIV.event, event
    yield who, CIV.participatedIn, event


def _result_triples(result: ArticleResult, activity: BuildActivity, base: str) -> Iterator[_Triple]:
    article = result.article
    node = article_iri(base, article.id)
    run = activity_iri(base, activity)
    yield from _article_triples(article, base)
    known = {entity.id for entity in result.entities}
    for entity in result.entities:
        yield node, SCHEMA.mentions, URIRef(base + entity.id)
        yield from _entity_triples(entity, base)
    for fact in result.facts:
        missing = sorted(set(fact.entity_ids) - known)
        if missing:
            raise GraphError(
                f"{article.source_path}: {fact.id} names {missing[0]}, "
                "which is not among the article's entities"
            )
        yield from _fact_triples(fact, base)
        for evidence in fact.evidence:
            yield from _evidence_triples(
                URIRef(base + fact.id), fact.id, evidence, article, base, run
            )


def _new_graph() -> Graph:
    graph = Graph(bind_namespaces="none")
    bind_prefixes(graph)
    return graph


def article_graph(result: ArticleResult, *, activity: BuildActivity, base: str) -> Graph:
    """Every triple one article contributes: its node, the entities it names, its facts."""
    graph = _new_graph()
    for triple in _result_triples(result, activity, base):
        graph.add(triple)
    return graph


def _activity_triples(activity: BuildActivity, base: str) -> Iterator[_Triple]:
    run, agent = activity_iri(base, activity), agent_iri(base, activity.version)
    yield run, RDF.type, PROV.Activity
    yield run, RDFS.label, Literal(f"civkg {activity.version} build")
    yield run, PROV.wasAssociatedWith, agent
    for name in activity.extractors:
        yield run, CIV.extractor, Literal(name)
    yield agent, RDF.type, PROV.SoftwareAgent
    yield agent, RDFS.label, Literal("civkg")
    yield agent, SCHEMA.softwareVersion, Literal(activity.version)


def activity_graph(activity: BuildActivity, *, base: str) -> Graph:
    """The build run (``prov:Activity``) and the civkg release that ran it."""
    graph = _new_graph()
    for triple in _activity_triples(activity, base):
        graph.add(triple)
    return graph


def _identity_triples(
    base: str,
    same_as: Mapping[str, Sequence[str]],
    different: Sequence[tuple[str, str]],
    alternates: Mapping[str, str],
) -> Iterator[_Triple]:
    """What linking decided across articles: ids one node absorbed, pairs kept apart,
    article copies of one story (see kg.link and kg.duplicates)."""
    for survivor in sorted(same_as):
        for absorbed in same_as[survivor]:
            yield URIRef(base + survivor), OWL.sameAs, URIRef(base + absorbed)
    for one, other in sorted(different):
        yield URIRef(base + one), OWL.differentFrom, URIRef(base + other)
    for copy in sorted(alternates):
        yield article_iri(base, copy), PROV.alternateOf, article_iri(base, alternates[copy])


def dataset_quads(
    results: Iterable[ArticleResult],
    *,
    activity: BuildActivity,
    base: str,
    same_as: Mapping[str, Sequence[str]] | None = None,
    different: Sequence[tuple[str, str]] = (),
    alternates: Mapping[str, str] | None = None,
) -> Iterator[tuple[URIRef | None, _Triple]]:
    """Every quad of a build, lazily: (None, triple) for the default graph (the activity,
    linking's ``owl:sameAs`` / ``owl:differentFrom``, duplicate articles' originals),
    then (article IRI, triple) for each article's named graph.

    ``results`` is consumed once, so a build holds one article's triples at a time.
    """
    for triple in _activity_triples(activity, base):
        yield None, triple
    for triple in _identity_triples(base, same_as or {}, different, alternates or {}):
        yield None, triple
    for result in results:
        name = article_iri(base, result.article.id)
        for triple in _result_triples(result, activity, base):
            yield name, triple


def to_dataset(
    results: Iterable[ArticleResult],
    *,
    activity: BuildActivity,
    base: str,
    same_as: Mapping[str, Sequence[str]] | None = None,
    different: Sequence[tuple[str, str]] = (),
    alternates: Mapping[str, str] | None = None,
) -> tuple[Dataset, Graph]:
    """One named graph per article plus the activity in the default graph, and their union,
    in memory (``to_store`` writes the same quads to disk).

    ``results`` is read once; the dataset and the merged graph hold every article's
    triples, so memory grows with the build.
    ``same_as``, ``different`` and ``alternates`` (linking's ``owl:sameAs`` and
    ``owl:differentFrom`` ids, duplicate articles' originals) go into the default graph.
    """
    dataset = Dataset()
    bind_prefixes(dataset)
    merged = _new_graph()
    quads = dataset_quads(
        results,
        activity=activity,
        base=base,
        same_as=same_as,
        different=different,
        alternates=alternates,
    )
    for name, triple in quads:
        (dataset.default_graph if name is None else dataset.graph(name)).add(triple)
        merged.add(triple)
    return dataset, merged


def to_store(
    results: Iterable[ArticleResult],
    *,
    activity: BuildActivity,
    base: str,
    same_as: Mapping[str, Sequence[str]] | None = None,
    different: Sequence[tuple[str, str]] = (),
    alternates: Mapping[str, str] | None = None,
    folder: Path | None = None,
) -> GraphStore:
    """The quads of ``to_dataset`` streamed into an on-disk Oxigraph store (``kg.graph.quadstore``):
    memory stays flat whatever the size of the build. ``folder`` None: a temporary one.
    """
    store = GraphStore(folder)
    store.load(
        dataset_quads(
            results,
            activity=activity,
            base=base,
            same_as=same_as,
            different=different,
            alternates=alternates,
        )
    )
    return store
