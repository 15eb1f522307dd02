"""One name per actor within an article: the forms an article uses for one actor.

Resolution groups mentions by name, so the forms an article uses for one actor get
one name here: "ОФ «X»", "общественного фонда «X»" and "«X»"; "Правительство РК" and
"Правительство Республики Казахстан"; an acronym given in brackets after a name;
"Н. Салибаев" after "Нурбол Салибаев".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from kg.extractors.common import ExtractionBuilder
from kg.iris import name_key
from kg.lang.ru import lexicon, morph
from kg.model import EntityType, Mention
from kg.text import shouted

_QUOTED = re.compile(r"[«\"“](.+)[»\"”]$")
_STATE = re.compile(r"\b(?:РК|Казахстана)$")


def unify_names(builder: ExtractionBuilder, aliases: dict[str, str]) -> None:
    """Rename the mentions of ``builder`` so that each actor has one name."""
    mentions = builder.mentions
    names: dict[str, str] = {}
    orgs = [m for m in mentions if m.type is EntityType.ORGANISATION]
    names.update(_by_quoted_core(orgs))
    names.update(_by_quoted_core([m for m in mentions if m.type is EntityType.EVENT]))
    names.update(_by_state(orgs))
    names.update(_by_first_word(orgs))
    names.update(_by_acronym(orgs))
    names.update(_by_ministry_short(orgs))
    for short, full in aliases.items():
        names[short] = names.get(full, full)
    people = [m for m in mentions if m.type is EntityType.PERSON]
    names.update(_by_initials(people))
    names.update(_by_patronymic(people))
    for k, mention in enumerate(mentions):
        name = names.get(mention.name)
        if name is not None and name != mention.name:
            mentions[k] = replace(mention, name=name)


def _core(name: str) -> str:
    match = _QUOTED.search(name)
    return name_key(match.group(1) if match else name)


def _by_quoted_core(orgs: list[Mention]) -> dict[str, str]:
    """ "ОФ «X»", "Общественный фонд «X»" and "X" -> the most used typed form."""
    typed: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in orgs:
        if _QUOTED.search(mention.name) and not _branch(mention.name):
            typed[_core(mention.name)][mention.name] += 1
    result: dict[str, str] = {}
    for mention in orgs:
        if _branch(mention.name):
            continue
        forms = typed.get(_core(mention.name)) or _inflected_core(mention.name, typed)
        if forms:
            # a headline's capitals ("ФОНДОМ «БЕРЕКЕ»") are no name's spelling; then the
            # most used, the longest
            result[mention.name] = min(forms, key=lambda f: (shouted(f), -forms[f], -len(f), f))
    return result


def _branch(name: str) -> bool:
    """ "Алматинский филиал партии «X»": a branch of X, not another name of it."""
    kind = name.split("«", 1)[0].split()
    return any(morph.lemma(word) in lexicon.BRANCH_HEADS for word in kind)


def _inflected_core(name: str, typed: dict[str, Counter[str]]) -> Counter[str] | None:
    """The typed forms whose quoted core is ``name`` with another case ending ("Отана")."""
    if _QUOTED.search(name):
        return None
    words = name_key(name).split()
    fits = [
        forms
        for core, forms in typed.items()
        if len(core.split()) == len(words)
        and all(_same_stem(a, b) for a, b in zip(core.split(), words, strict=True))
    ]
    return fits[0] if len(fits) == 1 else None


def _same_stem(a: str, b: str) -> bool:
    """Two forms of one word: they differ only in an ending of up to two letters."""
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= 3 and shared >= max(len(a), len(b)) - 2


def _by_first_word(orgs: list[Mention]) -> dict[str, str]:
    """ "КазНУ" is "КазНУ им. аль-Фараби" when that is the one longer name it begins."""
    result: dict[str, str] = {}
    for mention in orgs:
        if " " in mention.name or not any(c.isupper() for c in mention.name[1:]):
            continue
        longer = {m.name for m in orgs if m.name.startswith(mention.name + " ")}
        if len(longer) == 1:
            result[mention.name] = longer.pop()
    return result


def _by_state(orgs: list[Mention]) -> dict[str, str]:
    """ "Правительство РК" and "Правительство Казахстана": "... Республики Казахстан".

    Only when the article spells one body two ways; a single spelling stays as written.
    """
    spellings: dict[str, set[str]] = defaultdict(set)
    for mention in orgs:
        spellings[_STATE.sub("Республики Казахстан", mention.name)].add(mention.name)
    return {name: full for full, names in spellings.items() if len(names) > 1 for name in names}


def _by_initials(people: list[Mention]) -> dict[str, str]:
    """ "Н. Салибаев" -> "Нурбол Салибаев" when one person of the article fits."""
    full = {m.name for m in people if not _has_initials(m.name)}
    result: dict[str, str] = {}
    for mention in people:
        words = mention.name.split()
        if not _has_initials(mention.name):
            continue
        if _initial(words[0]):
            surname, first = words[-1], words[0]  # "Н. Салибаев"
        else:
            surname, first = words[0], words[1]  # "Салибаев Н. Б."
        fits = {
            name
            for name in full
            if name.split()[-1].casefold() == surname.casefold()
            and name[:1].casefold() == first[:1].casefold()
        }
        if len(fits) == 1:
            result[mention.name] = fits.pop()
    return result


def _by_patronymic(people: list[Mention]) -> dict[str, str]:
    """ "Айбек Маратович" (first name and patronymic, the polite address) -> "Айбек
    Ержанов" when one person of the article has that first name."""
    result: dict[str, str] = {}
    for mention in people:
        words = mention.name.split()
        if len(words) != 2 or not morph.is_patronymic(words[1]):
            continue
        fits = {
            m.name
            for m in people
            if m.name != mention.name
            and m.name.split()[0] == words[0]
            and not morph.is_patronymic(m.name.split()[-1])
        }
        if len(fits) == 1:
            result[mention.name] = fits.pop()
    return result


