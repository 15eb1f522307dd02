"""Who holds which title in which organisation, from the order of one sentence's items."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extractors.en.referring import (
    copula_title,
    headed_by,
    in_the_one_body,
    its_title,
    the_title,
    titled_after,
)
from kg.extractors.en.tokens import Item
from kg.lang.en import lexicon, places

if TYPE_CHECKING:
    from kg.extractors.en.sentence import Sentence

# Words allowed between a person and the title that follows it ("X was elected Head of").
_AFTER_PERSON = frozenset(
    {
        ",",
        "was",
        "is",
        "has",
        "been",
        "elected",
        "appointed",
        "named",
        "became",
        "as",
        "new",
        "a",
        "an",
        "from",  # "X from the Y Fund": a person representing Y
    }
)
# Honorifics ("Mr. X") may stand between a title and its person.
_BETWEEN = frozenset(
    {
        ",",
        "and",
        "of",
        "at",
        "the",
        "(",
        ")",
        "‘",
        "’",
        "'",
        '"',
        "“",
        "”",
        "with",  # "a lawyer with the X Centre"
        "mr",
        "ms",
        "mrs",
        "dr",
        ".",
    }
)
_MAX_GAP = 3
# Words of an appointment that do not count towards that gap: "X has been appointed as
# the new director of Y".
_APPOINTED = frozenset({"has", "been", "was", "is", "appointed", "elected", "named", "as", "new"})
_QUOTE_MARKS = frozenset("‘’'\"“”«»„")
_AGE = re.compile(r"\d{1,3}")

# -- roles ---------------------------------------------------------------------------


def _gap(sentence: Sentence, a: int, b: int, allowed: frozenset[str]) -> list[str] | None:
    # "Representative in Kazakhstan X": the place of a title may stand before its person
    between = [t.text.lower() for t in sentence.tokens[a + 1 : b] if t.bare not in places.PLACES]
    if len(between) > 2 and between[0] == between[2] == "," and _AGE.fullmatch(between[1]):
        between = between[2:]  # "Aliya Nurova, 34, a volunteer with ...": her age aside
    if between[:1] == ["in"] and len(between) < b - a - 1:
        between = between[1:]
    if _unit_between(between) and "of" in allowed:
        return between  # "chairman of the board of the X": a unit between title and body
    counted = [w for w in between if w not in _APPOINTED]
    if len(counted) > _MAX_GAP + 1 or any(
        w not in allowed and w not in lexicon.TYPE_WORDS for w in between
    ):
        return None
    return between


def find_roles(sentence: Sentence) -> None:
    """Pair each person with the titles and bodies beside them."""
    items = sentence.items
    # Items an earlier person took as its apposition ("X, Vice President of Y, and Z"):
    # the next person does not take them again.
    claimed: set[int] = set()
    # A title before a list of people is each one's: "board members A, B and C".
    listed: list[tuple[Item | None, Item]] = []
    for index, item in enumerate(items):
        if item.kind != "person" or item.span is None:
            continue
        previous = items[index - 1] if index else None
        in_list = (
            previous is not None
            and previous.kind == "person"
            and _gap(sentence, previous.last, item.first, frozenset({",", "and"})) not in (None, [])
        )
        run: list[Item] = []
        k, right = index - 1, item.first
        while (
            k >= 0
            and items[k].kind != "person"
            and k not in claimed
            and _gap(sentence, items[k].last, right, _BETWEEN) is not None
        ):
            run.insert(0, items[k])
            right = items[k].first
            k -= 1
        pairs = _pairs(sentence, run)
        if not pairs and in_list:
            pairs = list(listed)
        if pairs and all(_plural(sentence, position) for position, _ in pairs):
            listed = pairs
        elif not in_list:
            listed = []
        after: list[Item] = []
        k, left = index + 1, item.last
        # "X, Acting Chairman of Y": the title's prefix lies outside its item
        allowed = _AFTER_PERSON | _BETWEEN | lexicon.TITLE_PREFIXES
        while (
            k < len(items)
            and items[k].kind != "person"
            and _gap(sentence, left, items[k].first, allowed) is not None
        ):
            after.append(items[k])
            left = items[k].last
            k += 1
            # "X, head of A, a member of B", "... and a member of B": the titles go on
            allowed = _BETWEEN | {"a", "an"}
        # The title belongs to the next person when one follows it directly
        # ("X and Foundation Chairman Y"), not after a comma ("X, Chairman of F, and Y").
        next_person = k < len(items) and items[k].kind == "person"
        if next_person and after and _apposition(sentence, item, after, items[k]):
            next_person = False
        # "X, UNDP Resident Representative": the body before its title
        body_title = (
            len(after) > 1
            and after[0].kind == "org"
            and after[1].kind == "position"
            and after[0].last + 1 == after[1].first
        )
        if after and (after[0].kind == "position" or body_title) and not next_person:
            pairs += _pairs(sentence, after)
            claimed.update(range(index + 1, index + 1 + len(after)))
        elif after and after[0].kind == "org" and _of_or_bracket(sentence, item.last, after[0]):
            pairs.append((None, after[0]))
        pairs += _who_heads(sentence, index)
        if not pairs:
            pairs += _works_at(sentence, index)
        for position, org in pairs:
            assert org.span is not None
            sentence.builder.role(
                item.span, org.span, position.role if position else None, sentence.bounds
            )
        if not pairs:
            the_title(sentence, index)
            its_title(sentence, index)
            titled_after(sentence, index)
            copula_title(sentence, index)
            headed_by(sentence, index)


def _plural(sentence: Sentence, position: Item | None) -> bool:
    """Whether a title is written in the plural ("board members"), so it heads a list."""
    if position is None:
        return False
    words = sentence.tokens[position.first : position.last + 1]
    return " ".join(t.text.lower() for t in words) in lexicon.SINGULAR_TITLES


def _apposition(sentence: Sentence, person: Item, after: list[Item], following: Item) -> bool:
    """Whether ``after`` is set off by commas as the apposition of ``person``."""
    tokens = sentence.tokens
    opening = [t.text for t in tokens[person.last + 1 : after[0].first]]
    closing = [t.text for t in tokens[after[-1].last + 1 : following.first]]
    if "and" in opening:
        return False  # "X, and the chair of Y, Z": the title opens the next conjunct
    return opening[:1] == [","] and ("," in closing or "and" in closing)


def _who_heads(sentence: Sentence, index: int) -> list[tuple[Item | None, Item]]:
    """ "X, who heads the Y Foundation": the verb gives the role."""
    tokens, items, person = sentence.tokens, sentence.items, sentence.items[index]
    k = person.last + 1
    words = [t.text.lower() for t in tokens[k : k + 4]]
    if words[2:3] in (["has"], ["had"], ["have"]):
        words, k = words[:2] + words[3:], k + 1  # "who has led the association"
    served = _served_as(sentence, index)
    if served:
        return served
    if len(words) < 3 or words[:2] != [",", "who"] or words[2] not in lexicon.HEADING_VERBS:
        return []
    start = k + 4 if k + 3 < len(tokens) and tokens[k + 3].text == "the" else k + 3
    position = Item("position", k + 2, k + 2, role=lexicon.HEADING_VERBS[words[2]])
    board = [t.bare for t in tokens[start : start + 3]]
    if board[:2] in (["board", "of"], ["council", "of"]):
        # "who chairs the board of the Steppe Network": the body whose board it is
        start += 3 if board[2:3] == ["the"] else 2
    org = next((i for i in items[index + 1 :] if i.kind == "org" and i.first == start), None)
    if org is None:
        # "who heads the Youth Policy Department at the Ministry of X": the unit is in the role
        later = next((i for i in items[index + 1 :] if i.kind == "org" and i.first > start), None)
        found = sentence.unit_before(k + 3, later.first) if later is not None else None
        if later is not None and found is not None:
            role = f"{position.role} of the {found[0]}"
            return [(Item("position", k + 2, k + 2, role=role), later)]
        # "X, who has led the association since 2019": the one body with that head
        if start < len(tokens) and not tokens[start].capitalised and tokens[k + 3].text == "the":
            head = tokens[start].bare
            if head in lexicon.ORG_HEADS:
                in_the_one_body(sentence, person, position, head, tokens[person.first].start)
        return []
    return [(position, org)]


#: "X, who (previously) served as director of Y": verbs of holding a post, and adverbs.
_SERVED = frozenset({"served", "serves", "worked", "works", "acted", "acts"})
_WHEN = frozenset({"previously", "formerly", "earlier", "currently", "now", "also"})


def _served_as(sentence: Sentence, index: int) -> list[tuple[Item | None, Item]]:
    """ "Bolat Nurov, who previously served as director of the Aral Fund": the post."""
    tokens, items, person = sentence.tokens, sentence.items, sentence.items[index]
    k = person.last + 1
    words = [t.text.lower() for t in tokens[k : k + 6]]
    if words[:2] != [",", "who"]:
        return []
    n = 2
    while n < len(words) and words[n] in _WHEN | {"has", "had", "have"}:
        n += 1
    if n + 1 >= len(words) or words[n] not in _SERVED or words[n + 1] != "as":
        return []
    start = k + n + 2
    following = [i for i in items[index + 1 :] if i.first >= start]
    if len(following) < 2 or following[0].kind != "position" or following[1].kind != "org":
        return []
    if following[0].first > start + 1:  # "as the director", "as a director"
        return []
    return _pairs(sentence, following[:2])


#: "X has worked at Y", "X joined Y as programme manager": verbs of working for a body.
_WORKED = frozenset({"works", "worked", "working"})
_JOINED = frozenset({"joined", "joins"})


def _works_at(sentence: Sentence, index: int) -> list[tuple[Item | None, Item]]:
    """ "Bolat Nurov has worked at the Aral Fund since 2019", "Aliya Serik joined the
    Aral Fund as programme manager": the person works for the body right after the verb
    (with the title after "as")."""
    tokens, items, person = sentence.tokens, sentence.items, sentence.items[index]
    k = person.last + 1
    while k < len(tokens) and tokens[k].bare in _WHEN | {"has", "had", "have"}:
        k += 1
    if k + 1 >= len(tokens) or tokens[k].bare not in _WORKED | _JOINED:
        return []
    start = k + 1
    if tokens[k].bare in _WORKED:
        if tokens[start].bare not in ("at", "for"):
            return []  # "works with": a partner, no post
        start += 1
    if start < len(tokens) and tokens[start].bare == "the":
        start += 1
    org = next((i for i in items[index + 1 :] if i.kind == "org" and i.first == start), None)
    if org is None:
        return []
    j = org.last + 1
    if tokens[k].bare in _JOINED and j < len(tokens) and tokens[j].bare == "as":
        titles = (j + 1, j + 2)  # "as programme manager", "as its director"
        position = next((i for i in items if i.kind == "position" and i.first in titles), None)
        return [(position, org)]
    return [(None, org)]


def _of_or_bracket(sentence: Sentence, a: int, org: Item) -> bool:
    """ "X (Y Foundation)", "X of Y University", "X from the Y Fund": a person representing Y."""
    return [t.text for t in sentence.tokens[a + 1 : org.first]] in (
        ["("],
        ["of"],
        ["of", "the"],
        ["from"],
        ["from", "the"],
    )


def _pairs(sentence: Sentence, run: list[Item]) -> list[tuple[Item | None, Item]]:
    """Each title with its organisation: the one adjacent before it, else after "of"."""
    pairs: list[tuple[Item | None, Item]] = []
    for n, item in enumerate(run):
        if item.kind != "position":
            continue
        before = run[n - 1] if n else None
        after = run[n + 1] if n + 1 < len(run) else None
        if before is not None and before.kind == "org" and before.last + 1 == item.first:
            pairs.append((item, before))
        elif after is not None and after.kind == "org":
            # "head of the NGO “X”": a type word and quotes may stand before the name
            # "head of the French NGO X": a nationality may describe the type
            gap = [
                t.bare
                for t in sentence.tokens[item.last + 1 : after.first]
                if t.bare not in lexicon.TYPE_WORDS
                and t.text not in _QUOTE_MARKS
                and t.bare not in places.DEMONYMS
            ]
            # "a professor at Nazarbayev University", "an expert at the Steppe Institute"
            if gap in _TITLE_TO_BODY or _unit_between(gap):
                pairs.append((item, after))
    return pairs


# What may join a title to its body: "head of the X", "a professor at X University", "a
# lawyer with the X Centre".
_TITLE_TO_BODY: tuple[list[str], ...] = (
    [],
    ["of"],
    ["of", "the"],
    ["at"],
    ["at", "the"],
    ["with"],
    ["with", "the"],
)

# Units a title may name between itself and its body: "chairman of the board of X",
# "head of the Almaty branch of X", "director of the regional office of X".
_UNIT_WORDS = frozenset(
    {"branch", "office", "department", "division", "secretariat", "unit", "section"}
)
_UNIT_QUALIFIERS = frozenset({"regional", "city", "local", "country", "national", "press"})
_MAX_UNIT_GAP = 8


def _unit_between(gap: list[str]) -> bool:
    """Whether ``gap`` (between a title and a body) is "of the <unit> of [the]"."""
    if len(gap) > _MAX_UNIT_GAP or gap[:1] != ["of"] or gap[-1:] not in (["of"], ["the"], ["at"]):
        return False
    inner = gap[1:]
    while inner and inner[-1] in ("of", "the", "at"):
        inner = inner[:-1]
    inner = [w for w in inner if w != "the"]
    # "Head of the Department of Sociology at X": a unit's own field after its "of"
    for n in range(len(inner) - 2):
        if inner[n] in _UNIT_WORDS and inner[n + 1] == "of" and gap[-1] == "at":
            inner = inner[: n + 1]
            break
    units = lexicon.BOARD_KINDS | lexicon.POSITION_BODIES | _UNIT_WORDS | _UNIT_QUALIFIERS
    # the word right before a unit may be any place or name: "the Aral branch of"
    named = [
        w
        for n, w in enumerate(inner)
        if w in units
        or w in places.PLACES
        or w == "of"
        or (n + 1 < len(inner) and inner[n + 1] in _UNIT_WORDS)
    ]
    has_unit = any(w in _UNIT_WORDS or w in lexicon.POSITION_BODIES for w in inner)
    closing = gap[len(gap) - 2 :]
    return (
        bool(inner)
        and has_unit
        and len(named) == len(inner)
        and ("of" in closing or "at" in closing)
    )
