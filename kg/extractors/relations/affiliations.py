"""Affiliations from the trained classifier: which person of a sentence holds a post where.

Every person–organisation pair of mentions inside one sentence is a candidate; the
classifier keeps the pairs the sentence states. A pair a language's rules already
claimed is scored too (the rule is its strongest feature), so a rule that fires on a
pattern it was not written for can be overruled; claims the stage cannot score (the
two mentions in different sentences, an organisation implied by a title) stay as the
rules made them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.extractors.relations.cues import position_of
from kg.extractors.relations.features import (
    PairContext,
    Sentence,
    affiliation_features,
    overlapping,
)
from kg.extractors.relations.linear import LinearModel
from kg.iris import name_key
from kg.model import Article, EntityType, Evidence, Mention, RoleClaim

EXTRACTOR = "relations"

Pair = tuple[str, str]  # (person name key, organisation name key)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One person–organisation pair of a sentence, with its features."""

    sentence: Sentence
    person: int
    organisation: int
    features: tuple[str, ...]
    org_sentence: Sentence | None = None  # an earlier sentence that names the organisation


def pair_key(mentions: Sequence[Mention], person: int, organisation: int) -> Pair:
    return name_key(mentions[person].name), name_key(mentions[organisation].name)


#: How many sentences back an organisation may be named for a person's post in it.
_SENTENCES_BACK = 2


def candidates(
    lang: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    rules: Sequence[RoleClaim],
) -> list[Candidate]:
    """Every scorable person–organisation pair of the article, sentence by sentence.

    Pairs inside one sentence, and a person with the organisations of the sentences
    just before and of the headline (a report names the body once, then its "rector").
    """
    ruled = {pair_key(mentions, c.person, c.organisation) for c in rules}
    ruled_people = {person for person, _ in ruled}
    ruled_orgs = {org for _, org in ruled}
    found: list[Candidate] = []

    def add(sentence: Sentence, person: int, org: int, there: Sentence | None, back: int) -> None:
        key = pair_key(mentions, person, org)
        context = PairContext(
            lang=lang,
            sentence=sentence,
            mentions=mentions,
            person=person,
            organisation=org,
            ruled=key in ruled,
            person_ruled_elsewhere=key[0] in ruled_people and key not in ruled,
            org_ruled_elsewhere=key[1] in ruled_orgs and key not in ruled,
            org_sentence=there,
            sentences_back=back,
        )
        found.append(Candidate(sentence, person, org, tuple(affiliation_features(context)), there))

    for number, sentence in enumerate(sentences):
        people = _of_type(sentence, mentions, EntityType.PERSON)
        orgs = _of_type(sentence, mentions, EntityType.ORGANISATION)
        earlier = {
            back: sentences[number - back]
            for back in range(1, _SENTENCES_BACK + 1)
            if number - back >= 0
        }
        if number > _SENTENCES_BACK:
            earlier[number] = sentences[0]
        for person in people:
            for org in orgs:
                if not overlapping(sentence, person, org):
                    add(sentence, person, org, None, 0)
            if orgs or not _titled(sentence, person, lang):
                continue
            # A titled person in a sentence that names no body: the body is the one
            # the nearest earlier sentence (or the headline) names.
            for back, there in sorted(earlier.items()):
                named = _of_type(there, mentions, EntityType.ORGANISATION)
                for org in named:
                    add(sentence, person, org, there, back)
                if named:
                    break
    return found


def _titled(sentence: Sentence, person: int, lang: str) -> bool:
    """Whether a position title stands just before or after the person."""
    first, last = sentence.ranges[person]
    window = [*range(max(0, first - 3), first), *range(last, min(len(sentence.tokens), last + 2))]
    return _first_title(sentence, window, lang) is not None


def _of_type(sentence: Sentence, mentions: Sequence[Mention], kind: EntityType) -> list[int]:
    return [i for i in sentence.mentions if mentions[i].type is kind]


def role_of(candidate: Candidate, mentions: Sequence[Mention], lang: str) -> str | None:
    """The title nearest the person, between the two mentions or just before the person."""
    s = candidate.sentence
    p_first, p_last = s.ranges[candidate.person]
    if candidate.org_sentence is not None:
        window = [*range(p_first - 1, max(-1, p_first - 4), -1), *range(p_last, p_last + 2)]
        return _first_title(s, window, lang)
    o_first, o_last = s.ranges[candidate.organisation]
    if p_first < o_first:
        window = list(range(p_last, o_first)) + list(range(max(0, p_first - 3), p_first))
    else:
        window = list(range(o_last, p_first))[::-1]
    return _first_title(s, window, lang)


def _first_title(sentence: Sentence, window: Sequence[int], lang: str) -> str | None:
    for index in window:
        if 0 <= index < len(sentence.tokens):
            title = position_of(sentence.tokens[index].text, lang)
            if title is not None:
                return title
    return None


def classify(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    rules: Sequence[RoleClaim],
    model: LinearModel,
) -> list[RoleClaim]:
    """The role claims of the article: rules the model confirms, pairs it adds, the rest."""
    lang = article.lang
    scored = candidates(lang, sentences, mentions, rules)
    accepted: dict[Pair, Candidate] = {}
    rejected: set[Pair] = set()
    for candidate in scored:
        key = pair_key(mentions, candidate.person, candidate.organisation)
        if model.accepts(candidate.features):
            accepted.setdefault(key, candidate)
        else:
            rejected.add(key)
    rule_roles: dict[Pair, str | None] = {}
    kept: list[RoleClaim] = []
    for claim in rules:
        key = pair_key(mentions, claim.person, claim.organisation)
        rule_roles.setdefault(key, claim.role)
        if key in accepted or key not in rejected:
            kept.append(claim)
    for key, candidate in accepted.items():
        if any(pair_key(mentions, c.person, c.organisation) == key for c in kept):
            continue
        role = rule_roles.get(key) or role_of(candidate, mentions, lang)
        kept.append(
            RoleClaim(
                person=candidate.person,
                organisation=candidate.organisation,
                role=role,
                evidence=evidence(article, candidate.sentence, candidate.org_sentence),
            )
        )
    return kept


def evidence(article: Article, sentence: Sentence, earlier: Sentence | None = None) -> Evidence:
    """The sentence (from an ``earlier`` one on) as evidence credited to the relation stage.

    A headline as the earlier sentence is left out of the span: the text between it
    and the person's sentence says nothing of the pair.
    """
    start = sentence.start if earlier is None or earlier.headline else earlier.start
    return Evidence(
        article_id=article.id,
        sentence=article.text[start : sentence.end],
        start=start,
        end=sentence.end,
        extractor=EXTRACTOR,
    )
