"""Later lower-case mentions of a body the article has named in full.

"облыстық жастар саясаты басқармасының басшысы" names the office once; "жастар саясаты
басқармасының басшысы" later in the article is the same office, though no capital or
"облыстық" opens it there; "университет ректоры" is the rector of the one university
the article names. Such a mention is weak: kept only when a position or an agreement
needs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.extractors.kk.orgs.span import OrgSpan
from kg.extractors.kk.orgs.words import ADMIN_ADJECTIVE_FORMS, ITS, ON_BEHALF
from kg.extractors.kk.tokens import Tok
from kg.lang.kk import lexicon

#: A known body's lower-case words before its head, and the head's lemma.
Phrase = tuple[tuple[str, ...], str]


def known_phrases(toks: Sequence[Tok], spans: Iterable[OrgSpan]) -> set[Phrase]:
    """The lower-case phrases that end the names of ``spans`` ("қоғамдық даму" + басқарма)."""
    known: set[Phrase] = set()
    for span in spans:
        h = span.head
        if span.kind != "head" or h is None or span.lemma is None:
            continue
        run: list[str] = []
        for tok in reversed(toks[span.start : h]):
            if not tok.word or tok.cap or tok.upper or tok.head is not None:
                break
            run.insert(0, tok.lower)
        while run and run[0] in ADMIN_ADJECTIVE_FORMS:
            run.pop(0)
        if run:
            known.add((tuple(run), span.lemma))
    return known


def whole_names(toks: Sequence[Tok], spans: Iterable[OrgSpan]) -> set[Phrase]:
    """The lower-case words before the head of every name written in ordinary case
    ("жайық" + университет), to find again in a line written in capitals."""
    known: set[Phrase] = set()
    for span in spans:
        h = span.head
        if span.kind != "head" or h is None or span.lemma is None or h == span.start:
            continue
        words = toks[span.start : h]
        if all(tok.word and not tok.shouted for tok in words) and not toks[h].shouted:
            known.add((tuple(tok.lower for tok in words), span.lemma))
    return known


def repeat_orgs(
    toks: Sequence[Tok], start: int, end: int, orgs: Sequence[OrgSpan], known: set[Phrase]
) -> list[OrgSpan]:
    """Lower-case mentions in ``toks[start:end]`` of the phrases of bodies already named."""
    covered = {i for o in orgs for i in range(o.start, o.reach)}
    by_head: dict[str, list[tuple[str, ...]]] = {}
    for words, lemma in known:
        by_head.setdefault(lemma, []).append(words)
    found: list[OrgSpan] = []
    for h in range(start, end):
        lex = toks[h].head
        if lex is None or h in covered or lex.form.case not in ("nom", "gen"):
            continue
        for words in sorted(by_head.get(lex.lemma, ()), key=len, reverse=True):
            first = h - len(words)
            if first < start or any(i in covered for i in range(first, h)):
                continue
            if tuple(t.lower for t in toks[first:h]) == words:
                org_class = lexicon.ORG_HEADS.get(lex.lemma)
                found.append(
                    OrgSpan(first, h + 1, "head", head=h, lemma=lex.lemma, org_class=org_class)
                )
                found[-1].weak = True
                break
    return found


# Words that point back at something named before: "аталмыш", "аталған", "осы".
_DEMONSTRATIVES = frozenset({"аталмыш", "аталған", "осы", "бұл", "сол"})


def _titled(toks: Sequence[Tok], p: int, end: int) -> bool:
    """Whether a position opens at ``p``: "ректоры", "төрағасының орынбасары", or one
    with a modifier of its own ("атқарушы директоры", "бас директоры") or a unit that
    makes it a compound ("басқарма төрағасы": chair of the body's board)."""
    if p + 1 < end and (
        toks[p].lower in lexicon.ROLE_MODIFIERS
        or toks[p].lower in lexicon.ROLE_NOUNS
        or _board_of(toks[p])
    ):
        p += 1
    p += _governing_board(toks, p, end)
    pos = toks[p].position if p < end else None
    if pos is None:
        return False
    if pos.form.case == "nom":
        return True
    after = toks[p + 1].position if p + 1 < end else None
    return pos.form.case == "gen" and after is not None and after.form.case == "nom"


def anaphors(
    toks: Sequence[Tok],
    start: int,
    end: int,
    orgs: Sequence[OrgSpan],
    named: dict[str, list[OrgSpan]],
) -> list[OrgSpan]:
    """Bare heads before a position ("университет ректоры") or joined to another party
    ("альянс пен «X» қоры") that refer to a named body.

    ``named`` maps a head lemma to the article's distinct named bodies with that head
    (each at its first mention); a bare head refers when exactly one was named before it.
    """
    covered = {i for o in orgs for i in range(o.start, o.reach)}
    found: list[OrgSpan] = []
    for h in range(start, end - 1):
        tok, nxt = toks[h], toks[h + 1]
        lex = tok.head
        # capitalised only as a sentence's first word: "Кеңес төрағасы ... сайланды"
        opening = h == start or toks[h - 1].sent != tok.sent
        if lex is None or h in covered or (tok.cap and not opening) or lex.form.possessive:
            continue
        if tok.upper:
            continue
        # "аталмыш кеңестің төрағасы": a demonstrative points back at the body named
        # before, so the head may own the position in the genitive
        pointed = h > start and toks[h - 1].lower in _DEMONSTRATIVES
        # "Құжатқа қордың төрағасы Айгүл ...": a genitive head that no genitive before
        # owns, right before a titled person, is the body named before too
        free = h == start or toks[h - 1].case != "gen"
        if lex.form.case != "nom" and not (lex.form.case == "gen" and (pointed or free)):
            continue
        titled = _titled(toks, h + 1, end) or _on_behalf(toks, h + 1, end)
        # "альянс пен «X» қоры ... қол қойды": the alliance named before, as a party
        after = toks[h + 2] if h + 2 < end else None
        named_next = after is not None and (after.cap or after.quote == "open")
        joined = nxt.lower in lexicon.NAME_CONJUNCTIONS and named_next
        # "Сонымен қатар қор «Y» бірлестігімен де келісім жасасты": the fund named
        # before, acting with the body named right after it
        acting = lex.form.case == "nom" and _with_next(toks, h + 1, orgs)
        if not (titled or joined or acting or _bare_pair(toks, start, h, end)):
            continue
        owned = h > start and toks[h - 1].word and not toks[h - 1].punct
        if owned and not pointed and toks[h - 1].case == "gen":
            continue  # "қоғамның кеңес мүшесі": owned by the word before, not the named body
        # the bodies named before it: one named later cannot be what it points back at
        referents = _distinct(toks, [r for r in named.get(lex.lemma, []) if r.start < h])
        if len(referents) == 1:
            span = OrgSpan(
                h, h + 1, "head", head=h, lemma=lex.lemma, weak=True, refers=referents[0]
            )
            board = _governing_board(toks, h + 1, end)
            if _board_of(nxt):
                span.reach, span.subunit = h + 2, "басқарма"  # the board goes into the title
            elif board:
                # "Қордың қамқоршылық кеңесінің төрағасы": the fund's board, in the title
                span.reach = h + 1 + board
                span.subunit = " ".join(t.lower for t in toks[h + 1 : span.reach])
            found.append(span)
    return found


# What follows two bodies acting together: "басқарма мен бірлестік арасында
# меморандумға қол қойылды", "қор мен университет меморандум жасасты".
_AFTER_A_PAIR = ("арасында", "меморандум", "келісім")


def _bare_pair(toks: Sequence[Tok], start: int, h: int, end: int) -> bool:
    """Whether the bare head at ``h`` is one of two joined by "мен" before "арасында" or
    an agreement noun: the two bodies named before act together."""
    for first in (h, h - 2):
        second, then = first + 2, first + 3
        if first < start or then >= end or toks[first + 1].lower not in lexicon.NAME_CONJUNCTIONS:
            continue
        pair = (toks[first], toks[second])
        bare = all(
            t.head is not None
            and not t.head.form.possessive
            and t.head.form.case == "nom"
            and not t.cap
            for t in pair
        )
        if bare and toks[then].lower.startswith(_AFTER_A_PAIR):
            return True
    return False


def _board_of(tok: Tok) -> bool:
    """ "басқармасының" in "қор басқармасының төрағасы": the body's management board."""
    head = tok.head
    return head is not None and head.lemma == "басқарма" and head.form.case == "gen"


def _governing_board(toks: Sequence[Tok], p: int, end: int) -> int:
    """The words of a body's governing board in the genitive at ``p`` ("қамқоршылық
    кеңесінің", "директорлар кеңесінің"): two, or none."""
    if p + 1 >= end or toks[p].lower not in lexicon.BOARD_WORDS:
        return 0
    head = toks[p + 1].head
    return 2 if head is not None and head.lemma == "кеңес" and head.form.case == "gen" else 0


# "орталық атынан (оның) директоры": a post held in the body named before, which it
# signs or speaks for (after words.ON_BEHALF)


def _on_behalf(toks: Sequence[Tok], p: int, end: int) -> bool:
    if p >= end or toks[p].lower != ON_BEHALF:
        return False
    p += 1
    if p < end and toks[p].lower in ITS:
        p += 1
    return _titled(toks, p, end)


def _with_next(toks: Sequence[Tok], i: int, orgs: Sequence[OrgSpan]) -> bool:
    """Whether a name opening at token ``i`` ends in the instrumental ("...-мен")."""
    return any(o.start == i and toks[o.reach - 1].case == "ins" for o in orgs)


def _distinct(toks: Sequence[Tok], spans: list[OrgSpan]) -> list[OrgSpan]:
    """One span per body: "«Болашақ» қоры" (a headline) and "«Болашақ» қоғамдық қоры"
    differ in name but their quoted part says they are one. The fullest mention
    stands for the body, as the conventions name it by its fullest form."""
    by_identity: dict[str, OrgSpan] = {}
    for span in spans:
        if span.quote is not None:
            opening, closing = span.quote
            identity = " ".join(t.lower for t in toks[opening + 1 : closing])
        else:
            identity = f"#{span.start}"
        known = by_identity.get(identity)
        if known is None or span.reach - span.start > known.reach - known.start:
            by_identity[identity] = span
    bodies = list(by_identity.values())
    # "Облыстық қоғамдық кеңес" (a headline) is the "Ақтөбе облыстық қоғамдық кеңесі"
    # the text names in full: a name whose words end another's with the same head
    return [b for b in bodies if not any(_shortens(toks, b, other) for other in bodies)]


def _shortens(toks: Sequence[Tok], short: OrgSpan, full: OrgSpan) -> bool:
    """Whether ``short`` is ``full`` without its first words (case and capitals aside)."""
    if short is full or short.quote is not None or short.lemma != full.lemma:
        return False
    if short.head is None or full.head is None:
        return False
    words = [t.lower for t in toks[short.start : short.head]]
    whole = [t.lower for t in toks[full.start : full.head]]
    return 0 < len(words) < len(whole) and whole[-len(words) :] == words
