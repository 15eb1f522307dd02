"""Positions and who holds them: "«Жасыл әлем» қорының өкілі Сәуле Ахметова".

A position phrase is a position noun with its modifiers ("атқарушы директоры"), a
compound title ("басқарма төрағасы") or a chain ("басшысының орынбасары"). It is
linked to the organisation whose name ends right before it (possibly after a place,
"БҰҰ-ның Қазақстандағы ...", or a lower-case genitive, "... компаниясының әлеуметтік
бағдарламаларының үйлестірушісі") and to the person named right after it. Comma
lists of positions ending in one name give that person every position in the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.extractors.kk.orgs import OrgSpan
from kg.extractors.kk.orgs.words import ITS, ON_BEHALF
from kg.extractors.kk.persons import PersonSpan
from kg.extractors.kk.tokens import Tok
from kg.lang.kk import lexicon, morph

_MAX_GAP = 6  # lower-case words between an organisation and its position
_MAX_PLACE = 3  # words of a place between them ("Қазақстан Республикасындағы")
_LIST_JOINERS = frozenset({",", "және", "мен", "пен", "бен"})
_TOPIC_LINKS = frozenset({"бойынша", "жөніндегі", "жөнінде"})
_MAX_TOPIC = 8  # words of a topic phrase between a body and a position
_MAX_UNIT_WORDS = 4  # words of an internal unit's name in a title ("баспа бөлімінің")
_COPULA_DASHES = frozenset({"–", "—", "-"})
# Participles of "to run" before the body run: "Y басқаратын X қоры".
_HEADING_PARTICIPLES = frozenset({"басқаратын", "басқарған", "басқарып"})
# "Айгерім Сәкенова – «Дара» қорының директоры", "Айгерім Сәкенова («Дара» қорының директоры)"
_APPOSITION_MARKS = frozenset({",", "–", "—", "-", "("})


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """A position phrase by token range, with its canonical (nominative) text."""

    start: int
    end: int  # exclusive: the person's name follows
    role: str


@dataclass(frozen=True, slots=True)
class Holder:
    """A person holding a position, in an organisation when the text names one."""

    person: PersonSpan
    organisation: OrgSpan
    role: str | None


def _modifier(tok: Tok) -> bool:
    lower = tok.lower
    if tok.head is not None or tok.position is not None or lower in lexicon.NAME_LINKS:
        return False
    return lower in lexicon.ROLE_MODIFIERS or (
        lower.endswith(lexicon.ROLE_MODIFIER_ENDINGS) and tok.case == "nom"
    )


def find_roles(
    toks: Sequence[Tok], start: int, end: int, orgs: Sequence[OrgSpan]
) -> list[RolePhrase]:
    """Position phrases in the sentence ``toks[start:end]`` that are not inside a name."""
    covered = {i for o in orgs for i in range(o.start, o.end)}
    floor = {o.reach: o for o in orgs}
    roles: list[RolePhrase] = []
    for p in range(start, end):
        tok = toks[p]
        if tok.position is None or tok.position.form.case != "nom" or p in covered:
            continue
        if _compound_head(toks, p, end):
            continue  # "төраға орынбасары": one title, read at its last word
        phrase = _phrase(toks, start, p, covered, floor)
        # titles are written capitalised at times ("Атқарушы хатшысы"): roles are lower case
        role = phrase.role.lower()
        roles.append(RolePhrase(phrase.start, phrase.end, _title(role)))
    return roles


def _compound_head(toks: Sequence[Tok], p: int, end: int) -> bool:
    """A bare position before a possessive one: "төраға орынбасары", "ректор кеңесшісі"."""
    tok, nxt = toks[p], toks[p + 1] if p + 1 < end else None
    return (
        tok.position is not None
        and not tok.position.form.possessive
        and nxt is not None
        and nxt.position is not None
        and nxt.position.form.possessive
        and not nxt.position.plural
    )


def _title(role: str) -> str:
    """The role as the corpus writes it: plain membership has none ("мүше" -> "")."""
    return "" if role == "мүше" else role


def _phrase(
    toks: Sequence[Tok], start: int, p: int, covered: set[int], floor: dict[int, OrgSpan]
) -> RolePhrase:
    tok = toks[p]
    assert tok.position is not None
    first = p
    while first - 1 >= start and first - 1 not in covered and _modifier(toks[first - 1]):
        first -= 1
    words = [toks[i].text for i in range(first, p)]
    before = toks[first - 1] if first - 1 >= start and first - 1 not in covered else None
    unit = floor.get(first)
    if unit is not None and unit.subunit is not None:
        # "қоры өкілдігінің басшысы": the unit becomes part of the title
        return RolePhrase(first, p + 1, " ".join([unit.subunit, *words, tok.lower]))
    if before is not None and before.position is not None and before.position.form.case == "gen":
        # "басшысының орынбасары", "төрағасының бірінші орынбасары"
        owner = before.i
        compound = owner - 1 >= start and _role_noun(toks[owner - 1]) and owner - 1 not in covered
        if compound:
            head = f"{toks[owner - 1].text} {before.text}"
            owner -= 1
        else:
            head = morph.genitive(before.position.lemma)
        return RolePhrase(owner, p + 1, " ".join([head, *words, tok.lower]))
    if before is not None and not words and (_role_noun(before) or _bare_position(before)):
        # "басқарма төрағасы", "жоба жетекшісі", "төраға орынбасары": a compound title
        # keeps its possessive
        return RolePhrase(first - 1, p + 1, f"{before.text} {tok.lower}")
    unit_words = _unit_before(toks, start, first, covered)
    if unit_words:
        # "баспа бөлімінің меңгерушісі": an internal unit goes into the title
        owner = first - len(unit_words)
        return RolePhrase(owner, p + 1, " ".join([*unit_words, *words, tok.lower]))
    return RolePhrase(first, p + 1, " ".join([*words, tok.position.lemma]))


def _bare_position(tok: Tok) -> bool:
    return tok.position is not None and not tok.position.form.possessive


def _unit_before(toks: Sequence[Tok], start: int, first: int, covered: set[int]) -> list[str]:
    """Lower-case words of an internal unit in the genitive before a title, if any."""
    k = first - 1
    if k < start or k in covered:
        return []
    unit = toks[k]
    lex = unit.head
    if unit.cap or lex is None or lex.lemma not in lexicon.SUBUNIT_HEADS or lex.form.case != "gen":
        return []
    words = [unit.text]
    j = k - 1
    while j >= start and j not in covered and len(words) < _MAX_UNIT_WORDS:
        tok = toks[j]
        if not tok.word or tok.cap or _names_body(tok) or tok.position is not None:
            break
        if tok.case != "nom" or tok.lower in lexicon.FUNCTION_WORDS:
            break
        words.insert(0, tok.text)
        j -= 1
    return words if len(words) > 1 else []


def _names_body(tok: Tok) -> bool:
    """Whether the word is a head that may end a name ("баспа бөлімі" is a print unit:
    a publishing house is named only in the possessive, "«X» баспасы")."""
    head = tok.head
    if head is None:
        return False
    return head.form.possessive or head.lemma not in lexicon.POSSESSIVE_ONLY_HEADS


def _role_noun(tok: Tok) -> bool:
    return tok.lower in lexicon.ROLE_NOUNS


def link_holders(
    toks: Sequence[Tok],
    start: int,
    end: int,
    orgs: Sequence[OrgSpan],
    roles: Sequence[RolePhrase],
    persons: Sequence[PersonSpan],
) -> list[Holder]:
    """Who holds which position in which organisation, in one sentence.

    A position is held by the name right after it; positions listed before that
    name with commas are held by it too. Positions no name follows belong to a
    name before them: "Абзал Сапарбекұлы, «Отандастар қоры» КЕАҚ президенті:" or
    "Асқар Мамин «Нұр» қорының директоры болып тағайындалды".
    """
    person_at = {p.start: p for p in persons}
    holders: list[Holder] = []
    pending: list[tuple[OrgSpan | None, RolePhrase]] = []
    first_open = last_end = -1
    for role in roles:
        org = _organisation(toks, role, orgs)
        opens = org.start if org is not None else _item_start(toks, start, role.start)
        if pending and not _joined(toks, last_end, opens):
            holders.extend(_named_before(toks, start, first_open, pending, persons))
            pending = []
        if not pending:
            first_open = opens
        person = person_at.get(role.end)
        if person is None and role.end < end and toks[role.end].text in _COPULA_DASHES:
            # "Қордың президенті – Гүлнар Әбдірахманова": a dash for "is"
            person = _after_dash(toks, role.end, end, person_at)
        if person is not None and org is None and not pending:
            org = _subject(toks, role, orgs) or _delegation(toks, start, role, orgs)
        if person is not None and org is None and not pending:
            deputy = _deputy_of(toks, role, holders)
            if deputy is not None:
                holders.append(Holder(person, deputy.organisation, _deputy_role(deputy, role)))
                last_end = person.end
                continue
        if person is not None:
            for item_org, item in [*pending, (org, role)]:
                if item_org is not None:
                    holders.append(Holder(person, item_org, item.role))
            pending = []
            last_end = person.end
            if org is not None and _plural(toks, role):
                # "кеңесінің мүшелері А. Әлиев, Б. Бекова және В. Сейітов"
                for listed in _listed_after(toks, person, persons):
                    holders.append(Holder(listed, org, role.role))
                    last_end = listed.end
            continue
        pending.append((org, role))
        last_end = role.end
    holders.extend(_named_before(toks, start, first_open, pending, persons))
    holders.extend(_on_behalf(toks, start, end, orgs, persons))
    holders.extend(_heads_by_verb(toks, start, end, orgs, persons))
    holders.extend(_works_at(toks, start, end, orgs, persons))
    return holders


def _deputy_of(toks: Sequence[Tok], role: RolePhrase, holders: Sequence[Holder]) -> Holder | None:
    """The holder "оның" points back at in "X қорының төрағасы А мен оның орынбасары Б":
    the one named right before, joined by "мен" or a comma."""
    p = role.start
    if p < 2 or toks[p - 1].lower not in ITS or not holders:
        return None
    joiner = toks[p - 2]
    if joiner.lower not in lexicon.NAME_CONJUNCTIONS and joiner.text != ",":
        return None
    last = holders[-1]
    return last if last.person.end == p - 2 else None


def _deputy_role(holder: Holder, role: RolePhrase) -> str | None:
    """ "оның орынбасары" after a chair is the chair's deputy ("төраға орынбасары")."""
    if role.role == _DEPUTY and holder.role is not None and " " not in holder.role:
        return f"{holder.role} {morph.possessive(_DEPUTY)}"
    return role.role


