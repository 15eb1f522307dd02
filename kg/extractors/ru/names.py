"""Canonical names: initials, quoted names, organisation names in the nominative."""

from __future__ import annotations

from kg.iris import name_key
from kg.lang.ru import lexicon, morph


def initials(name: str) -> str:
    """ "А Смагулова" -> "А. Смагулова": a one-letter word is an initial."""
    return " ".join(f"{w}." if len(w) == 1 and w.isupper() else w for w in name.split())


def org_name(
    phrase: str,
    head: str | None = None,
    *,
    spell_state: bool = False,
    keep_abbreviations: bool = False,
) -> str:
    """Canonical name: capitalised, a well-known body as it is named, the state as written.

    The state is spelled out ("РК" -> "Республики Казахстан") only with ``spell_state``:
    for a ministry named by a minister's title, whose words are no name of their own.
    Otherwise the article's own form is kept, and ``unify`` joins the two spellings.
    With ``keep_abbreviations`` a written "РК" stays: a minister's title ("министра
    культуры РК") names the ministry as the article abbreviates it.
    """
    words = phrase.split(" ")
    if spell_state and head in lexicon.STATE_BODIES:
        words = [lexicon.STATE_GENITIVES.get(w, w) if i else w for i, w in enumerate(words)]
    if spell_state and not keep_abbreviations:
        words = [lexicon.ABBREVIATIONS.get(w, w) if i else w for i, w in enumerate(words)]
    # "МИДа Кыргызстана": an abbreviation takes no case ending in a name.
    name = " ".join(morph.bare_abbreviation(w) for w in words)
    name = name[:1].upper() + name[1:]
    return lexicon.KNOWN_BODIES.get(name_key(name), name)
