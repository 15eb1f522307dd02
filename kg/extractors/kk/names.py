"""Canonical names: nominative forms, and one name for every mention of one actor.

The resolver groups mentions by the name an extractor gives them, so within an
article every surface form of an actor must get the same name: case endings
("альянсының"/"альянсы"), capitals ("ФАНГ"/"Фанг"), a typo in a long surname,
an abbreviation and its full name ("АБҚО" / "Азаматтық бастамаларды қолдау орталығы").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass, field

from kg.extractors.kk.orgs import OrgSpan
from kg.extractors.kk.persons import PersonSpan, similar_surnames
from kg.extractors.kk.tokens import ROMAN, Tok
from kg.lang.kk import lexicon, morph
from kg.model import EntityType
from kg.text import shouted

_QUOTE_CHARS = re.compile(r"[«»“”„\"‘’‹›]")
_AFTER_INITIAL = re.compile(r"(?<=\.)(?=\w\w)")
_SPACED_DASH = re.compile(r"(?<=\w)\s*[-–—]\s*(?=\w)")
_SKIPPED_IN_ACRONYMS = lexicon.NAME_CONJUNCTIONS | lexicon.NAME_LINKS
_LATIN_NUMERALS = str.maketrans("ІХҮ", "IXV")
# "облыстық" (regional) names the office of the region a longer name gives.
_LOCAL_ADJECTIVES = {"облыстық": "облыс", "аудандық": "аудан", "қалалық": "қала"}
# Abbreviations written for words of a name: "ҚР Ұлттық кітапханасы" is "Қазақстан
# Республикасының Ұлттық кітапханасы".
_ABBREVIATED: dict[str, tuple[str, ...]] = {
    "ҚР": ("Қазақстан", "Республикасы"),
    "ҮЕҰ": ("үкіметтік", "емес", "ұйымдары"),  # "ҮЕҰ қауымдастығы": of NGOs
}


def _cased(word: str, like: str) -> str:
    """``word`` in the capitalisation of ``like`` (upper, capitalised or as is)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _title(word: str) -> str:
    """A name in capitals written normally ("ОРДАБАЕВ" -> "Ордабаев")."""
    if word.isupper() and len(word) > 1 and "." not in word:
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def without_ending(tok: Tok) -> str:
    """A word without a hyphenated case ending ("ЮНЕСКО-ның" -> "ЮНЕСКО")."""
    head, hyphen, tail = tok.text.rpartition("-")
    return head if hyphen and head and tail.islower() and not head.isdigit() else tok.text


def _join(parts: Sequence[tuple[Tok, str]]) -> str:
    """Words back into a name, with «» quotes and a space after initials."""
    out: list[str] = []
    for k, (tok, text) in enumerate(parts):
        if k:
            prev = parts[k - 1][0]
            if prev.quote == "open" or tok.quote == "close":
                pass
            elif prev.quote == "close" or prev.initials or tok.quote == "open" or tok.space_before:
                out.append(" ")
        out.append(text)
    return "".join(out)


def _quote_text(tok: Tok, text: str) -> str:
    if tok.quote == "open":
        return "«"
    if tok.quote == "close":
        return "»"
    return text


def org_name(toks: Sequence[Tok], span: OrgSpan) -> str:
    """The nominative name of an organisation or event ("альянсының" -> "альянсы")."""
    if span.kind == "acronym":
        if toks[span.start].acronym:
            return without_ending(toks[span.start])  # "USAID ұйымы" is USAID
        # "Әл-Фараби атындағы ҚазҰУ": the words of whom it is named after, then the letters
        named_after = [toks[i].text for i in range(span.start, span.end - 1)]
        return " ".join([*named_after, without_ending(toks[span.end - 1])])
    parts: list[tuple[Tok, str]] = []
    for i in range(span.start, span.end):
        if i in span.omit:
            continue
        tok = toks[i]
        text = tok.text
        lex = tok.head if tok.head is not None else tok.event
        # «Жастар орталығының» жұмысымен: quotes around a whole name, its ending inside
        quoted_head = span.kind == "quote" and i == span.end - 2 and toks[i + 1].quote == "close"
        if (i == span.head or quoted_head) and lex is not None:
            # "42-сессиясы", "telegram-арнасы": the head is the compound's last part
            compound = "-" in text and "-" not in lex.form.stem
            prefix = text[: text.rfind("-") + 1] if compound else ""
            text = prefix + _cased(lex.form.stem, text[len(prefix) :])
        elif i == span.end - 1 and (tok.legal_form or span.kind == "unit"):
            text = without_ending(tok)
        elif tok.quote is None and _QUOTE_CHARS.fullmatch(text):
            continue  # a stray quote the scraper left
        parts.append((tok, _quote_text(tok, text)))
    name = _join(parts)
    if span.suffix:
        name = f"{name} {span.suffix}"
    if span.prefix:
        name = f"{span.prefix} {name}"
    return name


