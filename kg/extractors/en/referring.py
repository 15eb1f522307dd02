"""Titles that name their body by referring back: "its director", "the party's chairman",
"the chair of the foundation, X", "X, deputy head of the association", "Its president is
X", "The foundation is headed by X", "the delegation, led by X".

Each gives the person the title in a body the sentence or the article named before,
and only when that body is the one it can mean (the last named, or the one body with
that head).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extractors.common import Span
from kg.extractors.en.tokens import POSSESSIVE, Item
from kg.lang.en import lexicon
from kg.model import EntityType

if TYPE_CHECKING:
    from kg.extractors.en.sentence import Sentence

# "a delegation of the X", "the delegation from X": X is the body it comes from.
_DELEGATION_OF = re.compile(r"\bdelegation (?:of|from) (?:the )?$", re.IGNORECASE)


def its_title(sentence: Sentence, index: int) -> None:
    """ "X, founder of Y, and Z, its executive director", "Y's founder, X, and its
    director, Z": "its" is the body just named.

    The body is the last one named before the person in the sentence, else the last
    one the article named before it.
    """
    items, tokens = sentence.items, sentence.tokens
    person = items[index]
    after = items[index + 1] if index + 1 < len(items) else None
    before_title = items[index - 1] if index else None
    if person.span is None:
        return
    if (
        after is not None
        and after.kind == "position"
        and [t.text.lower() for t in tokens[person.last + 1 : after.first]]
        in ([",", "its"], [",", "their"], ["as", "its"], ["as", "its", "new"], ["as", "their"])
    ):
        title = after  # "X, its director", "The Aral Fund appointed X as its new director"
    elif (
        after is not None
        and after.kind == "position"
        and [t.text.lower() for t in tokens[person.last + 1 : after.first]] == ["as"]
        and index > 0
        and any(t.bare in _APPOINTING for t in tokens[items[index - 1].last + 1 : person.first])
        and items[index - 1].kind == "org"
    ):
        title = after  # "The board of the Aral Fund elected X as chairman": the subject's post
    elif (
        # "... and its director, Dana Omarova"
        before_title is not None
        and before_title.kind == "position"
        and before_title.first > 0
        and tokens[before_title.first - 1].text.lower() in ("its", "their")
        and [t.text for t in tokens[before_title.last + 1 : person.first]] == [","]
    ):
        title = before_title
    else:
        return
    org = _last_body(sentence, index, title.first)
    if org is not None:
        sentence.builder.role(person.span, org, title.role, sentence.bounds)


def _last_body(sentence: Sentence, index: int, before: int) -> Span | None:
    """The body "its" means: the last one the sentence names before token ``before``,
    else the last one the article named before the person (item ``index``)."""
    items = sentence.items
    named = [i for i in items[:index] if i.kind == "org" and i.span is not None and i.last < before]
    if named:
        return named[-1].span
    start = sentence.tokens[items[index].first].start
    bodies = [
        m for m in sentence.builder.mentions if m.type is EntityType.ORGANISATION and m.end <= start
    ]
    if not bodies:
        return None
    m = bodies[-1]
    return Span(m.type, m.start, m.end, m.name, m.org_class)


#: Verbs by which a body gives someone a post: "the Fund appointed X as director".
_APPOINTING = frozenset({"appointed", "elected", "named", "appoints", "elects", "names"})


def copula_title(sentence: Sentence, index: int) -> None:
    """ "Its president is Aigul Bekova.": the title of the body the article named last."""
    items, tokens = sentence.items, sentence.tokens
    person = items[index]
    position = items[index - 1] if index else None
    if position is None or position.kind != "position" or person.span is None:
        return
    if [t.bare for t in tokens[position.last + 1 : person.first]] not in (["is"], ["was"]):
        return
    opening = [t.bare for t in tokens[: position.first]]
    if opening not in (["its"], ["its", "current"], ["its", "new"]):
        return
    bodies = [
        m
        for m in sentence.builder.mentions
        if m.type is EntityType.ORGANISATION and m.end <= tokens[0].start
    ]
    if bodies:
        m = bodies[-1]
        org = Span(m.type, m.start, m.end, m.name, m.org_class)
        sentence.builder.role(person.span, org, position.role, sentence.bounds)


#: Verbs of heading in the passive, and the title each gives: "is headed by X".
_HEADED = {"headed": "head", "led": "leader", "chaired": "chair"}


def headed_by(sentence: Sentence, index: int) -> None:
    """ "The foundation is headed by Aigul Bekova": the one body with that head named
    before."""
    tokens, person = sentence.tokens, sentence.items[index]
    words = [t.bare for t in tokens[max(0, person.first - 5) : person.first]]
    if len(words) < 5 or words[0] != "the" or words[2] not in ("is", "was") or words[4] != "by":
        return
    head, verb = words[1], words[3]
    if head not in lexicon.ORG_HEADS or verb not in _HEADED:
        return
    position = Item("position", person.first - 2, person.first - 2, role=_HEADED[verb])
    in_the_one_body(sentence, person, position, head, tokens[person.first - 5].start)


# Words after which a capitalised head before a title opens the title, not a name.
_BEFORE_A_TITLED_HEAD = frozenset({"by", "and", ","})


def the_title(sentence: Sentence, index: int) -> None:
    """ "the party’s chairman X" and "by the Chairman X": the body the text just named.

    A possessive head names the last body of the article with that head; a bare
    "the Chairman" names the one body its sentence names before it.
    """
    items, tokens = sentence.items, sentence.tokens
    person = items[index]
    position = items[index - 1] if index else None
    if position is None or position.kind != "position":
        return
    # "the association's deputy head, Daria Petrova": a comma may set the name off
    gap = [t.text for t in tokens[position.last + 1 : person.first]]
    if gap not in ([], [","]):
        _title_of_the_head(sentence, position, person)
        return
    earlier = items[index - 2] if index >= 2 else None
    if (
        earlier is not None
        and earlier.kind == "position"
        and [t.text for t in tokens[earlier.last + 1 : position.first]] == [","]
    ):
        position = earlier  # "the university President, Professor X": the first title
    k = position.first
    assert person.span is not None
    if k >= 1 and tokens[k - 1].bare in ("its", "their"):
        # "Its executive director Timur Aliev spoke": the body just named
        org = _last_body(sentence, index, k)
        if org is not None:
            sentence.builder.role(person.span, org, position.role, sentence.bounds)
        return
    # "Foundation chair Nurlan Abenov said": a head opening the sentence, no "the";
    # "signed by Foundation President X and University Rector Y" after a word that
    # opens no name
    opening = k == 1 or (k >= 2 and tokens[k - 2].bare in _BEFORE_A_TITLED_HEAD)
    if opening and tokens[k - 1].capitalised and tokens[k - 1].bare in lexicon.ORG_HEADS:
        in_the_one_body(sentence, person, position, tokens[k - 1].bare, tokens[k - 1].start)
        return
    # "the party’s chairman X", "the university President X": the head names the body
    common_head = (
        k >= 2 and not tokens[k - 1].capitalised and tokens[k - 1].bare in lexicon.ORG_HEADS
    )
    # "signed by foundation chair X": a common head before the title needs no "the"
    bare_head = common_head and not tokens[k - 2].capitalised
    if (
        k >= 2
        and (tokens[k - 2].text.lower() == "the" or bare_head)
        and (POSSESSIVE.search(tokens[k - 1].text) or common_head)
    ):
        head = tokens[k - 1].bare
        if head not in lexicon.ORG_HEADS:
            return
        bodies = [
            m
            for m in sentence.builder.mentions
            if m.type is EntityType.ORGANISATION
            and m.end <= tokens[k].start
            and head in m.name.lower().split()
        ]
        if bodies:
            m = bodies[-1]
            org = Span(m.type, m.start, m.end, m.name, m.org_class)
            sentence.builder.role(person.span, org, position.role, sentence.bounds)
        return
    delegation = _delegation_body(sentence, k)
    if delegation is not None:
        sentence.builder.role(person.span, delegation, position.role, sentence.bounds)
        return
    orgs = [i for i in items if i.kind == "org" and i.span is not None]
    if k >= 1 and tokens[k - 1].text.lower() == "the" and len(orgs) == 1 and orgs[0].last < k:
        assert orgs[0].span is not None
        sentence.builder.role(person.span, orgs[0].span, position.role, sentence.bounds)


def _title_of_the_head(sentence: Sentence, position: Item, person: Item) -> None:
    """ "the chair of the foundation, Aigerim Bekova": a bare head after the title names
    the one body with that head the article has named before."""
    tokens = sentence.tokens
    j = position.last + 1
    head = _bare_head_at(sentence, j)
    if head is None or [t.text for t in tokens[j + 3 : person.first]] not in ([], [","]):
        return
    in_the_one_body(sentence, person, position, head, tokens[j].start)


def titled_after(sentence: Sentence, index: int) -> None:
    """ "Aigerim Bekova, deputy head of the foundation, said": the title after the person,
    and a bare head that names the one body with that head named before."""
    items, tokens = sentence.items, sentence.tokens
    person = items[index]
    position = items[index + 1] if index + 1 < len(items) else None
    if position is None or position.kind != "position":
        return
    gap = [t.text.lower() for t in tokens[person.last + 1 : position.first]]
    if len(gap) == 3 and gap[:2] == [",", "the"] and POSSESSIVE.search(gap[2]):
        # "Marat Ibrayev, the foundation's director,": the one body with that head
        owner = tokens[position.first - 1].bare
        if owner in lexicon.ORG_HEADS:
            in_the_one_body(sentence, person, position, owner, tokens[person.first].start)
        return
    if gap not in ([","], [",", "the"]):
        return
    j = position.last + 1
    board = _board_of_the_head(sentence, j)
    if board is not None:
        # "X, head of the foundation's board of trustees,": the board goes into the title
        board_head, unit = board
        org = the_one_body(sentence, board_head, tokens[person.first].start)
        if org is not None and person.span is not None:
            role = f"{position.role} of the {unit}" if position.role else None
            sentence.builder.role(person.span, org, role, sentence.bounds)
        return
    head = _bare_head_at(sentence, j)
    closing = tokens[j + 3].text if j + 3 < len(tokens) else "."
    if head is not None and closing in (",", ".", ";", "—", "–"):
        in_the_one_body(sentence, person, position, head, tokens[person.first].start)


#: A body's own boards and councils, named after its possessive head.
_BOARDS = frozenset({"board", "council", "presidium", "secretariat"})
_BOARD_WORDS = 4  # "board of trustees", "supervisory board": words of the unit at most


def _board_of_the_head(sentence: Sentence, j: int) -> tuple[str, str] | None:
    """The head and the unit of "of the foundation's board of trustees" from token ``j``."""
    tokens = sentence.tokens
    words = [t.text.lower() for t in tokens[j : j + 3 + _BOARD_WORDS + 1]]
    if len(words) < 4 or words[:2] != ["of", "the"] or not POSSESSIVE.search(words[2]):
        return None
    head = tokens[j + 2].bare
    if head not in lexicon.ORG_HEADS or tokens[j + 2].capitalised:
        return None
    unit: list[str] = []
    for word in words[3:]:
        if word in (",", ".", ";", "—", "–"):
            break
        unit.append(word)
    else:
        return None
    if not unit or len(unit) > _BOARD_WORDS or not _BOARDS & set(unit):
        return None
    return head, " ".join(unit)


def _bare_head_at(sentence: Sentence, j: int) -> str | None:
    """The head of "of the foundation" starting at token ``j``, if it is one."""
    tokens = sentence.tokens
    words = [t.text for t in tokens[j : j + 3]]
    if len(words) < 3 or words[:2] != ["of", "the"] or tokens[j + 2].capitalised:
        return None
    head = tokens[j + 2].bare
    return head if head in lexicon.ORG_HEADS else None


def in_the_one_body(
    sentence: Sentence, person: Item, position: Item, head: str, before: int
) -> None:
    """Give ``person`` the title in the one body with ``head`` named before ``before``."""
    org = the_one_body(sentence, head, before)
    if org is None:
        return  # none, or two bodies of that kind: which one is unknown
    assert person.span is not None
    sentence.builder.role(person.span, org, position.role, sentence.bounds)


def the_one_body(sentence: Sentence, head: str, before: int) -> Span | None:
    """The one body with ``head`` in its name that the article named before offset
    ``before``, or None when it named none or several."""
    bodies = {
        m.name: m
        for m in sentence.builder.mentions
        if m.type is EntityType.ORGANISATION and m.end <= before and head in m.name.lower().split()
    }
    if len(bodies) != 1:
        return None
    (m,) = bodies.values()
    return Span(m.type, m.start, m.end, m.name, m.org_class)


def _delegation_body(sentence: Sentence, k: int) -> Span | None:
    """ "a delegation of the X came ... The delegation, led by Secretary Y, ...": the
    leader holds the title in the body the delegation came from."""
    tokens = sentence.tokens
    before = [t.bare for t in tokens[max(0, k - 5) : k]]
    if "delegation" not in before or before[-2:] != ["led", "by"]:
        return None
    if any(i.kind == "org" and i.last < k for i in sentence.items):
        return None  # "a delegation of the X led by": the body is in the sentence
    text = sentence.text
    found = [
        m
        for m in sentence.builder.mentions
        if m.type is EntityType.ORGANISATION
        and m.end <= tokens[k].start
        and _DELEGATION_OF.search(text[max(0, m.start - 20) : m.start])
    ]
    if not found:
        return None
    m = found[-1]
    return Span(m.type, m.start, m.end, m.name, m.org_class)
