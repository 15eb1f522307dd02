"""The English extractor: sentences through the rules, then article-wide names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.extractors.common import ExtractionBuilder, Span, complete_prefixes, sentence_spans
from kg.extractors.en import capitals, initials, shortforms
from kg.extractors.en.agreements import headline_agreements
from kg.extractors.en.events import EventFinding
from kg.extractors.en.sentence import Sentence
from kg.extractors.en.tokens import POSSESSIVE, TOKEN, Token
from kg.lang.en import lexicon
from kg.model import AgreementClaim, AgreementKind, Article, EntityType, Extraction, OrgClass

NAME = "en.rules"

# A headline naming an agreement is at most this many tokens long.
_TITLE_TOKENS = 12


class EnglishExtractor:
    """Finds people, organisations, roles and agreements in English articles."""

    name = NAME

    def pipe(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract from each article in order."""
        for article in articles:
            yield self.extract(article)

    def extract(self, article: Article) -> Extraction:
        """One article's mentions and claims."""
        builder = ExtractionBuilder(article, NAME)
        people: list[Span] = []
        singles: list[Token] = []
        all_tokens: list[Token] = []
        acronyms: dict[str, Span] = {}
        events: list[EventFinding] = []
        title = False  # the last line was a headline naming an agreement
        previous_start: int | None = None
        # the rules read surnames in capitals in title case; mentions keep them as written
        text = capitals.title_case_surnames(article.text)
        for bounds in sentence_spans(text):
            tokens = [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, *bounds)]
            _spelt_acronyms(tokens, builder, acronyms)
            sentence = Sentence(text, tokens, bounds, builder, acronyms, title, previous_start)
            previous_start = bounds[0]
            sentence.run()
            if not _date_line(tokens):
                title = _agreement_title(tokens)
            people.extend(i.span for i in sentence.items if i.kind == "person" and i.span)
            singles.extend(sentence.singles)
            all_tokens.extend(tokens)
            acronyms.update(sentence.acronyms())
            events.extend(sentence.events)
        _spelt_acronyms(all_tokens, builder, acronyms)
        for bounds in sentence_spans(text):
            # a headline in capitals names its parties as the text below it does
            headline_agreements(builder, bounds)
        # a lone surname names the full name, not a later "T. Akhmetov"
        surnames: dict[str, Span] = {}
        for p in people:
            surname = p.name.split()[-1].lower()
            if surname not in surnames or "." not in p.name:
                surnames[surname] = p
        for token in singles:
            full = surnames.get(token.bare)
            if full is not None:
                end = token.start + len(POSSESSIVE.sub("", token.text))
                builder.mention(Span(EntityType.PERSON, token.start, end, full.name))
        # An acronym the article defined, or a well-known one, names its organisation,
        # unless it is part of a longer name already found ("UN Development Programme").
        covered = [(m.start, m.end) for m in builder.mentions if m.type is EntityType.ORGANISATION]
        for token in all_tokens:
            bare = POSSESSIVE.sub("", token.text)
            org = acronyms.get(bare)
            if org is None and bare in lexicon.KNOWN_ACRONYMS:
                org = Span(EntityType.ORGANISATION, 0, 0, bare, OrgClass.INTERNATIONAL)
            if org is not None and not any(
                start <= token.start and token.end <= end for start, end in covered
            ):
                end = token.start + len(bare)
                builder.mention(Span(org.type, token.start, end, org.name, org.org_class))
        _expand_acronyms(builder, acronyms)
        _complete_single_bodies(builder)
        shortforms.dateline_outlet(text, all_tokens, builder)
        shortforms.complete_short_forms(builder)
        shortforms.one_order_per_person(builder)
        _one_name_per_variant(builder)
        _one_kind_per_parties(builder)
        _date_and_place(builder, events)
        return builder.build()


def _spelt_acronyms(
    tokens: list[Token], builder: ExtractionBuilder, acronyms: dict[str, Span]
) -> None:
    """An acronym never defined in brackets stands for the one body found so far whose
    initials spell it ("the SLC" after "State Leasing Company")."""
    bodies: list[Span] | None = None
    for token in tokens:
        if not token.text[:1].isupper():
            continue  # most tokens: an acronym is in capitals
        bare = POSSESSIVE.sub("", token.text)
        if bare in acronyms or bare in lexicon.KNOWN_ACRONYMS or not _capitals(bare):
            continue
        if bodies is None:
            bodies = [
                Span(m.type, m.start, m.end, m.name, m.org_class)
                for m in builder.mentions
                if m.type is EntityType.ORGANISATION
            ]
        body = initials.infer(bare, bodies)
        if body is not None:
            acronyms[bare] = body


