"""``kk_sentencizer``: boundaries at sentence ends, none at abbreviations or initials."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import kg.lang.kk  # noqa: F401  (registers kk and kk_sentencizer from a source checkout)


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_sentencizer")
    return nlp


def _sents(nlp: Language, text: str) -> list[str]:
    return [sent.text.strip() for sent in nlp(text).sents]


def test_kazakh_letter_before_full_stop_ends_a_sentence(nlp: Language) -> None:
    assert _sents(nlp, "Ол келді. Біз қолдадық.") == ["Ол келді.", "Біз қолдадық."]


def test_stock_sentencizer_agrees_on_the_simple_case() -> None:
    nlp = spacy.blank("kk")
    nlp.add_pipe("sentencizer")
    assert len(list(nlp("Ол келді. Біз қолдадық.").sents)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Кездесуге М.В. Петрова мен Ә.Қ.Ахметов қатысты.",
        "Ақтөбе обл. Шалқар ауд. тұрғындары 2022 ж. хат жазды.",
        "Семинар Тараз қ. өтті, оған 3 млн. теңге бөлінді.",
        "Форумға ҮЕҰ, ҚР Парламенті және т.б. ұйымдар келді.",
        "Ол ф.ғ.к., доцент Б.Ж.Омарова екенін айтты.",
        "Кітап им. Абая атындағы кітапханада, 2001 г. шықты.",
    ],
)
def test_no_break_inside_one_sentence(nlp: Language, text: str) -> None:
    assert _sents(nlp, text) == [text]


def test_list_abbreviation_can_close_a_sentence(nlp: Language) -> None:
    text = "Онда кітап, дәптер т.б. Біз бәрін алдық."
    assert _sents(nlp, text) == ["Онда кітап, дәптер т.б.", "Біз бәрін алдық."]


def test_opening_quote_starts_the_next_sentence(nlp: Language) -> None:
    text = "Жиын бітті. «Бірлік» қоры есеп берді."
    assert _sents(nlp, text) == ["Жиын бітті.", "«Бірлік» қоры есеп берді."]


def test_closing_quote_stays_with_its_sentence(nlp: Language) -> None:
    text = "Ол: «Біз дайынбыз.» Содан кейін кетті."
    assert _sents(nlp, text) == ["Ол: «Біз дайынбыз.»", "Содан кейін кетті."]


def test_low_quotes_close_with_a_high_quote(nlp: Language) -> None:
    text = "Ол „Жаңа күн“ дейді. “Бұл маңызды” деп қосты."
    assert _sents(nlp, text) == ["Ол „Жаңа күн“ дейді.", "“Бұл маңызды” деп қосты."]


def test_question_and_exclamation_marks(nlp: Language) -> None:
    assert _sents(nlp, "Кім келді? Дәурен келді! Жақсы.") == [
        "Кім келді?",
        "Дәурен келді!",
        "Жақсы.",
    ]


def test_line_break_separates_a_headline(nlp: Language) -> None:
    assert _sents(nlp, "Жастар форумы\nЖиынға жүз адам келді.") == [
        "Жастар форумы",
        "Жиынға жүз адам келді.",
    ]


def test_empty_doc(nlp: Language) -> None:
    assert list(nlp("").sents) == []
