"""Personal names: capitalised words after a position, with a surname ending, or a first name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.extractors.kk.tokens import Tok
from kg.lang.kk import lexicon, morph
from kg.lang.kk.lex_attrs import ORDINAL_WORDS

_MAX_NAME_WORDS = 3
_MAX_ARABIC_NAME_WORDS = 5  # "Ибрагим Әли әл-Камали әл-Нури"
_MAX_INITIALS = 3  # "Т. Ә. Жұмабеков", "А.Б.В. Сейтов"


@dataclass(frozen=True, slots=True)
class PersonSpan:
    """A personal name by token range; ``words`` leaves out honorifics ("қажы")."""

    start: int
    end: int  # exclusive
    words: tuple[int, ...]
    anchored: bool  # right after a position word


def name_stem(tok: Tok) -> str:
    """The word without a case ending a name may carry ("Сапарованың")."""
    return morph.strip_name_case(
        tok.text, keep=lexicon.FIRST_NAMES, surname_endings=lexicon.SURNAME_ENDINGS
    )


def _surname(tok: Tok) -> bool:
    stem = name_stem(tok).lower()
    return len(stem) >= 4 and stem.endswith(lexicon.SURNAME_ENDINGS)


def _patronymic(tok: Tok) -> bool:
    return tok.lower.endswith(lexicon.PATRONYMIC_ENDINGS)


def _place(tok: Tok) -> bool:
    if tok.lower in lexicon.PLACES:
        return True
    return any(a.stem.lower() in lexicon.PLACES for a in morph.analyses(tok.text))


def name_word(tok: Tok) -> bool:
    """A capitalised word that can be part of a personal name."""
    return (
        (tok.titled or tok.shouted)
        and tok.quote is None
        and not any(c.isdigit() for c in tok.text)
        and "." not in tok.text
        and tok.head is None
        and tok.event is None
        and (tok.position is None or tok.lower in lexicon.FIRST_NAMES)
        and tok.lower not in lexicon.FUNCTION_WORDS
        and tok.lower not in lexicon.SENTENCE_ADVERBS
        and not _place(tok)
    )


def upper_surname(tok: Tok) -> bool:
    """A surname in capitals ("Олжас ОРДАБАЕВ"), never an abbreviation's shape."""
    letters = [c for c in tok.text if c.isalpha()]
    return (
        tok.upper
        and len(letters) >= 3
        and "-" not in tok.text[-5:]
        and tok.stem_upper not in lexicon.LEGAL_FORMS
        and tok.stem_upper not in lexicon.NON_ORG_ACRONYMS
        and any(c.lower() in morph.VOWELS for c in letters)
    )


def arabic_name_part(tok: Tok) -> bool:
    """A name part with an Arabic article: "әл-Хасани", "әш-Шукри", "ад-Дин"."""
    article, hyphen, rest = tok.text.partition("-")
    return (
        bool(hyphen)
        and article.lower() in lexicon.NAME_ARTICLES
        and rest[:1].isupper()
        and tok.quote is None
    )


def _kazakh_patronymic(tok: Tok) -> bool:
    """ "Ерболқызы", "Серікұлы": a surname, or a patronymic when a surname follows."""
    return tok.lower.endswith(lexicon.KAZAKH_PATRONYMIC_ENDINGS)