def _capitals(text: str) -> bool:
    """ "SLC", "PATS": three or more capital letters and nothing else."""
    return len(text) >= 3 and text.isalpha() and text.isupper()


def _agreement_title(tokens: list[Token]) -> bool:
    """ "Memorandum of Cooperation": a short line that names an agreement."""
    return len(tokens) <= _TITLE_TOKENS and any(
        t.bare in lexicon.AGREEMENT_WORDS and t.capitalised for t in tokens
    )


def _date_line(tokens: list[Token]) -> bool:
    """ "July 22, 2024": a dateline between a headline and its text."""
    return len(tokens) <= 6 and any(t.text.isdigit() for t in tokens)


def _date_and_place(builder: ExtractionBuilder, events: list[EventFinding]) -> None:
    """Name each event by its fullest form in the article ("the Steppe Forum" is "the
    tenth Steppe Forum"), with the first date and place its sentences state."""
    names = [e.span.name for e in events]
    fullest = {name: _fullest(name, names) for name in names}
    dates: dict[str, str] = {}
    places: dict[str, str] = {}
    for event in events:
        name = fullest[event.span.name]
        if event.date:
            dates.setdefault(name, event.date)
        if event.place:
            places.setdefault(name, event.place)
    for index, mention in enumerate(builder.mentions):
        if mention.type is EntityType.EVENT:
            name = fullest.get(mention.name, mention.name)
            builder.mentions[index] = replace(
                mention, name=name, date=dates.get(name), place=places.get(name)
            )


def _fullest(name: str, names: list[str]) -> str:
    """The longest name of ``names`` whose words contain the words of ``name``."""
    words = f" {name.casefold()} "
    longer = [n for n in names if words in f" {n.casefold()} " and len(n) > len(name)]
    return max(longer, key=len, default=name)


def _one_name_per_variant(builder: ExtractionBuilder) -> None:
    """ "X of Kazakhstan-Leader" and "X of the Republic of Kazakhstan - Leader" are one
    body: spellings equal up to "the Republic of" and spaced dashes take the longest."""
    groups: dict[str, str] = {}
    for mention in builder.mentions:
        if mention.type is EntityType.ORGANISATION:
            key = _variant_key(mention.name)
            if len(mention.name) > len(groups.get(key, "")):
                groups[key] = mention.name
    # "X of Kazakhstan" begins "X of the Republic of Kazakhstan - Y" once the republic
    # is dropped, so the prefix rule of ExtractionBuilder.build runs on the keys
    longer = complete_prefixes(list(groups))
    for index, mention in enumerate(builder.mentions):
        if mention.type is EntityType.ORGANISATION:
            key = _variant_key(mention.name)
            name = groups[longer.get(key, key)]
            builder.mentions[index] = replace(mention, name=name)


def _variant_key(name: str) -> str:
    key = re.sub(r"\s*[-–—]\s*", "-", name.casefold())
    key = " ".join(key.replace("the republic of ", "").split())
    for spelt, acronym in lexicon.SPELT_ACRONYMS.items():
        key = re.sub(rf"\b{spelt}\b", acronym, key)  # "European Union Delegation" / "EU ..."
    return key


def _one_kind_per_parties(builder: ExtractionBuilder) -> None:
    """The same parties' "memorandum" and "cooperation agreement" in one article are one
    document: later claims take the kind of the first."""
    kinds: dict[frozenset[str], AgreementKind] = {}
    for index, claim in enumerate(builder.claims):
        if not isinstance(claim, AgreementClaim):
            continue
        parties = frozenset(builder.mentions[p].name.casefold() for p in claim.parties)
        kind = kinds.setdefault(parties, claim.kind)
        if kind is not claim.kind:
            builder.claims[index] = replace(claim, kind=kind)


def _complete_single_bodies(builder: ExtractionBuilder) -> None:
    """ "the Senate" is the article's one "Senate of the Parliament of X", if it names one."""
    names = {m.name for m in builder.mentions if m.type is EntityType.ORGANISATION}
    for index, mention in enumerate(builder.mentions):
        if mention.type is not EntityType.ORGANISATION:
            continue
        if mention.name.lower() not in lexicon.SINGLE_BODIES:
            continue
        longer = [
            n for n in names if n.split()[0].lower() == mention.name.lower() and n != mention.name
        ]
        if len(longer) == 1:
            builder.mentions[index] = replace(mention, name=longer[0])


def _expand_acronyms(builder: ExtractionBuilder, acronyms: dict[str, Span]) -> None:
    """A mention named by an acronym the article spells out takes the full name."""
    for index, mention in enumerate(builder.mentions):
        full = acronyms.get(mention.name)
        if mention.type is EntityType.ORGANISATION and full is not None:
            builder.mentions[index] = replace(mention, name=full.name)
