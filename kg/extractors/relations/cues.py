"""The words each language uses around a relation, as the relation stage reads them.

Position titles come from each language's lexicon (their one home); the words that
say someone took part in an event are kept here because only the relation stage
reads them. Words are matched by their beginning
(see ``stem``), which is how an inflected "төрағасының" or "председателя" finds
"төраға" or "председатель" without a morphological analyser per language.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.lang.en import lexicon as en
from kg.lang.kk import lexicon as kk
from kg.lang.ru import lexicon as ru

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_VOWELS = frozenset("аәеёиоөуұүыіэюяьйaeiouy")


def stem(word: str) -> str:
    """``word`` without a final vowel (or soft sign), the part its inflections share."""
    word = word.casefold()
    if len(word) > 4 and word[-1] in _VOWELS:
        return word[:-1]
    return word


def _single_words(titles: frozenset[str]) -> frozenset[str]:
    return frozenset(title for title in titles if " " not in title)


#: Titles of positions, bare nominative / lemma / lower case.
POSITIONS: dict[str, frozenset[str]] = {
    "kk": _single_words(kk.POSITIONS),
    "ru": _single_words(ru.POSITIONS),
    "en": _single_words(en.POSITIONS),
}

#: Title stems of a local executive or an ambassador, the title in the nominative, and
#: the words that name their office (matched inside the office's name).
OFFICES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("аким", "аким", ("акимат",)),
    ("әкім", "әкім", ("әкімдік", "әкімдіг", "әкімшіліг")),
    ("akim", "akim", ("akimat",)),
    ("мэр", "мэр", ("мэри",)),
    ("mayor", "mayor", ("mayor's office", "mayor’s office", "city hall")),
    # an ambassador holds the post in the embassy the article names for that country
    ("ambassador", "ambassador", ("embassy",)),
    ("посол", "посол", ("посольств",)),
    ("елші", "елші", ("елшілі",)),
)

#: Words for a kind of place ("облыс", "области", "region"): beside an office title they
#: say which kind of office is meant without naming the place ("облыс әкімі").
PLACE_NOUNS: dict[str, frozenset[str]] = {
    "kk": kk.PLACE_NOUNS,
    "ru": ru.PLACE_NOUNS,
    "en": en.PLACE_NOUNS,
}

#: Third-person pronouns that stand for the person just named ("Ранее он работал ...",
#: "She previously led ...", "Ол бұрын ... басқарған").
PRONOUNS: dict[str, frozenset[str]] = {
    "kk": kk.SUBJECT_PRONOUNS,
    "ru": frozenset({"он", "она"}),
    "en": frozenset({"he", "she"}),
}

#: The stem of "ministry" in each language: it ends a Kazakh name ("... министрлігі")
#: and opens a Russian or English one ("Министерство ...", "Ministry of ...").
MINISTRY: dict[str, str] = {"kk": "министрлі", "ru": "министерств", "en": "ministry"}

#: Words that say a person or body took part in an event: spoke, attended, organised.
PARTICIPATION: dict[str, frozenset[str]] = {
    "kk": frozenset(
        {
            "қатыс",  # қатысты, қатысушылар
            "сөз сөйле",
            "сөйле",
            "баяндама",
            "ұйымдастыр",
            "модератор",
            "спикер",
            "делегат",
            "шақыр",
            "ашты",
            "құттықта",
            "жүргіз",
        }
    ),
    "ru": frozenset(
        {
            "участ",  # участие, участники, участвовал
            "выступ",
            "доклад",
            "организ",
            "модератор",
            "спикер",
            "делегат",
            "открыл",
            "открыла",
            "приветств",
            "провел",
            "провела",
            "принял",
            "приняла",
        }
    ),
    "en": frozenset(
        {
            "particip",
            "attend",
            "spoke",
            "speak",
            "address",
            "organi",
            "moderat",
            "delegat",
            "opened",
            "took part",
            "hosted",
            "chaired",
            "welcomed",
        }
    ),
}


@cache
def position_stems(lang: str) -> tuple[str, ...]:
    """The stems of the language's position titles, longest first."""
    stems = {stem(title) for title in POSITIONS.get(lang, frozenset())}
    return tuple(sorted(stems, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=1 << 16)
def position_of(word: str, lang: str) -> str | None:
    """The position title ``word`` is a form of, if any ("директорының" -> "директор")."""
    folded = word.casefold()
    for candidate in position_stems(lang):
        if folded.startswith(candidate) and len(folded) <= len(candidate) + 7:
            return _titles_by_stem(lang)[candidate]
    return None


@cache
def _titles_by_stem(lang: str) -> dict[str, str]:
    titles: dict[str, str] = {}
    for title in sorted(POSITIONS.get(lang, frozenset())):
        titles.setdefault(stem(title), title)
    return titles


def mentions_any(text: str, cues: frozenset[str]) -> bool:
    """Whether any cue begins a word of ``text`` (multi-word cues: appear in it)."""
    return first_cue(text, cues) is not None


def first_cue(text: str, cues: frozenset[str]) -> str | None:
    """The cue that begins the earliest word of ``text`` it begins, if any.

    Multi-word cues match across any white space ("қол  қойды").
    """
    pattern, ordered = _cue_pattern(cues)
    match = pattern.search(text.casefold())
    if match is None or match.lastindex is None:
        return None
    return ordered[match.lastindex - 1]


@cache
def _cue_pattern(cues: frozenset[str]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One regular expression for a cue set; its n-th group is the n-th cue of the tuple."""
    # Longest first, so "қол қою" is not read as "қол қой" and "келісімшарт" as "келісім".
    ordered = tuple(sorted(cues, key=lambda c: (-len(c), c)))
    alternatives = "|".join(
        "(" + r"\s+".join(re.escape(part) for part in cue.split()) + ")" for cue in ordered
    )
    return re.compile(rf"(?<!\w)(?:{alternatives or '(?!)'})"), ordered
