"""Tokens of English text and the word shapes the rules test."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extractors.common import Span
from kg.lang.en import lexicon, places, shapes

# Dotted acronyms ("U.S.", "U.K.") are one token, so a name run does not break at them;
# "ex-" before a word is a token of its own, so "Ex-director" is the title "director"
# after a prefix like "former".
# An en dash between two words with no space is a hyphen ("EU–Central Asia Forum").
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|e\.V\.|\b[Ee]x-(?=[A-Za-z])|\w+(?:[-–'’.]\w+)*|[^\w\s]")
CONNECTORS = frozenset({"of", "the", "for", "and", "&", "on"})
POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    # Lower-case text without a possessive ending, whether it is capitalised, and the
    # organisation head it is or starts ("Foundation-Kazakhstan"): the rules ask for
    # them a hundred times per token, so each is computed once.
    bare: str = field(init=False, compare=False, repr=False)
    capitalised: bool = field(init=False, compare=False, repr=False)
    head: str | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        bare = POSSESSIVE.sub("", self.text).lower()
        object.__setattr__(self, "bare", bare)
        object.__setattr__(self, "capitalised", self.text[:1].isupper())
        head = next((w for w in (bare, bare.split("-")[0]) if w in lexicon.ORG_HEADS), None)
        object.__setattr__(self, "head", head)

    @property
    def function_word(self) -> bool:
        """A capitalised word that starts no name ("The", "During"); "IT" is not "it"."""
        return self.bare in shapes.NOT_NAMES and not (len(self.text) > 1 and self.text.isupper())


@dataclass(frozen=True, slots=True)
class Item:
    kind: str  # "person" | "org" | "position"
    first: int
    last: int
    span: Span | None = None
    role: str | None = None


def name_shaped(token: Token) -> bool:
    word = token.bare
    return (
        token.capitalised
        and not token.text.isupper()
        and token.text[:1].isalpha()
        and word not in shapes.NOT_NAMES
        and word not in places.PLACES
        and word not in lexicon.ORG_HEADS
        and word not in places.PLACE_HEADS
        and word not in lexicon.POSITIONS
    )


def person_shaped(words: list[Token]) -> bool:
    """Whether capitalised words may be a person's name, not a goal, a day or a place.

    A rules-only extractor cannot know first names, so it rules out what names are not:
    vocabulary of programmes, days and places, and the endings of abstract nouns.
    """
    return not any(
        w.bare in shapes.NON_PERSON_WORDS
        or w.bare in shapes.EVENT_HEADS
        or w.bare.endswith(shapes.NON_NAME_ENDINGS)
        or singular_head(w.bare) is not None
        for w in words
    )


def singular_head(word: str) -> str | None:
    """The body's head that ``word`` is the plural of ("societies" -> "society"), if any:
    the members of a federation ("... Red Crescent Societies") or bodies per field ("the
    Ministries of Health and Education"), never a surname."""
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else ""
    # "Banks" is a surname as often as it is banks
    return singular if singular in lexicon.ORG_HEADS and word != "banks" else None


def acronym_shaped(text: str) -> bool:
    """ "UNDP", "StepAID": mostly capitals; "McDonald" is a name."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return len(letters) >= 2 and text[:1].isupper() and upper >= 2 and upper * 2 >= len(letters)
