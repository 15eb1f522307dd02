"""Signed agreements: "X пен Y ... туралы меморандумға қол қойды" and its variants.

A sentence states an agreement when it has a memorandum or agreement noun and
"қол қой-" (signed, signed by each other, was signed). The parties are the
organisations in it that could be a subject: in the nominative, or joined by
"-мен" ("X Y ұйымымен келісімге қол қойды"); a genitive name only owns something.
The subject stated before the noun ("ынтымақтастық туралы меморандум") is its title.

Across sentences (``settle_agreements``): one subject signing with several partners
("X Y-мен ... қол қойып, Z-мен ... қол қойды") signs one agreement with each; a
sentence naming only the partner ("Z-мен меморандумға қол қойды") continues the
subject of the signing stated before it (often in the headline); "тараптар" (the
sides) are the two organisations the text has just named together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.extractors.kk.orgs import OrgSpan
from kg.extractors.kk.roles import Holder
from kg.extractors.kk.tokens import Tok
from kg.lang.kk import morph
from kg.model import AgreementKind

_KINDS: tuple[tuple[str, AgreementKind], ...] = (
    ("меморандум", AgreementKind.MEMORANDUM),
    ("келісімшарт", AgreementKind.AGREEMENT),
    ("келісім", AgreementKind.AGREEMENT),
    ("шарт", AgreementKind.AGREEMENT),
    ("карта", AgreementKind.AGREEMENT),  # "жол картасына қол қойды": a signed road map
)
# What an agreement noun's verb starts with when it says the agreement was made.
_SIGNING_VERBS = ("жасас", "жасалды", "жасады", "бекіт", "түзд", "түзіл", "отыр")
_CEREMONY = frozenset({"рәсімі", "салтанаты"})
_SUBJECT_WORDS = frozenset({"туралы", "жөнінде", "жөніндегі", "бойынша", "арасындағы"})
_TITLE_STOPS = frozenset(
    {"сияқты", "секілді", "сынды", "және", "мен", "пен", "бен", "қол", "арасында", "аясында"}
)


# Links after a genitive name that make it a party: "X пен Y-тің арасында".
_BETWEEN = frozenset({"арасында", "арасындағы"})
# Words for "the sides" of an agreement, whose names an earlier sentence gives.
_SIDES = ("тарап",)
# "үшжақты", "үш жақты", "көпжақты" (three-, many-sided): one agreement that all the
# parties sign, even when one subject signs "X-пен және Y-пен"
_SIDED = ("жақты",)
_SIDE_COUNTS = ("үш", "төрт", "бес", "көп")
_SIDES_LOOKBACK = 5  # sentences searched back for the two sides


@dataclass(frozen=True, slots=True)
class AgreementSpan:
    """An agreement found in a sentence: its parties, kind and title."""

    parties: tuple[OrgSpan, ...]
    kind: AgreementKind
    title: str | None


@dataclass(frozen=True, slots=True)
class Signing:
    """A sentence that says an agreement was signed, with the parties it names itself."""

    kind: AgreementKind
    title: str | None
    subjects: tuple[OrgSpan, ...]  # in the nominative (or genitive before "арасында")
    partners: tuple[OrgSpan, ...]  # in the instrumental: "Y-мен"
    sides: bool  # "тараптар", "қос тарап": the parties are named elsewhere
    breaks: tuple[int, ...] = ()  # "сонымен қатар" between two lists of parties
    many_sided: bool = False  # "үшжақты меморандум": one agreement of all the parties

    @property
    def parties(self) -> tuple[OrgSpan, ...]:
        return (*self.subjects, *self.partners)


_KIND_STEMS = tuple(stem for stem, _ in _KINDS)


def _kind(tok: Tok) -> AgreementKind | None:
    if not tok.lower.startswith(_KIND_STEMS):
        return None  # asked of every word of a sentence: most are no agreement noun
    for stem, kind in _KINDS:
        if tok.lower.startswith(stem):
            return kind
    return None


def _signed(toks: Sequence[Tok], start: int, end: int) -> bool:
    """Whether the sentence says "қол қойды" (signed) or an agreement "жасасты", "бекітті"."""
    for i in range(start, end - 1):
        tok, nxt = toks[i], toks[i + 1]
        if (
            tok.lower == "қол"
            and nxt.lower.startswith(("қой", "қоя"))
            and not _to_come(toks, i + 1, end)
        ):
            return True
        # "... арасында меморандумға қол қою рәсімі өтті": the signing ceremony was held
        # (its attendees, "рәсіміне қатысты", need not be the parties)
        then = toks[i + 2] if i + 2 < end else None
        if tok.lower == "қол" and nxt.lower == "қою" and then and then.lower in _CEREMONY:
            return True
        # "жасасты", "жасалды", "жасады"; "бекітті", "бекітілді"; "келісім түзді";
        # "келісімшартқа отырды" (sat down to a contract: signed it)
        if _kind(tok) is not None and nxt.lower.startswith(_SIGNING_VERBS):
            return True
    return _made_at_end(toks, start, end)


def _to_come(toks: Sequence[Tok], verb: int, end: int) -> bool:
    """Whether "қол қой-" at ``verb`` is a signing still to come: "қол қоймақ", "қол
    қоятын болады" (will sign)."""
    word = toks[verb].lower
    then = toks[verb + 1].lower if verb + 1 < end else ""
    return word.startswith("қоймақ") or (word == "қоятын" and then.startswith("бола"))


