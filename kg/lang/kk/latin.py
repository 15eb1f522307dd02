"""Kazakh in the Latin alphabets: recognise it, and read it through the Cyrillic rules.

Kazakh news sites publish in Latin script too, in the 2018 alphabet with acute accents
(á ǵ ı ń ó ú ý, sh, ch: "Mádenıet jáne sport mınıstrligi") or the 2021 one with
diacritics (ä ğ ı ñ ö ū ü ş ç). The lexicons and the case-suffix stripper are Cyrillic,
so a Latin article is transliterated letter by letter, with a map from every
Cyrillic character back to the Latin characters it came from: the extractor reads the
Cyrillic text, and its mentions and evidence are put back on the Latin one, their
names written back in the article's alphabet.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: Letters only Kazakh uses, per alphabet ("ı" is in both).
LETTERS_2018 = frozenset("áǵńóúý")
LETTERS_2021 = frozenset("äğñöūüş")
KAZAKH_LATIN_LETTERS = LETTERS_2018 | LETTERS_2021 | {"ı"}

_VOWELS_CYRILLIC = frozenset("аәеиоөұүыіэюяё")

# Latin -> Cyrillic, lower case; digraphs first. "ı" is и after a consonant and й after
# a vowel (2018: "Nurtaı" = Нұртай, "Mádenıet" = Мәдениет), see ``to_cyrillic``.
_TO_CYRILLIC: Mapping[str, Mapping[str, str]] = {
    "2018": {
        "shch": "щ", "sh": "ш", "ch": "ч", "ts": "ц", "ıa": "я", "ıý": "ю", "ıo": "ё",
        "a": "а", "á": "ә", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г",
        "ǵ": "ғ", "h": "х", "i": "і", "ı": "и", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н",
        "ń": "ң", "o": "о", "ó": "ө", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т",
        "u": "ұ", "ú": "ү", "v": "в", "w": "у", "x": "х", "y": "ы", "ý": "у", "z": "з",
    },
    "2021": {
        "shch": "щ", "ts": "ц", "ia": "я", "iu": "ю",
        "a": "а", "ä": "ә", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г",
        "ğ": "ғ", "h": "х", "ı": "ы", "i": "і", "j": "ж", "k": "к", "l": "л", "m": "м",
        "n": "н", "ñ": "ң", "o": "о", "ö": "ө", "p": "п", "q": "қ", "r": "р", "s": "с",
        "ş": "ш", "ç": "ч", "t": "т", "u": "у", "ū": "ұ", "ü": "ү", "v": "в", "w": "у",
        "x": "х", "y": "й", "z": "з",
    },
}  # fmt: skip

# Cyrillic -> Latin for names read on the Cyrillic side, per alphabet.
_TO_LATIN: Mapping[str, Mapping[str, str]] = {
    "2018": {
        "а": "a", "ә": "á", "б": "b", "в": "v", "г": "g", "ғ": "ǵ", "д": "d", "е": "e",
        "ё": "ıo", "ж": "j", "з": "z", "и": "ı", "й": "ı", "к": "k", "қ": "q", "л": "l",
        "м": "m", "н": "n", "ң": "ń", "о": "o", "ө": "ó", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "ý", "ұ": "u", "ү": "ú", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
        "ю": "ıý", "я": "ıa",
    },
    "2021": {
        "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
        "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l",
        "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
        "ч": "ç", "ш": "ş", "щ": "şç", "ъ": "", "ы": "ı", "і": "i", "ь": "", "э": "e",
        "ю": "iu", "я": "ia",
    },
}  # fmt: skip

_LATIN = re.compile(r"[a-zA-Z" + "".join(sorted(KAZAKH_LATIN_LETTERS)) + "çÇ]")
_CYRILLIC = re.compile(r"[а-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]")
#: A text is Latin Kazakh when this share of its Latin letters are Kazakh-only ones.
_MIN_KAZAKH_SHARE = 0.02
_SAMPLE_CHARS = 5000


def alphabet_of(text: str) -> str | None:
    """``"2018"`` or ``"2021"`` when ``text`` is Kazakh in that Latin alphabet, else None."""
    sample = text[:_SAMPLE_CHARS].lower()
    latin = len(_LATIN.findall(sample))
    if latin == 0 or len(_CYRILLIC.findall(sample)) >= latin:
        return None
    old = sum(sample.count(c) for c in LETTERS_2018)
    new = sum(sample.count(c) for c in LETTERS_2021)
    if old + new + sample.count("ı") < _MIN_KAZAKH_SHARE * latin:
        return None
    return "2018" if old >= new else "2021"


def to_cyrillic(text: str, alphabet: str) -> tuple[str, list[int]]:
    """``text`` in Cyrillic, and for each of its characters (and its end) the offset in
    ``text`` where that character's Latin letters begin."""
    table = _TO_CYRILLIC[alphabet]
    longest = max(len(k) for k in table)
    out: list[str] = []
    origin: list[int] = []
    i = 0
    while i < len(text):
        for size in range(longest, 0, -1):
            chunk = text[i : i + size]
            key = chunk.lower()
            if key in table:
                letter = table[key]
                if (
                    alphabet == "2018"
                    and key == "ı"
                    and out
                    and out[-1].lower() in _VOWELS_CYRILLIC
                ):
                    letter = "й"
                if chunk[:1].isupper():
                    letter = letter.upper() if chunk.isupper() or size == 1 else letter.capitalize()
                for char in letter:
                    out.append(char)
                    origin.append(i)
                i += size
                break
        else:
            out.append(text[i])
            origin.append(i)
            i += 1
    origin.append(len(text))
    return "".join(out), origin


def to_latin(text: str, alphabet: str) -> str:
    """A name read on the Cyrillic side, written back in the article's Latin alphabet."""
    table = _TO_LATIN[alphabet]
    out: list[str] = []
    for char in text:
        latin = table.get(char.lower())
        if latin is None:
            out.append(char)
        elif char.isupper():
            out.append(latin.upper() if len(latin) == 1 else latin.capitalize())
        else:
            out.append(latin)
    return "".join(out)
