"""People: natasha's PER spans, names it missed, and lone surnames of named people."""

from __future__ import annotations

from bisect import bisect_right

from kg.extractors.common import ExtractionBuilder, Span
from kg.extractors.ru.base import Item, SentenceBase
from kg.extractors.ru.names import initials
from kg.extractors.ru.org_forms import head_lemma
from kg.extractors.ru.tokens import Token
from kg.lang.ru import lexicon, morph
from kg.model import EntityType

# A woman's surname in an oblique case ends so and never in the nominative: "Бековой"
# (whatever the first name, often an indeclinable Kazakh one: "Айгуль Бековой").
_OBLIQUE_FEMININE = (("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"))

# How many lower-case adjectives may stand between a name's first adjective and its head.
_BODY_REACH = 3

# How many tokens back a title may stand before the name it names (its body between).
_TITLE_REACH = 14


def _nominative(run: list[Token], title_case: str | None = None) -> list[str]:
    """The words of a name in the nominative; initials stay as they are.

    ``title_case`` is the case of the title the name stands beside ("директор фонда
    Петрова О."), which a lone surname agrees with.
    """
    named = [t for t in run if t.pos != "PUNCT" and not _initial(t.text)]
    if not named:
        return [t.text for t in run if t.pos != "PUNCT"]
    # the tagger reads each word's case apart; "Дана Омарова" after "экс-директор X" has
    # a nominative first name and a surname it read as a genitive: the name is nominative
    case = named[-1].case
    if len(named) > 1 and named[0].case == "nomn" and case == "gent":
        case = "nomn"
    # "директор фонда Петрова О.": the genitive the tagger reads after "фонда" is the
    # nominative of the title
    # A name agrees with the title it stands beside: "сообщила руководитель пресс-службы
    # фонда «Дара» Алия Серикова" is a woman in the nominative, whatever the tagger read
    # after the genitives
    if case == "gent" and title_case == "nomn":
        case = "nomn"
    forms = iter(morph.person_nominative([t.text for t in named], case))
    words = [t.text if _initial(t.text) else next(forms) for t in run if t.pos != "PUNCT"]
    surname = words[-1]
    for oblique, nominative in _OBLIQUE_FEMININE:
        if len(surname) > len(oblique) + 1 and surname.endswith(oblique):
            words[-1] = surname[: -len(oblique)] + nominative
            break
    return words


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


