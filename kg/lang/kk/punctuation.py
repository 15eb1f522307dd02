"""Tokenizer prefix, suffix and infix rules for Kazakh.

spaCy's shared character classes lack ғ қ ұ (and Ғ Қ Ұ), so its stock rules do not
split "қолдады." from its full stop. These rules are the stock ones rebuilt on letter
classes that include every Kazakh letter, minus the hyphen infix: Kazakh writes case
endings on acronyms and numbers with a hyphen ("БҰҰ-ның", "150-ге") and hyphenated
compounds ("іс-шара") are single words.
"""

from __future__ import annotations

from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    CURRENCY,
    LIST_CURRENCY,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
    PUNCT,
    UNITS,
)

KAZAKH_LOWER = "әғқңөұүһі"
KAZAKH_UPPER = "ӘҒҚҢӨҰҮҺІ"

KK_ALPHA_LOWER = ALPHA_LOWER + KAZAKH_LOWER
KK_ALPHA_UPPER = ALPHA_UPPER + KAZAKH_UPPER
KK_ALPHA = ALPHA + KAZAKH_LOWER + KAZAKH_UPPER

# Dashes that separate words; the plain hyphen joins them and is left out on purpose.
_DASHES = r"–|—|--|---|——|~"

TOKENIZER_PREFIXES: list[str] = [
    "§",
    "%",
    "=",
    "—",
    "–",
    r"\+(?![0-9])",
    *LIST_PUNCT,
    *LIST_ELLIPSES,
    *LIST_QUOTES,
    *LIST_CURRENCY,
    *LIST_ICONS,
]

TOKENIZER_SUFFIXES: list[str] = [
    *LIST_PUNCT,
    *LIST_ELLIPSES,
    *LIST_QUOTES,
    *LIST_ICONS,
    "—",
    "–",
    r"(?<=[0-9])\+",
    r"(?<=°[FfCcKk])\.",
    rf"(?<=[0-9])(?:{CURRENCY})",
    rf"(?<=[0-9])(?:{UNITS})",
    rf"(?<=[0-9{KK_ALPHA_LOWER}%²\-\+{PUNCT}(?:{CONCAT_QUOTES})])\.",
    # "ҚР." and "БҰҰ." end sentences; a lone capital with a dot is an initial and stays.
    rf"(?<=[{KK_ALPHA_UPPER}][{KK_ALPHA_UPPER}])\.",
]

TOKENIZER_INFIXES: list[str] = [
    *LIST_ELLIPSES,
    *LIST_ICONS,
    r"(?<=[0-9])[+\*^](?=[0-9-])",
    rf"(?<=[{KK_ALPHA_LOWER}{CONCAT_QUOTES}])\.(?=[{KK_ALPHA_UPPER}{CONCAT_QUOTES}])",
    rf"(?<=[{KK_ALPHA}]),(?=[{KK_ALPHA}])",
    rf"(?<=[{KK_ALPHA}])(?:{_DASHES})(?=[{KK_ALPHA}])",
    rf"(?<=[{KK_ALPHA}0-9])[:<>=/](?=[{KK_ALPHA}])",
    # Quotes typed without a space: «Жасыл әлем»қоры, “Келісім”КММ.
    rf"(?<=[{KK_ALPHA}0-9.!?])[«»“”„](?=[{KK_ALPHA}0-9])",
    # Initials glued to a surname ("Л.Н.Гумилев"): an empty infix cuts after the last
    # initial, so the initials stay one token and the surname is a word of its own.
    rf"(?<=[{KK_ALPHA_UPPER}]\.)(?=[{KK_ALPHA_UPPER}][{KK_ALPHA_LOWER}])",
]

# Initials and dotted abbreviations kept whole: "М.В.", "т.б.", "т.с.с.", "ф.ғ.к.".
TOKEN_MATCH = rf"^(?:[{KK_ALPHA}]{{1,3}}\.){{2,}}$"
