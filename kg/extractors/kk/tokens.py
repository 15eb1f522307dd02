"""What the Kazakh rules need to know about each token: shape, case, lexicon entries."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from kg.lang.kk import lexicon, morph
from kg.lang.kk.morph import Analysis
from kg.model import OrgClass
from kg.text import camel_abbreviation

OPENING_QUOTES = frozenset("«„‹")
CLOSING_QUOTES = frozenset("»›")
AMBIGUOUS_QUOTES = frozenset('“”"')

# Endings of verb forms and participles: a lower-case word ending so is no name word.
_VERB_ENDINGS = (
    "ған",
    "ген",
    "қан",
    "кен",
    "атын",
    "етін",
    "йтын",
    "йтін",
    "ып",
    "іп",
    "йды",
    "йді",
    "ады",
    "еді",
    "ыпты",
    "іпті",
)
# First and second person possessives ("еліміз", "сіздің"): not in names.
_PERSONAL_ENDINGS = ("мыз", "міз", "ңыз", "ңіз", "мыздың", "міздің")
# Roman numerals as news writes them, in Latin or look-alike Cyrillic letters ("ҮІІІ").
ROMAN = re.compile(r"[IVXLCІХҮ]{1,6}")
_ORDINAL_ENDINGS = frozenset({"ші", "шы", "інші", "ыншы", "нші", "ншы"})
# Upper-case words in a row that make a line written in capitals, and the longest
# abbreviation such a line may still contain.
_MIN_SHOUTED_WORDS = 2
_SHORT_ABBREVIATION = 3


@dataclass(frozen=True, slots=True)
class Lexeme:
    """A word's lexicon entry: its lemma and how the form in text is inflected."""

    lemma: str
    form: Analysis
    plural: bool = False  # "депутаттары", "мүшелері": several holders of the position


@dataclass(slots=True)
class Tok:
    """One token of a document, analysed once for every rule."""

    i: int
    text: str
    lower: str
    start: int
    end: int
    sent: int  # index of the sentence
    space_before: bool
    word: bool  # letters (possibly with digits, hyphens, dots)
    cap: bool  # starts with an upper-case letter
    upper: bool  # every letter upper-case, at least two letters (acronyms, "ФАНГ")
    initials: bool  # "М.В.", "А."
    number: bool
    case: str  # "nom" or a morph case
    head: Lexeme | None = None  # organisation head noun
    event: Lexeme | None = None  # event head noun
    position: Lexeme | None = None
    plural_head: Lexeme | None = None  # "қорларымен": heads shared by names listed before
    quote: str | None = None  # "open" or "close"
    partner: int | None = None  # index of the matching quote
    proper: bool = False  # capitalised somewhere in the text other than a sentence's start
    shouted: bool = False  # an ordinary word in a line written in capitals ("ФОРУМ ӨТТІ")
    # Worked out once, not on every read: the rules ask these of each token many times.
    # The first four depend on the text alone; ``acronym`` on fields ``analyse`` may
    # still change (``upper``, ``head``), so it is set when the analysis is done.
    stem_text: str = ""  # the word without a hyphenated ending ("ҚазҰУ-дың" -> "ҚазҰУ")
    stem_upper: str = ""  # ``stem_text`` upper-cased ("КММ-де" -> "КММ")
    ordinal: bool = False  # a Roman or numbered ordinal ("VIII", "ХХІ", "5-ші", "10-шы")
    legal_form: bool = False  # ``stem_upper`` is a legal form ("ЖШС", "КММ")
    acronym: bool = False  # an upper-case abbreviation that may name an organisation

    @property
    def punct(self) -> bool:
        return not self.word and not self.number

    @property
    def titled(self) -> bool:
        """Capitalised and not all upper-case ("Бану", "Фриберг-Стори")."""
        return self.cap and not self.upper and not self.initials

    @property
    def verbal(self) -> bool:
        """A lower-case verb form or participle."""
        if self.cap or not self.lower.endswith(_VERB_ENDINGS):
            return False
        return self.lower.rsplit("-", 1)[-1] not in lexicon.NOUNS_LIKE_VERBS

    @property
    def personal(self) -> bool:
        return self.lower.endswith(_PERSONAL_ENDINGS)

    @property
    def verbal_noun(self) -> bool:
        """An action noun ("қолдау", "ілгерілету") heading a phrase inside a name."""
        return not self.cap and self.lower.endswith(("у", "ю")) and len(self.lower) > 3


