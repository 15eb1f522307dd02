"""Russian rules on shapes the tuning articles did not show: made-up names throughout."""

from __future__ import annotations

import pytest

from kg.extractors.ru import RussianExtractor
from kg.model import EntityType, Extraction, OrgClass
from tests.extractors.extraction_support import agreements, article, names, party_names, roles


@pytest.fixture(scope="module")
def extractor() -> RussianExtractor:
    return RussianExtractor()


def _extract(extractor: RussianExtractor, text: str) -> Extraction:
    return next(extractor.pipe([article(text, "ru")]))


def _org_names(extraction: Extraction) -> set[str]:
    return names(extraction, EntityType.ORGANISATION)


def test_an_acronym_is_the_name_whose_initials_spell_it(extractor: RussianExtractor) -> None:
    text = (
        "Как отметила президент ОЮЛ «Северный союз волонтеров» Дана Жолдыбаева, работа идет. "
        "Члены ССВ провели встречу в Павлодаре."
    )
    assert _org_names(_extract(extractor, text)) == {"ОЮЛ «Северный союз волонтеров»"}


def test_an_acronym_with_the_state_is_the_ministry_it_spells(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Состоялась встреча министра энергетики и водных ресурсов РК Нуржана Ермекова "
        "с гостями, сообщает пресс-служба. Об этом сообщил МЭВР РК."
    )
    names = _org_names(_extract(extractor, text))
    assert names == {"Министерство энергетики и водных ресурсов РК"}


def test_a_ministry_short_name_is_the_ministry(extractor: RussianExtractor) -> None:
    text = (
        "Встреча министра спорта и туризма РК Галыма Жаксыбекова прошла в Астане. "
        "Фото: Минспорта РК. Позже Минспорта ответило на вопросы."
    )
    assert _org_names(_extract(extractor, text)) == {"Министерство спорта и туризма РК"}


def test_a_ministers_title_keeps_the_state_as_written(extractor: RussianExtractor) -> None:
    text = "Министр туризма РК Арман Сеитов открыл выставку."
    assert "Министерство туризма РК" in _org_names(_extract(extractor, text))


def test_the_country_between_head_and_quoted_name_is_no_part_of_it(
    extractor: RussianExtractor,
) -> None:
    text = (
        'Вчера выступил лидер партии страны "Береке". '
        'Представители партии "Береке" провели встречу. Меморандум подписали "Береке" и '
        "фонд «Жасыл алан»."
    )
    # the bare quoted name in straight quotes is the same party
    assert _org_names(_extract(extractor, text)) == {"Партия «Береке»", "Фонд «Жасыл алан»"}


def test_a_comma_after_a_named_body_starts_the_next_one(extractor: RussianExtractor) -> None:
    text = (
        "Прошли переговоры с руководством Северного совета, научных и учебных центров "
        "Горного университета."
    )
    assert _org_names(_extract(extractor, text)) == {"Северный совет", "Горный университет"}


def test_an_embassy_is_named_with_the_country_it_is_in(extractor: RussianExtractor) -> None:
    text = "Визит готовили сотрудники Посольства РК в Японии в прошлом году."
    assert _org_names(_extract(extractor, text)) == {"Посольство РК в Японии"}


_roles = roles


def test_a_heading_participle_links_the_person_it_follows(extractor: RussianExtractor) -> None:
    text = (
        "Аким района Серик Жанибеков представил сотрудникам Нурлана Бекенова, ранее "
        "возглавлявшего управление цифрового развития области Жетысу."
    )
    roles = _roles(_extract(extractor, text))
    # the accusative name is put into the nominative later, when the article is resolved
    assert ("Нурлана Бекенова", "Управление цифрового развития области Жетысу", "глава") in roles
    assert not any(person == "Серик Жанибеков" and role == "глава" for person, _, role in roles)


def test_a_heading_verb_without_a_subject_links_the_person_before(
    extractor: RussianExtractor,
) -> None:
    text = "Нурлан Бекенов назначен в Павлодаре. Ранее возглавлял фонд «Жасыл алан»."
    assert _roles(_extract(extractor, text)) == {("Нурлан Бекенов", "Фонд «Жасыл алан»", "глава")}


