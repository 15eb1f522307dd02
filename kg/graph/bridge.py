"""The single bridge from model objects to RDF (graph files are read by ``kg.graph.files``).

Every node gets an IRI (``base`` + a deterministic id) and no node is blank, so the
graphs of two articles merge by plain set union: the same person or membership found
twice becomes one node carrying both pieces of evidence.

Triples are made as N-Triples text (``dataset_statements``): the store bulk loads it
as N-Quads, and the rdflib views (``article_graph``, ``to_dataset``) are parsed from it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache, singledispatch
from itertools import groupby
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, URIRef

from kg.errors import GraphError
from kg.graph.quadstore import GraphQuad, GraphStore, StatementQuad, rdflib_triples
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
    "dataset_statements",
    "evidence_iri",
    "role_iri",
    "to_dataset",
    "to_store",
]

#: One triple as N-Triples text without the final `` .``: ``<s> <p> <o>``, the object
#: an IRI or a literal (``"text"``, ``"text"@lang``, ``"text"^^<datatype>``).
#:
#: Why text: a build loads hundreds of thousands of triples, and making an rdflib term
#: and then a pyoxigraph term for each was three quarters of the graph stage; Oxigraph
#: parses N-Quads far faster than Python builds objects. The rdflib views
#: (``article_graph``, ``to_dataset``) parse the same text, so the triples have one home.
_Statement = str

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S")
# Characters an IRI may not contain (RFC 3987); percent-encoded so a scraped URL with a
# stray space still becomes a valid IRI rather than breaking every serialiser.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
# What N-Triples must escape in a quoted literal (anything else may stand as itself).
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]')
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
# BCP 47 as rdflib checks it; a tag is written unquoted, so it is checked before.
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]+(?:-[a-zA-Z0-9]+)*")


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


def _iri(value: str) -> str:
    """``value`` as an N-Triples IRI; one with a character no IRI may hold is refused
    (Oxigraph refused it as well, and here it could break the line's syntax)."""
    if _NOT_IN_IRI.search(value):
        raise GraphError(f"not a valid IRI: {value!r}")
    return f"<{value}>"


def _quoted(text: str) -> str:
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"'


def _plain(text: str) -> str:
    """A literal without a language or datatype (read back as ``xsd:string``)."""
    return _quoted(text)


def _typed(text: str, datatype: str) -> str:
    return f"{_quoted(text)}^^{datatype}"


def _text(text: str, lang: str) -> str:
    if lang in ("", UNDETERMINED):
        return _quoted(text)
    if not _LANGUAGE_TAG.fullmatch(lang):
        raise GraphError(f"not a language tag: {lang!r}")
    return f"{_quoted(text)}@{lang}"


def _label(label: Label) -> str:
    return _text(label.text, label.lang)


# The vocabulary as N-Triples text, made once: an rdflib Namespace makes a new URIRef
# at every attribute access, a third of the time spent making terms.
_A = _iri(RDF.type)
_RDFS_LABEL = _iri(RDFS.label)
_XSD_DATE = _iri(XSD.date)
_XSD_INTEGER = _iri(XSD.integer)
_NEWS_ARTICLE = _iri(SCHEMA.NewsArticle)
_SOURCE_PATH = _iri(CIV.sourcePath)
_HEADLINE = _iri(SCHEMA.headline)
_DATE_PUBLISHED = _iri(SCHEMA.datePublished)
_IN_LANGUAGE = _iri(SCHEMA.inLanguage)
_URL = _iri(SCHEMA.url)
_PUBLISHER = _iri(SCHEMA.publisher)
_NAME = _iri(SCHEMA.name)
_START_DATE = _iri(SCHEMA.startDate)
_LOCATION = _iri(SCHEMA.location)
_MENTIONS = _iri(SCHEMA.mentions)
_SOFTWARE_VERSION = _iri(SCHEMA.softwareVersion)
_PREF_LABEL = _iri(SKOS.prefLabel)
_ALT_LABEL = _iri(SKOS.altLabel)
_EVIDENCE = _iri(CIV.evidence)
_EVIDENCE_CLASS = _iri(CIV.Evidence)
_SENTENCE = _iri(CIV.sentence)
_START_OFFSET = _iri(CIV.startOffset)
_END_OFFSET = _iri(CIV.endOffset)
_EXTRACTOR = _iri(CIV.extractor)
_DERIVED_FROM = _iri(PROV.wasDerivedFrom)
_GENERATED_BY = _iri(PROV.wasGeneratedBy)
_ASSOCIATED_WITH = _iri(PROV.wasAssociatedWith)
_ACTIVITY = _iri(PROV.Activity)
_SOFTWARE_AGENT = _iri(PROV.SoftwareAgent)
_ALTERNATE_OF = _iri(PROV.alternateOf)
_MEMBERSHIP = _iri(ORG.Membership)
_MEMBER = _iri(ORG.member)
_ORGANIZATION = _iri(ORG.organization)
_ROLE = _iri(ORG.role)
_ROLE_CLASS = _iri(ORG.Role)
_REPRESENTS = _iri(CIV.represents)
_AGREEMENT = _iri(CIV.Agreement)
_MEMORANDUM = _iri(CIV.Memorandum)
_PARTY = _iri(CIV.party)
_SIGNED = _iri(CIV.signed)
_TITLE = _iri(DCTERMS.title)
_DATE = _iri(DCTERMS.date)
_PARTICIPATION = _iri(CIV.Participation)
_PARTICIPANT = _iri(CIV.participant)
_EVENT = _iri(CIV.event)
_PARTICIPATED_IN = _iri(CIV.participatedIn)
_SAME_AS = _iri(OWL.sameAs)
_DIFFERENT_FROM = _iri(OWL.differentFrom)
_ORG_CLASSES = {kind: _iri(iri) for kind, iri in ORG_CLASSES.items()}


@lru_cache(maxsize=64)
def _entity_class(entity_type: EntityType) -> str:
    return _iri(rdf_class(ENTITY_KINDS[entity_type]))


def _date(value: str | None) -> str | None:
    """``value`` as an ``xsd:date``; anything but a real YYYY-MM-DD date is left out."""
    if not value or not _ISO_DATE.fullmatch(value):
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return f'"{value}"^^{_XSD_DATE}'


def _integer(value: int) -> str:
    return f'"{int(value)}"^^{_XSD_INTEGER}'


def _url(value: str | None) -> str | None:
    if not value or not _URL_SCHEME.match(value.strip()):
        return None
    return _iri(_NOT_IN_IRI.sub(lambda m: f"%{ord(m.group()):02X}", value.strip()))


def _article_triples(article: Article, base: str) -> Iterator[_Statement]:
    node = _iri(base + article_node_id(article.id))
    yield f"{node} {_A} {_NEWS_ARTICLE}"
    yield f"{node} {_SOURCE_PATH} {_plain(article.source_path)}"
    if article.title:
        yield f"{node} {_HEADLINE} {_text(article.title, article.lang)}"
    if (published := _date(article.date)) is not None:
        yield f"{node} {_DATE_PUBLISHED} {published}"
    if article.lang != UNDETERMINED:
        yield f"{node} {_IN_LANGUAGE} {_plain(article.lang)}"
    if (url := _url(article.url)) is not None:
        yield f"{node} {_URL} {url}"
    if article.publisher:
        yield f"{node} {_PUBLISHER} {_plain(article.publisher)}"


def _entity_triples(entity: Entity, base: str) -> Iterator[_Statement]:
    node = _iri(base + entity.id)
    name = _label(entity.name)
    yield f"{node} {_A} {_entity_class(entity.type)}"
    if entity.type is EntityType.ORGANISATION:
        if entity.org_class is not None:
            yield f"{node} {_A} {_ORG_CLASSES[entity.org_class]}"
    elif entity.type is EntityType.EVENT:
        yield f"{node} {_NAME} {name}"
        if (start := _date(entity.date)) is not None:
            yield f"{node} {_START_DATE} {start}"
        if entity.place:
            yield f"{node} {_LOCATION} {_text(entity.place, entity.name.lang)}"
    yield f"{node} {_PREF_LABEL} {name}"
    yield f"{node} {_RDFS_LABEL} {name}"
    for alias in entity.aliases:
        yield f"{node} {_ALT_LABEL} {_label(alias)}"


def _evidence_triples(
    fact_node: str, fact_id: str, evidence: Evidence, article: Article, base: str, run: str
) -> Iterator[_Statement]:
    node = _iri(base + evidence_id(fact_id, evidence))
    lang = article.lang if evidence.article_id == article.id else UNDETERMINED
    yield f"{fact_node} {_EVIDENCE} {node}"
    yield f"{node} {_A} {_EVIDENCE_CLASS}"
    yield f"{node} {_SENTENCE} {_text(evidence.sentence, lang)}"
    yield f"{node} {_START_OFFSET} {_integer(evidence.start)}"
    yield f"{node} {_END_OFFSET} {_integer(evidence.end)}"
    yield f"{node} {_EXTRACTOR} {_plain(evidence.extractor)}"
    yield f"{node} {_DERIVED_FROM} {_iri(base + article_node_id(evidence.article_id))}"
    yield f"{node} {_GENERATED_BY} {run}"


@singledispatch
def _fact_triples(fact: Fact, base: str) -> Iterator[_Statement]:
    """The triples of one fact; each kind of fact registers its own below."""
    raise GraphError(f"{fact.id}: no RDF for a fact of kind {type(fact).__name__}")


@_fact_triples.register(Membership)
def _membership_triples(fact: Membership, base: str) -> Iterator[_Statement]:
    node = _iri(base + fact.id)
    person, org = _iri(base + fact.person), _iri(base + fact.organisation)
    yield f"{node} {_A} {_MEMBERSHIP}"
    yield f"{node} {_MEMBER} {person}"
    yield f"{node} {_ORGANIZATION} {org}"
    yield f"{person} {_REPRESENTS} {org}"
    if fact.role is not None:
        role = _iri(base + role_id(fact.role))
        label = _label(fact.role)
        yield f"{node} {_ROLE} {role}"
        yield f"{role} {_A} {_ROLE_CLASS}"
        yield f"{role} {_PREF_LABEL} {label}"
        yield f"{role} {_RDFS_LABEL} {label}"


@_fact_triples.register(Agreement)
def _agreement_triples(fact: Agreement, base: str) -> Iterator[_Statement]:
    node = _iri(base + fact.id)
    yield f"{node} {_A} {_AGREEMENT}"
    if fact.kind is AgreementKind.MEMORANDUM:
        yield f"{node} {_A} {_MEMORANDUM}"
    for party in fact.parties:
        party_node = _iri(base + party)
        yield f"{node} {_PARTY} {party_node}"
        yield f"{party_node} {_SIGNED} {node}"
    if fact.title is not None:
        yield f"{node} {_TITLE} {_label(fact.title)}"
    if (signed := _date(fact.date)) is not None:
        yield f"{node} {_DATE} {signed}"


@_fact_triples.register(Participation)
def _participation_triples(fact: Participation, base: str) -> Iterator[_Statement]:
    node = _iri(base + fact.id)
    who, event = _iri(base + fact.participant), _iri(base + fact.event)
    yield f"{node} {_A} {_PARTICIPATION}"
    yield f"{node} {_PARTICIPANT} {who}"
    yield f"{node} {_EVENT} {event}"
    yield f"{who} {_PARTICIPATED_IN} {event}"


def _result_triples(
    result: ArticleResult, activity: BuildActivity, base: str
) -> Iterator[_Statement]:
    article = result.article
    node = _iri(base + article_node_id(article.id))
    run = _iri(base + activity.id)
    yield from _article_triples(article, base)
    known = {entity.id for entity in result.entities}
    for entity in result.entities:
        yield f"{node} {_MENTIONS} {_iri(base + entity.id)}"
        yield from _entity_triples(entity, base)
    for fact in result.facts:
        missing = sorted(set(fact.entity_ids) - known)
        if missing:
            raise GraphError(
                f"{article.source_path}: {fact.id} names {missing[0]}, "
                "which is not among the article's entities"
            )
        yield from _fact_triples(fact, base)
        fact_node = _iri(base + fact.id)
        for evidence in fact.evidence:
            yield from _evidence_triples(fact_node, fact.id, evidence, article, base, run)


def _new_graph() -> Graph:
    graph = Graph(bind_namespaces="none")
    bind_prefixes(graph)
    return graph


def _graph_of(statements: Iterable[_Statement]) -> Graph:
    graph = _new_graph()
    for triple in rdflib_triples(statements):
        graph.add(triple)
    return graph


def article_graph(result: ArticleResult, *, activity: BuildActivity, base: str) -> Graph:
    """Every triple one article contributes: its node, the entities it names, its facts."""
    return _graph_of(_result_triples(result, activity, base))


def _activity_triples(activity: BuildActivity, base: str) -> Iterator[_Statement]:
    run, agent = _iri(base + activity.id), _iri(base + agent_id(activity.version))
    yield f"{run} {_A} {_ACTIVITY}"
    yield f"{run} {_RDFS_LABEL} {_plain(f'civkg {activity.version} build')}"
    yield f"{run} {_ASSOCIATED_WITH} {agent}"
    for name in activity.extractors:
        yield f"{run} {_EXTRACTOR} {_plain(name)}"
    yield f"{agent} {_A} {_SOFTWARE_AGENT}"
    yield f"{agent} {_RDFS_LABEL} {_plain('civkg')}"
    yield f"{agent} {_SOFTWARE_VERSION} {_plain(activity.version)}"


def activity_graph(activity: BuildActivity, *, base: str) -> Graph:
    """The build run (``prov:Activity``) and the civkg release that ran it."""
    return _graph_of(_activity_triples(activity, base))


def _identity_triples(
    base: str,
    same_as: Mapping[str, Sequence[str]],
    different: Sequence[tuple[str, str]],
    alternates: Mapping[str, str],
) -> Iterator[_Statement]:
    """What linking decided across articles: ids one node absorbed, pairs kept apart,
    article copies of one story (see kg.link and kg.duplicates)."""
    for survivor in sorted(same_as):
        for absorbed in same_as[survivor]:
            yield f"{_iri(base + survivor)} {_SAME_AS} {_iri(base + absorbed)}"
    for one, other in sorted(different):
        yield f"{_iri(base + one)} {_DIFFERENT_FROM} {_iri(base + other)}"
    for copy in sorted(alternates):
        original = _iri(base + article_node_id(alternates[copy]))
        yield f"{_iri(base + article_node_id(copy))} {_ALTERNATE_OF} {original}"


def dataset_statements(
    results: Iterable[ArticleResult],
    *,
    activity: BuildActivity,
    base: str,
    same_as: Mapping[str, Sequence[str]] | None = None,
    different: Sequence[tuple[str, str]] = (),
    alternates: Mapping[str, str] | None = None,
) -> Iterator[StatementQuad]:
    """Every quad of a build as N-Triples text, lazily: (None, triple) for the default
    graph (the activity, linking's ``owl:sameAs`` / ``owl:differentFrom``, duplicate
    articles' originals), then (``<article IRI>``, triple) for each article's named graph.

    ``results`` is consumed once, so a build holds one article's triples at a time.
    """
    for triple in _activity_triples(activity, base):
        yield None, triple
    for triple in _identity_triples(base, same_as or {}, different, alternates or {}):
        yield None, triple
    for result in results:
        name = _iri(base + article_node_id(result.article.id))
        for triple in _result_triples(result, activity, base):
            yield name, triple


def dataset_quads(
    results: Iterable[ArticleResult],
    *,
    activity: BuildActivity,
    base: str,
    same_as: Mapping[str, Sequence[str]] | None = None,
    different: Sequence[tuple[str, str]] = (),
    alternates: Mapping[str, str] | None = None,
) -> Iterator[GraphQuad]:
    """``dataset_statements`` as rdflib terms: (None, triple) for the default graph, then
    (article IRI, triple) for each article's named graph; lazily, one article at a time."""
    statements = dataset_statements(
        results,
        activity=activity,
        base=base,
        same_as=same_as,
        different=different,
        alternates=alternates,
    )
    for name, group in groupby(statements, key=lambda quad: quad[0]):
        graph = None if name is None else URIRef(name[1:-1])
        for triple in rdflib_triples(statement for _, statement in group):
            yield graph, triple


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
    store.load_statements(
        dataset_statements(
            results,
            activity=activity,
            base=base,
            same_as=same_as,
            different=different,
            alternates=alternates,
        )
    )
    return store