_DEPUTY = "орынбасар"


# "жұмыс істейді" (works), "қызмет атқарады" (serves): the verbs of a post held at a body
_WORK_NOUNS = frozenset({"жұмыс", "қызмет"})
_WORK_VERBS = ("істе", "атқар", "ет")


def _works_at(
    toks: Sequence[Tok],
    start: int,
    end: int,
    orgs: Sequence[OrgSpan],
    persons: Sequence[PersonSpan],
) -> list[Holder]:
    """ "Y X қорында үйлестіруші болып жұмыс істейді", "Y X университетінде жұмыс
    істеген": Y works at X, with the title said before "болып" (as).

    The body in the locative right before the title or the verb; the person is the
    sentence's one name before the body.
    """
    holders: list[Holder] = []
    for org in orgs:
        if _case(toks, org) != "loc":
            continue
        i = org.reach
        while i < end and _modifier(toks[i]):
            i += 1  # "аға оқытушы болып": a modifier of the title
        role: str | None = None
        position = toks[i].position if i < end else None
        if position is not None:
            if i + 1 >= end or toks[i + 1].lower != "болып":
                continue
            role = " ".join([*(t.lower for t in toks[org.reach : i]), position.lemma])
            i += 2
        elif i != org.reach:
            continue
        if i + 1 >= end or toks[i].lower not in _WORK_NOUNS:
            continue
        if not toks[i + 1].lower.startswith(_WORK_VERBS):
            continue
        before = [p for p in persons if start <= p.start and p.end <= org.start]
        if len(before) == 1:
            holders.append(Holder(before[0], org, role))
    return holders