def _has_initials(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and (all(map(_initial, words[:-1])) or all(map(_initial, words[1:])))


def _initial(word: str) -> bool:
    return len(word) <= 2 and word.endswith(".")


# Words an acronym leaves out: "Министерство информации и общественного развития" -> МИОР.
_FUNCTION_WORDS = frozenset(
    {"и", "по", "при", "в", "во", "на", "для", "с", "со", "of", "and", "for"}
)
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,7}(?: (?:РК|РФ|КР))?")


def _initials(name: str) -> str:
    """The letters an acronym of ``name`` takes: a word's first letter, an abbreviation whole."""
    letters = []
    for word in re.sub(r"[«»\"“”()]", " ", name).split():
        if word in _FUNCTION_WORDS:
            continue
        letters.append(word if word.isupper() else word[:1].upper())
    return "".join(letters)


def _by_acronym(orgs: list[Mention]) -> dict[str, str]:
    """ "ГАК" or "МИОР РК" after "ОЮЛ «Гражданский альянс Казахстана»": the one name whose
    word initials (or its quoted core's) spell the acronym, with or without the state."""
    longer = {m.name for m in orgs if len(m.name.split()) >= 3}
    result: dict[str, str] = {}
    for mention in orgs:
        if not _ACRONYM.fullmatch(mention.name):
            continue
        acronym = mention.name.replace(" ", "")
        bare = mention.name.split()[0]
        fits = set()
        for name in longer:
            match = _QUOTED.search(name)
            core = match.group(1) if match else name
            stateless = _STATE_WORDS.sub("", name)
            spelled = {_initials(name), _initials(core), _initials(stateless)}
            if acronym in spelled or bare in spelled:
                fits.add(name)
        if len(fits) == 1:
            result[mention.name] = fits.pop()
    return result


_STATE_WORDS = re.compile(r" (?:РК|РФ|КР|Республики Казахстан|Казахстана)$")
_MINISTRY_SHORT = re.compile(r"Мин([а-яё]{3,})(?: (?:РК|РФ|КР))?")


def _by_ministry_short(orgs: list[Mention]) -> dict[str, str]:
    """ "Минкультуры (РК)" -> "Министерство культуры ..." when one ministry of the article
    has that word first."""
    ministries = {m.name for m in orgs if m.name.startswith("Министерство ")}
    result: dict[str, str] = {}
    for mention in orgs:
        match = _MINISTRY_SHORT.fullmatch(mention.name)
        if match is None:
            continue
        stem = match.group(1)[:4]
        fits = {n for n in ministries if n.split()[1].startswith(stem)}
        if len(fits) == 1:
            result[mention.name] = fits.pop()
    return result