def test_a_lower_case_branch_goes_into_the_role_in_its_party(
    extractor: RussianExtractor,
) -> None:
    text = "Новым главой стал Нурлан Бекенов. Также он возглавлял областной филиал партии «Береке»."
    assert ("Нурлан Бекенов", "Партия «Береке»", "глава областного филиала") in _roles(
        _extract(extractor, text)
    )


def _person_names(extraction: Extraction) -> set[str]:
    return names(extraction, EntityType.PERSON)


def test_a_capitalised_title_opens_no_persons_name(extractor: RussianExtractor) -> None:
    text = "Министр провела встречу с Представителем Миссии «Зеленый мост» Ириной Головко."
    assert "Представителем Миссии" not in _person_names(_extract(extractor, text))


def test_first_name_and_patronymic_are_the_person_of_that_first_name(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Директором центра назначен Айбек Ержанов. — Уверен, что опыт Айбека Маратовича "
        "поможет нам, — сказал аким."
    )
    assert _person_names(_extract(extractor, text)) == {"Айбек Ержанов"}


def test_two_capitalised_halves_joined_by_and_are_one_name(extractor: RussianExtractor) -> None:
    text = "Итоги года подвела Всемирная лига Обществ Синего Ромба и Зеленого Круга."
    # the plural "Обществ" names the members, no second body
    assert _org_names(_extract(extractor, text)) == {
        "Всемирная лига Обществ Синего Ромба и Зеленого Круга"
    }


def _agreements(extraction: Extraction) -> list[set[str]]:
    return [set(party_names(extraction, c)) for c in agreements(extraction)]


def test_a_dateline_agency_and_an_elected_body_sign_nothing(extractor: RussianExtractor) -> None:
    text = (
        "ОРАЛ, 3 мая. /ИНТЕРФАКС/. Пять партий, активно участвующих в выборах депутатов Сената "
        "19 мая, подписали меморандум о честных выборах. Об этом сообщила партия «Береке». "
        "Меморандум подписали партии «Береке» и «Шанырак»."
    )
    assert _agreements(_extract(extractor, text)) == [{"Партия «Береке»", "Шанырак"}]


def test_a_capitalised_title_inside_a_name_belongs_to_it(extractor: RussianExtractor) -> None:
    text = "Сотрудники Музея Второго Президента РК – Основателя открыли выставку."
    assert _org_names(_extract(extractor, text)) == {"Музей Второго Президента РК – Основателя"}


def test_a_dash_before_a_persons_name_ends_the_organisation(extractor: RussianExtractor) -> None:
    text = "Работу фонда «Береке» – Петров оценил высоко."
    assert _org_names(_extract(extractor, text)) == {"Фонд «Береке»"}


def test_an_indeclinable_surname_agrees_with_either_gender() -> None:
    from kg.lang.ru import morph

    assert morph.person_nominative(["Ириной", "Шевченко"], "ablt") == ["Ирина", "Шевченко"]
    assert morph.person_nominative(["Олегом", "Шевченко"], "ablt") == ["Олег", "Шевченко"]


def test_a_national_assembly_is_a_body(extractor: RussianExtractor) -> None:
    text = "Слово взял заместитель председателя Малого курултая Айгуль Серикова."
    roles = _roles(_extract(extractor, text))
    assert roles == {("Айгуль Серикова", "Малый курултай", "заместитель председателя")}


def test_and_joins_a_second_object_of_po_and_a_title_inside_a_name_is_no_role(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Выступил председатель Республиканской комиссии по делам ветеранов и социальной "
        "политике при Президенте РК Ерлан Сериков."
    )
    name = "Республиканская комиссия по делам ветеранов и социальной политике при Президенте РК"
    assert _roles(_extract(extractor, text)) == {("Ерлан Сериков", name, "председатель")}


def test_an_event_under_a_quoted_title_is_named_by_it(extractor: RussianExtractor) -> None:
    text = 'Вчера прошел Молодежный форум под ярким названием "Голос степи: новые лидеры".'
    events = {m.name for m in _extract(extractor, text).mentions if m.type is EntityType.EVENT}
    assert events == {"Молодёжный форум «Голос степи: новые лидеры»"}


