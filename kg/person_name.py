"""The parts of a personal name in any script: names, patronymic, initials.

"Бибігүл Сәкенқызы Омарова", "Омарова Бибигуль Сакеновна", "Bibigul Omarova" and
"Б.С. Омарова" are one woman written four ways. Linking needs to know which words are
the given name and surname (in either order), which word is a patronymic (Kazakh -ұлы /
-қызы, their Russian spellings -улы / -кызы, Russian -ович / -овна, and their
romanisations), and which letters are initials. Every part is folded to the
script-independent form ``kg.link.person_key`` compares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.text import to_ascii

# Romanised patronymic endings (to_ascii folds Kazakh and Russian letters alike:
# ұлы / улы -> uly, қызы / кызы -> kyzy), longest first.
_PATRONYMIC_ENDINGS = (
    "ovich",
    "evich",
    "ovna",
    "evna",
    "ichna",
    "kyzy",
    "kizi",
    "qyzy",
    "ogly",
    "uly",
    "ugly",
    "ich",
)
_TOKEN = re.compile(r"([^\W\d_]+)(\.?)")


def fold(word: str) -> str:
    """Fold the spelling differences of Cyrillic-to-Latin romanisations of one name."""
    word = word.replace("dzh", "j").replace("zh", "j").replace("kh", "h").replace("y", "i")
    word = re.sub(r"(.)\1+", r"\1", word)  # Issabayev / Исабаев
    word = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", word)  # Bayev / Баев
    return re.sub(r"^ie", "e", word)  # Yelena / Елена


@dataclass(frozen=True, slots=True)
class PersonName:
    """A personal name's folded parts."""

    names: tuple[str, ...]  # given name and surname (any order), sorted
    patronymic: str | None = None  # the father's name the patronymic is made of
    initials: tuple[str, ...] = ()  # initials as written, folded ("б", "с" -> "b", "s")

    @property
    def full(self) -> bool:
        """A given name and a surname, no initials: a name others can be matched to."""
        return len(self.names) >= 2 and not self.initials

    def fits(self, other: PersonName) -> bool:
        """Whether this initials-and-surname name can be ``other``, a full one.

        "Б. Омарова" fits "Бибігүл Омарова"; "Б.С. Омарова" also needs a patronymic
        starting with С when ``other`` has one.
        """
        if not other.full or len(self.names) != 1 or not self.initials:
            return False
        (surname,) = self.names
        if surname not in other.names:
            return False
        # Names are kept sorted, so with a double given name ("Қасым-Жомарт") the
        # initial may stand for either part.
        given = list(other.names)
        given.remove(surname)
        if not any(name.startswith(self.initials[0]) for name in given):
            return False
        if len(self.initials) > 1 and other.patronymic is not None:
            return other.patronymic.startswith(self.initials[1])
        return True


def _patronymic(ascii_word: str) -> str | None:
    for ending in _PATRONYMIC_ENDINGS:
        if ascii_word.endswith(ending) and len(ascii_word) - len(ending) >= 3:
            return fold(ascii_word[: -len(ending)])
    return None


@lru_cache(maxsize=1 << 16)
def parse(name: str) -> PersonName:
    """The folded parts of ``name``; a patronymic is recognised only beside two other names.

    Linking parses each spelling of a name in every article that has it, several times:
    the answer is kept (a ``PersonName`` is frozen).
    """
    initials: list[str] = []
    words: list[str] = []
    for match in _TOKEN.finditer(name.replace("-", " ")):
        word, dot = match.group(1), match.group(2)
        ascii_word = to_ascii(word)
        if not ascii_word:
            continue
        # "Б.", "Б" before a surname, "Sh.": an initial; "Ли" without a dot is a name.
        if word[0].isupper() and (len(word) == 1 or (len(word) == 2 and dot and word[1].islower())):
            initials.append(fold(ascii_word))
            continue
        words.append(ascii_word)
    patronymic = None
    if len(words) >= 3:
        for i, word in enumerate(words):
            found = _patronymic(word)
            if found is not None:
                patronymic = found
                del words[i]
                break
    return PersonName(tuple(sorted(fold(w) for w in words)), patronymic, tuple(initials))
