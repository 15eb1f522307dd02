"""A language-neutral key of an organisation's name, so kk / ru / en names of one body meet.

"Қазақстанның Азаматтық альянсы", "ОЮЛ «Гражданский альянс Казахстана»" and "Civil
Alliance of Kazakhstan" all become ``c:alliance c:civil n:kz``. Each word is read back
to a dictionary form (Kazakh case and possessive endings undone, Russian lemmas from
pymorphy3, English singulars) and looked up in the table ``kg/lang/org_words.tsv``:
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
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kg.errors import KGError
from kg.text import to_ascii

#: Version of the word table this code reads; the table states its own in a comment.
TABLE_VERSION = 1
TABLE_FILE = "org_words.tsv"

_KINDS = ("head", "state", "modifier", "country", "acronym", "legal", "wrapper", "function")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"|“[^“”]*”|„[^„“”]*[“”]")
# "U.S.", "Л.Н.": letters with dots are one abbreviation, not single letters.
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_KAZAKH_LETTERS = frozenset("әғқңөұүһі")


@dataclass(frozen=True, slots=True)
class OrgKey:
    """A name's key and the rules, beyond plain table look-up, that shaped it."""

    key: str
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Table:
    concepts: dict[str, tuple[str, str]]  # one-word form -> (kind, concept)
    phrases: dict[tuple[str, ...], tuple[str, str]]  # run of forms -> (kind, concept)
    vocabulary: frozenset[str]  # every form a table word can take, phrase words too
    single: frozenset[str]  # the one-word forms
    romanised: dict[str, str]  # folded romanisation -> Kazakh or Russian one-word form
    wrappers: frozenset[str]  # concepts a quoted name's own head makes redundant
    spelled_out: tuple[tuple[str, str], ...]  # (acronym concept, its name in words)
    longest: int


class TableError(KGError):
    """The organisation word table is malformed."""


