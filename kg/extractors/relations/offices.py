"""Office-holders of a named office: "аким Уральска X" when the article names its akimat.

The conventions give an akim or a mayor an affiliation only when the body itself is
named ("Акимат Уральска", "Орал қаласының әкімдігі", "Karakol mayor's office"). When
the article names that body and a person carries the title with the same place
("Аким Уральска Алтай Кольбаев", "Орал қаласының әкімі Х", "Uralsk akim X"), the person
holds the post in it. The same in every language: the title, a place word beside it,
and one named body of the office whose name has that place.

A title may leave its place to the article ("облыс әкімі X", "аким области X", "the
regional akim, X", "Аким X"): the region's akim is the akim of the region the article
is about. When the article names just one office of that kind (an akimat whose name
has "облыс" / "области" / "region", or any one akimat for a bare title), the person
holds the post there.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extractors.relations.affiliations import Pair, evidence, pair_key
from kg.extractors.relations.cues import OFFICES, PLACE_NOUNS
from kg.extractors.relations.features import Sentence, Token
from kg.model import Article, EntityType, Mention, RoleClaim

_WINDOW = 4  # tokens before the person searched for the title and its place
_PLACE_STEM = 4  # letters of a place that identify it across its case forms


def office_holders(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    claimed: set[Pair],
) -> list[RoleClaim]:
    """Role claims of titled office-holders in the one named office of their place."""
    nouns = PLACE_NOUNS.get(article.lang, frozenset())
    found: list[RoleClaim] = []
    for sentence in sentences:
        for index in sentence.mentions:
            if mentions[index].type is not EntityType.PERSON:
                continue
            first, _ = sentence.ranges[index]
            opening = max(0, first - _WINDOW)
            window = sentence.tokens[opening:first]
            title = _title(window)
            if title is None:
                continue
            position, role, bodies = title
            role = _deputy(window, position, role)
            places = [
                t.text.casefold()[:_PLACE_STEM]
                for n, t in enumerate(window)
                if n != position and t.text[:1].isupper() and len(t.text) >= _PLACE_STEM
            ]
            # "Deputy Akim of Astana": a capitalised title word is no place; any place
            # that names the office counts
            office = _only_office(mentions, bodies, places)
            if office is None:
                kind = _unnamed_place(sentence.tokens, opening + position, first, nouns)
                if kind is None:
                    continue
                office = _only_office(mentions, bodies, [kind])
            if office is None:
                continue  # none named, or two: which one is unknown
            key = pair_key(mentions, index, office)
            if key in claimed:
                continue
            claimed.add(key)
            found.append(
                RoleClaim(
                    person=index,
                    organisation=office,
                    role=role,
                    evidence=evidence(article, sentence),
                )
            )
    return found


def _title(window: Sequence[Token]) -> tuple[int, str, tuple[str, ...]] | None:
    """The office title in ``window`` (its index, nominative, office words), if any."""
    for n in range(len(window) - 1, -1, -1):
        word = window[n].text.casefold()
        for stem, role, bodies in OFFICES:
            # "акимат", "әкімдігі" name the office itself, not its holder
            office = any(word.startswith(b[: len(stem) + 2]) for b in bodies)
            if word.startswith(stem) and not office:
                return n, role, bodies
    return None


def _deputy(window: Sequence[Token], position: int, role: str) -> str:
    """The deputy's title when the window says so: "Deputy Akim", "заместитель акима",
    "әкімінің орынбасары"."""
    before = window[position - 1].text.casefold() if position else ""
    after = [t.text.casefold() for t in window[position + 1 : position + 2]]
    if before in ("deputy", "vice"):
        return f"deputy {role}"
    if before.startswith("заместител"):
        return f"заместитель {role}а"
    if after and after[0].startswith("орынбасар"):
        return f"{role} орынбасары"
    return role


def _only_office(
    mentions: Sequence[Mention], bodies: tuple[str, ...], places: Sequence[str]
) -> int | None:
    """The one office mention whose name has one of ``places`` ("" matches any)."""
    offices = {
        mentions[m].name: m
        for m in range(len(mentions))
        if mentions[m].type is EntityType.ORGANISATION
        and any(_names_office(mentions[m].name.casefold(), bodies, place) for place in places)
    }
    return next(iter(offices.values())) if len(offices) == 1 else None


def _unnamed_place(
    tokens: Sequence[Token], title: int, person: int, nouns: frozenset[str]
) -> str | None:
    """The kind of place a title names without naming the place, or None when it may
    name one.

    "облыс әкімі X", "аким области X", "the regional akim, X" give the stem of the
    place word; a bare "Аким X" gives "". A capitalised word beside the title may be
    the place ("Орал әкімі", "аким Уральска"), so it gives None.
    """
    kind = ""
    for tok in tokens[title + 1 : person]:
        word = tok.text.casefold()
        if tok.punct or word.startswith("орынбасар"):  # "әкімінің орынбасары"
            continue
        if tok.text[:1].isupper() or not _place_word(word, nouns):
            return None
        kind = word[:_PLACE_STEM]
    if kind or title == 0:
        return kind
    before = tokens[title - 1]
    word = before.text.casefold()
    if word in nouns:  # the bare noun: "облыс әкімі", "regional akim"
        ahead = tokens[title - 2] if title >= 2 else None
        named = ahead is not None and ahead.text[:1].isupper() and title - 2 > 0
        return None if named else word[:_PLACE_STEM]
    if before.text[:1].isupper() and not before.punct:
        return None
    return ""


def _place_word(word: str, nouns: frozenset[str]) -> bool:
    """Whether ``word`` is a case form of a place noun ("области" of "область")."""
    return any(word.startswith(noun[: max(_PLACE_STEM, len(noun) - 2)]) for noun in nouns)


def _names_office(name: str, bodies: tuple[str, ...], place: str) -> bool:
    """Whether ``name`` is an office of ``bodies`` (its head: the first or the last word)
    with ``place``; "Управление ... акимата X области" is a department, not the akimat."""
    words = name.split()
    if not words:
        return False
    headed = any(
        words[0].startswith(b) or words[-1].startswith(b) or name.endswith(b) for b in bodies
    )
    return headed and any(w.startswith(place) for w in words)
