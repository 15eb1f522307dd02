"""Deterministic Cyrillic (Kazakh + Russian) to Latin transliteration.

The table follows the 2021 Kazakh Latin alphabet for the Kazakh-specific letters
(ә→ä, ғ→ğ, қ→q, ң→ñ, ө→ö, ұ→ū, ү→ü, һ→h, і→ı) and the BGN/PCGN-style ASCII
romanisation usual in English-language news for the shared Russian letters
(ж→zh, х→kh, ц→ts, ч→ch, ш→sh, щ→shch, ю→yu, я→ya). ``to_ascii`` folds the
result to plain ASCII for IRIs and for matching spellings across scripts; ``ascii_key``
is the search key every name index compares. The quote characters live here too, so
every stage strips and pairs the same ones.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

_CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Kazakh-specific letters
    "ә": "ä", "ғ": "ğ", "қ": "q", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü", "һ": "h",
    "і": "ı",
}  # fmt: skip

# Folding of the Kazakh Latin letters to ASCII, as English-language news spell them
# (Nurgazieva, Zhaksylykova): ğ→g, q→k, ñ→n, ū/ü→u, ä→a, ö→o, ı→i.
_LATIN_TO_ASCII: dict[str, str] = {
    "ä": "a", "ğ": "g", "q": "k", "ñ": "n", "ö": "o", "ū": "u", "ü": "u", "ı": "i",
}  # fmt: skip


def transliterate(text: str) -> str:
    """Cyrillic letters to the Latin table above, keeping case; other characters as is."""
    out: list[str] = []
    for char in text:
        lower = char.lower()
        latin = _CYRILLIC_TO_LATIN.get(lower)
        if latin is None:
            out.append(char)
        elif char != lower and latin:
            out.append(latin[0].upper() + latin[1:])
        else:
            out.append(latin)
    return "".join(out)


@lru_cache(maxsize=1 << 16)
def to_ascii(text: str) -> str:
    """Transliterate, then fold to lower-case ASCII letters, digits and spaces."""
    # kept: linking and every id ask for the same names over and over (130k calls,
    # 2.3 s of linking 3,000 articles)
    latin = transliterate(text).lower()
    latin = "".join(_LATIN_TO_ASCII.get(c, c) for c in latin)
    decomposed = unicodedata.normalize("NFKD", latin)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c.isspace()))


def ascii_key(text: str) -> str:
    """``text`` transliterated and folded to ASCII with single spaces: the search key of a
    name, so "Nurgazieva" finds "Нұрғазиева" and "Нургазиева" (the name index and the
    map's search both compare it)."""
    return " ".join(to_ascii(text).split())


#: Where two scripts spell one name differently once both are in ASCII ("UNICEF" and
#: "ЮНИСЕФ" read "unicef" and "yunisef"): (regex, replacement) pairs applied in order to
#: an ``ascii_key``. The map's search applies the same list in JavaScript (``\\1``
#: becomes ``$1``), so the name index and the map agree.
SOUND_RULES: tuple[tuple[str, str], ...] = (
    (r"y(?=[aeiou])", ""),  # iotated vowels: ю я ё е read "yu ya yo ye"
    (r"kh", "h"),
    (r"zh", "j"),
    (r"ph", "f"),
    (r"ck", "k"),
    (r"c(?=[eiy])", "s"),
    (r"c", "k"),
    (r"q", "k"),
    (r"w", "v"),
    (r"x", "ks"),
    (r"([a-z])\1", r"\1"),  # doubled letters: Hakkala / Хакала
)
_SOUND_RULES = tuple((re.compile(pattern), replacement) for pattern, replacement in SOUND_RULES)


def sound_key(text: str) -> str:
    """``ascii_key`` with the spellings that differ between scripts made one, so a search
    for "unicef" finds "ЮНИСЕФ" and "юнисеф" finds "UNICEF"."""
    key = ascii_key(text)
    for pattern, replacement in _SOUND_RULES:
        key = pattern.sub(replacement, key)
    return key


#: Every quote-like character, for taking quotes out of a name before comparing it.
QUOTE_CHARACTERS = "\"'«»“”„‟‘’‚‹›`"

#: An opening quote and the closing quote it pairs with (German „ closes with “).
QUOTE_PAIRS: dict[str, str] = {"«": "»", "“": "”", "„": "“", "‘": "’", '"': '"'}


#: Which language's name a node shows when it has several: Kazakh, then Russian, then
#: English (lower ranks first). Linking picks canonical names and the network picks
#: labels by it.
LABEL_PRIORITY: dict[str, int] = {"kk": 0, "ru": 1, "en": 2}


def shouted(name: str) -> bool:
    """Whether a word of a name is in capitals while it could be cased normally
    ("ФОНДОМ «БЕРЕКЕ»" from a headline; "ЮНИСЕФ" and "ОО" are acronyms, too short or
    meant so)."""
    return any(len(word) > 3 and word.isupper() for word in name.split())


#: Letters of a mixed-case shortening at most ("ҚазМемҚызПУ").
_MAX_CAMEL = 12


def camel_abbreviation(text: str) -> bool:
    """A shortening written in mixed case: "ҚазҰУ", "КазНУ", "ҚазМемҚызПУ" (a capital
    after a small letter, and at least two capitals)."""
    if not text.isalpha() or len(text) > _MAX_CAMEL:
        return False
    capitals = sum(c.isupper() for c in text)
    return capitals >= 2 and any(a.islower() and b.isupper() for a, b in pairwise(text))