def person_name(toks: Sequence[Tok], span: PersonSpan, attested: Container[str]) -> str:
    """A person's nominative name: capitals tamed, honorifics left out.

    A patronymic stays ("Иван Петрович Сидоров"): the fullest form is the canonical
    one, and the key that groups the mentions is first name and surname anyway.
    """
    words = list(span.words)
    names = [_title(toks[w].text) for w in words]
    names[-1] = morph.strip_name_case(
        names[-1], attested, keep=lexicon.FIRST_NAMES, surname_endings=lexicon.SURNAME_ENDINGS
    )
    return " ".join(names)


def match_key(name: str, attested: Container[str]) -> str:
    """The key two names of one organisation share, whatever their endings and quotes.

    Each word is reduced to its attested nominative without a possessive ending, so
    "Қазақстанның Азаматтық Альянсы" and "Қазақстан Азаматтық альянсының" meet.
    """
    text = _AFTER_INITIAL.sub(" ", _QUOTE_CHARS.sub(" ", name))
    # "«ТК – Жол»" and "«ТК-Жол»": sites space a name's dash or not
    text = _SPACED_DASH.sub("-", text)
    words: list[str] = []
    for word in text.split():
        if word.upper() in lexicon.LEGAL_FORMS:
            continue
        if ROMAN.fullmatch(word):
            word = word.translate(_LATIN_NUMERALS)  # "ҮІІІ" is "VIII" written in Cyrillic
        words.extend(_ABBREVIATED.get(word, (word,)))
    return " ".join(morph.without_possessive(morph.nominative(w, attested)).lower() for w in words)


def initials(name: str, tails: bool = False) -> set[str]:
    """Abbreviations a name could have: first letters, with and without "және" & co.

    With ``tails``, also those of the name's last words ("Жамбыл облысы Қазақстан
    халқы ассамблеясы" is a branch of the "ҚХА").
    """
    words = [
        w
        for w in _QUOTE_CHARS.sub(" ", name).split()
        if w.upper() not in lexicon.LEGAL_FORMS and w[:1].isalpha()
    ]
    found = set()
    for start in range(len(words) - 1 if tails else 1):
        part = words[start:]
        found.add("".join(w[0] for w in part).upper())
        found.add("".join(w[0] for w in part if w.lower() not in _SKIPPED_IN_ACRONYMS).upper())
    return found


@dataclass
class Proposal:
    """A mention waiting for its final name."""

    type: EntityType
    name: str
    key: str
    nominative: bool = True  # the surface form needed no stripping
    acronym: str | None = None  # the letters, when the mention is an abbreviation