def _stem_text(text: str) -> str:
    """The word without a hyphenated ending ("ҚазҰУ-дың" -> "ҚазҰУ")."""
    head, hyphen, tail = text.rpartition("-")
    return head if hyphen and head and morph.hyphen_ending(tail) else text


def _ordinal(text: str) -> bool:
    """A Roman or numbered ordinal ("VIII", "ХХІ", "5-ші", "10-шы")."""
    if ROMAN.fullmatch(text):
        return True
    number, hyphen, ending = text.partition("-")
    return number.isdigit() and bool(hyphen) and ending.lower() in _ORDINAL_ENDINGS


def _abbreviation_shape(stem: str, ordinal: bool) -> bool:
    """Whether a word of this stem may be an abbreviation naming an organisation, as far
    as its text tells: the rest (capitals, not a lexicon word) ``_acronym`` decides."""
    letters = stem.replace("-", "")
    return (
        not ordinal
        and 2 <= len(letters) <= 8
        and letters.isalpha()
        and stem not in lexicon.NON_ORG_ACRONYMS
        and stem not in lexicon.LEGAL_FORMS
        and stem.lower() not in lexicon.PLACES  # "АСТАНА. KAZINFORM –": a dateline
    )


def _acronym(tok: Tok, surface: _Surface) -> bool:
    """An upper-case abbreviation that may name an organisation."""
    return (
        surface.abbreviation_shape
        and (tok.upper or surface.camel)
        # "ФОРУМ", "ОРТАЛЫҚ": a word of the lexicon written in capitals
        and tok.head is None
        and tok.event is None
        and tok.position is None
    )


@cache
def _table(lemmas: tuple[str, ...]) -> dict[str, Lexeme]:
    forms: dict[str, Lexeme] = {}
    for lemma in lemmas:
        owned = lexicon.POSSESSIVE_OVERRIDES.get(lemma)
        for form, analysis in morph.decline(lemma, owned).items():
            forms.setdefault(form, Lexeme(lemma, analysis))
    return forms


@cache
def head_forms() -> dict[str, Lexeme]:
    """Every case form of every organisation head noun."""
    return _table(tuple(sorted(lexicon.ORG_HEADS)))


@cache
def event_forms() -> dict[str, Lexeme]:
    """Every case form of every event head noun."""
    return _table(tuple(sorted(lexicon.EVENT_HEADS)))


@cache
def position_forms() -> dict[str, Lexeme]:
    """Every case form of every position noun, singular and plural."""
    forms = dict(_plural_positions(tuple(sorted(lexicon.POSITIONS))))
    forms.update(_table(tuple(sorted(lexicon.POSITIONS))))
    return forms


@cache
def plural_head_forms() -> dict[str, Lexeme]:
    """Every case form of the plural of every organisation head ("қорларымен")."""
    return _plural_positions(tuple(sorted(lexicon.ORG_HEADS)))


@cache
def _plural_positions(lemmas: tuple[str, ...]) -> dict[str, Lexeme]:
    forms: dict[str, Lexeme] = {}
    for lemma in lemmas:
        for form, analysis in morph.decline(morph.plural(lemma)).items():
            forms.setdefault(form, Lexeme(lemma, analysis, plural=True))
    return forms


def _lookup(table: dict[str, Lexeme], lower: str, compounds: bool = False) -> Lexeme | None:
    found = table.get(lower)
    if found is None and "-" in lower:
        # "42-сессиясы", "вице-министрі" is listed whole, "бас-директоры" is not
        prefix, _, rest = lower.partition("-")
        if prefix.isdigit():
            found = table.get(rest)
        elif compounds and prefix.isalpha() and len(prefix) >= 3 and "-" not in rest:
            # "telegram-арнасы", "мектеп-лицейі": an outlet or a school ends in its head
            # noun; "басқармасының фронт-офисі" is a unit of the body before it
            tail = table.get(rest)
            if tail is not None and lexicon.ORG_HEADS.get(tail.lemma) in _COMPOUND_CLASSES:
                found = tail
    return found


