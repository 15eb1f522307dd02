"""Offline language guess (kk, ru, en or und) from letters and function words."""

from __future__ import annotations

import re

from kg.lang.kk.latin import KAZAKH_LATIN_LETTERS
from kg.model import LANGUAGES, UNDETERMINED

_KAZAKH_LETTERS = frozenset("әғқңөұүһі")
# Letters and endings that Russian words have and native Kazakh words lack.
_RUSSIAN_LETTERS = frozenset("ёъщэцчвфь")
_RUSSIAN_ENDING = re.compile(
    r"(?:ий|ый|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ых|их|ть|ся|ет|ют|ут|ит|ят|ов|ев|ам|ям|ах|ях|ию|ия|ии)$"
)
_KAZAKH_WORDS = frozenset({
    "және", "мен", "бен", "пен", "деп", "бұл", "осы", "үшін", "туралы", "бойынша", "жылы",
    "жөнінде", "сондай-ақ", "бір", "да", "де", "та", "те", "ал", "еді", "болды", "болып", "өтті",
})  # fmt: skip
_RUSSIAN_WORDS = frozenset({
    "и", "в", "во", "на", "с", "со", "по", "для", "от", "до", "не", "что", "это", "как", "из",
    "за", "о", "об", "к", "у", "был", "была", "были", "года", "году", "также",
})  # fmt: skip
_ENGLISH_WORDS = frozenset({
    "the", "and", "of", "to", "in", "on", "for", "with", "by", "at", "from", "is", "was",
    "were", "are", "be", "has", "have", "that", "this", "as", "an", "a", "it", "its", "he",
    "she", "they", "said",
})  # fmt: skip
# Kazakh in the 2018 and 2021 Latin alphabets; q is left out because English has it too.
_KAZAKH_LATIN = "".join(sorted(KAZAKH_LATIN_LETTERS))
_KAZAKH_LATIN_LETTER = re.compile(f"[{_KAZAKH_LATIN}]")
_CYRILLIC_LETTER = re.compile(r"[а-яёәғқңөұүһіїєўј]")
_LATIN_LETTER = re.compile(f"[a-z{_KAZAKH_LATIN}]")
_CYRILLIC_WORD = re.compile(r"[а-яёәғқңөұүһі]+(?:-[а-яёәғқңөұүһі]+)*")
_LATIN_WORD = re.compile(rf"[a-z{_KAZAKH_LATIN}çé]+(?:['’][a-z]+)?")
# A few thousand characters settle the language; reading more only costs time.
_SAMPLE_CHARS = 5000
_MIN_ENGLISH_SHARE = 0.05
_SHORT_TEXT_WORDS = 6
_MIN_KAZAKH_LATIN_SHARE = 0.02


def detect_language(text: str) -> str:
    """``kk``, ``ru`` or ``en`` by script and vocabulary; ``und`` when there is no telling."""
    lower = text[:_SAMPLE_CHARS].lower()
    cyrillic = len(_CYRILLIC_LETTER.findall(lower))
    latin = len(_LATIN_LETTER.findall(lower))
    if cyrillic == 0 and latin == 0:
        return UNDETERMINED
    if cyrillic >= latin:
        return _cyrillic_language(lower)
    return _latin_language(lower, latin)


def valid_language(value: object) -> str | None:
    """A declared language tag as one of ``LANGUAGES`` (``kk-KZ`` -> ``kk``), else None."""
    if not isinstance(value, str):
        return None
    tag = value.strip().lower().replace("_", "-").split("-")[0]
    tag = {"kz": "kk", "kaz": "kk", "rus": "ru", "eng": "en"}.get(tag, tag)
    return tag if tag in LANGUAGES else None


def _cyrillic_language(lower: str) -> str:
    kazakh = russian = 0
    for word in _CYRILLIC_WORD.findall(lower):
        letters = set(word)
        if letters & _KAZAKH_LETTERS or word in _KAZAKH_WORDS:
            kazakh += 1
        elif letters & _RUSSIAN_LETTERS or word in _RUSSIAN_WORDS or _RUSSIAN_ENDING.search(word):
            russian += 1
    # Kazakh wins ties: a Kazakh sentence keeps Russian loanwords (форум, вице-министр),
    # while a Russian one only borrows Kazakh names.
    if kazakh and kazakh >= russian:
        return "kk"
    return "ru"


def _latin_language(lower: str, latin: int) -> str:
    words = _LATIN_WORD.findall(lower)
    english = sum(1 for w in words if w in _ENGLISH_WORDS) >= _MIN_ENGLISH_SHARE * len(words)
    kazakh_letters = len(_KAZAKH_LATIN_LETTER.findall(lower))
    if not english and kazakh_letters >= _MIN_KAZAKH_LATIN_SHARE * latin:
        return "kk"
    if english or len(words) <= _SHORT_TEXT_WORDS:
        return "en"
    return UNDETERMINED
