"""Russian inflection with pymorphy3: lemmas and nominative forms of names and phrases."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

#: natasha's Universal Dependencies case names -> pymorphy's OpenCorpora grammemes.
UD_CASES: dict[str, str] = {
    "Nom": "nomn",
    "Gen": "gent",
    "Dat": "datv",
    "Acc": "accs",
    "Ins": "ablt",
    "Loc": "loct",
}

# Masculine surnames in the nominative (Ахметов, Сулейменов, Жолдасбаев): never inflected.
_MASCULINE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_TOKEN = re.compile(r"\w+(?:-\w+)*|\W+")
# An abbreviation with a Russian case ending glued on: МИДа, ООНом.
_ORDINAL = re.compile(r"^(?:[IVXLХІ]{1,6}|\d{1,3}(?:-[а-я]{1,3})?)$")
_MIXED_CASE = re.compile(r"^\w+[A-ZА-ЯЁ]")
_INFLECTED_ABBREVIATION = re.compile(r"^([A-ZА-ЯЁ]{2,})(а|у|ом|е|ы|ов)$")


@cache
def analyzer() -> Any:
    """The pymorphy3 analyzer, loaded on first use (its dictionaries take a second)."""
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1 << 16)
def _parsed(word: str) -> tuple[Any, ...]:
    """pymorphy3's analyses of ``word``, kept per surface form: articles repeat their
    words, and one parse costs more than all the rules that ask for it."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=1 << 16)
def lemma(word: str, case: str | None = None) -> str:
    """The most likely dictionary form of ``word`` (in ``case`` when given), lower-case."""
    match = _INFLECTED_ABBREVIATION.match(word)
    if match:
        return match.group(1).lower()
    parses = _parsed(word)
    if not parses:
        return word.lower()
    best = min(parses, key=lambda p: (case is not None and p.tag.case != case, -p.score))
    return str(best.normal_form)


def bare_abbreviation(word: str) -> str:
    """An abbreviation without the case ending glued on: "МИДа" -> "МИД"."""
    match = _INFLECTED_ABBREVIATION.match(word)
    return match.group(1) if match else word


def lemmas(word: str) -> set[str]:
    """Every dictionary form ``word`` may have."""
    return {str(p.normal_form) for p in _parsed(word)}


def _restore_case(original: str, inflected: str) -> str:
    if original.isupper() and len(original) > 1:
        return inflected.upper()
    if original[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in inflected.split("-"))
    return inflected


def person_nominative(words: list[str], case: str | None = None) -> list[str]:
    """The nominative of a person's name, keeping the gender its words agree on.

    The words of a name share one case and gender: "Данияра Жумабекова" is a man in the
    genitive, "Асель Тулеуова" a woman in the nominative. ``case`` is the case a tagger
    saw in context; it only breaks ties, since taggers often miss it on Kazakh names.
    """
    parses = [_name_parses(word) for word in words]
    if case == "nomn" and not parses[-1]:
        return list(words)  # an unknown surname in the nominative: nothing to go by
    options = [{(p.tag.case, p.tag.gender) for p in word_parses} for word_parses in parses]
    known = [o for o in options if o]
    if not known:
        return list(words)
    common = _agreeing(known)
    if not common and case == "nomn" and any(c == "nomn" for o in known for c, _ in o):
        return list(words)  # "Эльмира Газимова": a woman whose surname pymorphy reads as a man's
    # Without agreement (a Kazakh first name pymorphy reads as masculine), the surname decides.
    candidates = common or known[-1]
    oblique = not any(c == "nomn" for c, _ in options[0]) and words[0].endswith(_OBLIQUE_ENDINGS)
    if case == "nomn" and not oblique:
        # the tagger reads case from the context; a name's own endings are ambiguous,
        # unless the first name ends as only an oblique form does ("Агнешкой")
        return list(words)
    # Only the surname is known ("Айдар-Бека Нуралиева"): the tagger's case decides.
    told = [o for o in candidates if o[0] == case]
    # ... when the unknown first name has the ending that case gives a man's name.
    surname_only = (
        len(known) == 1
        and not options[0]
        and any(_strip_masculine_ending(words[0], o) != words[0] for o in told)
    )
    # Both words read in the tagger's oblique case: "Нурлана Абенова" after "министра".
    agreed = bool(common) and bool(told)
    if any(c == "nomn" for c, _ in candidates) and not (surname_only or agreed):
        return list(words)
    if surname_only or agreed:
        candidates = set(told)
    chosen = min(candidates, key=lambda o: (o[0] != case, _case_rank(o[0]), str(o[1] or "")))
    result: list[str] = []
    for word, word_parses in zip(words, parses, strict=True):
        singular_first = sorted(word_parses, key=lambda p: p.tag.number != "sing")
        match = next((p for p in singular_first if (p.tag.case, p.tag.gender) == chosen), None)
        inflected = match.inflect({"nomn", "sing"}) if match is not None else None
        if match is None and not word_parses:
            result.append(_strip_masculine_ending(word, chosen))
        elif inflected is None or _MASCULINE_SURNAME.search(word):
            result.append(word)
        else:
            result.append(_restore_case(word, str(inflected.word)))
    return result


