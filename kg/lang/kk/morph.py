"""Kazakh case endings: decline nouns, strip endings, find nominative forms.

Kazakh adds case endings whose first consonant follows the stem's last sound and
whose vowel follows its last vowel (vowel harmony): "Алматының", "Айгүлдің",
"клубтың". A possessive stem ("қоры", "кеңсесі") takes its own set ("қорына",
"кеңсесінде"). ``analyses`` undoes only endings that fit the stem that would remain,
and ``nominative`` strips only when the bare stem is attested, because stripping
blindly turns "Алтай" into "Ал" and "Қызылорда" into "Қызылор".
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache

VOWELS = frozenset("аәеёиоөуұүыіэюя")
_BACK = frozenset("аоұыяёю")
_FRONT = frozenset("әеөүіэи")
_NASAL = frozenset("мнң")
_SONORANT = frozenset("лрйу")  # and the glide у after a vowel
_SIBILANT = frozenset("зж")
# Final б в г д are devoiced, so they take the voiceless endings ("клубқа", "Тоқаевпен").

CASES: tuple[str, ...] = ("gen", "dat", "acc", "loc", "abl", "ins", "attr")
_HYPHEN_SUFFIXES: frozenset[str] = frozenset(
    [
        "ның",
        "нің",
        "дың",
        "дің",
        "тың",
        "тің",
        "ға",
        "ге",
        "қа",
        "ке",
        "на",
        "не",
        "а",
        "е",
        "ны",
        "ні",
        "ды",
        "ді",
        "ты",
        "ті",
        "н",
        "да",
        "де",
        "та",
        "те",
        "нда",
        "нде",
        "дан",
        "ден",
        "тан",
        "тен",
        "нан",
        "нен",
        "мен",
        "бен",
        "пен",
        "дағы",
        "дегі",
        "тағы",
        "тегі",
        "ндағы",
        "ндегі",
        "ы",
        "і",
        "сы",
        "сі",
    ]
)
_HYPHEN_CASE = {
    **dict.fromkeys(("ның", "нің", "дың", "дің", "тың", "тің"), "gen"),
    **dict.fromkeys(("ға", "ге", "қа", "ке", "на", "не", "а", "е"), "dat"),
    **dict.fromkeys(("ны", "ні", "ды", "ді", "ты", "ті", "н"), "acc"),
    **dict.fromkeys(("да", "де", "та", "те", "нда", "нде"), "loc"),
    **dict.fromkeys(("дан", "ден", "тан", "тен", "нан", "нен"), "abl"),
    **dict.fromkeys(("мен", "бен", "пен"), "ins"),
    **dict.fromkeys(("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі"), "attr"),
    **dict.fromkeys(("ы", "і", "сы", "сі"), "nom"),
}


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word: the stem left after removing a case ending.

    ``possessive`` is true when the stem ends in the third-person possessive
    ("қоры", "кеңсесі"), as far as the ending shows it.
    """

    stem: str
    case: str  # "nom" or one of CASES
    possessive: bool = False


def hyphen_ending(tail: str) -> bool:
    """Whether ``tail`` is a case ending written after a hyphen ("ЮНЕСКО-ның")."""
    return tail.lower() in _HYPHEN_CASE


def front(word: str) -> bool | None:
    """True for a front-vowel word, False for back, None when there is no vowel."""
    lower = word.lower()
    for i in range(len(lower) - 1, -1, -1):
        char = lower[i]
        if char == "у" and (i == len(lower) - 1 or (i > 0 and lower[i - 1] in VOWELS)):
            continue  # the glide in "Мәскеу", "Ақтау"; a final у follows the vowel before

        if char in _FRONT:
            return True
        if char in _BACK or char == "у":
            return False
    return None


def _final(stem: str) -> str:
    """The class of the stem's last sound: V, N (nasal), L (sonorant), Z, T (voiceless)."""
    lower = stem.lower().rstrip("ьъ")
    if not lower:
        return "T"
    last = lower[-1]
    if last == "у":
        return "L"
    if last in VOWELS:
        return "V"
    if last in _NASAL:
        return "N"
    if last in _SONORANT:
        return "L"
    if last in _SIBILANT:
        return "Z"
    if "а" <= last <= "я" or last in "әғқңөұүһі":
        return "T"
    return "?"  # Latin letters and digits: pronounced, not written, so any ending fits