def test_an_initial_written_onto_a_surname_in_capitals_is_a_person(
    extractor: RussianExtractor,
) -> None:
    text = "«Работа идет», — сообщил директор по развитию Т.ЖАНДОСОВ."
    assert _person_names(_extract(extractor, text)) == {"Т. Жандосов"}
    assert _org_names(_extract(extractor, text)) == set()


def test_a_named_place_after_an_office_is_part_of_its_name(extractor: RussianExtractor) -> None:
    extraction = _extract(
        extractor,
        "Представительство ООН в Казахстане и Бюро ЮНЕСКО в Алматы подписали меморандум. "
        "Офис ЮНИСЕФ провел семинар в Алматы.",
    )
    assert _org_names(extraction) == {
        "Представительство ООН в Казахстане",
        "Бюро ЮНЕСКО в Алматы",
        "Офис ЮНИСЕФ",  # the seminar was in Almaty: a verb stands between
    }


def test_a_country_after_a_body_is_no_parent_organisation(extractor: RussianExtractor) -> None:
    extraction = _extract(
        extractor, "Состоялась встреча с руководством Общественной палаты Российской Федерации."
    )
    assert _org_names(extraction) == {"Общественная палата Российской Федерации"}


def test_a_regions_abbreviation_is_a_place(extractor: RussianExtractor) -> None:
    extraction = _extract(
        extractor, "В ВКО состоялся форум фонда «Жасыл Өлке». Фото: пресс-центр ЗКО."
    )
    assert _org_names(extraction) == {"Фонд «Жасыл Өлке»"}


def test_a_bare_head_after_a_title_is_the_body_named_before(extractor: RussianExtractor) -> None:
    extraction = _extract(
        extractor,
        "Общественный фонд «Жасыл Дала» и Ассоциация предпринимателей Жетысу подписали "
        "меморандум. Документ подписали председатель правления фонда Айгуль Бекова и "
        "исполнительный директор ассоциации Нурлан Садыков.",
    )
    assert {
        ("Айгуль Бекова", "Общественный фонд «Жасыл Дала»", "председатель правления"),
        ("Нурлан Садыков", "Ассоциация предпринимателей Жетысу", "исполнительный директор"),
    } <= roles(extraction)


def test_a_bare_head_with_two_bodies_of_its_kind_refers_to_none(
    extractor: RussianExtractor,
) -> None:
    extraction = _extract(
        extractor,
        "Фонд «Адал» и Фонд «Береке» провели встречу. Выступил председатель фонда Марат Омаров.",
    )
    assert not {r for r in roles(extraction) if r[0] == "Марат Омаров"}


def test_a_position_given_by_a_verb_in_the_instrumental(extractor: RussianExtractor) -> None:
    extraction = _extract(
        extractor,
        "Ранее Тимур Досов был назначен директором Центра поддержки НКО. Динара Исаева "
        "является членом правления Фонда «Адал».",
    )
    assert {
        ("Тимур Досов", "Центр поддержки НКО", "директор"),
        ("Динара Исаева", "Фонд «Адал»", "член правления"),
    } <= roles(extraction)


# -- heads natasha tags as adjectives, genitive tails, women's surnames ----------------


def test_a_head_tagged_as_an_adjective_before_a_quote_keeps_its_name(
    extractor: RussianExtractor,
) -> None:
    found = _extract(extractor, "Участники посетили кооператив «Жемчуг» в селе.")
    assert _org_names(found) == {"Кооператив «Жемчуг»"}


def test_a_hotel_with_a_quoted_name_is_an_organisation(extractor: RussianExtractor) -> None:
    found = _extract(extractor, "Директор гостиницы «Алтын Тас» Марат Сапаров выступил.")
    assert _org_names(found) == {"Гостиница «Алтын Тас»"}
    assert roles(found) == {("Марат Сапаров", "Гостиница «Алтын Тас»", "директор")}


def test_a_genitive_name_before_a_person_belongs_to_the_body(extractor: RussianExtractor) -> None:
    found = _extract(
        extractor, "Представитель Сети развития Ага Хана Марат Нурланов рассказал о проекте."
    )
    assert names(found, EntityType.PERSON) == {"Марат Нурланов"}


