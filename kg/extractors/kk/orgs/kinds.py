"""Names without a head noun: quoted names, legal forms, implied bodies, abbreviations."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extractors.kk.orgs.finder import NameFinder
from kg.extractors.kk.orgs.span import OrgSpan
from kg.extractors.kk.orgs.words import MAX_QUOTED_NAME, org_class_of, place_word
from kg.extractors.kk.tokens import Tok, in_capitals
from kg.lang.kk import lexicon, morph
from kg.model import OrgClass

_LIST_JOINERS = frozenset({",", "және", "мен", "пен", "бен"})
_WEB_ADDRESS = re.compile(r"[\w-]+(\.[\w-]+)*\.(kz|ru|com|org|net|info|news|media)", re.IGNORECASE)
_REPORTING_VERBS = frozenset({"хабарлайды", "хабарлады", "жазады", "жазды"})
_CREDIT_LABELS = frozenset({"дерек", "дереккөз", "сурет", "фото"})


def quoted_orgs(finder: NameFinder) -> list[OrgSpan]:
    """Quoted names with a legal form ("«X» ЖШС") or a head noun inside («X қоры»)."""
    found: list[OrgSpan] = []
    toks = finder.toks
    for o in range(finder.start, finder.end):
        tok = toks[o]
        c = tok.partner
        if tok.quote != "open" or c is None or c - o < 2 or c >= finder.end:
            continue
        after = toks[c + 1] if c + 1 < finder.end else None
        before = toks[o - 1] if o > finder.start else None
        last = toks[c - 1]
        lex = last.head
        if after is not None and after.legal_form:
            found.append(
                OrgSpan(
                    o,
                    finder.legal_forms_end(c + 1),
                    "quote",
                    quote=(o, c),
                    org_class=org_class_of(lex),
                )
            )
        elif after is not None and after.acronym and "-" not in after.text and c - o > 1:
            # "«Атамекен» ҰКП": a quoted name and the abbreviation of its kind
            found.append(OrgSpan(o, c + 2, "quote", quote=(o, c), org_class=org_class_of(lex)))
        elif before is not None and before.legal_form:
            found.append(OrgSpan(o - 1, c + 1, "quote", quote=(o, c), org_class=org_class_of(lex)))
        elif (
            lex is not None
            and c - o > 2
            and not _names_an_event(finder, c)
            and not _ranking(toks, o, c)
        ):
            found.append(
                OrgSpan(
                    o, c + 1, "quote", quote=(o, c), lemma=lex.lemma, org_class=org_class_of(lex)
                )
            )
    return found


# Words between a quoted name and the event head it names: "«X» атты халықаралық
# ғылыми-тәжірибелік конференциясы".
_EVENT_MODIFIERS = 3


def _names_an_event(finder: NameFinder, close: int) -> bool:
    """«Ашық Қоғам» (азаматтық) форумы: a quoted name before an event's head, a plain
    word or a few between, is the event's name, though it ends in a body's head."""
    toks = finder.toks
    for k in range(close + 1, min(close + 2 + _EVENT_MODIFIERS, finder.end)):
        tok = toks[k]
        if tok.event is not None:
            return True
        plain = tok.text.replace("-", "").isalpha() and not tok.cap
        if tok.head is not None or tok.position is not None or not plain:
            return False
    return False


def _ranking(toks: Sequence[Tok], opened: int, closed: int) -> bool:
    """«100 үздік ұйым», «Үздік 100 мектеп»: a number inside the quotes (not a school's
    "№ 25") titles a ranking or an award, no body."""
    return any(
        toks[k].text.isdigit() and toks[k - 1].text != "№" for k in range(opened + 1, closed)
    )


def legal_orgs(finder: NameFinder) -> list[OrgSpan]:
    """A one-word name with a legal form and no quotes: "Қазгидромет РМК"."""
    found: list[OrgSpan] = []
    for i in range(max(finder.start, 1), finder.end):
        tok, name = finder.toks[i], finder.toks[i - 1]
        if not tok.legal_form or i - 1 in finder.quoted or name.quote is not None:
            continue
        named = (name.titled and not finder.opens_sentence(i - 1)) or name.acronym
        if named and name.head is None and name.position is None:
            found.append(OrgSpan(i - 1, i + 1, "legal"))
        elif name.plural_head is not None and name.plural_head.form.possessive:
            # "Назарбаев Зияткерлік мектептері ДББҰ": one body with a plural head
            first = i - 1
            while first - 1 >= finder.start and _plain_capitalised(finder.toks[first - 1]):
                first -= 1
            if first < i - 1:
                found.append(OrgSpan(first, i + 1, "legal"))
    return found


def _plain_capitalised(tok: Tok) -> bool:
    """A capitalised word in the nominative that is no head or title ("Жиынға" is not)."""
    plain = tok.head is None and tok.position is None and not tok.quote
    return tok.word and tok.cap and tok.case == "nom" and plain


def implied_orgs(finder: NameFinder) -> list[OrgSpan]:
    """Bodies a position implies: "ҚР Қаржы вице-министрі" -> "ҚР Қаржы министрлігі"."""
    found: list[OrgSpan] = []
    for p in range(finder.start + 1, finder.end):
        position = finder.toks[p].position
        if position is None or position.lemma not in lexicon.IMPLIED_ORGS:
            continue
        left, _, _ = finder.grow(p)
        first = finder.first_word(left, p - 1)
        if first is None or first >= p:
            continue
        if not any(t.cap and not t.upper for t in finder.toks[first:p]):
            continue  # "ҚР вице-министрі" names no ministry
        found.append(
            OrgSpan(
                first,
                p,
                "implied",
                org_class=OrgClass.GOVERNMENT,
                suffix=lexicon.IMPLIED_ORGS[position.lemma],
            )
        )
    return found


#: Heads that name a body only after a UN acronym: "БҰҰ Даму бағдарламасы" is UNDP, the
#: "«Болашақ» бағдарламасы" a programme.
_UN_HEADS = {"бағдарлама": "бағдарламасы"}
_UN_NAME_WORDS = 3  # capitalised words between the acronym and the head


def un_programmes(finder: NameFinder) -> list[OrgSpan]:
    """ "БҰҰ Даму бағдарламасының", "БҰҰ-ның Қоршаған орта бағдарламасы", "Біріккен
    Ұлттар Ұйымының Даму бағдарламасы": UN bodies."""
    found: list[OrgSpan] = []
    toks = finder.toks
    for i in range(finder.start, finder.end - 2):
        after = _after_un(toks, i, finder.end)
        if after is None or after + 1 >= finder.end or not toks[after].cap:
            continue
        for h in range(after + 1, min(finder.end, after + 1 + _UN_NAME_WORDS)):
            word = toks[h].lower
            head = next((n for stem, n in _UN_HEADS.items() if word.startswith(stem)), None)
            if head is not None:
                found.append(
                    OrgSpan(
                        i, h, "implied", org_class=OrgClass.INTERNATIONAL, suffix=head, reach=h + 1
                    )
                )
                break
            if not toks[h].word or toks[h].quote:
                break
    return found


