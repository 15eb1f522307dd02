"""Russian organisation names: type words, quotes, brackets, units, one name per actor."""

from __future__ import annotations

import pytest

from kg.extractors.ru import RussianExtractor
from kg.model import AgreementClaim, EntityType, Extraction
from tests.extractors.extraction_support import article, roles


@pytest.fixture(scope="module")
def extractor() -> RussianExtractor:
    return RussianExtractor()


def _extract(extractor: RussianExtractor, text: str) -> Extraction:
    return next(extractor.pipe([article(text, "ru")]))


def _orgs(extraction: Extraction) -> dict[str, str]:
    """Surface text -> name of each organisation mention."""
    return {m.text: m.name for m in extraction.mentions if m.type is EntityType.ORGANISATION}


_roles = roles


def test_type_words_before_a_quoted_name_belong_to_it(extractor: RussianExtractor) -> None:
    text = (
        "Татарское культурное объединение «Сарман» провело вечер. Председатель "
        "РОО «Жас Дәурен» Ерлан Каримов поздравил гостей фонда “Шуақ” и ассоциации ”Береке”."
    )
    names = set(_orgs(_extract(extractor, text)).values())
    assert {
        "Татарское культурное объединение «Сарман»",
        "РОО «Жас Дәурен»",
        "Фонд «Шуақ»",
        "Ассоциация «Береке»",
    } <= names


def test_bracketed_acronym_is_the_same_body(extractor: RussianExtractor) -> None:
    text = (
        "Делегацию Агентства по развитию горного туризма (АРГТ) приняли в Таразе. "
        "Представители АРГТ рассказали о планах."
    )
    orgs = _orgs(_extract(extractor, text))
    assert orgs["АРГТ"] == "Агентство по развитию горного туризма"
    assert orgs["Агентства по развитию горного туризма"] == "Агентство по развитию горного туризма"


def test_initials_name_the_person_mentioned_in_full(extractor: RussianExtractor) -> None:
    text = "На встрече выступил Айдар Болатов. Затем А.Болатов ответил на вопросы."
    people = {m.text: m.name for m in _extract(extractor, text).mentions}
    assert people["А.Болатов"] == "Айдар Болатов"


def test_unit_of_an_organisation_goes_to_the_role(extractor: RussianExtractor) -> None:
    text = (
        "Об этом сообщили в пресс-службе Ассоциации пчеловодов Алтая. Член попечительского "
        "совета фонда «Ақ ниет» Марина Сергеева вышла из состава попечительского совета "
        "фонда «Ақ ниет»."
    )
    extraction = _extract(extractor, text)
    names = set(_orgs(extraction).values())
    assert "Ассоциация пчеловодов Алтая" in names
    assert not any("совет" in name.lower() or "пресс" in name.lower() for name in names)
    assert ("Марина Сергеева", "Фонд «Ақ ниет»", "член попечительского совета") in _roles(
        extraction
    )


def test_quoted_parties_of_an_agreement(extractor: RussianExtractor) -> None:
    text = '`Жана Жол` и `Ак Бота` подписали меморандум. Партия "Ак Бота" (Белый верблюжонок) рада.'
    extraction = _extract(extractor, text)
    m = extraction.mentions
    parties = [
        frozenset(m[p].name for p in c.parties)
        for c in extraction.claims
        if isinstance(c, AgreementClaim)
    ]
    assert parties == [frozenset({"Жана Жол", "Партия «Ак Бота»"})]


def test_headline_in_capitals_names_no_organisation(extractor: RussianExtractor) -> None:
    text = "НПО — ШКОЛА ВЗАИМОПОМОЩИ\nФорум прошёл в Таразе."
    assert _orgs(_extract(extractor, text)) == {}


def test_capitalised_bare_head_refers_to_the_body_named_before(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Ассоциация фермеров Тургайской долины отметила юбилей. Заместитель председателя "
        "Ассоциации Олжас Нуриев поблагодарил гостей. Позже документы рассмотрит Сенат."
    )
    extraction = _extract(extractor, text)
    assert _orgs(extraction)["Ассоциации"] == "Ассоциация фермеров Тургайской долины"
    assert _orgs(extraction)["Сенат"] == "Сенат"
    assert (
        "Олжас Нуриев",
        "Ассоциация фермеров Тургайской долины",
        "заместитель председателя",
    ) in _roles(extraction)


def test_state_kept_as_written_unless_spelled_two_ways(extractor: RussianExtractor) -> None:
    one = _orgs(_extract(extractor, "Депутат Сената Парламента РК Ирина Ким выступила."))
    assert one == {"Сената Парламента РК": "Сенат Парламента РК"}
    two = _orgs(
        _extract(
            extractor,
            "Правительство РК утвердило план. Правительство Казахстана сообщило о нём.",
        )
    )
    assert set(two.values()) == {"Правительство Республики Казахстан"}


def test_genitive_chain_with_po_and_i_and_its_parent(extractor: RussianExtractor) -> None:
    text = (
        "Руководитель Управления по делам молодёжи и спорта Министерства туризма и спорта РК "
        "Данияр Омаров открыл встречу."
    )
    extraction = _extract(extractor, text)
    full = "Управление по делам молодёжи и спорта Министерства туризма и спорта РК"
    assert ("Данияр Омаров", full, "руководитель") in _roles(extraction)
    assert "Министерство туризма и спорта РК" in set(_orgs(extraction).values())