def _agreeing(known: list[set[tuple[Any, Any]]]) -> set[tuple[Any, Any]]:
    """The (case, gender) readings every word shares; a word of common gender (an
    indeclinable "Доценко", gender None) agrees with either gender."""
    shared: set[tuple[Any, Any]] = set()
    for case, gender in known[0]:
        genders = {gender} if gender is not None else set()
        fits = True
        for other in known[1:]:
            matching = {
                g for c, g in other if c == case and (gender is None or g in (gender, None))
            }
            if not matching:
                fits = False
                break
            genders |= {g for g in matching if g is not None}
        if fits:
            shared |= {(case, g) for g in genders} if genders else {(case, None)}
    return shared


# Endings only oblique forms of first names have.
_OBLIQUE_ENDINGS = ("ой", "ей", "ом", "ем", "ым", "им", "ою", "ею")


def _name_parses(word: str) -> list[Any]:
    """pymorphy's readings of ``word`` as a name, singular ones only when there are any."""
    parses = [p for p in _parsed(word) if _NAME_TAGS & p.tag.grammemes]
    singular = [p for p in parses if p.tag.number == "sing"]
    return singular or parses


# A masculine name ending in a consonant, in an oblique case: Нурбеком, Нурбека, Нурбеку.
_MASCULINE_ENDINGS = {"gent": ("а",), "datv": ("у",), "ablt": ("ом",), "loct": ("е",)}


def _strip_masculine_ending(word: str, chosen: tuple[Any, Any]) -> str:
    """An unknown first name that agrees with a masculine surname, without its case ending."""
    case, gender = chosen
    if gender != "masc":
        return word
    for ending in _MASCULINE_ENDINGS.get(case, ()):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and stem[-1] not in "аеёиоуыэюяйь":
            return stem
    return word


_CASE_ORDER = ("gent", "datv", "accs", "ablt", "loct")


def _case_rank(case: str | None) -> int:
    return _CASE_ORDER.index(case) if case in _CASE_ORDER else len(_CASE_ORDER)


# Russian-style surnames in any case: Касенов, Касеновым, Омарова, Омаровой, Абаев.
_SURNAME_FORM = re.compile(
    r"(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|е|ым|ою)?$|(?:ск|цк)(?:ий|ая|ого|ой|ому|им|ую)$"
)


@lru_cache(maxsize=1 << 14)
def is_first_name(word: str) -> bool:
    """True when pymorphy knows ``word`` as a first name."""
    return any("Name" in p.tag.grammemes for p in _parsed(word))


@lru_cache(maxsize=1 << 14)
def is_place_name(word: str) -> bool:
    """True when pymorphy's best reading of ``word`` is a place name (Уральска, Астане)."""
    parses = _parsed(word)
    return bool(parses) and parses[0].is_known and "Geox" in parses[0].tag.grammemes


@lru_cache(maxsize=1 << 14)
def is_common_noun(word: str) -> bool:
    """True when pymorphy knows ``word`` as a dictionary noun that is no name."""
    parses = _parsed(word)
    return bool(parses) and any(
        p.is_known
        and p.tag.POS == "NOUN"
        and not ({"Name", "Surn", "Geox", "Abbr"} & p.tag.grammemes)
        for p in parses[:1]
    )


@lru_cache(maxsize=1 << 14)
def is_adjective(word: str) -> bool:
    """True when pymorphy's best reading of ``word`` is a full adjective or participle."""
    parses = _parsed(word)
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF")


@lru_cache(maxsize=1 << 14)
def is_patronymic(word: str) -> bool:
    """True when pymorphy reads ``word`` as a patronymic (Петрович, Сериковна)."""
    return any("Patr" in p.tag.grammemes for p in _parsed(word))


def looks_like_surname(word: str) -> bool:
    """True when ``word`` has the shape of a Russian-style surname."""
    return len(word) > 4 and bool(_SURNAME_FORM.search(word))