# The United Nations written out: "Біріккен Ұлттар Ұйымының"
_UN_WORDS = ("біріккен", "ұлттар", "ұйым")


def _after_un(toks: Sequence[Tok], i: int, end: int) -> int | None:
    """The token after the United Nations named at ``i`` ("БҰҰ", "Біріккен Ұлттар
    Ұйымының"), or None."""
    if toks[i].stem_upper in lexicon.UN_ACRONYMS:
        return i + 1
    if not toks[i].lower.startswith(_UN_WORDS[0]):
        return None  # asked of every word: the first one decides for most
    words = toks[i : min(end, i + len(_UN_WORDS))]
    if len(words) == len(_UN_WORDS) and all(
        t.lower.startswith(w) for t, w in zip(words, _UN_WORDS, strict=True)
    ):
        return i + len(_UN_WORDS)
    return None


_NAMED_AFTER_WORDS = 3  # words of the person a body is named after ("Л.Н. Гумилев")


def acronym_orgs(finder: NameFinder, excluded: frozenset[str]) -> list[OrgSpan]:
    """Abbreviations standing alone ("БҰҰ-ның", "USAID")."""
    found: list[OrgSpan] = []
    taken = {i for p in finder.persons for i in range(p.start, p.end)}
    # "«ЖАСТАР» ҚОРЫ МЕН ЮНИСЕФ ... ҚОЛ ҚОЙДЫ": in a line of capitals every word looks
    # like an abbreviation; only the known ones are
    shouting = in_capitals(finder.toks, finder.start, finder.end)
    for i in range(finder.start, finder.end):
        tok = finder.toks[i]
        if not tok.acronym or i in finder.quoted or i in taken:
            continue
        if tok.lower in lexicon.FUNCTION_WORDS:
            continue  # "МЕН", "ЖӘНЕ": a conjunction in capitals
        if shouting and tok.stem_upper not in lexicon.INTERNATIONAL_ACRONYMS:
            continue
        if tok.stem_upper in excluded:
            continue
        if tok.stem_upper.isascii() and not _latin_organisation(finder, i):
            continue
        found.append(OrgSpan(_named_after(finder, i), i + 1, "acronym"))
    return found