def test_two_adjective_genitives_joined_by_and_are_one_name(extractor: RussianExtractor) -> None:
    found = _extract(
        extractor,
        "Председатель Федерации обществ Голубого креста и Зелёного полумесяца "
        "Айдар Сапаров выступил.",
    )
    body = "Федерация обществ Голубого креста и Зелёного полумесяца"
    assert _org_names(found) == {body}
    assert roles(found) == {("Айдар Сапаров", body, "председатель")}


def test_a_womans_surname_in_an_oblique_case_is_named_in_the_nominative(
    extractor: RussianExtractor,
) -> None:
    found = _extract(extractor, "Встреча Марата Нурланова и Айгуль Бековой прошла в Астане.")
    assert names(found, EntityType.PERSON) == {"Марат Нурланов", "Айгуль Бекова"}


def test_one_party_signing_with_a_list_of_partners_signs_with_each(
    extractor: RussianExtractor,
) -> None:
    found = _extract(
        extractor,
        "Фонд «Жайлау» подписал меморандумы с Университетом Тумар, Ассоциацией юристов "
        "Казахстана и акиматом Павлодарской области.",
    )
    assert _org_names(found) == {
        "Фонд «Жайлау»",
        "Университет Тумар",
        "Ассоциация юристов Казахстана",
        "Акимат Павлодарской области",
    }
    assert {frozenset(party_names(found, a)) for a in agreements(found)} == {
        frozenset({"Фонд «Жайлау»", "Университет Тумар"}),
        frozenset({"Фонд «Жайлау»", "Ассоциация юристов Казахстана"}),
        frozenset({"Фонд «Жайлау»", "Акимат Павлодарской области"}),
    }


def test_a_signed_road_map_is_an_agreement(extractor: RussianExtractor) -> None:
    found = _extract(
        extractor, "Министерство энергетики и Ассоциация степных фермеров подписали дорожную карту."
    )
    assert [party_names(found, a) for a in agreements(found)] == [
        {"Министерство энергетики", "Ассоциация степных фермеров"}
    ]


def test_a_bare_head_refers_to_one_body_named_twice_with_its_quote(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Фонд «Степной барс» подписал меморандум.\n\n"
        "Общественный фонд «Степной барс» и Университет Кайнар подписали меморандум. "
        "Документ подписали председатель фонда Айгерим Жумабекова и ректор университета "
        "Болат Сейткалиев."
    )
    found = _extract(extractor, text)
    assert ("Айгерим Жумабекова", "Общественный фонд «Степной барс»", "председатель") in roles(
        found
    )


def test_a_dateline_agency_is_no_part_of_the_event_after_its_dash(
    extractor: RussianExtractor,
) -> None:
    found = _extract(extractor, "АСТАНА. СТЕППЕНЬЮС – Форум гражданского общества открылся.")
    assert _org_names(found) == {"СТЕППЕНЬЮС"}


def test_the_place_of_a_title_is_no_part_of_the_holders_name(
    extractor: RussianExtractor,
) -> None:
    found = _extract(extractor, "Аким Уральска Алтай Кольбаев открыл встречу.")
    assert names(found, EntityType.PERSON) == {"Алтай Кольбаев"}


def test_a_surname_then_initials_after_a_title_and_its_body(extractor: RussianExtractor) -> None:
    # natasha reads "Петрова" after "фонда" as a genitive: the title's case decides, and
    # the initial is no first name of a second person
    text = "В среду директор фонда «Степной край» Петрова О. открыла новый центр."
    assert roles(_extract(extractor, text)) == {("Петрова О.", "Фонд «Степной край»", "директор")}
    text = "Об этом рассказал директору фонда «Степной край» Петрову О. глава района."
    assert names(_extract(extractor, text), EntityType.PERSON) == {"Петров О."}


def test_a_title_after_the_side_of_a_signing_is_held_there(extractor: RussianExtractor) -> None:
    text = (
        "Степной альянс и акимат города Уральска подписали меморандум. Со стороны альянса "
        "документ подписала председатель Ольга Белова."
    )
    assert roles(_extract(extractor, text)) == {("Ольга Белова", "Степной альянс", "председатель")}