def test_attached_body_gloss_and_abbreviated_kind(extractor: RussianExtractor) -> None:
    text = (
        "Спикер сената (верхней палаты) парламента Казахстана Олег Ли встретился с "
        "представителями Совета по делам молодёжи при Правительстве Казахстана и "
        "журналистами МТРК «Заря», открытого Регионального центра поддержки НКО."
    )
    names = set(_orgs(_extract(extractor, text)).values())
    assert "Сенат (верхней палаты) парламента Казахстана" in names
    assert "Совет по делам молодёжи при Правительстве Казахстана" in names
    assert "МТРК «Заря»" in names
    assert "Региональный центр поддержки НКО" in names


def test_common_nouns_in_capitals_are_no_organisations(extractor: RussianExtractor) -> None:
    text = "Участники обсудили свободу СМИ и работу НПО в регионах."
    assert _orgs(_extract(extractor, text)) == {}


def test_surname_with_initials_after_it_names_the_person_in_full(
    extractor: RussianExtractor,
) -> None:
    text = "Выступил Серик Омаров. Позже Омаров С.Н. ответил на вопросы."
    extraction = _extract(extractor, text)
    assert {m.text: m.name for m in extraction.mentions}["Омаров С.Н."] == "Серик Омаров"


def test_name_runs_over_a_listed_genitive(extractor: RussianExtractor) -> None:
    text = "Об этом сообщает управление культуры, спорта и туризма Министерства обороны."
    names = set(_orgs(_extract(extractor, text)).values())
    assert "Управление культуры, спорта и туризма Министерства обороны" in names


def test_venue_in_the_locative_is_no_organisation(extractor: RussianExtractor) -> None:
    text = (
        "Во Дворце школьников прошла встреча, о которой сообщили в МИД РК и на странице в Facebook."
    )
    names = set(_orgs(_extract(extractor, text)).values())
    assert not any("Дворец" in name for name in names)
    assert "Facebook" in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Представители Белого Креста провели акцию.", "Белый Крест"),
        ("Волонтёры Зелёного Полумесяца провели акцию в Таразе.", "Зелёный Полумесяц"),
    ],
)
def test_a_capitalised_adjective_opens_a_name_and_people_before_it_do_not(
    extractor: RussianExtractor, text: str, name: str
) -> None:
    assert set(_orgs(_extract(extractor, text)).values()) == {name}


def test_a_body_inside_the_name_of_a_day_is_no_actor(extractor: RussianExtractor) -> None:
    text = "Ко Всемирному дню Белого креста и Белого полумесяца прошла акция."
    assert _orgs(_extract(extractor, text)) == {}


def test_and_right_after_a_head_joins_a_second_head(extractor: RussianExtractor) -> None:
    text = "Пришли представители Верховного суда, Генеральной прокуратуры и адвокатуры."
    assert set(_orgs(_extract(extractor, text)).values()) == {
        "Верховный суд",
        "Генеральная прокуратура",
    }


def test_a_long_quotation_is_speech_and_no_name(extractor: RussianExtractor) -> None:
    text = (
        "«Мы открылись, потому что инициатива исходила от представителей гражданского "
        "общества, ЦМЛ растит молодых лидеров, которые будут работать на благо страны», — "
        "сообщил директор."
    )
    assert all(len(name.split()) <= 3 for name in _orgs(_extract(extractor, text)).values())


def test_a_headlines_capitals_do_not_name_the_body(extractor: RussianExtractor) -> None:
    text = (
        "В АЛМАТЫ ПОДПИСАН МЕМОРАНДУМ МЕЖДУ ФОНДОМ «АРАЛ» И АКИМАТОМ\n\n"
        "Сегодня фонд «Арал» и акимат Алматы подписали меморандум."
    )
    assert "Фонд «Арал»" in set(_orgs(_extract(extractor, text)).values())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Министерство культуры Республики Казахстан объявило конкурс.",
            "Министерство культуры Республики Казахстан",
        ),
        ("Ректор КазГУ им. аль-Бируни Жансеит Темиров выступил.", "КазГУ им. аль-Бируни"),
    ],
)
def test_a_country_after_republic_and_whom_a_shortened_body_is_named_after(
    extractor: RussianExtractor, text: str, name: str
) -> None:
    assert name in set(_orgs(_extract(extractor, text)).values())


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        (
            "Министерства энергетики и цифрового развития подписали план.",
            {"Министерство энергетики", "Министерство цифрового развития"},
        ),
        (
            "Встреча прошла с участием министерств юстиции, транспорта и водных ресурсов.",
            {"Министерство юстиции", "Министерство транспорта", "Министерство водных ресурсов"},
        ),
    ],
)
def test_a_plural_head_names_a_body_per_field(
    extractor: RussianExtractor, text: str, bodies: set[str]
) -> None:
    assert set(_orgs(_extract(extractor, text)).values()) == bodies


def test_a_singular_head_keeps_its_and(extractor: RussianExtractor) -> None:
    found = _orgs(_extract(extractor, "Министерство науки и высшего образования сообщило."))
    assert set(found.values()) == {"Министерство науки и высшего образования"}