def _heads_by_verb(
    toks: Sequence[Tok],
    start: int,
    end: int,
    orgs: Sequence[OrgSpan],
    persons: Sequence[PersonSpan],
) -> list[Holder]:
    """ "Y 2018 жылдан бері X қорын басқарады", "X қорын басқаратын Y": Y heads X.

    The body in the accusative right before a form of "басқару" (to run); the person is
    the sentence's one name before it, or the name right after a participle.
    """
    person_at = {p.start: p for p in persons}
    person_before = {p.end: p for p in persons}
    holders: list[Holder] = []
    for org in orgs:
        participle = org.start - 1
        if (
            participle > start
            and toks[participle].lower in _HEADING_PARTICIPLES
            and participle in person_before
        ):
            # "Гүлнар Әбдірахманова басқаратын «Береке» қоры": the fund she runs
            holders.append(Holder(person_before[participle], org, "басшы"))
            continue
        i = org.reach
        if i >= end or _case(toks, org) != "acc":
            continue
        verb = toks[i].lower
        if not verb.startswith("басқар") or verb.startswith("басқарм"):
            continue  # "басқарма" is a board, not a verb
        if verb.endswith(("атын", "етін", "ған", "ген")) and i + 1 in person_at:
            holders.append(Holder(person_at[i + 1], org, "басшы"))
            continue
        before = [p for p in persons if start <= p.start and p.end <= org.start]
        if len(before) == 1:
            holders.append(Holder(before[0], org, "басшы"))
    return holders