def _strip(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold().replace("ё", "е")


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


_PROPER_ENDINGS = (
    *("дағы", "дегі", "тағы", "тегі"),
    *("ның", "нің", "дың", "дің", "тың", "тің"),
)
_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
_VOICED = {"г": "к", "ғ": "қ", "б": "п"}


def _kazakh_bare(stem: str) -> list[str]:
    """``stem`` and what it may be without a possessive or plural ending ("облысы" ->
    "облыс", "орталығы" -> "орталық", "бағдарламалар" -> "бағдарлама")."""
    found = [stem]
    for ending in ("сы", "сі", "ы", "і"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 2:
            bare = stem[: -len(ending)]
            found.append(bare)
            if bare[-1] in _VOICED:
                found.append(bare[:-1] + _VOICED[bare[-1]])
    for ending in _PLURAL:
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            found.append(stem[: -len(ending)])
    return found


@lru_cache(maxsize=1 << 16)
def _candidates(word: str) -> tuple[str, ...]:
    """Dictionary forms ``word`` may be, most literal first."""
    lower = _strip(word)
    found = [lower]
    if _cyrillic(lower):
        from kg.lang.kk.morph import stems
        from kg.lang.ru.morph import lemma, lemmas

        for stem in sorted(stems(lower), key=len):
            found.extend(_kazakh_bare(stem))
        if not _KAZAKH_LETTERS & set(lower):
            found.append(_strip(lemma(word)))
            found.extend(sorted(_strip(x) for x in lemmas(word)))
    else:
        for suffix, replacement in (("'s", ""), ("’s", ""), ("ies", "y"), ("s", "")):
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                found.append(lower[: -len(suffix)] + replacement)
    return tuple(dict.fromkeys(found))


def _split(text: str) -> list[tuple[str, bool]]:
    """The words of a name, each with whether it stands inside quotes."""
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    words: list[tuple[str, bool]] = []
    for match in _WORD.finditer(text):
        inside = any(start <= match.start() < end for start, end in quoted)
        parts = re.split(r"[-'’]", match.group())
        if len(parts) > 1:
            from kg.lang.kk.morph import hyphen_ending

            if hyphen_ending(parts[-1]):
                parts = parts[:-1]  # "БҰҰ-ның": the ending, not a word
            if parts[-1].lower() in ("s", "с"):
                parts = parts[:-1]  # "Children's"
        words.extend((part, inside) for part in parts if part)
    return words


def _form(
    word: str,
    vocabulary: frozenset[str],
    single: frozenset[str] = frozenset(),
    romanised: Mapping[str, str] | None = None,
) -> str:
    """The table form ``word`` reads back to (a one-word form first), or its lower-case self.

    A Latin word that is no table word may be a Kazakh or Russian one romanised
    ("Zhasyl" is "жасыл"): ``romanised`` maps folded Cyrillic forms back.
    """
    candidates = _candidates(word)
    for known in (single, vocabulary):
        for candidate in candidates:
            if candidate in known:
                return candidate
    if romanised and not _cyrillic(word):
        return romanised.get(_fold_proper(word), _strip(word))
    return _strip(word)


def _fold_proper(word: str) -> str:
    """A proper part in any script, folded so its transliterations meet.

    "Қазақстан" / "Казахстан" / "Kazakhstan" and "Сорос" / "Soros" give one form:
    Kazakh case endings are undone, Kazakh and Russian letters romanised, and the
    spelling variants of romanisation (kh/h/k, y/i, e/i, doubled letters) folded.
    """
    if _cyrillic(word):
        # Only the genitive ("Қазақстанның") and the locative adjective
        # ("Нұр-Сұлтандағы") are undone: other endings look like the ends of names
        # ("Түркістан" is not an ablative).
        lower = word.lower()
        for ending in _PROPER_ENDINGS:
            if lower.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
    ascii_form = to_ascii(word)
    folded = ascii_form.replace("dzh", "j").replace("zh", "j").replace("kh", "k")
    folded = re.sub(r"(?<![scz])h", "k", folded)  # Қазақстан / Казахстан: қ and х meet
    folded = folded.replace("q", "k").replace("y", "i").replace("e", "i")
    return re.sub(r"(.)\1+", r"\1", folded)


def _read_rows(text: str) -> list[tuple[str, str, list[list[str]]]]:
    rows = []
    version: int | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("# version"):
            version = int(line.split("\t")[1])
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 5 or cells[0] not in _KINDS:
            raise TableError(f"{TABLE_FILE}:{number}: expected kind, concept, kk, ru, en")
        forms = [[f.strip() for f in cell.split("|") if f.strip()] for cell in cells[2:]]
        rows.append((cells[0], cells[1], forms))
    if version != TABLE_VERSION:
        raise TableError(f"{TABLE_FILE}: version {version}, this civkg reads {TABLE_VERSION}")
    return rows


@cache
def _table() -> _Table:
    text = resources.files("kg.lang").joinpath(TABLE_FILE).read_text(encoding="utf-8")
    rows = _read_rows(text)
    forms_of = [
        (kind, concept, form) for kind, concept, cells in rows for fs in cells for form in fs
    ]
    # Words are read back to the table's one-word forms first; a phrase's other words
    # ("бұұ балалар қоры") are then read back the same way, or kept as they stand.
    single = frozenset(_strip(f) for _, _, f in forms_of if len(_split(f)) == 1)
    extra = {_form(w, single) for _, _, f in forms_of if len(_split(f)) > 1 for w, _ in _split(f)}
    vocabulary = single | frozenset(extra)
    folded: dict[str, set[str]] = defaultdict(set)
    for form in single:
        if _cyrillic(form):
            folded[_fold_proper(form)].add(form)
    # Only a spelling that folds back to one word: "bas" could be "бас" or "баз".
    romanised = {spelling: next(iter(f)) for spelling, f in folded.items() if len(f) == 1}
    concepts: dict[str, tuple[str, str]] = {}
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    wrappers: set[str] = set()
    spelled_out: list[tuple[str, str]] = []
    for kind, concept, cells in rows:
        if kind == "wrapper":
            wrappers.add(concept)
        for forms in cells:
            for form in forms:
                words = tuple(_form(w, vocabulary, single) for w, _ in _split(form))
                if kind == "acronym" and len(words) > 1:
                    spelled_out.append((concept, form))
                # The first row to claim a form keeps it: rows are ordered most
                # specific first (a state body before a modifier spelt alike).
                if len(words) == 1:
                    concepts.setdefault(words[0], (kind, concept))
                else:
                    phrases.setdefault(words, (kind, concept))
    longest = max((len(p) for p in phrases), default=1)
    return _Table(
        concepts,
        phrases,
        vocabulary,
        single,
        romanised,
        frozenset(wrappers),
        tuple(spelled_out),
        longest,
    )


def table_size() -> Counter[str]:
    """How many concepts of each kind the table holds (for docs and tests)."""
    table = _table()
    found = {
        (kind, concept) for kind, concept in [*table.concepts.values(), *table.phrases.values()]
    }
    return Counter(kind for kind, _ in found)


_PREFIX = {"country": "n:", "acronym": "a:"}


@lru_cache(maxsize=1 << 14)
def _atoms(name: str, skip: str = "") -> tuple[tuple[tuple[str, str, bool, str], ...], bool]:
    """(kind, atom, quoted, first word) for each unit of ``name``; whether a quoted part
    has a head.

    Phrases of the concept ``skip`` are not matched (see ``_expansions``).
    """
    table = _table()
    words = _split(name)
    forms = [_form(word, table.vocabulary, table.single, table.romanised) for word, _ in words]
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
            atoms.append(("proper", "p:" + _fold_proper(words[i][0]), quoted, words[i][0]))
        else:
            kind, concept = hit
            atoms.append((kind, _PREFIX.get(kind, "c:") + concept, quoted, words[i][0]))
            quoted_head = quoted_head or (quoted and kind in ("head", "state"))
        i += size
    return tuple(atoms), quoted_head


def _bag(name: str, skip: str = "") -> tuple[frozenset[str], set[str], bool]:
    """The atoms that make the key, the rules applied, and whether a state body is named."""
    table = _table()
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
    for concept, text in _table().spelled_out:
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


def _acronym_segments(word: str) -> list[str] | None:
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
        if kind == "proper" and (segments := _acronym_segments(word))
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
        if kind == "proper" and (segments := _acronym_segments(word))
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


def article_country(text: str, lang: str = "") -> str | None:
    """The one country an article is about: its language's home country (Kazakh:
    Kazakhstan), else the country it names more often than any other, twice at least."""
    if lang in HOME_COUNTRY:
        return HOME_COUNTRY[lang]
    table = _table()
    counts: Counter[str] = Counter()
    words = [w for w, _ in _split(text) if w[:1].isupper()]
    forms = [_form(w, table.vocabulary, table.single) for w in words]
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