_COMPOUND_CLASSES = frozenset({OrgClass.MEDIA, OrgClass.EDUCATION})


def _case(text: str, lower: str) -> str:
    if lower in lexicon.PLACES or lower in lexicon.FUNCTION_WORDS or lower in lexicon.NOMINAL_STEMS:
        return "nom"
    if "-" in lower and lower.rsplit("-", 1)[1] in lexicon.PLACES:
        return "nom"  # "Сорос-Қазақстан" ends in a place's name, not in "-тан" (from)
    if morph.without_possessive(lower) in lexicon.PLACE_NOUNS:
        return "nom"  # "ауданы" is "аудан" + possessive, not "ауда" + accusative
    return morph.case_of(text)


class _Surface(NamedTuple):
    """What a token's text alone says about it: the same for every occurrence."""

    lower: str
    word: bool
    cap: bool
    upper: bool
    initials: bool
    number: bool
    case: str
    stem_text: str
    stem_upper: str
    ordinal: bool
    legal_form: bool
    head: Lexeme | None
    event: Lexeme | None
    position: Lexeme | None
    plural_head: Lexeme | None
    camel: bool  # the stem is a shortening in mixed case ("ҚазҰУ")
    abbreviation_shape: bool


# A text repeats its words (and a build its texts): each surface form is analysed once.
# Bounded, so a long build's memory stays flat.
@lru_cache(maxsize=1 << 17)
def _surface(text: str) -> _Surface:
    lower = text.lower()
    # "БҰҰ-ның" is an abbreviation with an ending: judge its shape without the ending
    shape = _stem_text(text)
    stem_upper = shape.upper()
    letters = [c for c in shape if c.isalpha()]
    word = any(c.isalpha() for c in text)
    initials = word and text.endswith(".") and all(len(p) <= 2 for p in text.split(".") if p)
    lexemes: tuple[Lexeme | None, ...] = (None, None, None, None)
    if word and not initials:
        lexemes = (
            _lookup(head_forms(), lower, compounds=True),
            _lookup(event_forms(), lower),
            _lookup(position_forms(), lower),
            plural_head_forms().get(lower),
        )
    head, event, position, plural_head = lexemes
    ordinal = _ordinal(text)
    return _Surface(
        lower=lower,
        word=word,
        cap=word and text[0].isupper(),
        upper=len(letters) >= 2 and all(c.isupper() for c in letters),
        initials=initials and text[0].isupper(),
        number=not word and any(c.isdigit() for c in text),
        case=_case(text, lower) if word else "nom",
        stem_text=shape,
        stem_upper=stem_upper,
        ordinal=ordinal,
        legal_form=stem_upper in lexicon.LEGAL_FORMS,
        head=head,
        event=event,
        position=position,
        plural_head=plural_head,
        camel=camel_abbreviation(shape),
        abbreviation_shape=_abbreviation_shape(stem_upper, ordinal),
    )


def analyse(
    texts: Sequence[str],
    starts: Sequence[int],
    spaces_before: Sequence[bool],
    sentences: Sequence[int],
) -> list[Tok]:
    """Analyse a document's tokens given their text, offsets and sentence numbers."""
    toks: list[Tok] = []
    surfaces = [_surface(text) for text in texts]
    for i, (text, surface) in enumerate(zip(texts, surfaces, strict=True)):
        toks.append(
            Tok(
                i=i,
                text=text,
                lower=surface.lower,
                start=starts[i],
                end=starts[i] + len(text),
                sent=sentences[i],
                space_before=spaces_before[i],
                word=surface.word,
                cap=surface.cap,
                upper=surface.upper,
                initials=surface.initials,
                number=surface.number,
                case=surface.case,
                head=surface.head,
                event=surface.event,
                position=surface.position,
                plural_head=surface.plural_head,
                stem_text=surface.stem_text,
                stem_upper=surface.stem_upper,
                ordinal=surface.ordinal,
                legal_form=surface.legal_form,
            )
        )
    _owned_services(toks)
    _pair_quotes(toks)
    _tame_shouting(toks)
    _mark_proper(toks)
    for tok, surface in zip(toks, surfaces, strict=True):
        tok.acronym = _acronym(tok, surface)
    return toks