# Passive verbs that end a sentence whose subject is the agreement: "Меморандум X пен Y
# арасында жасалды", "Келісім ... бекітілді".
_PASSIVE_SIGNING = ("жасалды", "бекітілді")
# Words after an agreement noun that make it a frame, not the subject: "Меморандум
# аясында жоба жасалды" (a project made under the memorandum).
_FRAME_WORDS = frozenset({"аясында", "бойынша", "негізінде", "шеңберінде", "жобасы"})


def _made_at_end(toks: Sequence[Tok], start: int, end: int) -> bool:
    """Whether the sentence's last word says that its agreement noun, the subject, was made."""
    words = [i for i in range(start, end) if toks[i].word]
    if len(words) < 3 or toks[words[-1]].lower not in _PASSIVE_SIGNING:
        return False
    for i in words[:-1]:
        tok = toks[i]
        if _kind(tok) is not None and tok.case == "nom" and tok.lower == _stem_of(tok):
            nxt = toks[i + 1] if i + 1 < end else None
            return nxt is None or nxt.lower not in _FRAME_WORDS
    return False


_BETWEEN_NOUN_REACH = 6  # words from "арасындағы" to its agreement noun


def _named_between(toks: Sequence[Tok], start: int, end: int) -> bool:
    """Whether the sentence names an agreement made between its parties: "X пен Y
    арасындағы әлеуметтік әріптестік туралы келісім бойынша ..." (not a draft of one,
    "... келісім жобасы")."""
    for i in range(start, end):
        if toks[i].lower != "арасындағы":
            continue
        for j in range(i + 1, min(end, i + 1 + _BETWEEN_NOUN_REACH)):
            if _kind(toks[j]) is not None:
                after = toks[j + 1] if j + 1 < end else None
                return after is None or after.lower not in _DRAFT_WORDS
    return False


_DRAFT_WORDS = frozenset({"жобасы", "жобасын", "жобасына", "жобасының"})


def _stem_of(tok: Tok) -> str:
    """The agreement noun's own stem ("меморандум"), so that only its bare form counts."""
    for stem, _ in _KINDS:
        if tok.lower.startswith(stem):
            return stem
    return ""


def signed_without_noun(toks: Sequence[Tok], start: int, end: int, orgs: Sequence[OrgSpan]) -> bool:
    """Whether the sentence says "қол қойды" of an agreement another sentence names.

    "X пен Y арасындағы ынтымақтастық меморандумы. Құжатқа бүгін қол қойылды."
    """
    if not _signed(toks, start, end):
        return False
    covered = {i for o in orgs for i in range(o.start, o.reach)}
    return not any(i not in covered and _kind(toks[i]) is not None for i in range(start, end))


