"""The Kazakh tokenizer: Kazakh letters before full stops, hyphens, abbreviations, quotes."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import kg.lang.kk
from kg.lang.kk.lex_attrs import like_num
from kg.lang.kk.punctuation import KAZAKH_LOWER, KAZAKH_UPPER


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("kk")


def _texts(nlp: Language, text: str) -> list[str]:
    return [token.text for token in nlp(text)]


def test_blank_kk_is_the_kazakh_class(nlp: Language) -> None:
    assert isinstance(nlp, kg.lang.kk.Kazakh)
    assert nlp.lang == "kk"


@pytest.mark.parametrize("letter", list(KAZAKH_LOWER))
def test_full_stop_after_every_kazakh_letter_is_split(nlp: Language, letter: str) -> None:
    assert _texts(nlp, f"Сөз{letter}.") == [f"Сөз{letter}", "."]


@pytest.mark.parametrize("letter", list(KAZAKH_UPPER))
def test_full_stop_after_a_capitalised_word_is_split(nlp: Language, letter: str) -> None:
    assert _texts(nlp, f"СӨЗ{letter}.") == [f"СӨЗ{letter}", "."]


@pytest.mark.parametrize(
    "word",
    ["БҰҰ-ның", "Нұр-Сұлтандағы", "Сорос-Қазақстан", "ТДМ-ны", "іс-шара", "өзін-өзі", "150-ге"],
)
def test_hyphenated_words_stay_whole(nlp: Language, word: str) -> None:
    assert _texts(nlp, f"Біз {word} туралы жаздық.") == ["Біз", word, "туралы", "жаздық", "."]


@pytest.mark.parametrize(
    "abbreviation",
    [
        "ҚР",
        "ҮЕҰ",
        "М.В.",
        "т.б.",
        "обл.",
        "қ.",
        "ж.",
        "жж.",
        "т.с.с.",
        "млн.",
        "млрд.",
        "г.",
        "им.",
    ],
)
def test_abbreviations_keep_their_dots(nlp: Language, abbreviation: str) -> None:
    tokens = _texts(nlp, f"Ескерту {abbreviation} мәтіні")
    assert tokens == ["Ескерту", abbreviation, "мәтіні"]


def test_initials_glued_to_a_surname_split_after_the_initials(nlp: Language) -> None:
    assert _texts(nlp, "Ол Т.Қ.Бекенов туралы.") == ["Ол", "Т.Қ.", "Бекенов", "туралы", "."]


def test_initials_alone_and_acronym_at_sentence_end(nlp: Language) -> None:
    assert _texts(nlp, "Ә. Сәрсенов ҚР.") == ["Ә.", "Сәрсенов", "ҚР", "."]


@pytest.mark.parametrize(("left", "right"), [("«", "»"), ("“", "”"), ("„", "“")])
def test_quotes_split_off(nlp: Language, left: str, right: str) -> None:
    tokens = _texts(nlp, f"{left}Таза қала{right} қоры.")
    assert tokens == [left, "Таза", "қала", right, "қоры", "."]


def test_abbreviation_in_brackets_keeps_its_dot(nlp: Language) -> None:
    assert _texts(nlp, "(т.б.)") == ["(", "т.б.", ")"]


def test_abbreviation_norm_is_its_expansion(nlp: Language) -> None:
    doc = nlp("2023 ж. 12 млн. теңге")
    assert doc[1].norm_ == "жылы"
    assert doc[3].norm_ == "миллион"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("жиырма", True),
        ("Үшінші", True),
        ("150-ге", True),
        ("10-нан", True),
        ("3,5", True),
        ("1/4", True),
        ("қор", False),
        ("ТДМ-ны", False),
        ("-ге", False),
    ],
)
def test_like_num(text: str, expected: bool) -> None:
    assert like_num(text) is expected


def test_like_num_is_wired_into_the_vocab(nlp: Language) -> None:
    doc = nlp("қырық бала")
    assert doc[0].like_num
    assert not doc[1].like_num


def test_stop_words(nlp: Language) -> None:
    doc = nlp("және қор")
    assert doc[0].is_stop
    assert not doc[1].is_stop


def test_prefix_groups_the_forms_of_one_stem(nlp: Language) -> None:
    doc = nlp("Қорының қорына Қала")
    assert doc[0].prefix_ == doc[1].prefix_
    assert doc[0].prefix_ != doc[2].prefix_
    assert doc[0].prefix_ == doc[0].text[: len(doc[0].prefix_)].lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Таза өзен»қоры", ["«", "Таза", "өзен", "»", "қоры"]),
        ("“Береке”ЖШС", ["“", "Береке", "”", "ЖШС"]),
        ("қорының«Үміт»", ["қорының", "«", "Үміт", "»"]),
    ],
)
def test_quotes_typed_without_spaces_split_off(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert _texts(nlp, text) == expected
