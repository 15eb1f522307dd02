"""The organisation word table (``kg/lang/org_words.tsv``) and reading words back to it.

``kg.org_key`` makes a name's language-neutral key out of what this module gives it:
the table read into look-ups (type words, modifiers, countries, international bodies,
legal forms, function words, each in kk / ru / en), the words of a name, each word's
dictionary form (Kazakh endings undone, Russian lemmas, English singulars) and the
folded spelling of a proper part, so its transliterations meet.
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
class WordTable:
    """The table read for look-up: forms of its words and phrases, and their concepts."""

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


def split_words(text: str) -> list[tuple[str, bool]]:
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


def table_form(
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
        return romanised.get(fold_proper(word), _strip(word))
    return _strip(word)


def fold_proper(word: str) -> str:
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


def read_rows(text: str) -> list[tuple[str, str, list[list[str]]]]:
    """(kind, concept, [kk forms, ru forms, en forms]) of each row of the table's text."""
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
def word_table() -> WordTable:
    """The shipped table, read once."""
    text = resources.files("kg.lang").joinpath(TABLE_FILE).read_text(encoding="utf-8")
    rows = read_rows(text)
    forms_of = [
        (kind, concept, form) for kind, concept, cells in rows for fs in cells for form in fs
    ]
    # Words are read back to the table's one-word forms first; a phrase's other words
    # ("бұұ балалар қоры") are then read back the same way, or kept as they stand.
    single = frozenset(_strip(f) for _, _, f in forms_of if len(split_words(f)) == 1)
    extra = {
        table_form(w, single)
        for _, _, f in forms_of
        if len(split_words(f)) > 1
        for w, _ in split_words(f)
    }
    vocabulary = single | frozenset(extra)
    folded: dict[str, set[str]] = defaultdict(set)
    for form in single:
        if _cyrillic(form):
            folded[fold_proper(form)].add(form)
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
                words = tuple(table_form(w, vocabulary, single) for w, _ in split_words(form))
                if kind == "acronym" and len(words) > 1:
                    spelled_out.append((concept, form))
                # The first row to claim a form keeps it: rows are ordered most
                # specific first (a state body before a modifier spelt alike).
                if len(words) == 1:
                    concepts.setdefault(words[0], (kind, concept))
                else:
                    phrases.setdefault(words, (kind, concept))
    longest = max((len(p) for p in phrases), default=1)
    return WordTable(
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
    table = word_table()
    found = {
        (kind, concept) for kind, concept in [*table.concepts.values(), *table.phrases.values()]
    }
    return Counter(kind for kind, _ in found)
