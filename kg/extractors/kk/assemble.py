"""Turn the pipeline's findings on a ``Doc`` into an ``Extraction`` with settled names."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.extractors.common import ExtractionBuilder, Span
from kg.extractors.kk.agreements import AgreementSpan
from kg.extractors.kk.events import event_date, event_place
from kg.extractors.kk.names import (
    Namer,
    Proposal,
    match_key,
    org_name,
    person_key,
    person_name,
    without_ending,
)
from kg.extractors.kk.orgs import OrgSpan
from kg.extractors.kk.persons import PersonSpan
from kg.extractors.kk.pipeline import SentenceFindings
from kg.extractors.kk.tokens import Tok
from kg.lang.kk import lexicon, morph
from kg.model import (
    AgreementClaim,
    AgreementKind,
    Article,
    EntityType,
    Evidence,
    Extraction,
    ParticipationClaim,
    RoleClaim,
)

NAME = "kk.rules"

Found = PersonSpan | OrgSpan


def assemble(doc: Doc, article: Article) -> Extraction:
    """The article's mentions (one name per actor) and the claims between them."""
    toks: list[Tok] = doc._.kk_tokens
    sentences: list[SentenceFindings] = doc._.kk_sentences
    # "облысы", "республикасы": so "облысының" and "Республикасының" meet their nominative
    place_nouns = {morph.possessive(noun) for noun in lexicon.PLACE_NOUNS}
    attested = frozenset(t.lower for t in toks) | lexicon.PLACES | place_nouns
    namer = Namer()
    found: list[tuple[EntityType, Found, int]] = []  # what, where, proposal index
    proposal_of: dict[int, int] = {}
    used = {id(h.organisation) for f in sentences for h in f.holders} | {
        id(o) for f in sentences for a in f.agreements for o in a.parties
    }

    def propose(kind: EntityType, span: Found, proposal: Proposal) -> None:
        index = namer.propose(proposal)
        proposal_of[id(span)] = index
        found.append((kind, span, index))

    for sentence in sentences:
        for person in sentence.persons:
            propose(EntityType.PERSON, person, _person(toks, person, attested))
        for org in sentence.orgs:
            if org.weak and id(org) not in used:
                continue
            propose(EntityType.ORGANISATION, org, _organisation(toks, org, attested))
        for event in sentence.events:
            propose(EntityType.EVENT, event, _event(toks, event, attested))
    for letters, org in (doc._.kk_acronyms or {}).items():
        if org is not None and id(org) in proposal_of:
            namer.aliases[letters] = namer.proposals[proposal_of[id(org)]].key
    names = namer.settle()
    if article.publisher:
        names = [_as_publisher(n, article.publisher) for n in names]

    builder = ExtractionBuilder(article, NAME, complete_prefixes=False)
    spans: dict[int, Span] = {}
    for kind, span, index in sorted(found, key=lambda f: (toks[f[1].start].start, f[0].value)):
        start, end = toks[span.start].start, toks[span.end - 1].end
        org_class = span.org_class if isinstance(span, OrgSpan) else None
        spans[id(span)] = Span(kind, start, end, names[index], org_class)
        builder.mention(spans[id(span)])
    _add_claims(builder, toks, sentences, spans)
    _date_and_place(builder, toks, sentences, spans, article)
    return builder.build()


# Words that say what kind of outlet a name is: "X агенттігі", "X ақпарат порталы".
_OUTLET_WORDS = ("агентт", "ақпарат", "портал", "сайт", "газет", "басылым", "арна", "журнал")


def _as_publisher(name: str, publisher: str) -> str:
    """The publisher's own name for "<publisher> агенттігі" (the outlet credits itself).

    The resolver adds the article's publisher as an organisation; naming the credit
    line's outlet the same way makes the two one node, not two.
    """
    words, own = name.split(), publisher.casefold().split()
    rest = words[len(own) :]
    if [w.casefold() for w in words[: len(own)]] != own or not 1 <= len(rest) <= 2:
        return name
    if all(w.lower().startswith(_OUTLET_WORDS) for w in rest):
        return publisher
    return name


def _person(toks: list[Tok], span: PersonSpan, attested: frozenset[str]) -> Proposal:
    name = person_name(toks, span, attested)
    last = toks[span.words[-1]]
    return Proposal(
        EntityType.PERSON,
        name,
        person_key(name),
        nominative=name.casefold().endswith(last.lower),
    )