def _after_dash(
    toks: Sequence[Tok], dash: int, end: int, person_at: dict[int, PersonSpan]
) -> PersonSpan | None:
    """The name after a copula dash when it ends the sentence's clause."""
    person = person_at.get(dash + 1)
    if person is None:
        return None
    closing = toks[person.end].text if person.end < end else "."
    return person if closing in (".", ",", ";", "!") else None


def _plural(toks: Sequence[Tok], role: RolePhrase) -> bool:
    position = toks[role.end - 1].position
    return position is not None and position.plural


def _listed_after(
    toks: Sequence[Tok], first: PersonSpan, persons: Sequence[PersonSpan]
) -> list[PersonSpan]:
    """The names listed after ``first`` with commas and "және"/"мен", in order."""
    listed: list[PersonSpan] = []
    last = first
    for person in persons:
        if person.start <= last.start:
            continue
        between = toks[last.end : person.start]
        if not between or not all(t.text in _LIST_JOINERS for t in between):
            break
        listed.append(person)
        last = person
    return listed


def _delegation(
    toks: Sequence[Tok], start: int, role: RolePhrase, orgs: Sequence[OrgSpan]
) -> OrgSpan | None:
    """The body whose delegation a colon lists: "X-тің делегациясы құрамында: бас директор А"."""
    colons = [i for i in range(start, role.start) if toks[i].text == ":"]
    if not colons:
        return None
    colon = colons[-1]
    for org in orgs:
        after = toks[org.reach : colon]
        near = org.reach <= colon and 0 < len(after) <= _MAX_PLACE
        if near and after[0].lower.startswith("делегация"):
            return org
    return None


def _subject(toks: Sequence[Tok], role: RolePhrase, orgs: Sequence[OrgSpan]) -> OrgSpan | None:
    """The organisation a staff member works for when the sentence has just one, as subject."""
    lemma = toks[role.end - 1].position
    if lemma is None or lemma.lemma not in lexicon.STAFF_POSITIONS:
        return None
    named = [o for o in orgs if not o.weak]
    if len(named) != 1 or named[0].reach > role.start or _case(toks, named[0]) != "nom":
        return None
    return named[0]


def _named_before(
    toks: Sequence[Tok],
    start: int,
    opens: int,
    pending: Sequence[tuple[OrgSpan | None, RolePhrase]],
    persons: Sequence[PersonSpan],
) -> list[Holder]:
    """Positions no name followed, given to the name right before them, if any; a plural
    one ("«Болашақ» қорының өкілдері") is held by others, never by that one name."""
    items = [(org, role) for org, role in pending if org is not None and not _plural(toks, role)]
    if not items:
        return []
    person: PersonSpan | None = None
    mark = opens - 1
    if mark >= start and toks[mark].text in _APPOSITION_MARKS:
        person = next((p for p in persons if p.end == mark), None)
    elif _appointed(toks, pending[-1][1].end):
        # "«Нұр» қорының өкілі ретінде Асел Бекова" names the holder after the word;
        # "Асқар Мамин ... директоры болып тағайындалды" before the list
        after = pending[-1][1].end + 1
        person = next((p for p in persons if p.start == after), None) or max(
            (p for p in persons if p.end <= opens), key=lambda p: p.end, default=None
        )
    if person is None:
        return []
    return [Holder(person, org, role.role) for org, role in items]


# Past and announced positions count: "... төрағасы болған", "... директоры болады",
# "... директоры қызметін атқарған" (held the post of).
_APPOINTING_WORDS = frozenset(
    {
        "болып", "болды", "болған", "болады", "қызметіне", "лауазымына", "ретінде",
        "қызметін", "лауазымын",
    }
)  # fmt: skip


def _appointed(toks: Sequence[Tok], i: int) -> bool:
    """Whether "болып" (as), "болды" (became, was) or "қызметіне" (to the post of) follows."""
    return i < len(toks) and toks[i].lower in _APPOINTING_WORDS


