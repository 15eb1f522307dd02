"""A language-neutral key of an organisation's name, so kk / ru / en names of one body meet.

"Қазақстанның Азаматтық альянсы", "ОЮЛ «Гражданский альянс Казахстана»" and "Civil
Alliance of Kazakhstan" all become ``c:alliance c:civil n:kz``. Each word is read back
to a dictionary form (Kazakh case and possessive endings undone, Russian lemmas from
pymorphy3, English singulars) and looked up in the table ``kg/lang/org_words.tsv``
(both in ``kg.org_words``):
type words and modifiers become concepts (``c:``), countries ``n:``, international
bodies ``a:`` (БҰҰ / ООН / UN, and "Детский фонд ООН" spelled out is UNICEF); legal
forms and function words are dropped; every other word is a proper part, transliterated
and folded (``p:soros``). The key is the sorted set of what is left, so word order
(Kazakh genitive first, Russian genitive after) does not matter, while anything that
tells two bodies apart (another country, another city, "branch", "committee") makes the
keys differ. A name whose key has no proper part, country or international body
("Министерство культуры") gets no key: it could be any country's.

Two rules need more than the name and are named in what ``org_key`` returns: a
quoted name with its own head word drops the legal wrapper around it ("«Отандастар
қоры» КЕАҚ" is the fund), and a state body named without its country ("Ақпарат және
қоғамдық даму министрлігі") belongs to the one country its article is about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.org_words import fold_proper, split_words, table_form, word_table
from kg.text import to_ascii


@dataclass(frozen=True, slots=True)
class OrgKey:
    """A name's key and the rules, beyond plain table look-up, that shaped it."""

    key: str
    rules: tuple[str, ...]


_PREFIX = {"country": "n:", "acronym": "a:"}


@lru_cache(maxsize=1 << 14)
def _atoms(name: str, skip: str = "") -> tuple[tuple[tuple[str, str, bool, str], ...], bool]:
    """(kind, atom, quoted, first word) for each unit of ``name``; whether a quoted part
    has a head.

    Phrases of the concept ``skip`` are not matched (see ``_expansions``).
    """
    table = word_table()
    words = split_words(name)
    forms = [table_form(word, table.vocabulary, table.single, table.romanised) for word, _ in words]
    atoms: list[tuple[str, str, bool, str]] = []
    quoted_head = False
    i = 0
    while i < len(words):
        for size in range(min(table.longest, len(words) - i), 1, -1):
            hit = table.phrases.get(tuple(forms[i : i + size]))
            if hit is not None and hit[1] != skip:
                break
        else:
            size, hit = 1, table.concepts.get(forms[i])
        quoted = any(q for _, q in words[i : i + size])
        if hit is None:
            atoms.append(("proper", "p:" + fold_proper(words[i][0]), quoted, words[i][0]))
        else:
            kind, concept = hit
            atoms.append((kind, _PREFIX.get(kind, "c:") + concept, quoted, words[i][0]))
            quoted_head = quoted_head or (quoted and kind in ("head", "state"))
        i += size
    return tuple(atoms), quoted_head


def _bag(name: str, skip: str = "") -> tuple[frozenset[str], set[str], bool]:
    """The atoms that make the key, the rules applied, and whether a state body is named."""
    table = word_table()
    atoms, quoted_head = _atoms(name, skip)
    rules: set[str] = set()
    kept: set[str] = set()
    state = False
    for kind, atom, quoted, _ in atoms:
        if kind in ("legal", "function") or atom == "p:":
            continue
        if quoted_head and not quoted and atom[2:] in table.wrappers:
            rules.add("quoted-name")
            continue
        state = state or kind == "state"
        kept.add(atom)
    return frozenset(kept), rules, state


@cache
def _expansions() -> dict[frozenset[str], str]:
    """Spelled-out names of international bodies, by their bag ("Детский фонд ООН")."""
    found: dict[frozenset[str], str] = {}
    for concept, text in word_table().spelled_out:
        # Read without the row's own phrases: "детский фонд оон" is then
        # {children, fund, a:un}, which a name that spells "ООН" out meets too.
        bag = _bag(text, skip=concept)[0]
        if len(bag) > 1:
            found.setdefault(bag, "a:" + concept)
    return found


_SEGMENT = re.compile(r"[^\W\d_][^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]*")
#: A syllable acronym spells at least this many words ("КазНУ": Казахский
#: национальный университет), so two letters never decide a merge.
MIN_ACRONYM_WORDS = 3


def acronym_syllables(word: str) -> list[str] | None:
    """The word starts an acronym spells, when ``word`` is one ("КазНУ", "ГАК")."""
    capitals = sum(ch.isupper() for ch in word)
    if capitals < 2 or len(word) > 8 or not word[:1].isupper():
        return None
    return [to_ascii(part) for part in _SEGMENT.findall(word)]


