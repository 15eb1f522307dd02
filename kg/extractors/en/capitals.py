"""Surnames written in capitals ("Yerlan SADYKOV", "KOSHKAROVA Dana"), as the rules read them.

Press releases from Central Asia often set a person's surname in capitals. The English
rules read a word in capitals as an acronym ("UNDP"), so such a person was lost, or glued
onto the body before them ("Ministry of Ecology Dana KOSHKAROVA"). This module gives the
rules a view of the text in which those surnames are in title case: the same length, so
every offset still points into the article, and the mention keeps the text as written.
"""

from __future__ import annotations

import re

from kg.extractors.en.tokens import Token, name_shaped, person_shaped
from kg.lang.en import lexicon

# A word in capitals, with a hyphenated second part ("ABAI-ULY") and a possessive.
_CAPITALS = re.compile(r"\b[A-Z][A-Z'’]*[A-Z](?:-[A-Z]+)?\b")
_VOWELS = frozenset("AEIOUY")
# A word in capitals shorter than this is an acronym ("NGO"; a surname "KIM" is missed).
_SHORTEST = 4


def title_case_surnames(text: str) -> str:
    """``text`` with each surname in capitals beside a first name written in title case."""
    defined = _defined_acronyms(text)
    pieces: list[str] = []
    last = 0
    for match in _CAPITALS.finditer(text):
        word = match.group()
        if not _surname_shaped(word) or word in defined or word in lexicon.KNOWN_ACRONYMS:
            continue
        # no capitalised word after the pair: "the Green CAREC Office" is a body's name
        if _name_before(text, match.start()):
            after = match.end()
        elif _name_after(text, match.end()):
            after = text.find(" ", match.end() + 1)
            after = len(text) if after < 0 else after
        else:
            continue
        if _capitalised_next(text, after):
            continue
        pieces.append(text[last : match.start()])
        pieces.append(_title(word))
        last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _surname_shaped(word: str) -> bool:
    """Long enough and voiced like a word, not an acronym: "SADYKOV", not "KZT" or "NGO"
    (a voiced acronym, "CAREC", is caught by its brackets)."""
    letters = [c for c in word if c.isalpha()]
    vowels = sum(c in _VOWELS for c in letters)
    return len(letters) >= _SHORTEST and vowels >= 2 and vowels * 4 >= len(letters)


def _defined_acronyms(text: str) -> frozenset[str]:
    """Words the article puts in brackets: the acronyms it defines ("(CAREC)")."""
    return frozenset(re.findall(r"\(([A-Z][A-Z-]+)\)", text))


def _name_before(text: str, start: int) -> bool:
    """A first name in title case right before ``start``, one space between."""
    if start < 2 or text[start - 1] != " ":
        return False
    match = re.search(r"([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)$", text[max(0, start - 40) : start - 1])
    return match is not None and _first_name_shaped(match.group(1), start - 1 - len(match.group(1)))


def _name_after(text: str, end: int) -> bool:
    """A first name in title case right after ``end``, one space between ("SADYKOV Yerlan")."""
    if end + 1 >= len(text) or text[end] != " ":
        return False
    match = re.match(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?\b", text[end + 1 : end + 41])
    return match is not None and _first_name_shaped(match.group(), end + 1)


def _capitalised_next(text: str, end: int) -> bool:
    """Whether a capitalised word follows ``end`` after one space."""
    return text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()


def _first_name_shaped(word: str, start: int) -> bool:
    token = Token(start, start + len(word), word)
    return name_shaped(token) and person_shaped([token])


def _title(word: str) -> str:
    """ "SADYKOV" -> "Sadykov", "ABAI-ULY" -> "Abai-Uly": the same length."""
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