def find_signing(
    toks: Sequence[Tok],
    start: int,
    end: int,
    orgs: Sequence[OrgSpan],
    holders: Sequence[Holder],
    text: str,
) -> Signing | None:
    """The signing the sentence ``toks[start:end]`` reports, if any, with its parties."""
    if not (_signed(toks, start, end) or _named_between(toks, start, end)):
        return None
    covered = {i for o in orgs for i in range(o.start, o.reach)}
    nouns = [i for i in range(start, end) if i not in covered and _kind(toks[i]) is not None]
    if not nouns:
        return None
    noun = nouns[0]
    kind = _kind(toks[noun])
    assert kind is not None
    title_start = _title_start(toks, start, noun, covered)
    candidates = [
        org
        for org in orgs
        if not (title_start is not None and title_start <= org.start < noun)
        and not _inside_another(org, orgs)  # a parent kept inside its unit's name
        and org.kind != "credit"  # "деп хабарлайды Egemen.kz": the outlet reports it
    ]
    subjects = [org for org in candidates if _party_case(toks, org, end) in ("nom", "between")]
    partners = [org for org in candidates if _party_case(toks, org, end) == "ins"]
    if len(subjects) + len(partners) < 2:
        # "X қорының директоры А мен Y-тің төрағасы Б ... қол қойды": a person signing
        # for a body makes the body the party
        for holder in holders:
            org = holder.organisation
            signs = morph.name_case(toks[holder.person.end - 1].text) in ("nom", "ins")
            if signs and all(org is not o for o in (*subjects, *partners)):
                subjects.append(org)
    title = None
    if title_start is not None:
        head = toks[noun]
        nominative = morph.analyses(head.text)[0].stem
        title = text[toks[title_start].start : head.start] + nominative
    sides = any(t.lower.startswith(_SIDES) for t in toks[start:end])
    # only a plural ("меморандумдарға") says there are several agreements to split
    plural = _plural_noun(toks[noun])
    breaks = tuple(i for i in range(start, end - 1) if plural and _list_break(toks, i))
    many_sided = any(_many_sided(toks, i) for i in range(max(start, noun - 3), noun))
    return Signing(kind, title, tuple(subjects), tuple(partners), sides, breaks, many_sided)


def _many_sided(toks: Sequence[Tok], i: int) -> bool:
    word = toks[i].lower
    if word.startswith(_SIDE_COUNTS) and word.endswith(_SIDED):
        return True  # "үшжақты"
    return word in _SIDED and i > 0 and toks[i - 1].lower in _SIDE_COUNTS  # "үш жақты"


# "A, B және C, сонымен қатар D, E және F арасында меморандумдарға қол қойылды": two
# agreements, each list of parties its own
_LIST_BREAKS = (("сонымен", "қатар"), ("сондай-ақ",), ("сондай", "-"), (";",))


def _plural_noun(tok: Tok) -> bool:
    for stem, _ in _KINDS:
        if tok.lower.startswith(stem):
            return tok.lower[len(stem) :].startswith(("дар", "дер", "тар", "тер", "лар", "лер"))
    return False


def _list_break(toks: Sequence[Tok], i: int) -> bool:
    return any(
        all(i + k < len(toks) and toks[i + k].lower == w for k, w in enumerate(words))
        for words in _LIST_BREAKS
    )


def _groups(signing: Signing) -> list[tuple[OrgSpan, ...]]:
    """The parties of a signing split where a list break stands between them."""
    parties = sorted(signing.parties, key=lambda o: o.start)
    groups: list[list[OrgSpan]] = [[]]
    for org in parties:
        if groups[-1] and any(groups[-1][-1].start < b < org.start for b in signing.breaks):
            groups.append([])
        groups[-1].append(org)
    return [tuple(g) for g in groups]


_HOLDERS_LOOKAHEAD = 2  # sentences after a signing searched for who signed it


def signers_after(
    toks: Sequence[Tok],
    signings: Sequence[Signing | None],
    holders: Sequence[Sequence[Holder]],
) -> list[Signing | None]:
    """Signings that name no party take the bodies of the people the next sentences name.

    "Меморандумға қол қойылды. Шараға X министрі А мен Y қорының президенті Б
    қатысты": a signing in the passive often leaves its signers to the sentence after,
    where people stand for their bodies (as when they sign themselves).
    """
    out = list(signings)
    for index, signing in enumerate(signings):
        if signing is None or signing.parties or signing.sides:
            continue
        for later in range(index + 1, min(index + 1 + _HOLDERS_LOOKAHEAD, len(signings))):
            if signings[later] is not None:
                break
            bodies: list[OrgSpan] = []
            for holder in holders[later]:
                org = holder.organisation
                acts = morph.name_case(toks[holder.person.end - 1].text) in ("nom", "ins")
                if acts and all(org is not o for o in bodies):
                    bodies.append(org)
            if len(bodies) >= 2:
                out[index] = replace(signing, subjects=tuple(bodies))
                break
    return out