def _named_after(finder: NameFinder, i: int) -> int:
    """Where "Әл-Фараби атындағы ҚазҰУ", "Л.Н. Гумилев атындағы ЕҰУ" opens: the person
    an abbreviated university is named after is part of its name."""
    toks = finder.toks
    link = i - 1
    if link <= finder.start or toks[link].lower != "атындағы":
        return i
    first = link
    while first - 1 >= finder.start and link - first < _NAMED_AFTER_WORDS:
        prev = toks[first - 1]
        if not (prev.cap or prev.initials):
            break
        first -= 1
    return first if first < link else i


def _latin_organisation(finder: NameFinder, i: int) -> bool:
    """Whether a Latin abbreviation names an organisation, not a product ("MAX").

    Known international bodies do; others only when a head noun or a position
    follows ("PWC компаниясы", "IOM-ның Қазақстандағы өкілі").
    """
    if finder.toks[i].stem_upper in lexicon.INTERNATIONAL_ACRONYMS:
        return True
    for tok in finder.toks[i + 1 : min(finder.end, i + 3)]:
        if tok.head is not None or tok.position is not None:
            return True
        if tok.case != "attr":
            return False
    return False


def listed_orgs(finder: NameFinder) -> list[OrgSpan]:
    """Quoted names listed before a plural head share it: each is a body of its own.

    "«Ақ жол», «Нұр» және «Мейірім» қорларымен" names three funds, "«Әжелер»,
    «Достық» кеңестерінің" two councils.
    """
    found: list[OrgSpan] = []
    toks = finder.toks
    for h in range(finder.start + 1, finder.end):
        lex = toks[h].plural_head
        if lex is None or toks[h - 1].quote != "close":
            continue
        suffix = morph.possessive(lex.lemma)
        reach = h + 1
        if reach < finder.end and toks[reach].lower.startswith(_GROUP_STEM):
            # "«ERG» компаниялар тобы": one group of companies
            suffix, reach = f"{morph.plural(lex.lemma)} {_GROUP}", reach + 1
        j = h - 1
        while j >= finder.start and toks[j].quote == "close":
            o = toks[j].partner
            if o is None or o < finder.start or j - o - 1 > MAX_QUOTED_NAME or j - o < 2:
                break
            found.append(OrgSpan(o, j + 1, "quote", quote=(o, j), suffix=suffix, reach=reach))
            j = o - 1
            if j >= finder.start and toks[j].text in _LIST_JOINERS:
                j -= 1
    return found


# "компаниялар тобы" (a group of companies) in any case: "тобы", "тобымен"
_GROUP_STEM, _GROUP = "тоб", "тобы"


# Heads whose plural follows a list of fields, each a body's name ("Білім және
# Денсаулық сақтау министрліктері"); other plurals after places are generic.
_FIELD_HEADS = frozenset({"министрлік", "комитет", "агенттік"})
# Cases a word outside a name is in ("Жиынға", "Астанада"): the names stop before it.
_OUTSIDE_CASES = frozenset({"dat", "loc", "abl", "ins", "acc", "attr"})


