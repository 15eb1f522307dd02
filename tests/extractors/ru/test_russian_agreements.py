"""Russian agreements: shared heads, several partners, parties in the sentence before."""

from __future__ import annotations

import pytest

from kg.extractors.ru import RussianExtractor
from tests.extractors.extraction_support import agreements, article, party_names


@pytest.fixture(scope="module")
def extractor() -> RussianExtractor:
    return RussianExtractor()


def _agreements(extractor: RussianExtractor, text: str) -> set[frozenset[str]]:
    extraction = next(extractor.pipe([article(text, "ru")]))
    return {party_names(extraction, c) for c in agreements(extraction)}


def test_one_plural_head_names_two_parties(extractor: RussianExtractor) -> None:
    text = "Акиматы Талдыкоргана и Текели подписали меморандум о сотрудничестве."
    assert _agreements(extractor, text) == {frozenset({"Акимат Талдыкоргана", "Акимат Текели"})}


def test_one_party_signs_with_several_partners(extractor: RussianExtractor) -> None:
    text = (
        "Фонд «Жетісу жастары» подписал меморандумы с Ассоциацией волонтёров Семея "
        "и Университетом Кайнар."
    )
    assert _agreements(extractor, text) == {
        frozenset({"Фонд «Жетісу жастары»", "Ассоциация волонтёров Семея"}),
        frozenset({"Фонд «Жетісу жастары»", "Университет Кайнар"}),
    }


def test_parties_in_the_sentence_before_the_signing(extractor: RussianExtractor) -> None:
    text = (
        "В Павлодаре встретились представители Ассоциации фермеров Прииртышья и "
        "Фонда «Береке». По итогам встречи стороны подписали меморандум о сотрудничестве."
    )
    assert _agreements(extractor, text) == {
        frozenset({"Ассоциация фермеров Прииртышья", "Фонд «Береке»"})
    }


def test_one_memorandum_with_two_partners_has_three_parties(extractor: RussianExtractor) -> None:
    text = (
        "Фонд «Жетісу жастары» подписал трёхсторонний меморандум с Ассоциацией волонтёров "
        "Семея и Университетом Кайнар."
    )
    assert _agreements(extractor, text) == {
        frozenset({"Фонд «Жетісу жастары»", "Ассоциация волонтёров Семея", "Университет Кайнар"})
    }


def test_akimat_named_after_its_city_is_a_party(extractor: RussianExtractor) -> None:
    text = "ОФ «Жаңа Ұрпақ» и акимат города Шымкент подписали меморандум."
    assert _agreements(extractor, text) == {frozenset({"ОФ «Жаңа Ұрпақ»", "Акимат города Шымкент"})}


def test_a_document_signed_between_two_parties(extractor: RussianExtractor) -> None:
    text = "Документ подписан между акиматом города Жайык и фондом «Береке»."
    assert _agreements(extractor, text) == {frozenset({"Акимат города Жайык", "Фонд «Береке»"})}


def test_a_document_signed_by_one_body_is_no_agreement(extractor: RussianExtractor) -> None:
    text = "Документ подписал аким города Жайык, сообщает фонд «Береке»."
    assert _agreements(extractor, text) == set()


def test_a_signing_only_agreed_or_planned_is_no_agreement(extractor: RussianExtractor) -> None:
    for verb in ("договорились о подписании", "планируют подписать"):
        text = f"Фонд «Береке» и ассоциация «Жайлау» {verb} меморандум."
        assert _agreements(extractor, text) == set(), verb


def test_an_akimat_named_by_its_place_and_the_document_said_before() -> None:
    extractor = RussianExtractor()
    text = "Стороны подписали дорожную карту. Документ подписали Фонд «Арал» и акимат Степногорска."
    extraction = next(extractor.pipe([article(text, "ru")]))
    (claim,) = agreements(extraction)
    assert party_names(extraction, claim) == {"Фонд «Арал»", "Акимат Степногорска"}
    # a document no agreement was said of before is no agreement
    text = "Документ подписали Фонд «Арал» и акимат Степногорска."
    assert agreements(next(extractor.pipe([article(text, "ru")]))) == []


def test_parties_after_an_opening_attribution(extractor: RussianExtractor) -> None:
    text = (
        "Как сообщает пресс-служба ведомства, соглашение о сотрудничестве заключили "
        "Комитет по делам молодёжи и Ассоциация центров поддержки НПО."
    )
    assert _agreements(extractor, text) == {
        frozenset({"Комитет по делам молодёжи", "Ассоциация центров поддержки НПО"})
    }
    # the source at the end is no party
    text = (
        "Фонд «Береке» и Ассоциация фермеров Прииртышья подписали меморандум, сообщает "
        "пресс-служба Акимата Павлодара."
    )
    assert _agreements(extractor, text) == {
        frozenset({"Фонд «Береке»", "Ассоциация фермеров Прииртышья"})
    }


def test_a_headline_in_capitals_names_its_parties_as_the_text_does(
    extractor: RussianExtractor,
) -> None:
    text = (
        "ЖАЙЫКСКИЙ УНИВЕРСИТЕТ И ФОНД «САМАЛ» ПОДПИСАЛИ СОГЛАШЕНИЕ\n\n"
        "Жайыкский университет и фонд «Самал» будут вместе развивать волонтёрство."
    )
    assert _agreements(extractor, text) == {frozenset({"Жайыкский университет", "Фонд «Самал»"})}
    # a signing only agreed on is none
    text = text.replace("ПОДПИСАЛИ СОГЛАШЕНИЕ", "ДОГОВОРИЛИСЬ ПОДПИСАТЬ СОГЛАШЕНИЕ")
    assert _agreements(extractor, text) == set()


def test_a_lower_case_start_of_a_name_given_before_is_that_body(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Руководитель управления внутренней политики области Асель Тамборова выступила. "
        "Директор Центра гражданских инициатив Ерлан Абенов выступил. По итогам "
        "управление внутренней политики и Ассоциация НПО Жайыкской области подписали "
        "меморандум."
    )
    assert _agreements(extractor, text) == {
        frozenset({"Управление внутренней политики области", "Ассоциация НПО Жайыкской области"})
    }


def test_the_agency_of_a_dateline_is_no_party(extractor: RussianExtractor) -> None:
    text = (
        "Жайык. 5 июня. КазТАГ – Общественный фонд «Тамбор» и Жайыкский университет "
        "подписали соглашение."
    )
    assert _agreements(extractor, text) == {
        frozenset({"Общественный фонд «Тамбор»", "Жайыкский университет"})
    }


def test_a_signing_still_to_come_is_no_agreement(extractor: RussianExtractor) -> None:
    for verb in ("подпишут", "будут подписывать"):
        text = f"Фонд «Тамбор» и Жайыкский университет {verb} меморандум в мае."
        assert _agreements(extractor, text) == set(), verb