def test_its_title_opening_a_sentence_is_held_in_the_body_before(
    extractor: RussianExtractor,
) -> None:
    text = "Степной альянс провел встречу. Его председатель Ольга Белова рассказала о планах."
    assert roles(_extract(extractor, text)) == {("Ольга Белова", "Степной альянс", "председатель")}


def test_a_title_of_the_one_council_named_before_is_held_in_it(
    extractor: RussianExtractor,
) -> None:
    council = "Общественный совет Степной области"
    text = (
        "Общественный совет\n\nВ Уральске прошло заседание Общественного совета Степной "
        "области. Председатель совета Бахыт Ермеков открыл заседание. Члены совета Айгуль "
        "Сейтова и Ринат Абдрахманов выступили."
    )
    assert roles(_extract(extractor, text)) == {
        ("Бахыт Ермеков", council, "председатель"),
        ("Айгуль Сейтова", council, "член"),
        ("Ринат Абдрахманов", council, "член"),
    }
    # a board of a body named after it stays part of the title
    text = "Председатель совета директоров АО «Степь» Бахыт Ермеков выступил."
    assert roles(_extract(extractor, text)) == {
        ("Бахыт Ермеков", "АО «Степь»", "председатель совета директоров")
    }


def test_a_company_legal_form_makes_a_company(extractor: RussianExtractor) -> None:
    extraction = _extract(extractor, "Директор ТОО «Степь Медиа» Ирина Петренко выступила.")
    assert {m.org_class for m in extraction.mentions if m.org_class} == {OrgClass.COMPANY}


def test_the_sentence_mixins_share_no_method_name() -> None:
    # the Russian sentence is one class made of rule mixins: a method defined in two of
    # them would silently shadow the other (it once broke whole articles)
    from kg.extractors.ru.sentence import Sentence

    seen: dict[str, str] = {}
    for mixin in Sentence.__mro__[1:]:
        if mixin is object:
            continue
        for name, value in vars(mixin).items():
            if callable(value) and not name.startswith("__"):
                assert name not in seen, f"{name} in {mixin.__name__} and {seen[name]}"
                seen[name] = mixin.__name__


def test_a_unit_and_its_field_go_into_the_role(extractor: RussianExtractor) -> None:
    text = (
        "В мероприятии приняли участие руководитель отдела внутренней политики акимата "
        "Степногорска Марат Жанов и гости."
    )
    assert roles(_extract(extractor, text)) == {
        ("Марат Жанов", "Акимат Степногорска", "руководитель отдела внутренней политики")
    }


def test_a_one_word_headline_run_into_the_text_is_no_body(extractor: RussianExtractor) -> None:
    text = (
        "Итоги\n\nИсполнительный директор Степного бюро по правам человека Евгений Жовтов "
        "выступил с докладом."
    )
    assert "Итоги" not in _org_names(_extract(extractor, text))


def test_a_title_in_brackets_after_the_name(extractor: RussianExtractor) -> None:
    text = "На встрече выступила Ольга Белова (председатель фонда «Степь»)."
    assert roles(_extract(extractor, text)) == {("Ольга Белова", "Фонд «Степь»", "председатель")}


def test_a_field_by_abbreviation_and_the_region_served_stay_in_the_name(
    extractor: RussianExtractor,
) -> None:
    text = "Директор Регионального центра ООН по ЦУР для Центральной Азии Иван Петров выступил."
    extraction = _extract(extractor, text)
    name = "Региональный центр ООН по ЦУР для Центральной Азии"
    assert roles(extraction) == {("Иван Петров", name, "директор")}
    classes = {m.name: m.org_class for m in extraction.mentions if m.org_class}
    assert classes[name] is OrgClass.INTERNATIONAL


def test_a_place_adjective_pymorphy_lacks_is_put_in_the_nominative(
    extractor: RussianExtractor,
) -> None:
    text = "Председатель Жайыкского районного объединения Т. Ахметов рассказал о планах."
    assert roles(_extract(extractor, text)) == {
        ("Т. Ахметов", "Жайыкское районное объединение", "председатель")
    }


def test_listed_names_after_a_title_share_its_case(extractor: RussianExtractor) -> None:
    text = "В мероприятии приняли участие представители ОФ «Арал» С. Н. Омаров и Б. Бекова."
    assert names(_extract(extractor, text), EntityType.PERSON) == {"С. Н. Омаров", "Б. Бекова"}


