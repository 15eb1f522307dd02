"""The typed data model that flows between civkg's stages.

Every stage takes and returns these frozen values: plain strings, ints and tuples,
never spaCy or rdflib objects, so stages can be tested, cached and run in any
process without dragging a model or a graph along.

Flow: ``Article`` -> ``Extraction`` (mentions + claims that point at mentions by index)
-> ``ArticleResult`` (entities + facts that point at entities by id) -> RDF graph.

Each kind of claim and fact carries what the stages need to know about it (which
mentions or entities it points at, how it is re-pointed, resolved and re-identified), so
a stage works on any kind without switching on its type and a new kind is written here
(plus its triples in ``kg.graph.bridge``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from kg.iris import agreement_id, membership_id, participation_id

#: Languages the pipeline knows; ``und`` is an article whose language was not detected.
LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
UNDETERMINED = "und"


class EntityType(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    EVENT = "event"


class OrgClass(StrEnum):
    """Finer organisation classes; each maps to a ``civ:`` subclass of ``org:Organization``."""

    NGO = "ngo"
    GOVERNMENT = "government"
    INTERNATIONAL = "international"
    COMPANY = "company"
    MEDIA = "media"
    EDUCATION = "education"


class AgreementKind(StrEnum):
    MEMORANDUM = "memorandum"
    AGREEMENT = "agreement"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: cleaned text plus what is known about it.

    All character offsets elsewhere in the model point into ``text``.
    """

    id: str  # deterministic: a hash of the cleaned text (see kg.iris.article_id)
    text: str
    lang: str  # one of LANGUAGES or UNDETERMINED
    source_path: str  # POSIX path relative to the build input; "x.jsonl#L3" for JSONL lines
    title: str | None = None
    date: str | None = None  # ISO 8601 date, YYYY-MM-DD
    url: str | None = None
    publisher: str | None = None
    encoding: str | None = None  # what the file was decoded from: "utf-8", "cp1251", ...
    notes: tuple[str, ...] = ()  # what reading repaired or left out (bad bytes, a bad URL)


@dataclass(frozen=True, slots=True)
class Problem:
    """A file (or line) that could not be read; the build goes on without it."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        # A newline or an escape sequence in a file name must not reach a terminal raw.
        path = self.path if self.path.isprintable() else repr(self.path)
        where = f"{path}:{self.line}" if self.line is not None else path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Label:
    """A name with its language tag (``kk``, ``ru``, ``en`` or ``und``)."""

    text: str
    lang: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article that names an actor or event.

    ``name`` is the extractor's canonical (nominative) form of the surface ``text``;
    resolution groups mentions by it.
    """

    type: EntityType
    text: str
    start: int
    end: int
    name: str
    extractor: str
    org_class: OrgClass | None = None
    # Only for events: ISO date and place name when the text states them.
    date: str | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that states a fact, as offsets into ``Article.text``."""

    article_id: str
    sentence: str
    start: int
    end: int
    extractor: str


@dataclass(frozen=True, slots=True)
class RoleClaim:
    """Mention ``person`` represents mention ``organisation``, optionally with a role."""

    person: int
    organisation: int
    role: str | None
    evidence: Evidence

    def shifted(self, offset: int) -> RoleClaim:
        """The claim after ``offset`` mentions were put before the ones it points at."""
        return replace(self, person=self.person + offset, organisation=self.organisation + offset)

    def resolved(self, by_mention: Mapping[int, Entity], article: Article) -> Membership | None:
        """The membership it states, unless a mention is unresolved or not a person."""
        person, org = by_mention.get(self.person), by_mention.get(self.organisation)
        if person is None or org is None or person.type is not EntityType.PERSON:
            return None
        role = Label(self.role, article.lang) if self.role else None
        return Membership(
            id=membership_id(person, org.id, role),
            person=person.id,
            organisation=org.id,
            role=role,
            evidence=(),
        )


@dataclass(frozen=True, slots=True)
class AgreementClaim:
    """The organisation mentions ``parties`` signed an agreement."""

    parties: tuple[int, ...]
    kind: AgreementKind
    title: str | None
    evidence: Evidence
    date: str | None = None

    def shifted(self, offset: int) -> AgreementClaim:
        """The claim after ``offset`` mentions were put before the ones it points at."""
        return replace(self, parties=tuple(p + offset for p in self.parties))

    def resolved(self, by_mention: Mapping[int, Entity], article: Article) -> Agreement | None:
        """The agreement it states (dated by the article if not by the text), unless
        fewer than two parties resolve."""
        parties = sorted({by_mention[i].id for i in self.parties if i in by_mention})
        if len(parties) < 2:
            return None
        date = self.date or article.date
        title = Label(self.title, article.lang) if self.title else None
        return Agreement(
            id=agreement_id(self.kind, parties, date),
            kind=self.kind,
            parties=tuple(parties),
            title=title,
            date=date,
            evidence=(),
        )


@dataclass(frozen=True, slots=True)
class ParticipationClaim:
    """Mention ``participant`` (person or organisation) took part in mention ``event``."""

    participant: int
    event: int
    evidence: Evidence

    def shifted(self, offset: int) -> ParticipationClaim:
        """The claim after ``offset`` mentions were put before the ones it points at."""
        return replace(self, participant=self.participant + offset, event=self.event + offset)

    def resolved(self, by_mention: Mapping[int, Entity], article: Article) -> Participation | None:
        """The participation it states, unless a mention is unresolved."""
        who, event = by_mention.get(self.participant), by_mention.get(self.event)
        if who is None or event is None:
            return None
        return Participation(
            id=participation_id(who, event.id),
            participant=who.id,
            event=event.id,
            evidence=(),
        )


Claim = RoleClaim | AgreementClaim | ParticipationClaim


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one or more extractors found in one article. Claims index into ``mentions``."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world actor or event, after resolution.

    ``id`` is deterministic from type and canonical name (kg.iris.entity_id), so the
    same actor found in two builds gets the same IRI.
    """

    id: str
    type: EntityType
    name: Label
    aliases: tuple[Label, ...] = ()
    org_class: OrgClass | None = None
    date: str | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Membership:
    """Person ``person`` represents organisation ``organisation`` (entity ids)."""

    id: str
    person: str
    organisation: str
    role: Label | None
    evidence: tuple[Evidence, ...]

    @property
    def entity_ids(self) -> tuple[str, ...]:
        """The entities the fact names."""
        return (self.person, self.organisation)

    def with_evidence(self, evidence: tuple[Evidence, ...]) -> Membership:
        """The same fact supported by ``evidence``."""
        return replace(self, evidence=evidence)

    def repointed(self, entities: Mapping[str, Entity]) -> Membership:
        """The fact about the entities its ids now stand for, its own id made again."""
        person = entities[self.person]
        org = entities[self.organisation].id
        return Membership(
            membership_id(person, org, self.role), person.id, org, self.role, self.evidence
        )


