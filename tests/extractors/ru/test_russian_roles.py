"""Russian roles: member lists, two positions of one person, initials, glued names."""

from __future__ import annotations

import pytest

from kg.extractors.ru import RussianExtractor
from kg.iris import article_id
from kg.model import Article
from tests.extractors.extraction_support import article, roles


@pytest.fixture(scope="module")
def extractor() -> RussianExtractor:
    return RussianExtractor()


def _roles(extractor: RussianExtractor, text: str) -> set[tuple[str, str, str | None]]:
    return roles(next(extractor.pipe([article(text, "ru")])))


def test_member_list_after_a_plural_position(extractor: RussianExtractor) -> None:
    text = (
        "Члены правления Ассоциации пчеловодов Алтая Марат Сеитов, Алия Жунусова и "
        "Бекзат Жарасов поддержали решение."
    )
    assert _roles(extractor, text) == {
        (name, "Ассоциация пчеловодов Алтая", "член правления")
        for name in ("Марат Сеитов", "Алия Жунусова", "Бекзат Жарасов")
    }


def test_member_list_takes_the_body_named_earlier(extractor: RussianExtractor) -> None:
    text = (
        "Еркин Сапаров, председатель совета директоров компании «Алтын Тобе», и члены "
        "совета директоров Марат Сеитов и Алия Жунусова заявили о поддержке."
    )
    assert _roles(extractor, text) == {
        ("Еркин Сапаров", "Компания «Алтын Тобе»", "председатель совета директоров"),
        ("Марат Сеитов", "Компания «Алтын Тобе»", "член совета директоров"),
        ("Алия Жунусова", "Компания «Алтын Тобе»", "член совета директоров"),
    }


def test_two_positions_of_one_person(extractor: RussianExtractor) -> None:
    text = (
        "Выступили депутат Сената, заместитель председателя Ассамблеи народа Казахстана "
        "Ирина Ким и другие."
    )
    assert _roles(extractor, text) == {
        ("Ирина Ким", "Сенат", "депутат"),
        ("Ирина Ким", "Ассамблея народа Казахстана", "заместитель председателя"),
    }


def test_initials_and_a_person_glued_to_the_organisation(extractor: RussianExtractor) -> None:
    text = (
        "Директор Центра поддержки НКО Алматы С. Н. Омаров и председатель "
        "Алмалинского объединения ветеранов Т.Ахметов выступили."
    )
    roles = _roles(extractor, text)
    assert ("С. Н. Омаров", "Центр поддержки НКО Алматы", "директор") in roles
    assert {(person, role) for person, _, role in roles} == {
        ("С. Н. Омаров", "директор"),
        ("Т. Ахметов", "председатель"),
    }
    assert all("Ахметов" not in org for _, org, _ in roles)


def test_modifiers_of_a_title_agree_with_its_noun(extractor: RussianExtractor) -> None:
    text = "Встреча первого заместителя министра юстиции Казахстана Нурлана Абенова прошла."
    assert _roles(extractor, text) == {
        (
            "Нурлан Абенов",
            "Министерство юстиции Республики Казахстан",
            "первый заместитель министра",
        )
    }


def test_second_title_without_a_body_is_held_in_the_first_ones(
    extractor: RussianExtractor,
) -> None:
    text = "Делегацию возглавил председатель Фонда «Береке» в Казахстане, координатор Айдар Сеитов."
    assert _roles(extractor, text) == {
        ("Айдар Сеитов", "Фонд «Береке»", "председатель"),
        ("Айдар Сеитов", "Фонд «Береке»", "координатор"),
    }


def test_heading_verb_links_the_person_and_the_body(extractor: RussianExtractor) -> None:
    assert _roles(extractor, "Корейское культурное объединение «Сеул» возглавляет Виктор Пак.") == {
        ("Виктор Пак", "Корейское культурное объединение «Сеул»", "глава")
    }
    text = "Айгерим Касымова возглавила попечительский совет фонда «Шуақ»."
    assert _roles(extractor, text) == {
        ("Айгерим Касымова", "Фонд «Шуақ»", "глава попечительского совета")
    }


def test_surname_before_initials_and_a_typed_abbreviation(extractor: RussianExtractor) -> None:
    text = "Слово дали директору ТОО «Береке» Омарову С.Н. и руководителю НПО «Эко Сая» Ким И.А."
    assert _roles(extractor, text) == {
        ("Омаров С. Н.", "ТОО «Береке»", "директор"),
        ("Ким И. А.", "НПО «Эко Сая»", "руководитель"),
    }


def test_branch_and_its_party_are_two_bodies(extractor: RussianExtractor) -> None:
    text = "Председатель Алматинского филиала партии «Жарқын» Ерлан Сапаров открыл встречу."
    article = Article(id=article_id(text), text=text, lang="ru", source_path="test.txt")
    names = {m.name for m in next(extractor.pipe([article])).mentions}
    assert {"Алматинский филиал партии «Жарқын»", "Партия «Жарқын»"} <= names
    assert _roles(extractor, text) == {
        ("Ерлан Сапаров", "Алматинский филиал партии «Жарқын»", "председатель")
    }


