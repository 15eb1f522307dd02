"""A trained screen for organisation names: fragments and headline words are no actors.

The rules of every language propose organisations generously (a head noun and what
stands before or after it), and some of what they propose is a piece of a longer
name, a generic word ("Office", "Орталық"), a shouted headline word or an event.
The screen scores each proposed *name* of an article (all its mentions together)
with a linear model over the name's shape — how many words, its first and last
word, quotes, capitals, digits, how often and where the article uses it, whether a
rule made a claim with it — and drops the names it rejects, with their claims.
It keeps a name whenever in doubt: its threshold is chosen on held-out sites.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kg.extractors.relations.features import Sentence
from kg.extractors.relations.linear import LinearModel
from kg.iris import name_key
from kg.model import (
    AgreementClaim,
    Claim,
    EntityType,
    Extraction,
    Mention,
    ParticipationClaim,
    RoleClaim,
)

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
_QUOTES = frozenset("«»“”„\"'")
_PREFIX = 5


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "A"
    if word[:1].isupper():
        return "Aa"
    if word[:1].isdigit():
        return "9"
    return "a"


def name_features(
    lang: str,
    group: Sequence[Mention],
    sentences: Sequence[Sentence],
    claimed: bool,
) -> list[str]:
    """The features of one organisation name of an article (all its mentions)."""
    first = min(group, key=lambda m: (m.start, m.end))
    words = _WORD.findall(first.name)
    features = [
        "bias",
        f"lang={lang}",
        f"words={_bucket(len(words), (1, 2, 3, 4, 6, 9))}",
        f"{lang}:words={_bucket(len(words), (1, 2, 3, 5))}",
        f"mentions={_bucket(len(group), (1, 2, 4))}",
        f"class={first.org_class.value if first.org_class else 'none'}",
    ]
    if words:
        features += [
            f"first:{lang}:{words[0].casefold()[:_PREFIX]}",
            f"last:{lang}:{words[-1].casefold()[:_PREFIX]}",
            f"shape-first={_shape(words[0])}",
            f"shape-last={_shape(words[-1])}",
            "shapes=" + "".join(sorted({_shape(w) for w in words})),
        ]
        if len(words) == 1:
            features.append(f"single:{lang}:{words[0].casefold()[:_PREFIX]}")
    if any(ch in _QUOTES for ch in first.text):
        features.append("quoted")
    if first.text.isupper() and len(first.text) > 4 and len(words) > 1:
        features.append("shouted")
    if claimed:
        features.append("claimed")
    starts = {s.start for s in sentences}
    headline = sentences[0] if sentences else None
    if headline is not None and all(m.start < headline.end for m in group):
        features.append("headline-only")
    if any(m.start in starts for m in group):
        features.append("opens-sentence")
    extractors = sorted({m.extractor for m in group})
    features.append("by=" + "+".join(extractors))
    return features


def name_groups(mentions: Sequence[Mention]) -> dict[str, list[int]]:
    """Organisation mentions grouped by the matching key of their name, in text order."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        if mention.type is EntityType.ORGANISATION:
            groups[name_key(mention.name)].append(index)
    return dict(groups)


def claimed_mentions(claims: Sequence[Claim]) -> set[int]:
    """Mentions that some rule claim points at."""
    found: set[int] = set()
    for claim in claims:
        if isinstance(claim, RoleClaim):
            found.update((claim.person, claim.organisation))
        elif isinstance(claim, AgreementClaim):
            found.update(claim.parties)
        elif isinstance(claim, ParticipationClaim):
            found.update((claim.participant, claim.event))
    return found


def group_features(
    extraction: Extraction, sentences: Sequence[Sentence], rule_claims: Sequence[Claim]
) -> list[tuple[list[int], list[str]]]:
    """Every organisation name of the article with its features."""
    mentions = extraction.mentions
    claimed = claimed_mentions(rule_claims)
    return [
        (
            indices,
            name_features(
                extraction.article.lang,
                [mentions[i] for i in indices],
                sentences,
                any(i in claimed for i in indices),
            ),
        )
        for indices in name_groups(mentions).values()
    ]


def screen(
    extraction: Extraction,
    sentences: Sequence[Sentence],
    rule_claims: Sequence[Claim],
    model: LinearModel,
) -> Extraction:
    """``extraction`` without the organisation names ``model`` rejects, nor their claims."""
    dropped: set[int] = set()
    for indices, features in group_features(extraction, sentences, rule_claims):
        if not model.accepts(features):
            dropped.update(indices)
    if not dropped:
        return extraction
    return without_mentions(extraction, dropped)


def without_mentions(extraction: Extraction, dropped: set[int]) -> Extraction:
    """The extraction less the mentions ``dropped``; claims re-pointed, those on them gone."""
    new_index: dict[int, int] = {}
    kept: list[Mention] = []
    for index, mention in enumerate(extraction.mentions):
        if index not in dropped:
            new_index[index] = len(kept)
            kept.append(mention)
    claims: list[Claim] = []
    for claim in extraction.claims:
        if isinstance(claim, RoleClaim):
            if claim.person in new_index and claim.organisation in new_index:
                claims.append(
                    replace(
                        claim,
                        person=new_index[claim.person],
                        organisation=new_index[claim.organisation],
                    )
                )
        elif isinstance(claim, AgreementClaim):
            parties = tuple(new_index[p] for p in claim.parties if p in new_index)
            if len(parties) >= 2:
                claims.append(replace(claim, parties=parties))
        elif claim.participant in new_index and claim.event in new_index:
            claims.append(
                replace(
                    claim,
                    participant=new_index[claim.participant],
                    event=new_index[claim.event],
                )
            )
    return replace(extraction, mentions=tuple(kept), claims=tuple(claims))