def _on_behalf(
    toks: Sequence[Tok],
    start: int,
    end: int,
    orgs: Sequence[OrgSpan],
    persons: Sequence[PersonSpan],
) -> list[Holder]:
    """Y who speaks or signs on behalf of X ("X атынан Y") represents X."""
    person_at = {p.start: p for p in persons}
    holders: list[Holder] = []
    for org in orgs:
        i = org.reach
        if i + 1 < end and toks[i].lower == ON_BEHALF and i + 1 in person_at:
            holders.append(Holder(person_at[i + 1], org, None))
    return holders


def _item_start(toks: Sequence[Tok], start: int, i: int) -> int:
    """Where a list item opens: lower-case words before a position ("тарих ғылымдарының")."""
    while i - 1 >= start and toks[i - 1].word and not toks[i - 1].cap and not toks[i - 1].verbal:
        if toks[i - 1].lower in _LIST_JOINERS:
            break
        i -= 1
    return i


def _joined(toks: Sequence[Tok], left: int, right: int) -> bool:
    """Whether only commas and "және" stand between two items of a list.

    A dash joins two titles of one person too: "Басқарма төрағасы – ректор".
    """
    between = [toks[i].text for i in range(left, right)]
    titles = between in (["–"], ["—"], ["-"])
    return left >= 0 and (titles or all(text in _LIST_JOINERS for text in between))


def _organisation(toks: Sequence[Tok], role: RolePhrase, orgs: Sequence[OrgSpan]) -> OrgSpan | None:
    """The organisation a position phrase belongs to, if its name stands right before."""
    best: OrgSpan | None = None
    for org in orgs:
        if org.reach > role.start:
            continue
        if best is None or org.reach > best.reach:
            best = org
    if best is None:
        return None
    if best.start > 0 and toks[best.start - 1].text == "(":
        # "X қорының (ЮНИСЕФ) өкілі": the abbreviation in brackets stands for X
        named = next((o for o in orgs if o.reach == best.start - 1), None)
        best = named or best
    case = _case(toks, best)
    gap = toks[best.reach : role.start]
    if gap and gap[0].text == "(":
        # "БҰҰ Балалар қорының (ЮНИСЕФ) Қазақстандағы өкілі": an abbreviation aside
        close = next((k for k, t in enumerate(gap[:4]) if t.text == ")"), None)
        if close is not None:
            gap = gap[close + 1 :]
    if not gap:
        return best if case in ("gen", "nom") else None
    if case not in ("gen", "nom"):
        return None
    if gap[0].lower == ON_BEHALF and all(t.text in _COPULA_DASHES for t in gap[1:]):
        return best  # "Қордың атынан – директор X": the post in the body X signs for
    if len(gap) <= _MAX_PLACE and gap[-1].case == "attr" and all(t.word for t in gap):
        return best  # "БҰҰ-ның Қазақстандағы тұрақты үйлестірушісі"
    if case == "gen" and _topic(gap):
        return best  # "Одағының Таяу Шығыс бойынша арнайы өкілі": a position on a topic
    lower_case_words = all(
        t.word and not t.cap and not t.verbal and t.head is None and t.position is None for t in gap
    )
    if case == "gen" and len(gap) <= _MAX_GAP and lower_case_words:
        return best  # "«Шеврон» компаниясының әлеуметтік бағдарламаларының үйлестірушісі"
    if case == "nom" and len(gap) <= _MAX_UNIT_WORDS and lower_case_words and gap[-1].case == "gen":
        return best  # "«Ақ жол» партиясы фракциясының мүшесі": a unit of the body, in its name
    return None


def _topic(gap: Sequence[Tok]) -> bool:
    """Words between a body and a position that say what the position covers.

    "Шымкент қаласындағы мәдениет және білім жөніндегі", "Таяу Шығыс бойынша арнайы":
    a topic phrase closed by "бойынша"/"жөніндегі" (a few modifiers may follow it).
    """
    if not 2 <= len(gap) <= _MAX_TOPIC or not all(t.word and not t.verbal for t in gap):
        return False
    links = [k for k, t in enumerate(gap) if t.lower in _TOPIC_LINKS]
    if not links:
        return False
    after = gap[links[-1] + 1 :]
    return all(_modifier(t) or t.lower in lexicon.ROLE_MODIFIERS for t in after)


def _case(toks: Sequence[Tok], org: OrgSpan) -> str:
    """The case the organisation's name is in, from its last word."""
    last = toks[org.reach - 1]
    if last.quote == "close":
        return "nom"
    if last.head is not None and org.kind == "head":
        return last.head.form.case
    return last.case