def test_place_between_body_and_person_and_possessive_title(
    extractor: RussianExtractor,
) -> None:
    assert _roles(
        extractor, "Директор фонда «Береке» в городе Алматы Айгуль Нурланова рассказала о нём."
    ) == {("Айгуль Нурланова", "Фонд «Береке»", "директор")}
    assert _roles(extractor, "Фонд «Шапагат» представлял его директор Серик Жумабаев.") == {
        ("Серик Жумабаев", "Фонд «Шапагат»", "директор")
    }


def test_object_of_a_title_belongs_to_the_role(extractor: RussianExtractor) -> None:
    text = "Выступил директор Центра «Рух» в Таразе, координатор проектов Нурлан Абишев."
    assert ("Нурлан Абишев", "Центр «Рух»", "координатор проектов") in _roles(extractor, text)


def test_well_known_body_written_out_after_a_title(extractor: RussianExtractor) -> None:
    text = "Министр побеседовал с постоянным представителем Программы развития ООН Анной Ким."
    # named as the article writes it: a text that writes it out never says "ПРООН"
    found = ("Анна Ким", "Программа развития ООН", "постоянный представитель")
    assert found in _roles(extractor, text)


def test_a_plural_title_before_another_persons_title_is_not_theirs(
    extractor: RussianExtractor,
) -> None:
    text = "На встрече были представители Фонда «Белая юрта» и депутат Сената Тимур Асанов."
    assert _roles(extractor, text) == {("Тимур Асанов", "Сенат", "депутат")}


def test_one_of_the_deputies_is_a_title_of_the_person(extractor: RussianExtractor) -> None:
    text = (
        "Документ подписал один из заместителей председателя партии «Белая юрта», "
        "депутат Сената Тимур Асанов."
    )
    found = _roles(extractor, text)
    assert ("Тимур Асанов", "Партия «Белая юрта»", "заместитель председателя") in found


def test_the_side_of_a_signing_named_by_its_bare_head(extractor: RussianExtractor) -> None:
    text = (
        "Акимат Жамбылской области и Ассоциация пасечников Алатау подписали дорожную карту. "
        "Со стороны ассоциации документ подписала её председатель Ольга Смирнова."
    )
    assert ("Ольга Смирнова", "Ассоциация пасечников Алатау", "председатель") in _roles(
        extractor, text
    )


def test_a_bare_head_refers_to_the_head_inside_a_quoted_name(
    extractor: RussianExtractor,
) -> None:
    text = (
        "Семинар провёл ОФ «Центр сельских инициатив». "
        "Модератором выступила юрист центра Айгуль Сеитова."
    )
    assert ("Айгуль Сеитова", "ОФ «Центр сельских инициатив»", "юрист") in _roles(extractor, text)


def test_a_position_in_the_instrumental_before_its_body_and_the_verb(
    extractor: RussianExtractor,
) -> None:
    text = "Председателем Общественного совета города Текели избран Бахыт Оспанов."
    assert _roles(extractor, text) == {
        ("Бахыт Оспанов", "Общественный совет города Текели", "председатель")
    }


def test_its_pronoun_before_the_heading_verb_is_the_body_before(
    extractor: RussianExtractor,
) -> None:
    text = "Фонд «Белая юрта» был создан в 2015 году. Его возглавляет Гульнара Темирова."
    assert _roles(extractor, text) == {("Гульнара Темирова", "Фонд «Белая юрта»", "глава")}


def test_an_occupation_at_the_end_of_a_list_takes_no_body(extractor: RussianExtractor) -> None:
    text = "Выступил член Общественного совета при Министерстве юстиции, адвокат Болат Нуров."
    found = _roles(extractor, text)
    assert {r[2] for r in found if r[0] == "Болат Нуров"} == {"член"}


def test_a_participle_clause_gives_the_post(extractor: RussianExtractor) -> None:
    text = "Болат Нуров, ранее работавший директором фонда «Белая юрта», выступил."
    assert ("Болат Нуров", "Фонд «Белая юрта»", "директор") in _roles(extractor, text)


def test_a_nominative_first_name_keeps_a_womans_surname_nominative(
    extractor: RussianExtractor,
) -> None:
    text = "Экс-директор Центра «Сана» Дана Омарова и Болат Нуров выступили на форуме."
    found = next(extractor.pipe([article(text, "ru")]))
    assert "Дана Омарова" in {m.name for m in found.mentions}


def test_working_in_a_body_is_a_membership(extractor: RussianExtractor) -> None:
    found = _roles(extractor, "Дина Серикова много лет работала в фонде «Жайлау».")
    assert found == {("Дина Серикова", "Фонд «Жайлау»", None)}


def test_members_who_joined_a_bodys_board_hold_its_membership_in_the_role(
    extractor: RussianExtractor,
) -> None:
    text = "В состав попечительского совета фонда «Тамбор» вошли Ерлан Сапаров и Дина Омарова."
    assert _roles(extractor, text) == {
        ("Ерлан Сапаров", "Фонд «Тамбор»", "член попечительского совета"),
        ("Дина Омарова", "Фонд «Тамбор»", "член попечительского совета"),
    }


def test_a_council_attached_to_an_akimat_is_one_body(extractor: RussianExtractor) -> None:
    text = "Членами общественного совета при акимате Тамборской области избраны Ерлан Сапаров."
    assert _roles(extractor, text) == {
        ("Ерлан Сапаров", "Общественный совет при акимате Тамборской области", "член")
    }