def _owned_services(toks: list[Tok]) -> None:
    """ "қызмет" heads no name after a genitive, a press word, a title ("бас дәрігері
    қызметін атқарған": the post of chief doctor) or nothing (see ``lexicon.SERVICE_HEAD``)."""
    for i, tok in enumerate(toks):
        if tok.head is None or tok.head.lemma != lexicon.SERVICE_HEAD:
            continue
        before = toks[i - 1] if i else None
        if (
            before is None
            or not before.word
            or before.case == "gen"
            or before.position is not None
            or before.lower in lexicon.NOT_SERVICES
        ):
            tok.head = None


_CAPITALS_SHARE = 0.7  # of a sentence's words, for a line of capitals
_CAPITALS_WORDS = 3


def in_capitals(toks: Sequence[Tok], start: int, end: int) -> bool:
    """Whether the sentence ``toks[start:end]`` is written in capitals, as headlines are:
    there even a short word ("ҚОЛ", "МЕН") looks like an abbreviation."""
    words = [t for t in toks[start:end] if t.word]
    capitals = sum(t.upper or t.shouted for t in words)
    return len(words) >= _CAPITALS_WORDS and capitals >= _CAPITALS_SHARE * len(words)


def _tame_shouting(toks: list[Tok]) -> None:
    """Read words of a line written in capitals as ordinary words, not abbreviations.

    Headlines and subtitles in capitals ("ДӘУЛЕТ ЖАНАЕВ, ШҚО ЖАСТАР САЯСАТЫ
    БАСҚАРМАСЫНЫҢ БАСШЫСЫ") would otherwise make every long word an organisation.
    A run of upper-case words in one sentence, at least two of them long, is such a
    line; its short words (up to three letters: "ШҚО", "ҚР") stay abbreviations.
    """
    run: list[Tok] = []

    def settle() -> None:
        long_words = [t for t in run if _long_upper(t)]
        if len(long_words) >= _MIN_SHOUTED_WORDS:
            for tok in long_words:
                tok.upper = tok.cap = False
                tok.shouted = True
        run.clear()

    for tok in toks:
        if run and tok.sent != run[-1].sent:
            settle()
        if tok.word and tok.upper and not tok.initials:
            run.append(tok)
        elif tok.word:
            settle()
    settle()


def _long_upper(tok: Tok) -> bool:
    letters = [c for c in tok.stem_upper if c.isalpha()]
    return len(letters) > _SHORT_ABBREVIATION and not tok.stem_upper.isascii()


def _mark_proper(toks: list[Tok]) -> None:
    """Mark words written with a capital inside a sentence: proper names, not just first."""
    proper = {
        tok.lower
        for tok in toks
        if tok.cap and tok.i > 0 and toks[tok.i - 1].sent == tok.sent and toks[tok.i - 1].word
    }
    for tok in toks:
        tok.proper = tok.lower in proper


def _pair_quotes(toks: list[Tok]) -> None:
    """Mark opening and closing quotes and link each pair, within a sentence."""
    stack: list[int] = []
    for tok in toks:
        if stack and toks[stack[-1]].sent != tok.sent:
            stack.clear()
        char = tok.text
        if len(char) != 1:
            continue
        nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
        if char in OPENING_QUOTES:
            opening = True
        elif char in CLOSING_QUOTES:
            opening = False
        elif char in AMBIGUOUS_QUOTES:
            # Scraped text mixes “ and ” freely: a quote glued to the word after it
            # opens, one glued to the word before it closes, and a quote that looks
            # like an opener right before a legal form ("“X “КММ") closes.
            glued_after = nxt is not None and not nxt.space_before
            opening = (tok.space_before or tok.i == 0) and glued_after
            if opening and stack and nxt is not None and nxt.legal_form:
                opening = False
        else:
            continue
        if opening:
            tok.quote = "open"
            stack.append(tok.i)
        elif stack:
            tok.quote = "close"
            partner = stack.pop()
            tok.partner = partner
            toks[partner].partner = tok.i
