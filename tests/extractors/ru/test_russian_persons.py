"""Russian person names in the nominative: unknown first names, women's surnames."""

from __future__ import annotations

from kg.lang.ru.morph import person_nominative


def test_unknown_first_name_loses_the_case_ending_of_its_surname() -> None:
    assert person_nominative(["Эрмекбеком", "Болотбековым"], "ablt") == ["Эрмекбек", "Болотбеков"]


def test_singular_reading_of_a_surname_wins() -> None:
    assert person_nominative(["Эрмекбеком", "Болотбековым"], "datv") == ["Эрмекбек", "Болотбеков"]


def test_nominative_in_context_is_kept() -> None:
    assert person_nominative(["Эльмира", "Газимова"], "nomn") == ["Эльмира", "Газимова"]
    assert person_nominative(["Жармухан", "Токтыбай"], "nomn") == ["Жармухан", "Токтыбай"]


def test_unknown_womans_name_keeps_her_surname() -> None:
    assert person_nominative(["Жанар", "Мусина"], "gent") == ["Жанар", "Мусина"]


def test_readings_without_a_gender_do_not_break_the_choice() -> None:
    # some readings carry no gender; choosing among them once raised in pymorphy
    assert person_nominative(["Сәкен", "Балқаманов"]) == ["Сәкен", "Балқаманов"]


def test_tagger_case_decides_when_both_words_read_in_it() -> None:
    assert person_nominative(["Нурлана", "Абенова"], "gent") == ["Нурлан", "Абенов"]
    assert person_nominative(["Асель", "Тулеуова"], "gent") == ["Асель", "Тулеуова"]


def test_oblique_ending_overrules_a_nominative_tag() -> None:
    assert person_nominative(["Агнешкой", "Мьедзиниа"], "nomn") == ["Агнешка", "Мьедзиниа"]