@dataclass
class Namer:
    """Collects proposed names for one article and settles one name per actor."""

    proposals: list[Proposal] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # abbreviation -> key of its name

    def propose(self, proposal: Proposal) -> int:
        self.proposals.append(proposal)
        return len(self.proposals) - 1

    def settle(self) -> list[str]:
        """The final name of each proposal, in order."""
        keys = [self._group_key(p) for p in self.proposals]
        self._merge_people(keys)
        self._merge_abbreviations(keys)
        self._merge_short_names(keys)
        groups: dict[str, list[int]] = {}
        for index, key in enumerate(keys):
            groups.setdefault(key, []).append(index)
        names = [p.name for p in self.proposals]
        for members in groups.values():
            chosen = self._canonical(members)
            for index in members:
                names[index] = chosen
        return names

    def _group_key(self, proposal: Proposal) -> str:
        return f"{proposal.type.value}:{proposal.key}"

    def _merge_people(self, keys: list[str]) -> None:
        """One key for a person written with a typo in a long surname."""
        seen: list[tuple[str, str, str]] = []  # first name, surname, key
        for index, proposal in enumerate(self.proposals):
            if proposal.type is not EntityType.PERSON:
                continue
            first, _, rest = proposal.key.partition(" ")
            surname = rest.rsplit(" ", 1)[-1]
            for other_first, other_surname, other_key in seen:
                if other_first == first and _same_surname(other_surname, surname):
                    keys[index] = other_key
                    break
            else:
                seen.append((first, surname, keys[index]))
        # "Д. Есенберді" is the one "Дәулет Есенберді" of the article, if there is one
        for index, proposal in enumerate(self.proposals):
            first, _, rest = proposal.key.partition(" ")
            if proposal.type is not EntityType.PERSON or not first.endswith("."):
                continue
            surname = rest.rsplit(" ", 1)[-1]
            full = {
                key
                for other_first, other_surname, key in seen
                if not other_first.endswith(".")
                and other_first[:1] == first[:1]
                and similar_surnames(other_surname, surname)
            }
            if len(full) == 1:
                keys[index] = full.pop()
        self._merge_patronymic_forms(keys, seen)

    def _merge_patronymic_forms(self, keys: list[str], seen: list[tuple[str, str, str]]) -> None:
        """A first name and a patronymic name the one other person of that first name.

        Kazakh news calls "Ерлан Жұмабеков" "Ерлан Серікұлы" after the full name.
        """
        for index, proposal in enumerate(self.proposals):
            if proposal.type is not EntityType.PERSON:
                continue
            words = proposal.key.split()
            if len(words) != 2 or not words[1].endswith(lexicon.KAZAKH_PATRONYMIC_ENDINGS):
                continue
            others = {
                key
                for first, surname, key in seen
                if first == words[0]
                and key != keys[index]
                and not surname.endswith(lexicon.KAZAKH_PATRONYMIC_ENDINGS)
            }
            if len(others) == 1:
                keys[index] = others.pop()

    def _merge_abbreviations(self, keys: list[str]) -> None:
        """An abbreviation takes the key of the one organisation it abbreviates."""
        full_names: dict[str, str] = {}
        for index, proposal in enumerate(self.proposals):
            if proposal.type is EntityType.ORGANISATION and proposal.acronym is None:
                full_names.setdefault(keys[index], proposal.name)
        abbreviations: dict[bool, dict[str, set[str]]] = {}  # tails -> key -> its initials
        for index, proposal in enumerate(self.proposals):
            if proposal.acronym is None:
                continue
            letters = proposal.acronym.replace("-", "").upper()
            if letters in self.aliases:
                keys[index] = f"{EntityType.ORGANISATION.value}:{self.aliases[letters]}"
                continue
            for tails in (False, True):
                if tails not in abbreviations:
                    # worked out once per article, not once per abbreviation in it
                    abbreviations[tails] = {k: initials(n, tails) for k, n in full_names.items()}
                matches = {k for k, found in abbreviations[tails].items() if letters in found}
                if matches:
                    if len(matches) == 1:
                        keys[index] = matches.pop()
                    break

    def _merge_short_names(self, keys: list[str]) -> None:
        """A shorter name that exactly one longer name of the article contains is that one.

        "Ұйғыр бірлестігі" after "Жамбыл облысының ... Ұйғыр этномәдени бірлестігі" (two
        words inside it), "Азаматтық қоғам істері комитеті" after "... министрлігінің
        Азаматтық қоғам істері комитеті" (its last words).
        """
        for kind in (EntityType.ORGANISATION, EntityType.EVENT):
            self._merge_short_names_of(kind, keys)

    def _merge_short_names_of(self, kind: EntityType, keys: list[str]) -> None:
        prefix = f"{kind.value}:"
        longer = sorted({k for k in keys if k.startswith(prefix)}, key=len, reverse=True)
        for index, proposal in enumerate(self.proposals):
            words = keys[index].removeprefix(prefix).split()
            if proposal.type is not kind or proposal.acronym or len(words) < 2:
                continue
            local = _LOCAL_ADJECTIVES.get(words[0])
            # a lower-case mention is the longer name it ends ("қоғамдық даму басқармасы")
            tail_only = not proposal.name[:1].isupper() and local is None
            hosts = [
                k
                for k in longer
                if k != keys[index]
                and (
                    _ends_with(k.removeprefix(prefix).split(), words)
                    if tail_only
                    else _contains(k.removeprefix(prefix).split(), words)
                    or (local is not None and _local_form(k.removeprefix(prefix).split(), words))
                )
            ]
            if len(hosts) == 1:
                keys[index] = hosts[0]

    def _canonical(self, members: list[int]) -> str:
        """The group's name: its most frequent full form, then the fullest, then the earliest.

        A person's name written without a case ending is preferred to one whose
        ending was removed by rule; an organisation's head is always declined back
        from the lexicon, so any of its forms will do.
        """
        proposals = [self.proposals[i] for i in members]
        pool = [p for p in proposals if p.acronym is None] or proposals
        if pool[0].type is EntityType.PERSON:
            pool = [p for p in pool if p.nominative] or pool
            pool = [p for p in pool if not p.name.split()[0].endswith(".")] or pool
        else:
            # "Астана қаласындағы X орталығы" says where X is; "X орталығы" names it
            pool = [p for p in pool if not _opens_with_where(p.name)] or pool
        # a headline's capitals ("«ЖАСТАР» ҚОРЫ") are no name's spelling
        pool = [p for p in pool if not shouted(p.name)] or pool
        counts = Counter(p.name for p in pool)
        first_seen: dict[str, int] = {}
        for position, proposal in enumerate(pool):
            first_seen.setdefault(proposal.name, position)
        return min(counts, key=lambda name: (-counts[name], -len(name.split()), first_seen[name]))