class PersonRules(SentenceBase):
    """Finds the people of a sentence."""

    def _persons(self) -> list[Item]:
        items: list[Item] = []
        i = 0
        while i < len(self.tokens):
            j = i
            shouted = self._shouted_initial_name(i)
            if shouted is not None:
                items.append(Item("person", i, i + 2, span=shouted))
                self.people.append(shouted)
                i += 3
                continue
            if self.tokens[i].ner == "PER":
                while j + 1 < len(self.tokens) and self.tokens[j + 1].ner == "PER":
                    j += 1
            elif (end := self._missed_name(i)) is not None:
                j = end
            else:
                i += 1
                continue
            # "Фонда Дала-Инвест Арман Касенов" tagged as one person: the name starts at
            # the first name when the run opens with a word that is none.
            while (
                j - i >= 2
                and not morph.is_first_name(self.tokens[i].text)
                and len(self.tokens[i + 1].text) > 1  # "Омарову С.Н.": an initial is no name
                and morph.is_first_name(self.tokens[i + 1].text)
            ):
                i += 1
            # "Сети развития Ага Хана Марат Нурланов": genitive words before a name in
            # another case end the body's name, not begin the person's
            while j - i >= 2 and self._genitive_before_name(i, j):
                i += 1
            while i < j and (
                head_lemma(self.tokens[i].lemma) in lexicon.ORG_HEADS
                or self.tokens[i].lemma in lexicon.POSITIONS
            ):
                # "Акиматы Талдыкоргана", "с Представителем Структуры": natasha's person
                # opens with a body or a title written in capitals
                i += 1
                # "Аким Уральска Алтай Кольгинов": the title's place, then the name
                while j - i >= 2 and morph.is_place_name(self.tokens[i].text):
                    i += 1
            # "в Алматы Казахский национальный университет": natasha's person runs from a
            # place over the adjective that opens a body's name
            while j > i and self._opens_body(j):
                j -= 1
            while i < j and self._place_after_preposition(i):
                i += 1
            honoured = False
            while i < j and self.tokens[i].text.lower() in lexicon.HONORIFICS:
                i += 1  # "Г-жа Бекова": a courtesy title is no part of the name
                honoured = True
            run = self.tokens[i : j + 1]
            words = [t.text for t in run if t.pos != "PUNCT"]
            # a courtesy title makes a person of a surname alone
            if len(words) >= (1 if honoured else 2) and all(w[:1].isupper() for w in words):
                name = initials(" ".join(_nominative(run, self._title_case(i))))
                span = Span(EntityType.PERSON, run[0].start, run[-1].end, name)
                items.append(Item("person", i, j, span=span))
                self.people.append(span)
            i = j + 1
        return items

    def _title_case(self, i: int) -> str | None:
        """The case of the title a name at token ``i`` stands beside: "директор" in
        "директор фонда «Шанырак» Петрова О.", across the body in the genitive."""
        quoted = False
        for token in reversed(self.tokens[max(0, i - _TITLE_REACH) : i]):
            if token.text in ("»", '"', "“", "”"):
                quoted = token.text != '"' or not quoted
                continue
            if token.text in ("«", "„"):
                quoted = False
                continue
            if quoted or token.pos in ("PUNCT", "PROPN") or token.text == "и":
                continue  # a quoted name keeps its own case ("фонда «Степной край»"), and
                # names listed share the title's ("представители X С. Омаров и Б. Бекова")
            if token.lemma in lexicon.POSITIONS:
                return token.case
            if token.pos not in ("NOUN", "ADJ") or token.case != "gent":
                return None  # a verb or another case: the name stands beside no title
        return None

    def _opens_body(self, j: int) -> bool:
        """Whether token ``j`` is an adjective that lower-case words after it carry on to
        a body's head ("Казахский национальный университет")."""
        if not morph.is_adjective(self.tokens[j].text) or morph.is_first_name(self.tokens[j].text):
            return False
        for token in self.tokens[j + 1 : j + 1 + _BODY_REACH]:
            if token.pos == "PUNCT" or token.text[:1].isupper():
                return False
            if head_lemma(token.lemma) in lexicon.ORG_HEADS:
                return True
            if not morph.is_adjective(token.text):
                return False
        return False

    def _place_after_preposition(self, i: int) -> bool:
        """ "в Алматы", "из Астаны": a place after a preposition opens no person's name."""
        token = self.tokens[i]
        after_preposition = i > 0 and self.tokens[i - 1].pos == "ADP"
        return (
            after_preposition
            and morph.is_place_name(token.text)
            and not morph.is_first_name(token.text)
        )

    def _genitive_before_name(self, i: int, j: int) -> bool:
        """Whether token ``i`` is in the genitive and the name ``i+1..j`` in one other case."""
        first = self.tokens[i]
        rest = {t.case for t in self.tokens[i + 1 : j + 1] if t.pos != "PUNCT"}
        return (
            first.case == "gent"
            and len(rest) == 1
            and None not in rest
            and "gent" not in rest
            # "Петрова О.": an initial after a surname is no first name of another person
            and not _initial(self.tokens[i + 1].text)
            and morph.is_first_name(self.tokens[i + 1].text)
        )

    def _shouted_initial_name(self, i: int) -> Span | None:
        """ "Т.ЖАНДОСОВ": an initial written onto a surname in capitals (a newspaper habit)."""
        tokens = self.tokens
        if i + 2 >= len(tokens):
            return None
        initial, dot, word = tokens[i], tokens[i + 1], tokens[i + 2]
        if not (
            len(initial.text) == 1
            and initial.text.isupper()
            and dot.text == "."
            and dot.end == word.start
            and len(word.text) >= 4
            and word.text.isalpha()
            and word.text.isupper()
            and word.text not in lexicon.LEGAL_FORMS
        ):
            return None
        name = f"{initial.text}. {word.text.capitalize()}"
        return Span(EntityType.PERSON, initial.start, word.end, name)

    def _missed_name(self, i: int) -> int | None:
        """End of a name natasha missed: "Арман Касенов", "Иван Петрович Сидоров"."""
        tokens = self.tokens
        if (
            i + 1 >= len(tokens)
            or tokens[i].ner == "LOC"
            or not morph.is_first_name(tokens[i].text)
        ):
            return None
        j = i + 1
        if j + 1 < len(tokens) and morph.is_patronymic(tokens[j].text):
            j += 1
        last = tokens[j]
        if last.ner == "LOC" or not last.text[:1].isupper():
            return None
        return j if morph.looks_like_surname(last.text) else None


def name_surnames(tokens: list[Token], builder: ExtractionBuilder, people: list[Span]) -> None:
    """A lone surname ("Жумабеков рассказал") names the person mentioned in full."""
    by_surname: dict[str, Span] = {}
    for person in people:
        by_surname.setdefault(person.name.split()[-1].casefold(), person)
    spans = sorted((p.start, p.end) for p in people)
    starts = [start for start, _ in spans]
    for token in tokens:
        if token.ner != "PER" or token.pos == "PUNCT":
            continue
        k = bisect_right(starts, token.start) - 1
        if k >= 0 and token.start < spans[k][1]:
            continue  # part of a full name already
        surname = morph.person_nominative([token.text], token.case)[0]
        full = by_surname.get(surname.casefold())
        if full is not None:
            builder.mention(Span(EntityType.PERSON, token.start, token.end, full.name))
