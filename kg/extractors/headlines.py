"""Bodies a headline in capitals names, found by the names the article's text gives them.

"ЖАЙЫКСКИЙ УНИВЕРСИТЕТ И ФОНД «САМАЛ» ПОДПИСАЛИ СОГЛАШЕНИЕ" is read by no name rule
(every word is capitalised, so none stands out as a name), yet the text below it writes
"Жайыкский университет". A headline's run of words that spells a name the text gives a
body, up to the case endings, mentions that body; the language's agreement rules then
read the headline's signing from those mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extractors.common import ExtractionBuilder, Span
from kg.model import AgreementKind, EntityType

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")
#: A word this long may differ from the text's form in its last letters (the ending):
#: "УНИВЕРСИТЕТА" spells "университет".
_STEM_LENGTH = 5
_ENDING = 3


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    folded: str


def in_capitals(text: str) -> bool:
    """Whether a sentence is written in capitals: two words at least, every word of more
    than one letter upper-case."""
    words = [w for w in _WORD.findall(text) if len(w) > 1 and not w.isdigit()]
    return len(words) >= 2 and all(w.isupper() for w in words)


def headline_mentions(builder: ExtractionBuilder, sentence: tuple[int, int]) -> list[Span]:
    """The bodies the capitals of ``sentence`` name, as the rest of the article names
    them; each is added to ``builder`` (its mentions outside the sentence are the names)."""
    words = _words(builder.article.text, *sentence)
    names: dict[tuple[str, ...], str] = {}  # a body's words as the text writes them -> its name
    taken: list[tuple[int, int]] = []  # what the name rules found in the headline
    for mention in builder.mentions:
        if mention.type is not EntityType.ORGANISATION:
            continue
        if sentence[0] <= mention.start < sentence[1]:
            taken.append((mention.start, mention.end))
            continue
        if mention.text.isupper():
            continue
        key = tuple(w.folded for w in _words(mention.text, 0, len(mention.text)))
        if len(key) >= 2:
            names.setdefault(key, mention.name)
    found: list[Span] = []
    i = 0
    while i < len(words):
        match = max(
            (key for key in names if _spells(words[i : i + len(key)], key)), key=len, default=()
        )
        first, last = words[i], words[i + len(match) - 1] if match else words[i]
        if not match or any(a < last.end and first.start < b for a, b in taken):
            i += 1
            continue
        span = Span(EntityType.ORGANISATION, first.start, last.end, names[match])
        builder.mention(span)
        found.append(span)
        i += len(match)
    return found


def headline_agreement(
    builder: ExtractionBuilder, sentence: tuple[int, int], kind: AgreementKind
) -> None:
    """Record the agreement of ``kind`` a headline in capitals says was signed, between
    the bodies it names (as the name rules or the text below found them)."""
    start, end = sentence
    found = headline_mentions(builder, sentence)
    named = [
        Span(m.type, m.start, m.end, m.name, m.org_class)
        for m in builder.mentions
        if m.type is EntityType.ORGANISATION and start <= m.start < end
    ]
    by_name: dict[str, Span] = {}
    for span in sorted([*named, *found], key=lambda s: (s.start, s.end)):
        by_name.setdefault(span.name, span)
    if found and len(by_name) >= 2:
        builder.agreement(list(by_name.values()), kind, None, sentence)


def _words(text: str, start: int, end: int) -> list[_Word]:
    return [
        _Word(start + m.start(), start + m.end(), m.group().casefold().replace("ё", "е"))
        for m in _WORD.finditer(text[start:end])
    ]


def _spells(words: Sequence[_Word], key: tuple[str, ...]) -> bool:
    if len(words) != len(key):
        return False
    return all(_same_word(w.folded, k) for w, k in zip(words, key, strict=True))


def _same_word(word: str, known: str) -> bool:
    if word == known:
        return True
    if min(len(word), len(known)) < _STEM_LENGTH:
        return False
    stem = min(len(word), len(known)) - _ENDING
    return word[:stem] == known[:stem] and abs(len(word) - len(known)) <= _ENDING