def _take_name(toks: Sequence[Tok], i: int, end: int) -> tuple[list[int], int]:
    """Name words from ``i`` on, honorifics between them kept; the index after them.

    Up to three words; a Kazakh patronymic before a surname ("Сәуле Ерболқызы
    Жанұзақова") and Arabic name parts ("Зайнаб Әли әл-Хасани", "Халил Ахмад Әл
    Нури") may make the name longer.
    """
    words: list[int] = []
    j = i
    limit = _MAX_NAME_WORDS
    while j < end and len(words) < limit:
        tok = toks[j]
        if words and tok.lower in lexicon.HONORIFICS:
            # "Ерболат қажы Сейітұлы" keeps the title inside the name, not after it; a
            # courtesy title ("Айгүл ханым Бекова") is passed over
            inside = j + 1 < end and len(words) < limit - 1 and name_word(toks[j + 1])
            if inside and not names_a_body(toks[j + 1]) and tok.lower in lexicon.NAME_TITLES:
                words.append(j)
            j += 1
            continue
        particle = len(words) >= 1 and (
            arabic_name_part(tok)
            or (tok.titled and tok.lower in lexicon.NAME_ARTICLES and _next_titled(toks, j, end))
        )
        if particle:
            limit = _MAX_ARABIC_NAME_WORDS
        if particle or name_word(tok) or (len(words) == 1 and upper_surname(tok)):
            words.append(j)
            j += 1
            if particle and tok.lower in lexicon.NAME_ARTICLES:
                continue  # "Әл Нури": the article leads the next word
            if len(words) >= 2 and morph.name_case(tok.text) != "nom":
                break  # an inflected word ends the name
            if len(words) == 2 and _surname(tok) and not _patronymic(tok):
                if _kazakh_patronymic(tok) and _surname_next(toks, j, end):
                    limit = _MAX_NAME_WORDS
                    continue  # a patronymic, the surname follows
                if not (j < end and arabic_name_part(toks[j])):
                    break  # "Бану Сапарова": the surname closes the name
            continue
        break
    while words and toks[words[-1]].lower in lexicon.HONORIFICS | lexicon.NAME_ARTICLES:
        words.pop()
    return words, (words[-1] + 1 if words else i)


def _next_titled(toks: Sequence[Tok], j: int, end: int) -> bool:
    return j + 1 < end and toks[j + 1].titled and toks[j + 1].sent == toks[j].sent


def _surname_next(toks: Sequence[Tok], j: int, end: int) -> bool:
    return j < end and name_word(toks[j]) and _surname(toks[j]) and not names_a_body(toks[j])


def find_persons(toks: Sequence[Tok], start: int, end: int) -> list[PersonSpan]:
    """Personal names in the sentence ``toks[start:end]``, left to right, not overlapping."""
    found: list[PersonSpan] = []
    i = start
    while i < end:
        span = _person_at(toks, i, end)
        if span is None and found and found[-1].end == i - 1:
            span = _coordinated(toks, i, end)
        if span is None:
            i += 1
            continue
        found.append(span)
        i = span.end
    return found


def _coordinated(toks: Sequence[Tok], i: int, end: int) -> PersonSpan | None:
    """A name joined to a name by "мен", "және" is a name ("X мен Жорди Кастельс")."""
    if toks[i - 1].lower not in ("мен", "пен", "бен", "және"):
        return None
    words, after = _take_name(toks, i, end)
    if len(words) < 2 or (after < end and names_a_body(toks[after])):
        return None
    return PersonSpan(words[0], after, tuple(words), False)


def _person_at(toks: Sequence[Tok], i: int, end: int) -> PersonSpan | None:
    tok = toks[i]
    if not tok.initials and not name_word(tok):
        return None  # most words: asked first, as it is the cheapest test that rules them out
    if quoted(toks, i):
        return None  # «Иса На Рем» ансамблі: a title, not a person
    anchored = i > 0 and _after_position(toks, i)
    if tok.initials:
        # "С. Н. Омаров", "Г.С.Сәрсенбаева": initials, then a surname
        final = i
        while final + 1 < end and final - i < _MAX_INITIALS and toks[final + 1].initials:
            final += 1
        surname = final + 1
        # a surname without a surname's ending ("Ә.Т. Сейтқали") after two initials or a title
        sure = anchored or final > i
        if (
            surname < end
            and name_word(toks[surname])
            and (_surname(toks[surname]) or (sure and _bare_name(toks[surname])))
        ):
            following = toks[surname + 1] if surname + 1 < end else None
            if following is not None and (following.lower == "атындағы" or names_a_body(following)):
                return None  # "С. Сейфуллин атындағы ...", "Н. Назарбаев орталығы"
            return PersonSpan(i, surname + 1, tuple(range(i, surname + 1)), anchored)
        return None
    if not name_word(tok) or tok.lower in ORDINAL_WORDS:
        return None  # "Екінші Жанболат Сейітқұлов": "the second" opens no name
    words, after = _take_name(toks, i, end)
    if len(words) < 2:
        return None
    if _inflected(toks[words[0]]) and not anchored:
        return None  # "Кездесуге Ержан Темірғалиев": the name opens after the dative
    if after < end and toks[after].lower in ("атындағы", "есімді", "атында"):
        return None  # named after someone: "X атындағы университет"
    if after < end and names_a_body(toks[after]):
        return None  # "Роза Люксембург қоры": part of an organisation's name
    if not anchored:
        first, last = toks[words[0]], toks[words[-1]]
        cue = (
            _surname(last)
            or any(_patronymic(toks[w]) for w in words)
            or first.lower in lexicon.FIRST_NAMES
            or any(arabic_name_part(toks[w]) for w in words)
            or any(toks[w].lower in lexicon.NAME_ARTICLES for w in words[1:-1])
        )
        if not cue:
            return None
        if morph.name_case(last.text) == "gen" and memorial_follows(toks, after, end):
            return None  # "Абайдың ... мұражайы": a namesake, not an actor
    return PersonSpan(words[0], after, tuple(words), anchored)


