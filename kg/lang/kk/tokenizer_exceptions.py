"""Abbreviations that keep their full stop as part of the token.

Kazakh news text abbreviates units of time and place ("2021 ж.", "Алматы қ."), lists
("және т.б.") and, in quoted Russian, titles and places ("им.", "обл.", "г."). Without
these entries the full stop would be split off and taken for the end of a sentence.
"""

from __future__ import annotations

from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.symbols import NORM, ORTH
from spacy.util import update_exc

# (abbreviation, what it stands for); the expansion becomes the token's norm.
_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    # Kazakh
    ("ж.", "жылы"),
    ("жж.", "жылдары"),
    ("ғ.", "ғасыр"),
    ("ғғ.", "ғасырлар"),
    ("қ.", "қаласы"),
    ("обл.", "облысы"),
    ("ауд.", "ауданы"),
    ("көш.", "көшесі"),
    ("даң.", "даңғылы"),
    ("б.", "бет"),
    ("т.б.", "тағы басқа"),
    ("т.с.с.", "тағы сол сияқты"),
    ("т.с.", "тағы сол"),
    ("т.т.", "тағы тағы"),
    ("млн.", "миллион"),
    ("млрд.", "миллиард"),
    ("трлн.", "триллион"),
    ("тг.", "теңге"),
    ("проф.", "профессор"),
    ("акад.", "академик"),
    ("доц.", "доцент"),
    ("сағ.", "сағат"),
    ("мин.", "минут"),
    ("км.", "километр"),
    # Russian, frequent in quoted names and addresses
    ("г.", "год"),
    ("гг.", "годы"),
    ("им.", "имени"),
    ("ул.", "улица"),
    ("пр.", "проспект"),
    ("р-н.", "район"),
    ("руб.", "рубль"),
    ("тыс.", "тысяча"),
    ("т.д.", "так далее"),
    ("т.п.", "тому подобное"),
    ("т.е.", "то есть"),
    ("др.", "другие"),
    ("см.", "смотри"),
    ("стр.", "страница"),
)

# A list may close a sentence ("... және т.б."), so the sentencizer may break after
# these when a capitalised word follows. Kazakh is verb-final, so a sentence almost
# never ends on "ж." or "қ."; after those and the rest it never breaks.
SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    {"т.б.", "т.с.с.", "т.с.", "т.т.", "т.д.", "т.п.", "др."}
)


def _exceptions() -> dict[str, list[dict[int, str]]]:
    exc: dict[str, list[dict[int, str]]] = {}
    for orth, norm in _ABBREVIATIONS:
        for variant in {orth, orth.capitalize()}:
            exc[variant] = [{ORTH: variant, NORM: norm}]
    return exc


TOKENIZER_EXCEPTIONS: dict[str, list[dict[int, str]]] = update_exc(BASE_EXCEPTIONS, _exceptions())
ABBREVIATIONS: frozenset[str] = frozenset(TOKENIZER_EXCEPTIONS) - frozenset(BASE_EXCEPTIONS)