# "бірнеше ұйыммен меморандум жасасты. Олардың қатарында X, Y бар": the partners,
# counted but unnamed, are listed by the sentence after
_SOME = frozenset({"бірнеше", "бірқатар", "бірталай", "түрлі"})
_LISTING_OPENERS = (("олардың", "қатарында"), ("олардың", "ішінде"), ("атап", "айтқанда"))


def listed_partners(
    toks: Sequence[Tok],
    signings: Sequence[Signing | None],
    sentences: Sequence[tuple[int, int]],
    orgs: Sequence[Sequence[OrgSpan]],
) -> list[Signing | None]:
    """A subject signing with "several organisations" signs with those the next sentence lists."""
    out = list(signings)
    for k, signing in enumerate(signings[:-1]):
        if signing is None or len(signing.subjects) != 1 or signing.partners:
            continue
        start, end = sentences[k]
        counted = any(
            toks[i].lower in _SOME and toks[i + 1].case == "ins" for i in range(start, end - 1)
        )
        after, after_end = sentences[k + 1]
        opener = tuple(t.lower for t in toks[after : min(after + 2, after_end)])
        listed = [o for o in orgs[k + 1] if not o.weak]
        if counted and opener in _LISTING_OPENERS and listed:
            out[k] = replace(signing, partners=tuple(listed))
    return out


def settle_agreements(
    signings: Sequence[Signing | None], orgs: Sequence[Sequence[OrgSpan]]
) -> list[list[AgreementSpan]]:
    """The agreements of each sentence, given every sentence's signing and names."""
    settled: list[list[AgreementSpan]] = []
    signer: OrgSpan | None = None  # the subject of the last signing stated
    for index, signing in enumerate(signings):
        if signing is None:
            settled.append([])
            continue
        found: list[AgreementSpan] = []
        subjects, partners = signing.subjects, signing.partners
        if len(subjects) == 1 and len(partners) >= 2 and not signing.many_sided:
            found = [_agreement(signing, (subjects[0], p)) for p in partners]
        elif not subjects and partners:
            # "... «X», «Y» қорларымен келісімге қол қойды": each partner signs with the
            # subject stated before, never with the others
            if signer is not None:
                found = [_agreement(signing, (signer, p)) for p in partners if p is not signer]
        elif len(signing.parties) >= 2:
            groups = _groups(signing)
            if len(groups) > 1 and all(len(g) >= 2 for g in groups):
                found = [_agreement(signing, g) for g in groups]
            else:
                found = [_agreement(signing, signing.parties)]
        elif len(subjects) == 1 and signer is not None and subjects[0] is not signer:
            found = [_agreement(signing, (signer, subjects[0]))]
        elif not signing.parties:
            # "тараптар" (the sides) look back a few sentences; a signing that names no
            # party at all ("Меморандумға дүйсенбіде қол қойылды") only at the one before
            pair = _two_sides(orgs, index, _SIDES_LOOKBACK if signing.sides else 1)
            if pair is not None:
                found = [_agreement(signing, pair)]
        if len(subjects) == 1:
            signer = subjects[0]
        settled.append(found)
    return settled


def _inside_another(org: OrgSpan, orgs: Sequence[OrgSpan]) -> bool:
    return any(o is not org and o.start <= org.start and org.end <= o.end for o in orgs)


def _agreement(signing: Signing, parties: Sequence[OrgSpan]) -> AgreementSpan:
    return AgreementSpan(tuple(parties), signing.kind, signing.title)


def _two_sides(
    orgs: Sequence[Sequence[OrgSpan]], index: int, lookback: int
) -> tuple[OrgSpan, OrgSpan] | None:
    """The two named organisations of the nearest earlier sentence that names just two."""
    for back in range(index - 1, max(index - 1 - lookback, -1), -1):
        named = [o for o in orgs[back] if not o.weak]
        if len(named) == 2:
            return named[0], named[1]
    return None


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


def _party_case(toks: Sequence[Tok], org: OrgSpan, end: int) -> str:
    """The case that makes a name a party: "nom", "ins", "between"; else the case it is in."""
    last = toks[org.reach - 1]
    if last.quote == "close":
        return "nom"
    case = last.head.form.case if last.head is not None and org.kind == "head" else last.case
    if case == "gen" and org.reach < end and toks[org.reach].lower in _BETWEEN:
        return "between"
    return case
