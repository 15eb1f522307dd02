"""Named events ("Х Азаматтық форум"), and where and when the sentence says they were."""

from __future__ import annotations

from collections.abc import Sequence

from kg.extractors.kk.orgs import NameFinder, OrgSpan, numbered_session, outermost
from kg.extractors.kk.persons import PersonSpan
from kg.extractors.kk.tokens import Lexeme, Tok
from kg.lang.kk import lexicon, morph
from kg.lang.months import KK_MONTHS

# "Алматы қаласында", "Қостанай облысында": the place is the word before.
_PLACE_NOUN_FORMS = frozenset(
    {"қаласында", "облысында", "ауданында", "ауылында", "кентінде", "қ.", "қаласындағы"}
)


def event_place(toks: Sequence[Tok], start: int, end: int) -> str | None:
    """The city or region the sentence ``toks[start:end]`` says something happened in."""
    for i in range(start + 1, end):
        tok = toks[i]
        prev = toks[i - 1]
        if tok.lower in _PLACE_NOUN_FORMS and prev.titled:
            return prev.text
    for i in range(start, end):
        tok = toks[i]
        if tok.titled and tok.case == "loc":
            for analysis in morph.analyses(tok.text):
                if analysis.case == "loc" and analysis.stem.lower() in lexicon.PLACES:
                    return analysis.stem
    return None


def event_date(toks: Sequence[Tok], start: int, end: int, article_date: str | None) -> str | None:
    """The date the sentence gives ("25 қарашада"), in the year of the article's date."""
    if article_date is None:
        return None
    year = article_date[:4]
    for i in range(start, end - 1):
        tok = toks[i]
        if not tok.text.isdigit() or not 1 <= int(tok.text) <= 31:
            continue
        number = _month(toks[i + 1].lower)
        if number is not None:
            return f"{year}-{number:02d}-{int(tok.text):02d}"
    return None


def _month(word: str) -> int | None:
    for number, stem in enumerate(KK_MONTHS, start=1):
        # "қыркүйегінде": a final к/қ is voiced before a vowel
        if word.startswith(stem[:-1] if stem[-1] in "кқ" else stem):
            return number
    return None


def find_events(
    toks: Sequence[Tok], start: int, end: int, persons: Sequence[PersonSpan]
) -> list[OrgSpan]:
    """Named events ("Х Азаматтық форум") in the sentence ``toks[start:end]``."""

    def head(t: Tok) -> Lexeme | None:
        # an organisation head after an ordinal names a session: "V Бас Ассамблеясы"
        if t.event is None and t.head is not None and numbered_session(toks, start, t.i):
            return t.head
        return t.event

    finder = NameFinder(toks, start, end, persons, head)
    spans: list[OrgSpan] = []
    for h in range(start, end):
        event = head(toks[h])
        if event is None or h in finder.quoted:
            continue
        titled = _titled_event(toks, start, h, event)
        if titled is not None:
            spans.append(titled)
            continue
        left, _, _ = finder.grow(h)
        first = finder.first_word(left, h)
        if first is None or first == h:
            continue
        if first == start and toks[first].titled and first + 1 == h:
            continue  # a capitalised first word of a sentence is no name
        if event.lemma in lexicon.DAY_HEADS and (
            not event.form.possessive or any(t.event for t in toks[first:h])
        ):
            continue
        spans.append(
            OrgSpan(_title_first(toks, first, h), h + 1, "head", head=h, lemma=event.lemma)
        )
    return outermost(spans)


def _title_first(toks: Sequence[Tok], first: int, h: int) -> int:
    """Open an event at its quoted title when its organiser stands before it.

    "Ассамблеясының «Алға бас!» жастар форумы" is the forum "«Алға бас!»
    жастар форумы" of the Assembly.
    """
    for p in range(first + 1, h):
        tok = toks[p]
        if tok.quote == "open":
            owner = any(t.head is not None and t.head.form.case == "gen" for t in toks[first:p])
            return p if owner else first
    return first


def _titled_event(toks: Sequence[Tok], start: int, h: int, event: Lexeme) -> OrgSpan | None:
    """ "«X» атты жастар форумы", "«X» атты фестиваль": an event its quoted title names.

    The name is the title, the words after "атты" and the head in the possessive
    ("«X» жастар форумы", "«X» фестивалі"), as the event is named elsewhere.
    """
    j = h - 1
    while j > start and toks[j].lower != "атты" and _plain(toks[j]):
        j -= 1
    if toks[j].lower != "атты" or j - 1 < start:
        return None
    close = toks[j - 1]
    if close.quote != "close" or close.partner is None or close.partner < start:
        return None
    if j - 1 - close.partner < 2:
        return None  # an empty quote titles nothing
    lemma = event.lemma
    owned = lemma[:-1] + "і" if lemma.endswith("ь") else morph.possessive(lemma)
    return OrgSpan(close.partner, h + 1, "head", lemma=lemma, suffix=owned, omit=frozenset({j, h}))


def _plain(tok: Tok) -> bool:
    """A word that may stand between "атты" and the head: lower case, or a common noun's
    abbreviation ("ҮЕҰ форумы")."""
    if tok.stem_upper in lexicon.NON_ORG_ACRONYMS:
        return True
    return tok.word and not tok.cap and tok.head is None and tok.event is None and not tok.verbal
