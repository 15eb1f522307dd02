"""Features of candidate relations: what stands between two mentions of one sentence.

A candidate is a pair of mentions inside one sentence (a person and an organisation
for an affiliation; an organisation and the sentence's agreement word for a party).
Its features are strings, each worth 1: the words and punctuation between the two,
the words just outside, how far apart they are, what other mentions lie between,
position titles and case endings nearby. Whether a language's rules claim the pair is
deliberately *not* a feature: the rules were written while reading the training
articles, so on them they look nearly always right, and a model that learnt to trust
them would add nothing on unseen sites, where they miss most. The same code serves
every language; the language is a feature too, so a weight can be specific to one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from kg.extractors.relations.cues import position_of
from kg.model import EntityType, Mention

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
#: How many letters of a word the features keep: enough for a stem, few enough that
#: the case endings of Kazakh and Russian fold together.
_PREFIX = 5
_NEAR = 3  # words looked at on either side of a pair


# A named tuple, not a frozen dataclass: every sentence of every article is cut into
# these, and a tuple is made several times faster.
class Token(NamedTuple):
    start: int
    end: int
    text: str
    punct: bool  # a mark, not a word or number (asked of each token many times)

    @property
    def key(self) -> str:
        """The token as a feature: lower case, cut to its first letters."""
        return self.text.casefold()[:_PREFIX]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence's tokens and the mentions inside it (as token ranges)."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    mentions: tuple[int, ...]  # indices into the extraction's mentions
    ranges: dict[int, tuple[int, int]]  # mention index -> [first, last) token
    # people an earlier sentence named, placed here on the pronoun that stands for them
    pronouns: frozenset[int] = frozenset()

    @property
    def headline(self) -> bool:
        return self.start == 0


def tokenize(text: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple(
        Token(m.start(), m.end(), word, not word[0].isalnum())
        for m in _TOKEN.finditer(text, start, end)
        for word in (m.group(),)
    )


def sentence_view(
    text: str, bounds: tuple[int, int], mentions: Sequence[Mention], inside: Sequence[int]
) -> Sentence:
    """The sentence ``bounds`` of ``text`` with the mentions ``inside`` it placed on tokens."""
    tokens = tokenize(text, *bounds)
    ends = [t.end for t in tokens]
    starts = [t.start for t in tokens]
    ranges: dict[int, tuple[int, int]] = {}
    for index in inside:
        mention = mentions[index]
        # the tokens that overlap the mention: the first ending after its start, up to
        # the last starting before its end
        first = bisect_right(ends, mention.start)
        last = bisect_left(starts, mention.end)
        if first < last:
            ranges[index] = (first, last)
    return Sentence(bounds[0], bounds[1], tokens, tuple(i for i in inside if i in ranges), ranges)


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _ending(mention: Mention) -> str:
    return mention.text.casefold()[-3:]


@dataclass(frozen=True, slots=True)
class PairContext:
    """What the features of one (person, organisation) pair may look at."""

    lang: str
    sentence: Sentence
    mentions: Sequence[Mention]
    person: int
    organisation: int
    # The organisation's sentence when it is an earlier one than the person's.
    org_sentence: Sentence | None = None
    sentences_back: int = 0


def affiliation_features(pair: PairContext) -> list[str]:
    """The features of one person–organisation candidate."""
    if pair.org_sentence is not None:
        return _cross_features(pair, pair.org_sentence)
    s, lang = pair.sentence, pair.lang
    p_first, p_last = s.ranges[pair.person]
    o_first, o_last = s.ranges[pair.organisation]
    person_first = p_first < o_first
    gap_start, gap_end = (p_last, o_first) if person_first else (o_last, p_first)
    between = s.tokens[gap_start:gap_end] if gap_end > gap_start else ()
    features = [
        "bias",
        f"lang={lang}",
        "order=person-first" if person_first else "order=org-first",
        f"{lang}:order={'P' if person_first else 'O'}",
        f"gap={_bucket(len(between), (0, 1, 2, 3, 5, 8, 12, 20))}",
        f"{lang}:gap={_bucket(len(between), (0, 1, 2, 4, 8, 16))}",
        f"oend={lang}:{_ending(pair.mentions[pair.organisation])}",
        f"pend={lang}:{_ending(pair.mentions[pair.person])}",
    ]
    org_class = pair.mentions[pair.organisation].org_class
    features.append(f"oclass={org_class.value if org_class else 'none'}")
    if s.headline:
        features.append("headline")
    features += _between_features(between, lang)
    features += _others_between(pair, gap_start, gap_end)
    features += _outside_features(pair, min(p_first, o_first), max(p_last, o_last))
    features += _nearest(pair, person_first)
    features += _list_features(pair)
    if _echoes(pair, max(0, p_first - _ECHO_WINDOW), p_first):
        features.append("echo-before-person")
    return features


def _cross_features(pair: PairContext, org_sentence: Sentence) -> list[str]:
    """An organisation named in an earlier sentence: "X университеті ... Университет ректоры Y"."""
    s, lang = pair.sentence, pair.lang
    p_first, p_last = s.ranges[pair.person]
    back = "h" if org_sentence.headline else str(pair.sentences_back)
    features = [
        "bias",
        "cross-bias",
        f"cross={back}",
        f"{lang}:cross={back}",
    ]
    orgs_here = sum(pair.mentions[i].type is EntityType.ORGANISATION for i in s.mentions)
    people_here = sum(pair.mentions[i].type is EntityType.PERSON for i in s.mentions)
    features.append(f"cross-orgs-here={_bucket(orgs_here, (0, 1))}")
    features.append(f"cross-people-here={_bucket(people_here, (1, 2))}")
    orgs_there = sum(
        pair.mentions[i].type is EntityType.ORGANISATION for i in org_sentence.mentions
    )
    features.append(f"cross-orgs-there={_bucket(orgs_there, (1, 2))}")
    before = [t for t in s.tokens[max(0, p_first - _NEAR) : p_first] if not t.punct]
    features += [f"cross-pre:{lang}:{t.key}" for t in before[-2:]]
    if any(position_of(t.text, lang) for t in before):
        features.append("cross-position-by-person")
    after = [t for t in s.tokens[p_last : p_last + 2] if not t.punct]
    if any(position_of(t.text, lang) for t in after):
        features.append("cross-position-after-person")
    if _echoes(pair, max(0, p_first - _ECHO_WINDOW), p_first):
        features.append("cross-echo")
    if p_first <= 1:
        features.append("cross-person-opens")
    return features


#: How many tokens before a person may hold a word of the organisation's name
#: ("университет ректоры Y" after "X университеті" was named).
_ECHO_WINDOW = 4
_MIN_ECHO = 4


def _echoes(pair: PairContext, start: int, end: int) -> bool:
    """Whether a token in ``[start, end)`` outside any mention repeats a word of the org name."""
    s = pair.sentence
    name_words = _echo_words(pair.mentions[pair.organisation].name)
    # a handful of tokens: testing each against the ranges beats collecting every
    # mention's tokens for every pair
    spans = [s.ranges[index] for index in s.mentions]
    return any(
        not s.tokens[i].punct
        and not any(first <= i < last for first, last in spans)
        and any(_shares_stem(s.tokens[i].text.casefold(), w) for w in name_words)
        for i in range(start, end)
    )


@lru_cache(maxsize=1 << 14)
def _echo_words(name: str) -> tuple[str, ...]:
    """The words of an organisation's name another word may echo, case-folded."""
    return tuple(
        w.casefold() for w in _TOKEN.findall(name) if len(w) >= _MIN_ECHO and w[:1].isalpha()
    )


