"""``find_orgs``: every organisation name of a sentence, units and boards resolved."""

from __future__ import annotations

from collections.abc import Sequence

from kg.extractors.kk.orgs.finder import NameFinder
from kg.extractors.kk.orgs.kinds import (
    acronym_orgs,
    credited_orgs,
    field_orgs,
    implied_orgs,
    legal_orgs,
    listed_orgs,
    quoted_orgs,
    un_programmes,
)
from kg.extractors.kk.orgs.span import OrgSpan, outermost
from kg.extractors.kk.orgs.words import place_noun
from kg.extractors.kk.persons import PersonSpan
from kg.extractors.kk.tokens import Tok
from kg.lang.kk import lexicon
from kg.model import OrgClass


def numbered_session(toks: Sequence[Tok], start: int, h: int) -> bool:
    """Whether an ordinal stands before head ``h``: "V Бас Ассамблеясы" is an event.

    Up to two capitalised words may stand between ("ХХ Бас Ассамблеясы").
    """
    for j in range(h - 1, max(start - 1, h - 4), -1):
        tok = toks[j]
        if tok.ordinal:
            return True
        if not tok.cap:
            return False
    return False


def find_orgs(
    toks: Sequence[Tok],
    start: int,
    end: int,
    persons: Sequence[PersonSpan],
    excluded_acronyms: frozenset[str] = frozenset(),
) -> list[OrgSpan]:
    """Organisation names in the sentence ``toks[start:end]``, outermost first."""
    finder = NameFinder(toks, start, end, persons, lambda t: t.head)
    spans: list[OrgSpan] = []
    for h in range(start, end):
        if finder.is_head(h) and not numbered_session(toks, start, h):
            span = finder.from_head(h)
            if span is not None and not _place_centre(toks, span):
                unit = _subunit(finder, span)
                if unit is not None:
                    spans.append(unit)
    spans = [_shared_head(toks, span, end) for span in spans]
    spans.extend(quoted_orgs(finder))
    spans.extend(listed_orgs(finder))
    spans.extend(credited_orgs(finder))
    spans.extend(legal_orgs(finder))
    spans.extend(implied_orgs(finder))
    spans.extend(un_programmes(finder))
    fields = field_orgs(finder)
    if fields:
        # the fields name the bodies: no other name may take the plural head in
        shared = {span.reach - 1 for span in fields}
        spans = [s for s in spans if not any(s.start <= h < s.reach for h in shared)]
        spans.extend(fields)
    spans = _with_abbreviations(toks, spans, acronym_orgs(finder, excluded_acronyms))
    spans = outermost(spans)
    for span in spans:
        if span.org_class is None:
            # "Қазгидромет РМК": without a telling head noun the legal form tells
            forms = (toks[i].stem_upper for i in (span.start, span.end - 1))
            span.org_class = next(
                (lexicon.LEGAL_FORM_CLASSES[f] for f in forms if f in lexicon.LEGAL_FORM_CLASSES),
                None,
            )
    return spans


def _place_centre(toks: Sequence[Tok], span: OrgSpan) -> bool:
    """Whether the name is a place's centre: "Шелек ауданының орталығы" is where, not who.

    A lower-case "орталығы" right after "ауданының" / "облысының" / "ауылының" and a
    place name says where; a centre with a name of its own ("Алматы қаласының Жастар
    орталығы", "аудандық мәдениет орталығы") has more words.
    """
    if span.kind != "head" or span.head is None or span.lemma != "орталық":
        return False
    head = toks[span.head]
    if head.cap or span.head - span.start != 2:
        return False
    place, noun = toks[span.start], toks[span.start + 1]
    return place.cap and noun.case == "gen" and place_noun(noun)


def _shared_head(toks: Sequence[Tok], span: OrgSpan, end: int) -> OrgSpan:
    """A second head with no words of its own shares the name before it.

    "Ұлттық кітапханасы мен мұрағаты" is one body, the library and archive.
    """
    e = span.end
    if span.kind != "head" or span.head != e - 1 or e + 1 >= end:
        return span
    second = toks[e + 1]
    if toks[e].lower not in lexicon.NAME_CONJUNCTIONS or second.head is None or second.cap:
        return span
    if not second.head.form.possessive or (e + 2 < end and toks[e + 2].head is not None):
        return span
    span.end = span.reach = e + 2
    span.head = e + 1
    span.lemma = second.head.lemma
    return span


