"""Named events ("the 7th Steppe Forum of Aktobe"), with the date and place stated.

An event is named by capitalised words before an event head ("Civil Initiatives
Forum"), by a quoted title after a lower-case head ("the conference “Open Steppe”"),
or by both ("Youth Forum “Bright Future”"); an ordinal before it is part of the name,
as news writes "the tenth Steppe Forum".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extractors.common import Span
from kg.extractors.en.tokens import POSSESSIVE, Token
from kg.lang.en import lexicon, places, shapes
from kg.lang.months import EN_MONTHS
from kg.model import EntityType
from kg.text import QUOTE_PAIRS

# A quoted event title is at most this many tokens long.
_LONG_TITLE = 40
_NUMBERED = re.compile(r"\d+(?:st|nd|rd|th)$")
_MONTH = r"(?P<month>" + "|".join(m.capitalize() for m in EN_MONTHS) + ")"
# "September 26, 2025" and "26 September 2025": only a full date counts.
_DATES = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b"),
)


@dataclass(frozen=True, slots=True)
class EventFinding:
    """An event mention with what its sentence says about when and where."""

    span: Span
    date: str | None
    place: str | None


def find_events(text: str, tokens: list[Token], bounds: tuple[int, int]) -> list[EventFinding]:
    """Named events in one sentence."""
    spans: list[Span] = []
    for h, token in enumerate(tokens):
        if token.bare not in shapes.EVENT_HEADS and not numbered_meeting(tokens, h):
            continue
        span = _capitalised_event(text, tokens, h) if token.capitalised else None
        if span is None and not token.capitalised:
            span = _titled_event(text, tokens, h)
        if span is not None and not any(s.start <= span.start < s.end for s in spans):
            spans.append(span)
    if not spans:
        return []
    sentence = text[bounds[0] : bounds[1]]
    date, place = sentence_date(sentence), sentence_place(tokens)
    return [EventFinding(span, date, place) for span in spans]


def numbered_meeting(tokens: list[Token], h: int) -> bool:
    """ "the 5th General Assembly", "the Third Session": a numbered meeting's head at ``h``."""
    if tokens[h].bare not in shapes.NUMBERED_EVENT_HEADS or not tokens[h].capitalised:
        return False
    start = h
    while start > 0 and _modifier(tokens[start - 1]):
        start -= 1
    return start > 0 and _ordinal(tokens[start - 1])


def _capitalised_event(text: str, tokens: list[Token], h: int) -> Span | None:
    """ "the 7th Steppe Forum of Aktobe “Title”": modifiers, head, place, title."""
    if h + 1 < len(tokens) and tokens[h + 1].head is not None:
        return None  # "Steppe Forum Foundation": the event word is inside a body's name
    start = h
    while start > 0 and _modifier(tokens[start - 1]):
        start -= 1
    if start == h:
        return None  # "the Forum": a head alone names nothing
    if start > 0 and _ordinal(tokens[start - 1]):
        start -= 1
    end = _topic_end(tokens, h)
    quoted = _quoted_end(tokens, end + 1)
    if quoted is not None:
        end = quoted
    return _span(text, tokens, start, end)


def _topic_end(tokens: list[Token], h: int) -> int:
    """ "Steppe Forum of Aktobe", "Conference on Civil Society and Law": the tail."""
    end = h
    k = h + 1
    # "of the Eurasian Association of Universities": the body a meeting is of
    at = k + 2 if k + 2 < len(tokens) and tokens[k + 1].text == "the" else k + 1
    if at < len(tokens) and tokens[k].text in ("of", "on") and tokens[at].capitalised:
        k = at
        while k < len(tokens):
            token = tokens[k]
            if _modifier(token):
                end = k
            elif token.text not in ("and", "of", "the", "&"):
                break
            k += 1
    return end


def _titled_event(text: str, tokens: list[Token], h: int) -> Span | None:
    """ "the conference “Open Steppe”", "the exhibition ART "Open Steppe"": the title."""
    first = h + 1
    while first < len(tokens) and tokens[first].text.isupper() and tokens[first].text.isalpha():
        first += 1  # an acronym before the quoted title ("MAMA")
    end = _quoted_end(tokens, first)
    if end is None:
        return None
    start = h + 1 if first > h + 1 else h + 2
    if first == h + 1:
        end -= 1  # the name is the title inside the quotes
    return _span(text, tokens, start, end)


def _modifier(token: Token) -> bool:
    return (
        token.capitalised
        and token.text[:1].isalpha()
        and not token.function_word
        and not POSSESSIVE.search(token.text)
        # "Kazakhstan to Host World Nomad Games": a headline's verb opens no name
        and token.bare not in lexicon.HEADLINE_VERBS
        and token.bare not in lexicon.SIGNING
    )


def _ordinal(token: Token) -> bool:
    return token.bare in shapes.ORDINALS or bool(_NUMBERED.match(token.text))


def _quoted_end(tokens: list[Token], k: int) -> int | None:
    """Index of the quote closing a title that opens at ``k``, if one does."""
    if k + 1 >= len(tokens) or not tokens[k + 1].capitalised:
        return None
    closer = QUOTE_PAIRS.get(tokens[k].text)
    if closer is None:
        return None
    window = range(k + 2, min(k + _LONG_TITLE, len(tokens)))
    return next((c for c in window if tokens[c].text == closer), None)


def _span(text: str, tokens: list[Token], start: int, end: int) -> Span:
    # A full stop or comma the quotation swallowed ("… the Future.”") is no part of it.
    while end > start and tokens[end].text in ".,;:":
        end -= 1
    begin, finish = tokens[start].start, tokens[end].end
    if text[finish - 1 : finish] in QUOTE_PAIRS.values() and text[finish - 2 : finish - 1] in ".,":
        name = text[begin : finish - 2] + text[finish - 1 : finish]
    else:
        name = text[begin:finish]
    return Span(EntityType.EVENT, begin, finish, " ".join(name.split()))


def sentence_date(sentence: str) -> str | None:
    """The first full date the sentence states, as YYYY-MM-DD."""
    for pattern in _DATES:
        match = pattern.search(sentence)
        if match is not None:
            month = EN_MONTHS.index(match["month"].lower()) + 1
            return f"{match['year']}-{month:02d}-{int(match['day']):02d}"
    return None


def sentence_place(tokens: list[Token]) -> str | None:
    """The city the sentence says something happened in ("in Astana", "Almaty hosted")."""
    for k, token in enumerate(tokens[:-1]):
        following = tokens[k + 1]
        if token.text == "in" and following.bare in places.CITIES:
            return following.text
        if token.bare in places.CITIES and following.text in ("hosted", "hosts", "will"):
            return token.text
    return None
