"""Acronyms an article uses without defining them: "the SLC" after "State Leasing Company"."""

from __future__ import annotations

from kg.extractors.common import Span

# Small words an acronym may spell or skip: "UNAOC" keeps the "of", "TNU" drops "the".
_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "&"})
# Names of more words than this have no acronym worth spelling (and 2^n spellings).
_LONGEST = 10


def spellings(name: str) -> set[str]:
    """The acronyms a name's initials spell, with and without its small words.

    A word in capitals gives itself ("UN Alliance of Civilizations" is "UNAOC"); a
    hyphenated word gives the initial of each part or of the first ("Turkic-speaking").
    """
    full: list[list[str]] = []  # per word: the letters it may give
    for word in name.replace("’", "'").split():
        if word.lower() in _SMALL:
            full.append(["", word[0].upper()])
        elif word.isupper() and word.isalpha():
            full.append([word])
        elif not word[:1].isalpha():
            continue  # a spaced dash, a number
        elif word[:1].islower():
            full.append(["", word[0].upper()])  # "... of the Steppe-speaking peoples"
        elif "-" in word:
            parts = [p for p in word.split("-") if p[:1].isalpha()]
            full.append([parts[0][0].upper(), "".join(p[0].upper() for p in parts)])
        else:
            full.append([word[0].upper()])
    if len(full) > _LONGEST:
        return set()  # no acronym spells a name this long
    results = {""}
    for options in full:
        results = {r + o for r in results for o in options}
    return {r for r in results if len(r) >= 2}


def infer(acronym: str, bodies: list[Span]) -> Span | None:
    """The one body whose initials spell ``acronym``, if exactly one does."""
    matches = {
        b.name: b for b in bodies if len(b.name.split()) >= 2 and acronym in spellings(b.name)
    }
    return next(iter(matches.values())) if len(matches) == 1 else None