def field_orgs(finder: NameFinder) -> list[OrgSpan]:
    """Fields listed before a plural head each name a body of their own.

    "Ауыл шаруашылығы, Ғылым және жоғары білім министрліктері" names two ministries,
    "Денсаулық сақтау және Білім министрліктерінің" two: each field opens with a
    capital after a comma or "және"; a lower-case word after "және" continues the field
    ("Ғылым және жоғары білім"). The head's case ending stays the case of each name.
    """
    found: list[OrgSpan] = []
    toks = finder.toks
    for h in range(finder.start + 1, finder.end):
        lex = toks[h].plural_head
        if lex is None or lex.lemma not in _FIELD_HEADS:
            continue
        if toks[h - 1].quote is not None or not toks[h - 1].word:
            continue
        fields: list[tuple[int, int]] = []
        close, j = h, h - 1
        while j >= finder.start:
            tok = toks[j]
            if tok.text == "," or tok.lower in _LIST_JOINERS:
                if not toks[j + 1].cap:
                    if tok.text == ",":
                        break
                    j -= 1  # "Ғылым және жоғары білім": one field
                    continue
                fields.append((j + 1, close))
                close, j = j, j - 1
                continue
            if not tok.word or tok.quote or tok.verbal or tok.case in _OUTSIDE_CASES:
                break
            if tok.head is not None or tok.position is not None or tok.personal:
                break  # "Университетіміз ҚР Ауыл шаруашылығы, ...": no field's word
            j -= 1
        first = finder.first_word(j + 1, close - 1) if close > j + 1 else None
        if first is None:
            continue
        fields.append((first, close))
        if len(fields) < 2 or any(b - a == 1 and place_word(toks[a]) for a, b in fields):
            continue  # "Қазақстан мен Өзбекстан министрліктері": the places', no names
        suffix = morph.possessive(lex.lemma)
        fields.reverse()
        state = _state_words(toks, *fields[0])
        prefix = " ".join(t.text for t in toks[fields[0][0] : fields[0][0] + state]) or None
        for n, (opening, closing) in enumerate(fields):
            found.append(
                OrgSpan(
                    opening,
                    closing,
                    "implied",
                    org_class=org_class_of(lex),
                    suffix=suffix,
                    reach=h + 1,
                    prefix=prefix if n else None,
                )
            )
    return found


def _state_words(toks: Sequence[Tok], opening: int, closing: int) -> int:
    """How many words of a state open the field ("ҚР", "Қазақстан Республикасы"): the
    fields after it share them ("ҚР Ауыл шаруашылығы, Ғылым ... министрліктері")."""
    if closing - opening > 1 and toks[opening].stem_upper in lexicon.STATE_ACRONYMS:
        return 1
    if closing - opening > 2 and toks[opening + 1].lower.startswith("республика"):
        return 2 if place_word(toks[opening]) else 0
    return 0


def credited_orgs(finder: NameFinder) -> list[OrgSpan]:
    """Outlets a text credits: a web address ("Egemen.kz"), or the name after "деп
    хабарлайды", "деп жазады", "Дерек:" ("«ҚазАқпарат»", "Kazinform")."""
    found: list[OrgSpan] = []
    toks = finder.toks
    for i in range(finder.start, finder.end):
        tok = toks[i]
        if _WEB_ADDRESS.fullmatch(tok.text) and not tok.text.lower().startswith("www."):
            found.append(OrgSpan(i, i + 1, "credit", org_class=OrgClass.MEDIA))
            continue
        if not _credits(toks, i, finder.start) or i + 1 >= finder.end:
            continue
        nxt = toks[i + 1]
        if nxt.quote == "open" and nxt.partner is not None and 1 < nxt.partner - nxt.i <= 4:
            c = nxt.partner
            found.append(OrgSpan(i + 1, c + 1, "quote", quote=(i + 1, c), org_class=OrgClass.MEDIA))
        else:
            named = (nxt.titled or nxt.upper) and nxt.head is None
            alone = i + 2 >= finder.end or not toks[i + 2].word
            if named and alone and not _WEB_ADDRESS.fullmatch(nxt.text):
                found.append(OrgSpan(i + 1, i + 2, "credit", org_class=OrgClass.MEDIA))
    return found


def _credits(toks: Sequence[Tok], i: int, start: int) -> bool:
    """Whether token ``i`` ends a credit line: "деп хабарлайды", "Дерек:", "Сурет:"."""
    tok = toks[i]
    if tok.lower in _REPORTING_VERBS:
        return i > start and toks[i - 1].lower == "деп"
    return tok.text == ":" and i > start and toks[i - 1].lower in _CREDIT_LABELS