@dataclass(frozen=True, slots=True)
class Agreement:
    """Organisations ``parties`` (entity ids, sorted) signed an agreement."""

    id: str
    kind: AgreementKind
    parties: tuple[str, ...]
    title: Label | None
    date: str | None
    evidence: tuple[Evidence, ...]

    @property
    def entity_ids(self) -> tuple[str, ...]:
        """The entities the fact names."""
        return self.parties

    def with_evidence(self, evidence: tuple[Evidence, ...]) -> Agreement:
        """The same fact supported by ``evidence``."""
        return replace(self, evidence=evidence)

    def repointed(self, entities: Mapping[str, Entity]) -> Agreement:
        """The fact about the entities its ids now stand for, its own id made again."""
        parties = tuple(sorted({entities[p].id for p in self.parties}))
        return Agreement(
            agreement_id(self.kind, parties, self.date),
            self.kind,
            parties,
            self.title,
            self.date,
            self.evidence,
        )


@dataclass(frozen=True, slots=True)
class Participation:
    """Entity ``participant`` took part in event ``event``."""

    id: str
    participant: str
    event: str
    evidence: tuple[Evidence, ...]

    @property
    def entity_ids(self) -> tuple[str, ...]:
        """The entities the fact names."""
        return (self.participant, self.event)

    def with_evidence(self, evidence: tuple[Evidence, ...]) -> Participation:
        """The same fact supported by ``evidence``."""
        return replace(self, evidence=evidence)

    def repointed(self, entities: Mapping[str, Entity]) -> Participation:
        """The fact about the entities its ids now stand for, its own id made again."""
        who = entities[self.participant]
        event = entities[self.event].id
        return Participation(participation_id(who, event), who.id, event, self.evidence)


Fact = Membership | Agreement | Participation


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article after extraction and resolution: ready to become RDF."""

    article: Article
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    extractors: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class BuildActivity:
    """The build run that generated the facts (``prov:Activity``).

    Its id hashes the civkg version and the extractors only (no time, no input), so
    the same release run with the same extractors always gives the same activity, and
    identical input gives byte-identical graph files.
    """

    id: str
    version: str
    extractors: tuple[str, ...]