# Names and titles recur across articles (and a sentence's rules ask again): each phrase
# and word is put in the nominative once. The results are strings, so sharing is safe.
@lru_cache(maxsize=1 << 14)
def phrase_nominative(
    phrase: str, heads: frozenset[str] | None = None, *, titled_adjectives: bool = False
) -> str:
    """``phrase`` with its head noun and the adjectives before it in the nominative.

    The genitive tail stays as written: "Детским фондом ООН" -> "Детский фонд ООН". A
    leading ordinal ("VII Степного форума") stays as written. A capitalised adjective
    after the first word ends an organisation name unless ``titled_adjectives``
    ("регионального Гражданского форума" is one event).
    """
    tokens = _TOKEN.findall(phrase)
    words = [i for i, t in enumerate(tokens) if t[:1].isalnum()]
    head: int | None = None
    head_parse: Any = None
    before: set[tuple[Any, Any]] = set()
    guessed: set[int] = set()
    ordinals = {i for i in words[:1] if _ORDINAL.match(tokens[i])}
    for i in words:
        if i in ordinals:
            continue
        match = _INFLECTED_ABBREVIATION.match(tokens[i])
        if match:
            tokens[i] = match.group(1)
            head = i
            break
        if _MIXED_CASE.search(tokens[i]):
            return "".join(tokens)  # "КазНУ", "ЕНУ им.": an abbreviation takes no ending
        parses = _parsed(tokens[i])
        if (
            tokens[i][:1].isupper()
            and not any(p.is_known for p in parses)
            and parses[0].tag.POS != "ADJF"
            and not (heads is not None and any(p.normal_form in heads for p in parses))
        ):
            if i == words[0] and _oblique_adjective_ending(tokens[i]) is not None:
                guessed.add(i)  # "Алмалинского районного ...": a place adjective pymorphy lacks
                continue
            return "".join(tokens)  # an unknown word ("Жогорку Кенеша") is left as written
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        adjective = parses[0].tag.POS in ("ADJF", "PRTF")
        if nouns and heads is not None and _adjective_before_head(parses, tokens, words, i, heads):
            nouns, adjective = [], True  # "Главного управления": an adjective, though also a noun
        if i != words[0]:
            # the head agrees with the adjective before it: "Главного управления" is singular
            agreeing = [p for p in nouns if (p.tag.case, p.tag.number) in before]
            nouns = agreeing or nouns
        if heads is not None:
            nouns = [p for p in nouns if p.normal_form in heads] or nouns
        if nouns and (
            parses[0].tag.POS == "NOUN" or (heads is not None and nouns[0].normal_form in heads)
        ):
            head, head_parse = i, nouns[0]
            break
        if not adjective or (tokens[i][:1].isupper() and i != words[0] and not titled_adjectives):
            return "".join(tokens)
        before = {(p.tag.case, p.tag.number) for p in parses if p.tag.POS in ("ADJF", "PRTF")}
    if head is None or head_parse is None:
        return "".join(tokens)
    case, number, gender = head_parse.tag.case, head_parse.tag.number, head_parse.tag.gender
    if case != "nomn":
        inflected = head_parse.inflect({"nomn"})
        if inflected is not None:
            tokens[head] = _restore_case(tokens[head], str(inflected.word))
        for i in (w for w in words if w < head and w not in ordinals):
            if i in guessed:
                tokens[i] = _guessed_nominative(tokens[i], number, gender)
            else:
                tokens[i] = _adjective_nominative(tokens[i], case, number, gender)
    return "".join(tokens)


# Oblique singular endings of adjectives, masculine/neuter and feminine ("Алмалинского",
# "Алмалинской"), for adjectives pymorphy does not know.
_OBLIQUE_MASCULINE_ADJECTIVE = ("ого", "его", "ому", "ему", "ым", "им", "ом", "ем")
_OBLIQUE_FEMININE_ADJECTIVE = ("ой", "ей", "ую", "юю")


def _oblique_adjective_ending(word: str) -> str | None:
    lower = word.casefold()
    for ending in (*_OBLIQUE_MASCULINE_ADJECTIVE, *_OBLIQUE_FEMININE_ADJECTIVE):
        if lower.endswith(ending) and len(lower) - len(ending) >= 4:
            return ending
    return None


def _guessed_nominative(word: str, number: str, gender: str | None) -> str:
    """The nominative of an unknown adjective by its ending and its head's gender:
    "Алмалинского" -> "Алмалинское" before "объединение", "Алмалинский" before "союз"."""
    ending = _oblique_adjective_ending(word)
    if ending is None or number != "sing":
        return word
    stem = word[: -len(ending)]
    soft = ending[0] in "еюи"
    hushing = stem[-1:].lower() in "кгхжшщч"
    if gender == "femn":
        nominative = "яя" if soft else "ая"
    elif gender == "neut":
        nominative = "ее" if soft else "ое"
    else:
        nominative = "ий" if soft or hushing else "ый"
    return stem + nominative


def _adjective_before_head(
    parses: Sequence[Any], tokens: list[str], words: list[int], i: int, heads: frozenset[str]
) -> bool:
    """True when ``tokens[i]`` may be an adjective and the next word is a head noun."""
    later = [w for w in words if w > i]
    if not later or not any(p.tag.POS == "ADJF" for p in parses):
        return False
    following = _parsed(tokens[later[0]])
    return any(p.tag.POS == "NOUN" and p.normal_form in heads for p in following)