def _endings(stem: str, any_harmony: bool = False) -> dict[str, tuple[str, ...]]:
    """Case endings that fit ``stem`` (both harmonies when it has no vowel, or if asked)."""
    fin = _final(stem)
    harmony = front(stem)
    result: dict[str, list[str]] = {case: [] for case in CASES}
    both = any_harmony or harmony is None or fin == "?"
    for is_front in (True, False) if both else (bool(harmony),):
        a, y = ("е", "і") if is_front else ("а", "ы")
        gha, qa = ("г", "к") if is_front else ("ғ", "қ")
        finals = "VNLZT" if fin == "?" else fin
        for f in finals:
            gen = {"V": "н", "N": "н", "L": "д", "Z": "д", "T": "т"}[f]
            acc = {"V": "н", "N": "д", "L": "д", "Z": "д", "T": "т"}[f]
            dat = qa if f == "T" else gha
            loc = "т" if f == "T" else "д"
            abl = {"V": "д", "N": "н", "L": "д", "Z": "д", "T": "т"}[f]
            ins = {"V": "м", "N": "м", "L": "м", "Z": "б", "T": "п"}[f]
            result["gen"].append(gen + y + "ң")
            result["acc"].append(acc + y)
            result["dat"].append(dat + a)
            result["loc"].append(loc + a)
            result["abl"].append(abl + a + "н")
            result["ins"].append(ins + "ен")
            result["attr"].append(loc + a + ("гі" if is_front else "ғы"))
    if _final(stem) == "V" and stem.lower()[-1:] in ("ы", "і"):
        # A possessive stem ("қоры", "кеңсесі") has endings of its own.
        for case, ending in _possessive_endings(bool(harmony)).items():
            result[case].append(ending)
    if stem.lower()[-1:] == "и":
        # "и" is a vowel and a glide at once: "Шауқиге" and "Шауқиға" both occur.
        for case, extra in _endings(stem + "й").items():
            result[case].extend(extra)
    return {case: tuple(dict.fromkeys(endings)) for case, endings in result.items()}


def _possessive_endings(is_front: bool) -> dict[str, str]:
    """Case endings after a third-person possessive: "қоры" -> "қорына", "қорында"."""
    a, y = ("е", "і") if is_front else ("а", "ы")
    return {
        "gen": "н" + y + "ң",
        "dat": "н" + a,
        "acc": "н",
        "loc": "нд" + a,
        "abl": "н" + a + "н",
        "ins": "мен",
        "attr": "нд" + a + ("гі" if is_front else "ғы"),
    }


def _possessive_stem(stem: str) -> bool:
    lower = stem.lower()
    return len(lower) > 2 and lower[-1] in "ыі" and lower[-2] not in VOWELS


def analyses(word: str) -> tuple[Analysis, ...]:
    """Readings of ``word`` with one case ending removed, longest ending first.

    Only endings that fit the remaining stem's last sound and vowel harmony count;
    the word itself, read as nominative, comes last.
    """
    return _analyses(word, False)


@lru_cache(maxsize=65536)
def _analyses(word: str, any_harmony: bool) -> tuple[Analysis, ...]:
    found: list[Analysis] = []
    head, hyphen, tail = word.rpartition("-")
    if hyphen and head and tail.lower() in _HYPHEN_CASE:
        # "ЮНЕСКО-ның", "ТДМ-ны", "150-ге": the ending follows the spoken form.
        found.append(Analysis(head, _HYPHEN_CASE[tail.lower()]))
    lower = word.lower()
    for size in range(min(5, len(word) - 2), 0, -1):
        stem, ending = word[:-size], lower[-size:]
        if stem.endswith("-") or not any(ch in VOWELS for ch in stem.lower()):
            continue
        for case, endings in _endings(stem, any_harmony).items():
            if ending in endings:
                possessive = _possessive_stem(stem) or stem.lower().endswith(("сы", "сі"))
                found.append(Analysis(stem, case, possessive))
    found.append(Analysis(word, "nom", _possessive_stem(word)))
    return tuple(dict.fromkeys(found))


def case_of(word: str) -> str:
    """The case the ending of ``word`` shows, "nom" when it shows none."""
    return analyses(word)[0].case


def nominative(word: str, attested: Container[str]) -> str:
    """``word`` without its case ending when the bare stem is attested, else ``word``.

    ``attested`` holds lower-case word forms known to exist (elsewhere in the
    text, in a name list); the longest ending whose stem is attested wins.
    """
    for analysis in analyses(word):
        if analysis.case == "nom":
            break
        if analysis.stem.lower() in attested:
            return analysis.stem
    return word


# Endings that a personal name may carry in running text. Accusative and locative
# are left out: names rarely take them, and "-ны", "-да" end too many real names.
_NAME_CASES = frozenset({"gen", "dat", "abl", "ins"})