def test_a_courtesy_title_is_no_part_of_the_name(extractor: RussianExtractor) -> None:
    text = "Г-жа Бекова, директор фонда «Арал», поблагодарила гостей."
    assert roles(_extract(extractor, text)) == {("Бекова", "Фонд «Арал»", "директор")}


def test_a_quoted_title_of_an_award_a_strategy_or_a_grant_is_no_body(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Стратегия «Степь-2050» обсуждалась на встрече. Лауреатом премии «Алтын Дала» стала "
        "Айгуль Нурова. Грант «Достар» получили 12 НКО."
    )
    extraction = _extract(extractor, text)
    assert _org_names(extraction) == set()
    assert roles(extraction) == set()


def test_no_name_runs_over_a_line_break(extractor: RussianExtractor) -> None:
    # natasha tags "НКО\nВ Костанае" as one organisation after a headline with no stop
    text = (
        "В Костанае подписан меморандум между акиматом и НКО\nВ Костанае состоялся "
        "областной форум некоммерческих организаций «Вместе сильнее»."
    )
    assert "Костанае" not in _org_names(_extract(extractor, text))


def test_a_department_of_an_akimat_is_no_office_of_the_akim(extractor: RussianExtractor) -> None:
    from kg.pipeline import Pipeline
    from tests.extractors.extraction_support import posts

    text = (
        "Управление внутренней политики акимата Степной области подписало меморандум. "
        "Открывая форум, аким Степной области Кумар Аксаков отметил важность диалога."
    )
    assert posts(Pipeline(), text, "ru") == set()


def test_a_body_appointing_someone_gives_the_post_in_the_instrumental(
    extractor: RussianExtractor,
) -> None:
    text = "Фонд «Арал» назначил Ивана Петрова своим исполнительным директором."
    assert roles(_extract(extractor, text)) == {
        ("Иван Петров", "Фонд «Арал»", "исполнительный директор")
    }
    text = "Правление фонда «Арал» избрало Ивана Петрова председателем."
    assert roles(_extract(extractor, text)) == {("Иван Петров", "Фонд «Арал»", "председатель")}


def test_a_place_and_the_adjective_opening_a_body_are_no_person(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Новости\n\nСегодня в Алматы Жайыкский национальный университет имени Сапарова и "
        "Университет Тамбора подписали договор о сотрудничестве."
    )
    found = _extract(extractor, text)
    assert names(found, EntityType.PERSON) == set()
    assert "Жайыкский национальный университет имени Сапарова" in _org_names(found)
    # a surname in -ский before a title is still a person's
    found = _extract(extractor, "Выступил Арман Ковальский, директор фонда «Дала».")
    assert "Арман Ковальский" in names(found, EntityType.PERSON)


def test_a_participle_before_a_body_is_no_part_of_its_name(extractor: RussianExtractor) -> None:
    text = "Форум, организованный управлением внутренней политики Жайыкской области, прошел."
    assert _org_names(_extract(extractor, text)) == {
        "Управление внутренней политики Жайыкской области"
    }


def test_the_sides_between_which_a_memorandum_is_signed_are_the_bodies_named_before(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Форум организован управлением внутренней политики Жайыкской области совместно с "
        "Гражданским альянсом Жайыкской области. В завершение между управлением внутренней "
        "политики и Гражданским альянсом был подписан меморандум о сотрудничестве."
    )
    found = _extract(extractor, text)
    (claim,) = agreements(found)
    assert set(party_names(found, claim)) == {
        "Управление внутренней политики Жайыкской области",
        "Гражданский альянс Жайыкской области",
    }


def test_a_name_after_a_nominative_title_and_genitives_is_in_the_nominative(
    extractor: RussianExtractor,
) -> None:
    text = "Как сообщила руководитель пресс-службы фонда «Дара» Алия Серикова, проект готов."
    assert names(_extract(extractor, text), EntityType.PERSON) == {"Алия Серикова"}
    text = "Встреча прошла с участием директора фонда «Тамбор» Данияра Жарасова."
    assert names(_extract(extractor, text), EntityType.PERSON) == {"Данияр Жарасов"}