def _adjective_nominative(word: str, case: str, number: str, gender: str | None) -> str:
    parses = [
        p
        for p in _parsed(word)
        if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == case and p.tag.number == number
    ]
    if not parses:
        return word
    wanted = {"nomn", number} | ({gender} if number == "sing" and gender else set())
    forms = [str(f.word) for p in parses if (f := p.inflect(wanted)) is not None]
    if not forms:
        return word
    # "высшего" is "высший", not the superlative "высочайший": keep the most of the word.
    best = max(forms, key=lambda form: (_shared_prefix(form, word.lower()), -forms.index(form)))
    return _restore_case(word, best)


def _shared_prefix(a: str, b: str) -> int:
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared


#: The endings every plural noun has in the dative, instrumental and prepositional
#: cases ("фондам", "фондами", "детьми", "фондах").
_PLURAL_ENDINGS: dict[str, tuple[str, ...]] = {
    "datv": ("ам", "ям"),
    "ablt": ("ами", "ями", "ьми"),
    "loct": ("ах", "ях"),
}


@lru_cache(maxsize=1 << 14)
def may_be_genitive(word: str) -> bool:
    """True when pymorphy reads ``word`` as a genitive in some parse ("Уральска")."""
    return any(p.tag.case == "gent" for p in _parsed(word))


def may_be_plural(word: str, case: str | None) -> bool:
    """False when ``word`` in ``case`` lacks the ending every plural has there
    ("акиматом" is singular, whatever a tagger says)."""
    endings = _PLURAL_ENDINGS.get(case or "")
    return endings is None or word.casefold().endswith(endings)


@lru_cache(maxsize=1 << 14)
def is_plural_nominative(word: str) -> bool:
    """True when ``word`` may be a noun in the nominative plural ("Мэрии")."""
    return any(
        p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case == "nomn"
        for p in _parsed(word)
    )


@lru_cache(maxsize=1 << 14)
def singular_nominative(word: str) -> str:
    """A plural noun in the nominative singular: "Мэрии" -> "Мэрия"."""
    parses = [p for p in _parsed(word) if p.tag.POS == "NOUN"]
    inflected = parses[0].inflect({"nomn", "sing"}) if parses else None
    return word if inflected is None else _restore_case(word, str(inflected.word))


def agreeing_nominative(adjective: str, noun: str) -> str:
    """``adjective`` in the nominative singular, in the gender of the nominative ``noun``."""
    nouns = [p for p in _parsed(noun) if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    found = nouns[0].tag.gender if nouns else None
    gender = str(found) if found else None
    if nouns and "ms-f" in nouns[0].tag.grammemes:
        gender = "masc"  # common gender ("коллега"): masculine agreement
    parses = [p for p in _parsed(adjective) if p.tag.POS in ("ADJF", "PRTF")]
    if not parses:
        return inflect_nominative(adjective)
    wanted = {"nomn", "sing"} | ({gender} if gender else set())
    forms = [str(f.word) for p in parses if (f := p.inflect(wanted)) is not None]
    if not forms:
        return adjective
    best = max(forms, key=lambda f: (_shared_prefix(f, adjective.lower()), -forms.index(f)))
    return _restore_case(adjective, best)


def genitive(word: str) -> str:
    """A noun or adjective in the accusative or nominative put in the genitive singular."""
    parses = [
        p for p in _parsed(word) if p.tag.POS in ("NOUN", "ADJF") and p.tag.case in ("accs", "nomn")
    ]
    inflected = parses[0].inflect({"gent", "sing"}) if parses else None
    return word if inflected is None else _restore_case(word, str(inflected.word))


@lru_cache(maxsize=1 << 14)
def inflect_nominative(word: str) -> str:
    """A single word in the nominative singular when it is a noun, else unchanged."""
    parses = _parsed(word)
    if not parses or parses[0].tag.POS not in ("NOUN", "ADJF"):
        return word
    inflected = parses[0].inflect({"nomn"})
    return word if inflected is None else _restore_case(word, str(inflected.word))


@lru_cache(maxsize=1 << 14)
def place_nominative(word: str) -> str:
    """A place name after "в" in the nominative: "Кызылорде" -> "Кызылорда".

    Places are inanimate; pymorphy's guesses for unknown names often are not.
    """
    parses = _parsed(word)
    located = [p for p in parses if p.tag.case == "loct"] or parses
    best = min(
        located,
        key=lambda p: ("Geox" not in p.tag.grammemes, p.tag.animacy != "inan", -p.score),
    )
    return _restore_case(word, str(best.normal_form))