def _bare_name(tok: Tok) -> bool:
    """A capitalised word that is nothing but a name: no body's head, title, event or place."""
    return (
        tok.head is None
        and tok.position is None
        and tok.event is None
        and tok.lower not in lexicon.PLACES
        and not tok.upper
    )


def _inflected(tok: Tok) -> bool:
    """A word in a case no name's first word takes, not a known first name."""
    return tok.lower not in lexicon.FIRST_NAMES and morph.name_case(tok.text) != "nom"


def memorial_follows(toks: Sequence[Tok], i: int, end: int) -> bool:
    """Whether a memorial noun ("мұражайы", "ескерткіші") follows within a few words."""
    for tok in toks[i : min(end, i + 6)]:
        if tok.punct:
            return False
        if tok.lower.startswith(lexicon.NAMESAKE_NOUNS):
            return True
    return False


def quoted(toks: Sequence[Tok], i: int) -> bool:
    """Whether token ``i`` is inside a short quote (a title or a brand)."""
    for j in range(i - 1, max(i - 5, -1), -1):
        if toks[j].sent != toks[i].sent:
            return False
        partner = toks[j].partner
        if toks[j].quote == "open" and partner is not None and partner > i:
            return True
        if toks[j].quote == "close":
            return False
    return False


def names_a_body(tok: Tok) -> bool:
    """A head noun owned by the name before it: "Роза Люксембург қоры", "Клайпеда қаласы"."""
    if tok.head is not None and tok.head.form.possessive:
        return True
    # a place noun in the possessive after the name makes it a place
    return (
        any(
            morph.without_possessive(a.stem.lower()) in lexicon.PLACE_NOUNS
            for a in morph.analyses(tok.text)
            if a.possessive
        )
        and not tok.cap
    )


def _after_position(toks: Sequence[Tok], i: int) -> bool:
    prev = toks[i - 1]
    if prev.sent != toks[i].sent:
        return False
    return prev.position is not None and prev.position.form.case == "nom"


def repeat_persons(
    toks: Sequence[Tok], start: int, end: int, known: set[tuple[str, str]]
) -> list[PersonSpan]:
    """Two-word names in ``toks[start:end]`` whose (first name, surname) is already known.

    An initial with a known surname ("Д. Есенберді" after "Дәулет Есенберді") is that
    person too, when the initial is the first name's.
    """
    found: list[PersonSpan] = []
    i = start
    while i + 1 < end:
        first, last = toks[i], toks[i + 1]
        if (
            first.initials
            and name_word(last)
            and not names_a_body(toks[i + 2] if i + 2 < end else last)
        ):
            surname = name_stem(last).lower()
            if any(k[1] == surname and k[0][:1] == first.lower[:1] for k in known):
                found.append(PersonSpan(i, i + 2, (i, i + 1), False))
                i += 2
                continue
        if name_word(first) and (name_word(last) or upper_surname(last)):
            key = (first.lower, name_stem(last).lower())
            if key in known or any(
                k[0] == key[0] and similar_surnames(k[1], key[1]) for k in known
            ):
                found.append(PersonSpan(i, i + 2, (i, i + 1), False))
                i += 2
                continue
        i += 1
    return found


def similar_surnames(a: str, b: str) -> bool:
    """Whether two surnames are one typo apart: one edit, or two in a long name.

    Scraped news misspells long foreign surnames by a swapped or changed letter
    ("Фриберг-Стори" / "Фриберг-Строй"); short names must match exactly.
    """
    shorter = min(len(a), len(b))
    if a == b or shorter < 6:
        return a == b
    return _edits(a, b) <= (2 if shorter >= 10 else 1)


def _edits(a: str, b: str) -> int:
    """Edit distance counting a swap of neighbouring letters as one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]
