"""Canonical names: initials, quoted names, organisation names in the nominative."""

from __future__ import annotations

from kg.iris import name_key
from kg.lang.ru import lexicon, morph


def initials(name: str) -> str:
    """ "А Смагулова" -> "А. Смагулова": a one-letter word is an initial."""
    return " ".join(f"{w}." if len(w) == 1 and w.isupper() else w for w in name.split())


def quoted_name(quoted: str) -> str:
    """The name inside «...», keeping a nested quote whose outer closer was dropped."""
    inner = quoted[1:]
    if inner.endswith(("»", "”", '"')) and inner.count("«") < inner.count("»"):
        inner = inner[:-1]
    return inner.strip()


def org_name(phrase: str, head: str | None = None) -> str:
    """Canonical organisation name: capitalised, abbreviations written out, aliases known."""
    words = phrase.split(" ")
    if head in lexicon.STATE_BODIES:
        words = [lexicon.STATE_GENITIVES.get(w, w) if i else w for i, w in enumerate(words)]
    words = [lexicon.ABBREVIATIONS.get(w, w) if i else w for i, w in enumerate(words)]
    # "МИДа Кыргызстана": an abbreviation takes no case ending in a name.
    name = " ".join(morph.bare_abbreviation(w) for w in words)
    name = name[:1].upper() + name[1:]
    return lexicon.KNOWN_ALIASES.get(name_key(name), name)