def _with_abbreviations(
    toks: Sequence[Tok], spans: list[OrgSpan], acronyms: list[OrgSpan]
) -> list[OrgSpan]:
    """Add abbreviations; one right after a genitive name is that name's unit.

    "Павлодар облысы әкімдігінің ІСБ" is the office ІСБ of the regional akimat.
    """
    ends = {s.end: s for s in spans if s.kind == "head" and not s.weak and s.head == s.end - 1}
    for acronym in acronyms:
        owner = ends.get(acronym.start)
        head = toks[owner.end - 1].head if owner is not None else None
        if owner is None or head is None or head.form.case != "gen":
            spans.append(acronym)
            continue
        spans.remove(owner)
        spans.append(
            OrgSpan(
                owner.start, acronym.end, "unit", org_class=owner.org_class, inner=(owner.end - 1,)
            )
        )
    return spans


def _subunit(finder: NameFinder, span: OrgSpan) -> OrgSpan | None:
    """A unit in lower case after its parent ("X қоры өкілдігі") is named as the parent.

    None for a governing board named without its body ("Қамқоршылар кеңесінің
    отырысы"): a board is part of a body, no organisation of its own.
    """
    h = span.head
    if h is None or span.lemma is None:
        return span
    tok = finder.toks[h]
    board = _board(finder, span)
    if board is not None:
        return board
    alone = span.lemma == "кеңес" and h - 1 == span.start
    if alone and finder.toks[h - 1].lower in lexicon.BOARD_WORDS:
        return None
    # "орталығының кеңсесіне барды": the premises of the body, no body of their own
    premises = span.lemma == "кеңсе" and bool(span.inner) and max(span.inner) == h - 1
    # "X қоры басқармасының төрағасы": right after a fund, university or company its
    # "басқарма" is the management board, whose chair holds the post in the body
    management = span.lemma == "басқарма" and bool(span.inner) and max(span.inner) == h - 1
    if (
        (span.lemma not in lexicon.SUBUNIT_HEADS and not (premises or management))
        or tok.cap
        or not span.inner
    ):
        return span
    parent = max(span.inner)
    parent_span = finder.from_head(parent)
    if parent_span is None:
        return span
    if management and parent_span.org_class is OrgClass.GOVERNMENT:
        return span  # "облыс әкімдігі басқармасы": a department, a body of its own
    parent_span.reach = h + 1
    own = finder.toks[parent_span.end : h + 1]
    # "бөлім меңгерушісі"; a unit with a name of its own keeps it: "баспа бөлімінің"
    parent_span.subunit = " ".join(t.lower for t in own) if len(own) > 1 else span.lemma
    return parent_span


def _board(finder: NameFinder, span: OrgSpan) -> OrgSpan | None:
    """A body's governing board ("ERG Директорлар кеңесі") is named as the body.

    The board goes into the title of whoever sits on it ("директорлар кеңесінің
    төрағасы"); "X университеті жанындағы Қамқоршылар кеңесі" is a board of X too.
    """
    h = span.head
    toks = finder.toks
    if h is None or span.lemma != "кеңес" or h - 2 < span.start:
        return None
    if toks[h - 1].lower not in lexicon.BOARD_WORDS:
        return None
    owner = h - 2
    if toks[owner].lower in lexicon.NAME_LINKS and owner - 1 >= span.start:
        owner -= 1
    parent: OrgSpan | None = None
    if toks[owner].head is not None:
        parent = finder.from_head(owner)
    elif toks[owner].acronym:
        parent = OrgSpan(owner, owner + 1, "acronym")
    if parent is None:
        return None
    parent.reach = h + 1
    parent.subunit = f"{toks[h - 1].lower} {toks[h].lower}"
    return parent
