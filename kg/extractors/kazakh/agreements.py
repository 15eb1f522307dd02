"""Signed agreements: "X пен Y ... туралы меморандумға қол қойды" and its variants.

A sentence states an agreement when it has a memorandum or agreement noun and
"қол қой-" (signed, signed by each other, was signed). The parties are the
organisations in it that could be a subject: in the nominative, or joined by
"-мен" ("X Y ұйымымен келісімге қол қойды"); a genitive name only owns something.
The subject stated before the noun ("ынтымақтастық туралы меморандум") is its title.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.extractors.kazakh.orgs import OrgSpan
from kg.extractors.kazakh.tokens import Tok
from kg.lang.kk import morph
from kg.model import AgreementKind

_KINDS: tuple[tuple[str, AgreementKind], ...] = (
    ("меморандум", AgreementKind.MEMORANDUM),
    ("келісімшарт", AgreementKind.AGREEMENT),
    ("келісім", AgreementKind.AGREEMENT),
    ("шарт", AgreementKind.AGREEMENT),
)
_SUBJECT_WORDS = frozenset({"туралы", "жөнінде", "жөніндегі", "бойынша", "арасындағы"})
_TITLE_STOPS = frozenset(
    {"сияқты", "секілді", "сынды", "және", "мен", "пен", "бен", "қол", "арасында", "аясында"}
)


@dataclass(frozen=True, slots=True)
class AgreementSpan:
    """An agreement found in a sentence: its parties, kind and title."""

    parties: tuple[OrgSpan, ...]
    kind: AgreementKind
    title: str | None


def _kind(tok: Tok) -> AgreementKind | None:
    for stem, kind in _KINDS:
        if tok.lower.startswith(stem):
            return kind
    return None


def _signed(toks: Sequence[Tok], start: int, end: int) -> bool:
    """Whether the sentence says "қол қойды" (signed) or an agreement "жасасты"."""
    for i in range(start, end - 1):
        tok, nxt = toks[i], toks[i + 1]
        if tok.lower == "қол" and nxt.lower.startswith(("қой", "қоя")):
            return True
        if _kind(tok) is not None and nxt.lower.startswith(("жасас", "жасалды")):
            return True
    return False


def find_agreement(
    toks: Sequence[Tok], start: int, end: int, orgs: Sequence[OrgSpan], text: str
) -> AgreementSpan | None:
    """The agreement the sentence ``toks[start:end]`` reports signed, if any."""
    if not _signed(toks, start, end):
        return None
    covered = {i for o in orgs for i in range(o.start, o.reach)}
    nouns = [i for i in range(start, end) if i not in covered and _kind(toks[i]) is not None]
    if not nouns:
        return None
    noun = nouns[0]
    kind = _kind(toks[noun])
    assert kind is not None
    title_start = _title_start(toks, start, noun, covered)
    parties = tuple(
        org
        for org in orgs
        if not (title_start is not None and title_start <= org.start < noun)
        and _subject_case(toks, org)
    )
    if len(parties) < 2:
        return None
    title = None
    if title_start is not None:
        head = toks[noun]
        nominative = morph.analyses(head.text)[0].stem
        title = text[toks[title_start].start : head.start] + nominative
    return AgreementSpan(parties, kind, title)


def _title_start(toks: Sequence[Tok], start: int, noun: int, covered: set[int]) -> int | None:
    """Where the subject of the agreement opens, when one is stated before its noun."""
    i = noun
    while i - 1 >= start:
        tok = toks[i - 1]
        if i - 1 in covered or not tok.word or tok.lower in _TITLE_STOPS:
            break
        if tok.lower.endswith(("ып", "іп")) or tok.verbal:
            break
        i -= 1
    while i < noun and toks[i].lower in _SUBJECT_WORDS:
        i += 1  # "X пен Y арасындағы меморандум": the parties' link, no subject
    if i == noun:
        return None
    words = {t.lower for t in toks[i:noun]}
    possessive = morph.analyses(toks[noun].text)[0].possessive
    return i if words & _SUBJECT_WORDS or possessive else None


def _subject_case(toks: Sequence[Tok], org: OrgSpan) -> bool:
    last = toks[org.reach - 1]
    if last.quote == "close":
        return True
    case = last.head.form.case if last.head is not None and org.kind == "head" else last.case
    return case in ("nom", "ins")