def _shares_stem(a: str, b: str) -> bool:
    """Whether two words differ only in their endings ("қордың" / "қоры", "party's" / "party")."""
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= 3 and shared >= min(len(a), len(b)) - 3


#: Words that join the names of a list ("A, B және C").
_LIST_JOINERS = frozenset({",", "и", "және", "мен", "пен", "бен", "and", "&", ";"})


def _list_features(pair: PairContext) -> list[str]:
    """A person in a list after a title: "члены совета A, B и C", "кеңес мүшелері A, B"."""
    s, lang = pair.sentence, pair.lang
    people = {i for i in s.mentions if pair.mentions[i].type is EntityType.PERSON}
    in_person = {i: m for m in people for i in range(*s.ranges[m])}
    index = s.ranges[pair.person][0] - 1
    crossed = 0
    while index >= 0:
        token = s.tokens[index]
        if index in in_person:
            crossed += 1
            index = s.ranges[in_person[index]][0] - 1
            continue
        if token.text.casefold() in _LIST_JOINERS:
            index -= 1
            continue
        break
    title = next(
        (
            i
            for i in range(index, max(-1, index - _NEAR), -1)
            if i not in in_person and position_of(s.tokens[i].text, lang) is not None
        ),
        None,
    )
    if crossed == 0 or title is None:
        return []
    o_first, o_last = s.ranges[pair.organisation]
    features = ["listed-after-title"]
    if (o_last <= title and title - o_last <= _NEAR) or (
        o_first > title and o_first - title <= _NEAR
    ):
        features.append("listed-after-title-of-org")
    return features


