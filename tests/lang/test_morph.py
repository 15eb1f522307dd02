"""Kazakh case endings: declension, stripping with attestation, harmony, name endings."""

from __future__ import annotations

import pytest

from kg.lang.kk import lexicon, morph


@pytest.mark.parametrize(
    ("word", "stem", "case"),
    [
        ("Алматының", "Алматы", "gen"),
        ("Айгүлдің", "Айгүл", "gen"),
        ("клубтың", "клуб", "gen"),
        ("Қазақстанның", "Қазақстан", "gen"),
        ("Мәскеудің", "Мәскеу", "gen"),
        ("Қостанайдың", "Қостанай", "gen"),
        ("кездесуге", "кездесу", "dat"),
        ("меморандумға", "меморандум", "dat"),
        ("Айбекке", "Айбек", "dat"),
        ("Ақтауда", "Ақтау", "loc"),
        ("Шымкентте", "Шымкент", "loc"),
        ("Астанадан", "Астана", "abl"),
        ("Тоқаевпен", "Тоқаев", "ins"),
        ("қызбен", "қыз", "ins"),
        ("Азиядағы", "Азия", "attr"),
    ],
)
def test_an_ending_that_fits_the_stem_is_undone(word: str, stem: str, case: str) -> None:
    first = morph.analyses(word)[0]
    assert (first.stem, first.case) == (stem, case)


@pytest.mark.parametrize(
    ("word", "stem", "case"),
    [
        ("қорының", "қоры", "gen"),
        ("қорына", "қоры", "dat"),
        ("кеңсесінде", "кеңсесі", "loc"),
        ("ұйымымен", "ұйымы", "ins"),
        ("Республикасындағы", "Республикасы", "attr"),
        ("орталығынан", "орталығы", "abl"),
    ],
)
def test_possessive_stems_take_their_own_endings(word: str, stem: str, case: str) -> None:
    first = morph.analyses(word)[0]
    assert (first.stem, first.case, first.possessive) == (stem, case, True)


@pytest.mark.parametrize("word", ["жеке", "Ақерке", "Мадина", "Алтай", "Сәуле"])
def test_endings_that_break_harmony_or_consonant_rules_are_not_endings(word: str) -> None:
    # "жеке" would be "же" + dative, but after a vowel the dative is -ге, not -ке
    assert morph.case_of(word) == "nom"


def test_hyphenated_endings_follow_abbreviations_and_numbers() -> None:
    assert morph.analyses("ЮНЕСКО-ның")[0].stem == "ЮНЕСКО"
    assert morph.analyses("ТДМ-ны")[0].case == "acc"
    assert morph.analyses("150-ге")[0].stem == "150"


def test_nominative_strips_only_to_an_attested_stem() -> None:
    assert morph.nominative("Алтайда", {"алтай"}) == "Алтай"
    assert morph.nominative("Алтайда", set()) == "Алтайда"


def test_altai_never_becomes_al() -> None:
    # "Алтай" could be read as "Ал" + nothing sensible; even with "ал" attested
    # the word keeps its letters because no ending of "Ал" spells "-тай".
    assert morph.nominative("Алтай", {"ал", "алт"}) == "Алтай"
    assert morph.strip_name_case("Алтай") == "Алтай"


def test_a_place_that_looks_inflected_stays_whole_unless_its_stem_is_attested() -> None:
    assert morph.case_of("Қызылорда") == "loc"  # the ending fits: only attestation can tell
    assert morph.nominative("Қызылорда", {"қызылорда"}) == "Қызылорда"


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Нұрғазиеваның", "Нұрғазиева"),
        ("Сейітовқа", "Сейітов"),
        ("Жанболатқа", "Жанболат"),
        ("Азулемен", "Азуле"),
        ("Омаровтан", "Омаров"),
        ("Бекова", "Бекова"),
        ("Мадина", "Мадина"),
    ],
)
def test_personal_names_lose_their_case_ending(word: str, name: str) -> None:
    assert morph.strip_name_case(word) == name


def test_names_known_whole_are_kept() -> None:
    assert morph.strip_name_case("Сүлеймен") == "Сүлей"
    assert morph.strip_name_case("Сүлеймен", keep=lexicon.FIRST_NAMES) == "Сүлеймен"


def test_an_attested_stem_wins_over_the_longest_ending() -> None:
    assert morph.strip_name_case("Серікбайдан", {"серікбай"}) == "Серікбай"


@pytest.mark.parametrize(
    ("lemma", "owned"),
    [
        ("қор", "қоры"),
        ("орталық", "орталығы"),
        ("кеңсе", "кеңсесі"),
        ("министрлік", "министрлігі"),
        ("мүфти", "мүфтиі"),
        ("комиссия", "комиссиясы"),
    ],
)
def test_possessive_forms(lemma: str, owned: str) -> None:
    assert morph.possessive(lemma) == owned


def test_decline_lists_bare_and_possessive_forms() -> None:
    forms = morph.decline("альянс")
    assert forms["альянсының"] == morph.Analysis("альянсы", "gen", True)
    assert forms["альянспен"] == morph.Analysis("альянс", "ins")
    assert forms["альянсындағы"].stem == "альянсы"
    assert "альянсыда" not in forms  # a possessive takes -нда, not -да


@pytest.mark.parametrize("lemma", sorted(lexicon.ORG_HEADS) + sorted(lexicon.POSITIONS))
def test_every_declined_form_analyses_back_to_its_stem(lemma: str) -> None:
    for form, reading in morph.decline(lemma).items():
        stems = {a.stem for a in morph.analyses(form)}
        assert reading.stem in stems, (lemma, form)


def test_genitive_and_possessive_removal() -> None:
    assert morph.genitive("басшы") == "басшының"
    assert morph.genitive("елші") == "елшінің"
    assert morph.without_possessive("орталығы") == "орталық"
    assert morph.without_possessive("кеңсесі") == "кеңсе"


def test_forms_of_one_word_share_a_stem() -> None:
    assert morph.stems("Қазақстанның") & morph.stems("Қазақстан")
    assert morph.stems("альянсының") & morph.stems("альянс")
    assert not morph.stems("Алматы") & morph.stems("Астана")


def test_front_and_back_words() -> None:
    assert morph.front("кездесу") is True
    assert morph.front("Ақтау") is False
    assert morph.front("ҚР") is None
