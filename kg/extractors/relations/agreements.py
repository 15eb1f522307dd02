"""Agreements the language's rules left unsaid: a signing sentence that names two bodies.

The rules of each language read the signing patterns they were written for ("X пен
Y ... меморандумға қол қойды", "X и Y подписали соглашение"); news states the same
thing in many other shapes ("В рамках визита ... подписан меморандум между X, Y и
Z", "X signed a memorandum of understanding with Y"). Whenever a sentence names an
agreement and says it was signed (a headline need not say so) and names two or more
organisations, and no rule already made an agreement of that sentence, those
organisations are its parties. Bodies named inside another's name, and outlets the
sentence quotes, are not parties.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extractors.relations.affiliations import evidence
from kg.extractors.relations.cues import AGREEMENT_NOUNS, MEMORANDUM_NOUNS, SIGNING, first_cue
from kg.extractors.relations.features import Sentence
from kg.iris import name_key
from kg.model import (
    AgreementClaim,
    AgreementKind,
    Article,
    Claim,
    EntityType,
    Mention,
    OrgClass,
)


def agreements(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    claims: Sequence[Claim],
) -> list[AgreementClaim]:
    """Agreement claims for the signing sentences no rule claim covers."""
    nouns = AGREEMENT_NOUNS.get(article.lang, frozenset())
    signing = SIGNING.get(article.lang, frozenset())
    covered = [c.evidence for c in claims if isinstance(c, AgreementClaim)]
    found: list[AgreementClaim] = []
    for sentence in sentences:
        if any(e.start < sentence.end and sentence.start < e.end for e in covered):
            continue
        text = _outside_names(article.text, sentence, mentions)
        noun = first_cue(text, nouns)
        if noun is None or not (sentence.headline or first_cue(text, signing)):
            continue
        parties = _parties(sentence, mentions)
        if len({name_key(mentions[p].name) for p in parties}) < 2:
            continue
        kind = AgreementKind.MEMORANDUM if noun in MEMORANDUM_NOUNS else AgreementKind.AGREEMENT
        found.append(
            AgreementClaim(
                parties=tuple(parties), kind=kind, title=None, evidence=evidence(article, sentence)
            )
        )
    return found


def _outside_names(text: str, sentence: Sentence, mentions: Sequence[Mention]) -> str:
    """The sentence with every name blanked: "«Қоғамдық келісім» КММ" names no agreement."""
    chars = list(text[sentence.start : sentence.end])
    for index in sentence.mentions:
        mention = mentions[index]
        for i in range(mention.start - sentence.start, mention.end - sentence.start):
            chars[i] = " "
    return "".join(chars)


def _parties(sentence: Sentence, mentions: Sequence[Mention]) -> list[int]:
    orgs = [
        i
        for i in sentence.mentions
        if mentions[i].type is EntityType.ORGANISATION
        and mentions[i].org_class is not OrgClass.MEDIA
    ]
    outer = [
        i
        for i in orgs
        if not any(
            o != i
            and sentence.ranges[o][0] <= sentence.ranges[i][0]
            and sentence.ranges[i][1] <= sentence.ranges[o][1]
            and sentence.ranges[o] != sentence.ranges[i]
            for o in orgs
        )
    ]
    seen: set[str] = set()
    parties = []
    for index in outer:
        key = name_key(mentions[index].name)
        if key not in seen:
            seen.add(key)
            parties.append(index)
    return parties