def strip_name_case(
    word: str,
    attested: Container[str] = frozenset(),
    keep: Container[str] = frozenset(),
    surname_endings: tuple[str, ...] = (),
) -> str:
    """A personal name without its case ending ("Сапарованың" -> "Сапарова").

    An attested stem wins; otherwise a genitive, dative, ablative or instrumental
    ending that fits the stem is removed when at least three letters remain; an
    accusative too when what remains ends as a surname does (``surname_endings``:
    "Маратовты" -> "Маратов"). Words in ``keep`` (names known whole, such as
    "Сүлеймен") are never stripped.
    """
    if word.lower() in keep:
        return word
    stripped = nominative(word, attested)
    if stripped != word:
        return stripped
    if surname_endings:
        for analysis in _analyses(word, True):
            stem = analysis.stem
            if analysis.case == "acc" and len(stem) >= 5 and stem.lower().endswith(surname_endings):
                return stem
    # Names follow the harmony of their root as often as that of a Russian suffix
    # ("Әуезовтің", "Тоқаевқа"), so either harmony is accepted here.
    for analysis in _analyses(word, True):
        if analysis.case in _NAME_CASES and len(analysis.stem) >= 3 and "-" not in word[-5:]:
            if analysis.case == "dat" and analysis.stem.lower()[-1:] in "ыі":
                continue  # "-на/-не" follow possessives, not names ("Мадина")
            return analysis.stem
    return word


def name_case(word: str) -> str:
    """The case a personal name's ending shows, either harmony accepted ("Әуезовтің")."""
    for analysis in _analyses(word, True):
        if analysis.case in _NAME_CASES and len(analysis.stem) >= 3:
            return analysis.case
    return "nom"


def possessive(lemma: str) -> str:
    """Third-person possessive of a noun: "қор" -> "қоры", "орталық" -> "орталығы"."""
    lower = lemma.lower()
    is_front = bool(front(lemma))
    if lower[-1:] == "и":
        return lemma + ("і" if is_front else "ы")  # "мүфти" -> "мүфтиі": и is ій
    if lower[-1:] in VOWELS and lower[-1] != "у":
        return lemma + ("сі" if is_front else "сы")
    stem = lemma
    if len(lower) > 2 and lower[-2] in VOWELS and lower[-1] in "кқп":
        # Between vowels a final к қ п is voiced: "орталық" -> "орталығы".
        stem = lemma[:-1] + {"к": "г", "қ": "ғ", "п": "б"}[lower[-1]]
    return stem + ("і" if is_front else "ы")


def decline(lemma: str, owned: str | None = None) -> dict[str, Analysis]:
    """Every bare and possessive case form of ``lemma``, lower-cased, with its reading.

    The reading's ``stem`` is the nominative the form belongs to: ``lemma`` for
    bare forms, the possessive ("қоры") for possessive ones. ``owned`` overrides
    the possessive for loanwords the rule gets wrong ("банк" -> "банкі").
    """
    bare = lemma.lower()
    # A loanword whose possessive breaks the rule breaks harmony too: "банкі", "банктің".
    irregular = owned is not None
    owned = (owned or possessive(bare)).lower()
    forms: dict[str, Analysis] = {bare: Analysis(bare, "nom"), owned: Analysis(owned, "nom", True)}
    for case, endings in _endings(bare, any_harmony=irregular).items():
        for ending in endings:
            forms.setdefault(bare + ending, Analysis(bare, case))
    for case, ending in _possessive_endings(bool(front(owned))).items():
        forms.setdefault(owned + ending, Analysis(owned, case, True))
    return forms


def plural(lemma: str) -> str:
    """The plural of a noun: "мүше" -> "мүшелер", "депутат" -> "депутаттар"."""
    lower = lemma.lower()
    last = lower[-1:]
    if last in VOWELS or last in "рйу":
        consonant = "л"
    elif last in "лмнңзж":
        consonant = "д"
    else:
        consonant = "т"
    return lemma + consonant + ("ер" if front(lemma) else "ар")


def genitive(word: str) -> str:
    """The genitive of a nominative word: "басшы" -> "басшының"."""
    return word + _endings(word)["gen"][0]


def without_possessive(word: str) -> str:
    """``word`` without a third-person possessive ending, when it has one."""
    lower = word.lower()
    if lower.endswith(("сы", "сі")) and len(lower) > 3 and lower[-3] in VOWELS:
        return word[:-2]
    if _possessive_stem(word):
        stem = word[:-1]
        if stem[-1:] in "гғб" and len(stem) > 2 and stem[-2].lower() in VOWELS:
            return stem[:-1] + {"г": "к", "ғ": "қ", "б": "п"}[stem[-1]]
        return stem
    return word


def stems(word: str) -> frozenset[str]:
    """Lower-case forms ``word`` may reduce to with a case or possessive ending removed.

    Two words are forms of one word when their stems meet: "Қазақстанның" and
    "Қазақстан" share "қазақстан", "альянсының" and "альянс" share "альянс".
    """
    found = {word.lower()}
    for analysis in analyses(word):
        found.add(analysis.stem.lower())
        found.add(without_possessive(analysis.stem).lower())
    return frozenset(found)
