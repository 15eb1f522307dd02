"""Unicode clean-up of article text: spaces, line breaks, NFC and Latin look-alikes."""

from __future__ import annotations

import re
import unicodedata

# Characters that are invisible in a browser but split words for a tokenizer.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u180e]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# Every Unicode space separator (NBSP, thin, figure, ideographic ...) and tabs.
_SPACES = re.compile(r"[^\S\n]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BLANK_RUNS = re.compile(r"\n{3,}")

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+")
# A word that mixes scripts has a Cyrillic letter right next to a Latin one; text without
# such a pair skips the per-word pass, which is most of the cost of normalising.
_SCRIPT_SEAM = re.compile(r"[\u0400-\u04ff][a-zA-ZəƏ]|[a-zA-ZəƏ][\u0400-\u04ff]")
# Scraped Kazakh text often types Kazakh і with Latin i (and ә with Latin schwa); other
# Latin letters that look Cyrillic slip in from keyboards and OCR.
_LOOKALIKES = str.maketrans(
    "iIaeopcxyhkəAEOPCXYBHKMTƏ",
    "іІаеорсхуһкәАЕОРСХУВНКМТӘ",
)
_LOOKALIKE_SET = frozenset("iIaeopcxyhkəAEOPCXYBHKMTƏ")
# A one-letter Latin word between Cyrillic words is a mistyped preposition ("встретился
# c Председателем"); Russian and Kazakh one-letter words that have Latin twins.
_LONE_CANDIDATE = re.compile(r"\s[acoykACOYKB]\s")
_LONE_LETTER = re.compile(
    r"(?P<before>[\u0400-\u04ff][»”\")]?[ \t\u00a0]+)(?P<letter>[acoykACOYKB])"
    r"(?P<after>[ \t\u00a0]+[«“\"(]?[\u0400-\u04ff])"
)


def normalise(text: str) -> str:
    """NFC, plain spaces and newlines, no soft hyphens, Cyrillic words in Cyrillic only."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    if _SCRIPT_SEAM.search(text):
        text = _WORD.sub(_fix_word, text)
    if _LONE_CANDIDATE.search(text):
        text = _LONE_LETTER.sub(_fix_lone_letter, text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def _fix_word(match: re.Match[str]) -> str:
    word = match.group()
    if not _CYRILLIC.search(word):
        return word
    latin = {c for c in word if c.isascii() or c in "əƏ"}
    # A word that mixes in Latin letters without a Cyrillic twin is a real mixed token.
    if not latin or not latin <= _LOOKALIKE_SET:
        return word
    return word.translate(_LOOKALIKES)


def _fix_lone_letter(match: re.Match[str]) -> str:
    letter = match.group("letter").translate(_LOOKALIKES)
    return match.group("before") + letter + match.group("after")