def _between_features(between: Sequence[Token], lang: str) -> list[str]:
    features: list[str] = []
    words = [t for t in between if not t.punct]
    marks = "".join(sorted({t.text for t in between if t.punct}))
    features.append(f"marks={marks or '-'}")
    features.extend(f"mark:{t.text}" for t in between if t.punct)
    features.append(f"commas={_bucket(sum(t.text == ',' for t in between), (0, 1, 2))}")
    if len(between) <= 10:
        features.extend(f"bw:{lang}:{t.key}" for t in words)
    if words:
        features.append(f"bw-first:{lang}:{words[0].key}")
        features.append(f"bw-last:{lang}:{words[-1].key}")
    positions = [position_of(t.text, lang) for t in words]
    if any(positions):
        features.append("position-between")
        if len(between) <= 6:
            features.append("position-between-near")
    return features


def _others_between(pair: PairContext, gap_start: int, gap_end: int) -> list[str]:
    s = pair.sentence
    persons = orgs = 0
    for index in s.mentions:
        if index in (pair.person, pair.organisation):
            continue
        first, last = s.ranges[index]
        if first >= gap_start and last <= gap_end:
            kind = pair.mentions[index].type
            persons += kind is EntityType.PERSON
            orgs += kind is EntityType.ORGANISATION
    return [
        f"persons-between={_bucket(persons, (0, 1, 2))}",
        f"orgs-between={_bucket(orgs, (0, 1, 2))}",
    ]


def _outside_features(pair: PairContext, first: int, last: int) -> list[str]:
    s, lang = pair.sentence, pair.lang
    before = s.tokens[max(0, first - _NEAR) : first]
    after = s.tokens[last : last + _NEAR]
    features = [f"pre:{lang}:{t.key}" for t in before[-2:]]
    features += [f"post:{lang}:{t.key}" for t in after[:2]]
    p_first, p_last = s.ranges[pair.person]
    around_person = [*s.tokens[max(0, p_first - _NEAR) : p_first], *s.tokens[p_last : p_last + 1]]
    if any(position_of(t.text, lang) for t in around_person if not t.punct):
        features.append("position-by-person")
    return features


def _nearest(pair: PairContext, person_first: bool) -> list[str]:
    """Whether the organisation is the person's closest one (and vice versa), and on which side."""
    s = pair.sentence

    def distance(a: int, b: int) -> int:
        (a1, a2), (b1, b2) = s.ranges[a], s.ranges[b]
        return b1 - a2 if a1 < b1 else a1 - b2

    def closest(index: int, kind: EntityType) -> int | None:
        others = [
            o
            for o in s.mentions
            if o != index
            and pair.mentions[o].type is kind
            and not _overlap(s.ranges[o], s.ranges[index])
        ]
        return min(others, key=lambda o: (distance(index, o), o), default=None)

    features = []
    if closest(pair.person, EntityType.ORGANISATION) == pair.organisation:
        features.append("nearest-org")
        features.append(f"nearest-org-{'right' if person_first else 'left'}")
    if closest(pair.organisation, EntityType.PERSON) == pair.person:
        features.append("nearest-person")
        features.append(f"nearest-person-{'left' if person_first else 'right'}")
    return features


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def overlapping(sentence: Sentence, a: int, b: int) -> bool:
    """Whether mentions ``a`` and ``b`` share a token (a name inside another)."""
    return _overlap(sentence.ranges[a], sentence.ranges[b])