def _organisation(toks: list[Tok], span: OrgSpan, attested: frozenset[str]) -> Proposal:
    if span.refers is not None:
        return _organisation(toks, span.refers, attested)  # named as what it refers to
    name = org_name(toks, span)
    if span.kind == "acronym":
        # the letters open the span ("USAID ұйымы") or end it ("Әл-Фараби атындағы ҚазҰУ")
        letters = without_ending(toks[span.start if toks[span.start].acronym else span.end - 1])
        return Proposal(
            EntityType.ORGANISATION, name, match_key(letters, attested), acronym=letters
        )
    key_text = name
    acronym = None
    if span.quote is not None:
        o, c = span.quote
        key_text = " ".join(t.text for t in toks[o + 1 : c])
        if c == o + 2 and toks[o + 1].acronym:
            acronym = toks[o + 1].text  # "«ҚТЖ» ҰК АҚ" abbreviates a name in full
    last = toks[span.head] if span.head is not None else toks[span.end - 1]
    nominative = last.head is None or last.head.form.case == "nom"
    key = match_key(key_text, attested)
    return Proposal(EntityType.ORGANISATION, name, key, nominative=nominative, acronym=acronym)


def _event(toks: list[Tok], span: OrgSpan, attested: frozenset[str]) -> Proposal:
    name = org_name(toks, span)
    head = toks[span.end - 1].event
    nominative = head is None or head.form.case == "nom"
    return Proposal(EntityType.EVENT, name, match_key(name, attested), nominative=nominative)


def _sentence(toks: list[Tok], found: SentenceFindings) -> tuple[int, int]:
    return toks[found.start].start, toks[found.end - 1].end


def _add_claims(
    builder: ExtractionBuilder,
    toks: list[Tok],
    sentences: list[SentenceFindings],
    spans: dict[int, Span],
) -> None:
    settled = _settled_agreements(builder, toks, sentences, spans)
    for found in sentences:
        sentence = _sentence(toks, found)
        evidence = builder.evidence(sentence)
        for holder in found.holders:
            who, where = spans.get(id(holder.person)), spans.get(id(holder.organisation))
            if who is not None and where is not None:
                claim = RoleClaim(
                    builder.mention(who), builder.mention(where), holder.role or None, evidence
                )
                builder.claim(claim)
        for agreement in found.agreements:
            _agreement(builder, agreement, spans, evidence, settled)
        if found.events and any(t.lower.startswith("қатыс") for t in toks[found.start : found.end]):
            event = builder.mention(spans[id(found.events[0])])
            for person in found.persons:
                builder.claim(
                    ParticipationClaim(builder.mention(spans[id(person)]), event, evidence)
                )


Settled = dict[frozenset[str], tuple[AgreementKind, str | None]]


def _party_names(agreement: AgreementSpan, spans: dict[int, Span]) -> frozenset[str]:
    return frozenset(spans[id(o)].name.casefold() for o in agreement.parties if id(o) in spans)


def _settled_agreements(
    builder: ExtractionBuilder,
    toks: list[Tok],
    sentences: list[SentenceFindings],
    spans: dict[int, Span],
) -> Settled:
    """One kind and date for each set of parties, whichever sentences report it.

    A headline ("X пен Y келісім жасасты") and the body ("25 қарашада ... меморандумға
    қол қойды") report one agreement: its kind is the first stated, its date the
    first a sentence gives.
    """
    settled: Settled = {}
    for found in sentences:
        date = event_date(toks, found.start, found.end, builder.article.date)
        for agreement in found.agreements:
            key = _party_names(agreement, spans)
            kind, known = settled.get(key, (agreement.kind, None))
            settled[key] = (kind, known or date)
    return settled


def _agreement(
    builder: ExtractionBuilder,
    agreement: AgreementSpan,
    spans: dict[int, Span],
    evidence: Evidence,
    settled: Settled,
) -> None:
    """Record one agreement of a sentence, with the kind and date settled for its parties."""
    parties = [spans[id(o)] for o in agreement.parties if id(o) in spans]
    key = _party_names(agreement, spans)
    if len(key) < 2:
        return
    kind, date = settled[key]
    mentions = tuple(builder.mention(p) for p in parties)
    builder.claim(AgreementClaim(mentions, kind, agreement.title, evidence, date))


def _date_and_place(
    builder: ExtractionBuilder,
    toks: list[Tok],
    sentences: list[SentenceFindings],
    spans: dict[int, Span],
    article: Article,
) -> None:
    """Give every mention of an event the date and place its sentences state."""
    dates: dict[str, str] = {}
    places: dict[str, str] = {}
    for found in sentences:
        for event in found.events:
            name = spans[id(event)].name
            date = event_date(toks, found.start, found.end, article.date)
            place = event_place(toks, found.start, found.end)
            if date:
                dates.setdefault(name, date)
            if place:
                places.setdefault(name, place)
    for index, mention in enumerate(builder.mentions):
        if mention.type is EntityType.EVENT:
            builder.mentions[index] = replace(
                mention, date=dates.get(mention.name), place=places.get(mention.name)
            )
