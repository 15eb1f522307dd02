"""The Russian extractor on hand-written sentences: names, legal forms, roles, agreements."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extractors import load_extractor
from kg.extractors.common import complete_prefixes, sentence_spans
from kg.extractors.ru import RussianExtractor
from kg.iris import article_id
from kg.lang.ru.morph import bare_abbreviation, person_nominative, phrase_nominative
from kg.model import (
    AgreementClaim,
    AgreementKind,
    Article,
    EntityType,
    Extraction,
    OrgClass,
    RoleClaim,
)
from tests.extractors.extraction_support import agreements, article, names, party_names, roles


@pytest.fixture(scope="module")
def extractor() -> RussianExtractor:
    return RussianExtractor()


def _extract(extractor: RussianExtractor, text: str) -> Extraction:
    return next(extractor.pipe([article(text, "ru")]))


_names = names
_roles = roles


def _agreements(extraction: Extraction) -> list[tuple[frozenset[str], AgreementKind]]:
    return [(party_names(extraction, c), c.kind) for c in agreements(extraction)]


def test_surnames_keep_their_gender_in_the_nominative() -> None:
    assert person_nominative(["Бану", "Нургазиевой"], "gent") == ["Бану", "Нургазиева"]
    assert person_nominative(["Ерланом", "Сагадиевым"], "ablt") == ["Ерлан", "Сагадиев"]
    assert person_nominative(["Асель", "Омарова"], "nomn") == ["Асель", "Омарова"]
    assert person_nominative(["Тимура", "Омарова"], "gent") == ["Тимур", "Омаров"]


def test_abbreviations_lose_glued_case_endings() -> None:
    assert bare_abbreviation("МВДом") == "МВД"
    assert bare_abbreviation("Минюст") == "Минюст"


def test_organisation_heads_go_to_the_nominative_and_tails_stay() -> None:
    assert phrase_nominative("Фондом Сорос-Казахстан") == "Фонд Сорос-Казахстан"
    assert phrase_nominative("Национальным банком Казахстана") == "Национальный банк Казахстана"


def test_person_after_oblique_title_is_nominative_and_linked(extractor: RussianExtractor) -> None:
    text = (
        "Аким района встретился с председателем правления ОФ «Жасыл болашақ» "
        "Гульнарой Темирбековой."
    )
    extraction = _extract(extractor, text)
    assert "Гульнара Темирбекова" in _names(extraction, EntityType.PERSON)
    assert ("Гульнара Темирбекова", "ОФ «Жасыл болашақ»", "председатель правления") in _roles(
        extraction
    )


def test_legal_form_abbreviation_and_words_name_one_organisation(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Сотрудники общественного фонда «Дала жүрегі» раздали подарки. ОФ «Дала жүрегі» "
        "провёл акцию. Волонтёры «Дала жүрегі» помогли."
    )
    orgs = [m for m in _extract(extractor, text).mentions if m.type is EntityType.ORGANISATION]
    # the type words are part of the name, and every form of it gets the fullest one
    assert {m.name for m in orgs} == {"Общественный фонд «Дала жүрегі»"}
    assert {"ОФ «Дала жүрегі»", "общественного фонда «Дала жүрегі»"} <= {m.text for m in orgs}


def test_person_then_comma_then_title(extractor: RussianExtractor) -> None:
    text = "Марат Жумабеков, директор Ассоциации экологических организаций Казахстана, выступил."
    roles = _roles(_extract(extractor, text))
    assert roles == {
        ("Марат Жумабеков", "Ассоциация экологических организаций Казахстана", "директор")
    }


def test_representative_and_two_titles_before_one_person(extractor: RussianExtractor) -> None:
    text = (
        "Слово взяла председатель альянса молодёжных организаций Павлодарской области, "
        "депутат Павлодарского областного маслихата Сауле Ибраева."
    )
    roles = _roles(_extract(extractor, text))
    assert {(org, role) for _, org, role in roles} == {
        ("Альянс молодёжных организаций Павлодарской области", "председатель"),
        ("Павлодарский областной маслихат", "депутат"),
    }
    assert {person for person, _, _ in roles} == {"Сауле Ибраева"}


def test_minister_implies_the_ministry(extractor: RussianExtractor) -> None:
    text = "Заместитель министра юстиции Казахстана Нурлан Абенов открыл форум."
    assert _roles(_extract(extractor, text)) == {
        ("Нурлан Абенов", "Министерство юстиции Республики Казахстан", "заместитель министра")
    }


def test_memorandum_signed_between_two_organisations(extractor: RussianExtractor) -> None:
    text = (
        "Вчера между ОО «Экоорда» и Университетом Туран подписан меморандум "
        "о сотрудничестве в сфере экологии."
    )
    extraction = _extract(extractor, text)
    assert _agreements(extraction) == [
        (frozenset({"ОО «Экоорда»", "Университет Туран"}), AgreementKind.MEMORANDUM)
    ]
    claim = next(c for c in extraction.claims if isinstance(c, AgreementClaim))
    assert claim.title == "о сотрудничестве в сфере экологии"


def test_two_parties_concluded_an_agreement(extractor: RussianExtractor) -> None:
    text = "Фонд «Сауле» и Ассоциация фермеров Жамбылской области заключили соглашение."
    assert _agreements(_extract(extractor, text)) == [
        (
            frozenset({"Фонд «Сауле»", "Ассоциация фермеров Жамбылской области"}),
            AgreementKind.AGREEMENT,
        )
    ]


def test_news_source_is_not_a_party(extractor: RussianExtractor) -> None:
    text = (
        "Министерство культуры и Фонд «Мирас» подписали меморандум, передает "
        "пресс-служба Агентства по делам молодёжи."
    )
    ((parties, _),) = _agreements(_extract(extractor, text))
    assert not any("Агентство" in name for name in parties)


def test_mentions_point_at_their_text_and_evidence_at_a_sentence(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Форум открылся в Шымкенте.\nРуководитель центра «Жастар» Даурен Сейтов "
        "поблагодарил гостей. Сейтов рассказал о планах."
    )
    extraction = _extract(extractor, text)
    assert extraction.mentions
    for mention in extraction.mentions:
        assert text[mention.start : mention.end] == mention.text
    assert [m.name for m in extraction.mentions if m.text == "Сейтов"] == ["Даурен Сейтов"]
    for claim in extraction.claims:
        evidence = claim.evidence
        assert text[evidence.start : evidence.end] == evidence.sentence
        assert (evidence.start, evidence.end) in sentence_spans(text)


def test_same_input_same_output_and_registry(extractor: RussianExtractor) -> None:
    text = "Директор фонда «Бірлік» Айдос Серикбаев подписал меморандум с акиматом."
    assert _extract(extractor, text) == _extract(RussianExtractor(), text)
    assert load_extractor("ru.natasha").name == "ru.natasha"


def test_short_names_complete_to_the_one_longer_name() -> None:
    names = ["Civil Alliance", "Civil Alliance of Kazakhstan", "Green Fund", "Alga"]
    assert complete_prefixes(names) == {"Civil Alliance": "Civil Alliance of Kazakhstan"}
    assert complete_prefixes(["Green Fund", "Green Fund East", "Green Fund West"]) == {}


def test_name_joins_po_dative_and_lower_case_and(extractor: RussianExtractor) -> None:
    text = (
        "Руководитель Управления по делам религий Жамбылской области Талгат Оспанов "
        "выступил. Министерство науки и высшего образования РК и Фонд «Білім» "
        "подписали меморандум."
    )
    extraction = _extract(extractor, text)
    assert (
        "Талгат Оспанов",
        "Управление по делам религий Жамбылской области",
        "руководитель",
    ) in _roles(extraction)
    assert _agreements(extraction) == [
        (
            frozenset({"Министерство науки и высшего образования РК", "Фонд «Білім»"}),
            AgreementKind.MEMORANDUM,
        )
    ]


def test_indeclinable_name_after_head_and_adjectives_before_fund(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Представитель Фонда Дала-Инвест Арман Касенов и президент экологического "
        "фонда «Таза өзен» Жанар Мусина провели встречу."
    )
    assert _roles(_extract(extractor, text)) == {
        ("Арман Касенов", "Фонд Дала-Инвест", "представитель"),
        ("Жанар Мусина", "Экологический фонд «Таза өзен»", "президент"),
    }


def test_title_after_comma_belongs_to_the_next_person(extractor: RussianExtractor) -> None:
    text = "Выступили Айгуль Смагулова, директор Фонда «Нұр жолы» Бекзат Жарасов и другие гости."
    roles = _roles(_extract(extractor, text))
    assert roles == {("Бекзат Жарасов", "Фонд «Нұр жолы»", "директор")}


def test_brackets_dashes_initials_and_patronymics(extractor: RussianExtractor) -> None:
    text = (
        "На встрече были Дина Сарсенова (ОФ «Ырыс») и Болат Ержанов – председатель "
        "ОО «Таза қала» – а также директор фонда «Мейірім» Г. Сапарова. "
        "Слово взял Марат Серикович Алиев."
    )
    extraction = _extract(extractor, text)
    assert _roles(extraction) == {
        ("Дина Сарсенова", "ОФ «Ырыс»", None),
        ("Болат Ержанов", "ОО «Таза қала»", "председатель"),
        ("Г. Сапарова", "Фонд «Мейірім»", "директор"),
    }
    assert "Марат Серикович Алиев" in _names(extraction, EntityType.PERSON)


def test_news_site_quoted_as_source_is_no_actor(extractor: RussianExtractor) -> None:
    text = "Фонд «Жарық» открыл школу, сообщает Dalanews.kz со ссылкой на акимат."
    assert _names(_extract(extractor, text), EntityType.ORGANISATION) == {"Фонд «Жарық»"}


def test_organisation_classes_when_evident(extractor: RussianExtractor) -> None:
    text = (
        "Представитель ЮНИСЕФ Анна Петрова встретилась с руководителем Детского фонда ООН "
        "и президентом Ассоциации фермеров Костанайской области Ильёй Осиповым."
    )
    extraction = _extract(extractor, text)
    classes = {m.name: m.org_class for m in extraction.mentions}
    assert classes["ЮНИСЕФ"] is OrgClass.INTERNATIONAL
    assert classes["Ассоциация фермеров Костанайской области"] is OrgClass.NGO
    assert ("Анна Петрова", "ЮНИСЕФ", "представитель") in _roles(extraction)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_dev_articles_keep_offsets_and_evidence(dev_corpus: Path, lang: str) -> None:
    """On real scraped text every mention and claim points where it says."""
    extractor = load_extractor({"ru": "ru.natasha", "en": "en.rules"}[lang])
    paths = sorted(dev_corpus.glob(f"{lang}-*.txt"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        article = Article(id=article_id(text), text=text, lang=lang, source_path=path.name)
        extraction = next(extractor.pipe([article]))
        for mention in extraction.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert mention.name.strip() == mention.name and mention.name
        for claim in extraction.claims:
            evidence = claim.evidence
            assert text[evidence.start : evidence.end] == evidence.sentence
            indices = (
                (claim.person, claim.organisation)
                if isinstance(claim, RoleClaim)
                else claim.parties
                if isinstance(claim, AgreementClaim)
                else ()
            )
            for index in indices:
                mention = extraction.mentions[index]
                assert evidence.start <= mention.start and mention.end <= evidence.end