def has_acronym(name: str) -> bool:
    """Whether ``name`` holds one syllable acronym ``spells_out`` can expand."""
    found = [
        segments
        for kind, _, _, word in _atoms(name)[0]
        if kind == "proper" and (segments := acronym_syllables(word))
    ]
    return len(found) == 1 and len(found[0]) >= MIN_ACRONYM_WORDS


def spells_out(short: str, full: str) -> bool:
    """Whether ``full`` spells out the acronym in ``short``, everything else being equal.

    "КазНУ им. аль-Фараби" and "Al-Farabi Kazakh National University": the proper
    parts agree, and the words only ``full`` has (Kazakh, National, University) start,
    in order, with the acronym's syllables (Каз, Н, У), transliterated.
    """
    atoms, _ = _atoms(short)
    acronyms = [
        (atom, segments)
        for kind, atom, _, word in atoms
        if kind == "proper" and (segments := acronym_syllables(word))
    ]
    if len(acronyms) != 1 or len(acronyms[0][1]) < MIN_ACRONYM_WORDS:
        return False
    acronym, segments = acronyms[0]
    rest = _bag(short)[0] - {acronym}
    full_atoms, _ = _atoms(full)
    full_bag = _bag(full)[0]
    extra = full_bag - rest
    if not rest <= full_bag or any(atom[:2] not in ("c:", "n:") for atom in extra):
        return False
    words = [to_ascii(word) for _, atom, _, word in full_atoms if atom in extra]
    return len(words) == len(segments) and all(
        word.startswith(segment) for word, segment in zip(words, segments, strict=True)
    )


@cache
def modifier_atoms() -> frozenset[str]:
    """The atoms of the table's modifiers ("c:state", "c:public"): words that say what a
    body is like or does, never what it is (a council, a branch)."""
    table = word_table()
    hits = [*table.concepts.values(), *table.phrases.values()]
    return frozenset(
        _PREFIX.get(kind, "c:") + concept for kind, concept in hits if kind == "modifier"
    )


def org_atoms(name: str) -> frozenset[str]:
    """The concepts, countries, bodies and proper parts of ``name`` (its key, as a set,
    without the article's country): what ``kg xref`` compares near misses by."""
    bag = _bag(name)[0]
    expanded = _expansions().get(bag)
    return frozenset({expanded}) if expanded is not None and len(bag) > 1 else bag


def is_state_body(name: str) -> bool:
    """Whether ``name`` names a body of one state (a ministry, a government, a parliament)."""
    return _bag(name)[2]


def org_key(name: str, country: str | None = None) -> OrgKey | None:
    """The language-neutral key of an organisation name, or None when it has no anchor.

    ``country`` (a table country such as "kz") is the country the name's article is
    about; a state body named without a country is taken to be that country's.
    """
    bag, rules, state = _bag(name)
    expanded = _expansions().get(bag)
    if expanded is not None and len(bag) > 1:
        bag, rules = frozenset({expanded}), rules | {"acronym"}
    if any(atom.startswith("a:") for atom in bag) and len(bag) == 1:
        rules.add("acronym")
    if state and country and not any(atom.startswith("n:") for atom in bag):
        bag, rules = bag | {"n:" + country}, rules | {"country-from-article"}
    if not any(atom[:2] in ("p:", "n:", "a:") for atom in bag):
        return None
    return OrgKey(" ".join(sorted(bag)), tuple(sorted(rules)))


#: Languages that are the state language of one country only: news written in them
#: names that country's ministries without saying whose ("Мәдениет министрлігі").
HOME_COUNTRY: dict[str, str] = {"kk": "kz"}


@lru_cache(maxsize=1 << 12)
def country_of(*words: str) -> str | None:
    """The table country the words name in any form ("Жапонияның" -> "jp",
    "Оңтүстік Кореяның" -> "kr"), if any."""
    table = word_table()
    forms = tuple(table_form(word, table.vocabulary, table.single) for word in words)
    hit = table.concepts.get(forms[0]) if len(forms) == 1 else table.phrases.get(forms)
    return hit[1] if hit is not None and hit[0] == "country" else None


def article_country(text: str, lang: str = "") -> str | None:
    """The one country an article is about: its language's home country (Kazakh:
    Kazakhstan), else the country it names more often than any other, twice at least."""
    if lang in HOME_COUNTRY:
        return HOME_COUNTRY[lang]
    table = word_table()
    counts: Counter[str] = Counter()
    words = [w for w, _ in split_words(text) if w[:1].isupper()]
    forms = [table_form(w, table.vocabulary, table.single) for w in words]
    i = 0
    while i < len(forms):
        for size in range(min(table.longest, len(forms) - i), 1, -1):
            hit = table.phrases.get(tuple(forms[i : i + size]))
            if hit is not None:
                break
        else:
            size, hit = 1, table.concepts.get(forms[i])
        if hit is not None and hit[0] == "country":
            counts[hit[1]] += 1
        i += size
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]