_WHERE_ENDINGS = ("дағы", "дегі", "тағы", "тегі")


def _opens_with_where(name: str) -> bool:
    """Whether a name opens with where the body is ("Астана қаласындағы ...")."""
    words = name.split()
    return len(words) > 2 and any(w.lower().endswith(_WHERE_ENDINGS) for w in words[:2])


def _ends_with(long: list[str], short: list[str]) -> bool:
    return len(long) > len(short) and long[-len(short) :] == short


def _local_form(long: list[str], short: list[str]) -> bool:
    """Whether "облыстық X" is "<region> облысы X": the region's own office named short."""
    noun = _LOCAL_ADJECTIVES[short[0]]
    tail = short[1:]
    if len(long) <= len(short) or long[-len(tail) :] != tail:
        return False
    # keys drop a possessive ending ("облысы" -> "облы"), so compare the stem's start
    return long[-len(tail) - 1].startswith(noun[:-1])


def _contains(long: list[str], short: list[str]) -> bool:
    """Whether ``long`` ends in ``short``, or holds its words in order before the same head
    (two words anywhere, more from the first word on)."""
    if len(long) <= len(short) or short[-1] != long[-1]:
        return False
    if long[-len(short) :] == short:
        return True
    remaining = iter(long)
    in_order = all(word in remaining for word in short)
    # "Батыс Азия өңірлік орталығы" for "Батыс Азия өңірлік экологиялық орталығы":
    # a longer short form must open as the full name does
    return in_order and (len(short) == 2 or short[0] == long[0])


_ACCUSATIVE_ENDINGS = ("ны", "ні", "ды", "ді", "ты", "ті")


def _same_surname(a: str, b: str) -> bool:
    """Whether two surnames are one, allowing a typo and an accusative ending left on.

    "Сейітқалинді" (names keep an accusative ending: "-ды" ends real names too) is
    "Сейітғалин" when it is a known surname once the ending is gone.
    """
    if similar_surnames(a, b):
        return True
    for one, other in ((a, b), (b, a)):
        if one.endswith(_ACCUSATIVE_ENDINGS) and similar_surnames(one[:-2], other):
            return True
    return False


def person_key(name: str) -> str:
    """Persons match on their first and last name, case-folded."""
    words = name.casefold().split()
    return f"{words[0]} {words[-1]}" if words else ""
