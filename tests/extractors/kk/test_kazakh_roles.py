"""Kazakh rules, positions: "ORG-genitive + POSITION + PERSON" and its variations."""

from __future__ import annotations

from kazakh_support import extract, roles

from kg.pipeline import Pipeline
from tests.extractors.extraction_support import posts


def test_apposition_links_person_organisation_and_role() -> None:
    found = extract("Жиынға «Жасыл әлем» қорының өкілі Сәуле Ахметова қатысты.")
    assert roles(found) == {("Сәуле Ахметова", "«Жасыл әлем» қоры", "өкіл")}


def test_modifiers_stay_with_the_position() -> None:
    text = (
        "Сөз алғандар: «Таза су» қауымдастығының атқарушы директоры Ерлан Сейітов, "
        "Маңғыстау экологиялық орталығының аймақтық үйлестірушісі Әйгерім Нұрланқызы."
    )
    assert roles(extract(text)) == {
        ("Ерлан Сейітов", "«Таза су» қауымдастығы", "атқарушы директор"),
        ("Әйгерім Нұрланқызы", "Маңғыстау экологиялық орталығы", "аймақтық үйлестіруші"),
    }


def test_deputy_of_a_position_keeps_the_genitive_chain() -> None:
    text = (
        "Кездесуді Ақмола облысы әкімдігінің басшысының орынбасары Талғат Ермеков және "
        "«Қазақ тілі» қоғамы төрағасының бірінші орынбасары Мейрам Бекет жүргізді."
    )
    assert roles(extract(text)) == {
        ("Талғат Ермеков", "Ақмола облысы әкімдігі", "басшының орынбасары"),
        ("Мейрам Бекет", "«Қазақ тілі» қоғамы", "төрағаның бірінші орынбасары"),
    }


def test_compound_titles_keep_their_possessive() -> None:
    text = "«Береке» кооперативі басқарма төрағасы Рахат Исаев сөйледі."
    assert roles(extract(text)) == {("Рахат Исаев", "«Береке» кооперативі", "басқарма төрағасы")}


def test_a_place_may_stand_between_organisation_and_position() -> None:
    text = "БҰҰ Балалар қорының Қазақстандағы тұрақты өкілі Карла Мендес мәлімдеме жасады."
    assert roles(extract(text)) == {("Карла Мендес", "БҰҰ Балалар қоры", "тұрақты өкіл")}


def test_an_abbreviation_may_hold_the_position() -> None:
    text = "ЕҚЫҰ-ның Қазақстандағы өкілі Фолькер Штайн және ҚМДБ Аппарат басшысы Ерлан Нұров келді."
    assert roles(extract(text)) == {
        ("Фолькер Штайн", "ЕҚЫҰ", "өкіл"),
        ("Ерлан Нұров", "ҚМДБ", "аппарат басшысы"),
    }


def test_a_lower_case_genitive_may_stand_between_organisation_and_position() -> None:
    text = "«Алтын Көл» компаниясының әлеуметтік жобаларының үйлестірушісі Дина Серікова келді."
    assert roles(extract(text)) == {("Дина Серікова", "«Алтын Көл» компаниясы", "үйлестіруші")}


def test_a_comma_list_of_positions_goes_to_the_name_that_ends_it() -> None:
    text = (
        "Сарапшы ретінде Шымкент университетінің кафедра меңгерушісі, экономика ғылымдарының "
        "докторы, Ұлттық ғылым академиясының академигі Мұрат Сәрсенов сөйледі."
    )
    assert roles(extract(text)) == {
        ("Мұрат Сәрсенов", "Шымкент университеті", "кафедра меңгерушісі"),
        ("Мұрат Сәрсенов", "Ұлттық ғылым академиясы", "академик"),
    }


def test_each_person_in_a_list_gets_their_own_position() -> None:
    text = (
        "Оған «Нұр» қорының президенті Асел Бекова, Тараз жастар одағының хатшысы "
        "Нұрбол Әлібеков, «Дала» бірлестігінің мүшесі Ғалым Жанұзақов қатысты."
    )
    assert roles(extract(text)) == {
        ("Асел Бекова", "«Нұр» қоры", "президент"),
        ("Нұрбол Әлібеков", "Тараз жастар одағы", "хатшы"),
        (
            "Ғалым Жанұзақов",
            "«Дала» бірлестігі",
            None,
        ),  # plain membership has no role (corpus convention)
    }


def test_a_name_first_then_its_position() -> None:
    text = "Гүлнар Әбдірова, «Ана үйі» қорының президенті:\nБіз жұмысты жалғастырамыз."
    assert roles(extract(text)) == {("Гүлнар Әбдірова", "«Ана үйі» қоры", "президент")}


def test_a_unit_of_an_organisation_becomes_part_of_the_title() -> None:
    text = "Фридрих Эберт қоры өкілдігінің басшысы Ханс Мюллер баяндама жасады."
    assert roles(extract(text)) == {("Ханс Мюллер", "Фридрих Эберт қоры", "өкілдік басшысы")}


def test_a_position_without_an_organisation_gives_no_claim() -> None:
    found = extract("Жиынды тәуелсіз сарапшы Жанар Құдайбергенова жүргізді.")
    assert roles(found) == set()
    assert any(m.name == "Жанар Құдайбергенова" for m in found.mentions)


def test_a_position_inside_a_name_is_not_a_role() -> None:
    found = extract("ҚР Президенті Әкімшілігінің өкілі Ерлан Жақсыбеков келді.")
    assert roles(found) == {("Ерлан Жақсыбеков", "ҚР Президенті Әкімшілігі", "өкіл")}


def test_a_name_then_its_position_between_dashes() -> None:
    text = "Айгерім Сәкенова – «Дара» қорының директоры – жобаны таныстырды."
    assert roles(extract(text)) == {("Айгерім Сәкенова", "«Дара» қоры", "директор")}


def test_signing_on_behalf_of_an_organisation_is_representing_it() -> None:
    text = "Құжатқа «Ізгілік» қоғамдық бірлестігі атынан Жанна Ибраева қол қойды."
    assert roles(extract(text)) == {("Жанна Ибраева", "«Ізгілік» қоғамдық бірлестігі", None)}


def test_a_position_after_a_name_and_a_comma() -> None:
    text = "Ерлан Сапаров, «Ізет» қорының төрағасы, жобаның нәтижесін айтты."
    assert roles(extract(text)) == {("Ерлан Сапаров", "«Ізет» қоры", "төраға")}


def test_appointed_as_a_position() -> None:
    text = "Асқар Мамин «Жер-Ана» экологиялық қорының директоры болып тағайындалды."
    assert roles(extract(text)) == {("Асқар Мамин", "«Жер-Ана» экологиялық қоры", "директор")}
    text = "«Нұр» қорының өкілі ретінде Асел Бекова сөйледі."
    assert roles(extract(text)) == {("Асел Бекова", "«Нұр» қоры", "өкіл")}


def test_staff_work_for_the_organisation_that_is_the_subject() -> None:
    text = (
        "Семинарды «Жарқын болашақ» ҚҚ ұйымдастырып, оны жоба жетекшісі Анар Бекова "
        "мен кеңесші Олег Ким жүргізді."
    )
    assert roles(extract(text)) == {
        ("Анар Бекова", "«Жарқын болашақ» ҚҚ", "жоба жетекшісі"),
        ("Олег Ким", "«Жарқын болашақ» ҚҚ", "кеңесші"),
    }


def test_officials_are_not_given_to_the_subject_organisation() -> None:
    text = "«Жарқын болашақ» ҚҚ жиын өткізді, оған облыс әкімі Серік Әбенов қатысты."
    assert roles(extract(text)) == set()


def test_the_verb_to_run_after_a_body_in_the_accusative_gives_its_head() -> None:
    found = extract("Айгүл Сәрсенова 2018 жылдан бері «Ақ бұлақ» қорын басқарады.")
    assert roles(found) == {("Айгүл Сәрсенова", "«Ақ бұлақ» қоры", "басшы")}


def test_the_participle_to_run_gives_the_name_after_it_the_head() -> None:
    found = extract("«Ақ бұлақ» қорын басқаратын Айгүл Сәрсенова балаларға көмектеседі.")
    assert roles(found) == {("Айгүл Сәрсенова", "«Ақ бұлақ» қоры", "басшы")}


def test_a_board_of_trustees_is_a_unit_of_the_fund() -> None:
    found = extract(
        "«Ақ бұлақ» қоғамдық қорының қамқоршылық кеңесінің мүшесі Аружан Сейітова келді."
    )
    assert {(p, o) for p, o, _ in roles(found)} == {("Аружан Сейітова", "«Ақ бұлақ» қоғамдық қоры")}


def test_a_unit_after_a_body_in_the_nominative_and_a_second_post_in_a_list() -> None:
    found = extract(
        "Мәжіліс депутаты, «Жасыл ел» партиясы фракциясының мүшесі Азат Бекұлы сөйледі."
    )
    assert {(p, o) for p, o, _ in roles(found)} == {
        ("Азат Бекұлы", "Мәжіліс"),
        ("Азат Бекұлы", "«Жасыл ел» партиясы"),
    }


def test_a_copula_dash_between_the_post_and_the_name() -> None:
    found = extract(
        "«Ақ бұлақ» қоғамдық қоры 2015 жылы құрылған. Қордың президенті – Гүлнар Әбдіқызы."
    )
    assert roles(found) == {("Гүлнар Әбдіқызы", "«Ақ бұлақ» қоғамдық қоры", "президент")}


def test_the_participle_to_run_before_the_body_gives_the_name_before_it_the_head() -> None:
    found = extract("Гүлнар Әбдіқызы басқаратын «Ақ бұлақ» қоры 2015 жылы құрылған.")
    assert roles(found) == {("Гүлнар Әбдіқызы", "«Ақ бұлақ» қоры", "басшы")}


def test_a_bare_genitive_head_before_a_compound_title_is_the_body_named_before() -> None:
    found = extract(
        "«Жасыл өлке» қоры жаңа жоба бастады. Қордың басқарма төрағасы Ерсін Әлиев "
        "жобаны таныстырды."
    )
    assert ("Ерсін Әлиев", "«Жасыл өлке» қоры", "басқарма төрағасы") in roles(found)


def test_a_title_said_with_bolyp_at_a_body_in_the_locative_is_a_post() -> None:
    found = extract("Сәуле Ахметова «Жасыл өлке» қорында аға үйлестіруші болып жұмыс істейді.")
    assert roles(found) == {("Сәуле Ахметова", "«Жасыл өлке» қоры", "аға үйлестіруші")}


def test_working_at_a_body_is_a_membership_without_a_title() -> None:
    found = extract("Сәуле Ахметова бұрын Жайық өңірлік университетінде қызмет атқарған.")
    assert roles(found) == {("Сәуле Ахметова", "Жайық өңірлік университеті", None)}


def test_a_body_in_the_locative_without_the_verb_of_work_gives_no_post() -> None:
    found = extract("Сәуле Ахметова «Жасыл өлке» қорында кездесу өткізді.")
    assert roles(found) == set()


def test_a_bare_head_on_whose_behalf_a_post_holder_signs_is_the_body_named_before(
    pipeline: Pipeline,
) -> None:
    text = (
        "Облыстық жастар ресурстық орталығы мен «Шуақ» қоғамдық бірлестігі арасында "
        "меморандум жасалды. Меморандумға орталық атынан оның директоры Ерлан Сапаров, "
        "бірлестік атынан төрағасы Мәлика Жұмабаева қол қойды."
    )
    assert posts(pipeline, text, "kk") >= {
        ("Ерлан Сапаров", "Облыстық жастар ресурстық орталығы", "директор"),
        ("Мәлика Жұмабаева", "«Шуақ» қоғамдық бірлестігі", "төраға"),
    }


def test_the_management_board_of_a_fund_goes_into_the_title(pipeline: Pipeline) -> None:
    for text in (
        "Жиынға «Ақ мерей» қоры басқармасының төрағасы Ерлан Сапаров қатысты.",
        "«Ақ мерей» қоры мен «Шуақ» ҚБ меморандумға қол қойды. Құжатқа қор "
        "басқармасының төрағасы Ерлан Сапаров қол қойды.",
    ):
        assert ("Ерлан Сапаров", "«Ақ мерей» қоры", "басқарма төрағасы") in posts(
            pipeline, text, "kk"
        ), text
    # after an akimat, "басқармасы" is a department, a body of its own
    found = extract("Жиынға Жайық облысы әкімдігі басқармасының басшысы Ерлан Сапаров қатысты.")
    assert "басқарма басшысы" not in {role for _, _, role in roles(found)}


def test_the_governing_board_of_the_body_named_before_goes_into_the_title(
    pipeline: Pipeline,
) -> None:
    text = (
        "«Ақ мерей» қорында жиын өтті. Қордың қамқоршылық кеңесінің төрағасы Ерлан Сапаров сөйледі."
    )
    found = posts(pipeline, text, "kk")
    assert found == {("Ерлан Сапаров", "«Ақ мерей» қоры", "қамқоршылық кеңесінің төрағасы")}
    # the fund's board is no body of its own
    assert not any(org.startswith("Қордың") for _, org, _ in found)


def test_a_headlines_short_name_of_a_body_leaves_its_bare_head_one_referent(
    pipeline: Pipeline,
) -> None:
    text = (
        "Облыстық қоғамдық кеңес пен «Шуақ» қоры бірлесіп жұмыс істейді\n\n"
        "Жайық облыстық қоғамдық кеңесі мен «Шуақ» қоғамдық қоры арасында меморандумға "
        "қол қойылды. Құжатқа кеңес төрағасы Ерлан Сапаров қол қойды."
    )
    assert ("Ерлан Сапаров", "Жайық облыстық қоғамдық кеңесі", "төраға") in posts(
        pipeline, text, "kk"
    )
    # two full names the short one ends: which is meant is unknown
    text = (
        "Облыстық кеңес бүгін жиналды. Жайық облыстық кеңесі мен Самал облыстық кеңесі "
        "бірлесіп жұмыс істейді. Кеңес төрағасы Ерлан Сапаров сөйледі."
    )
    assert posts(pipeline, text, "kk") == set()


def test_his_deputy_after_a_chair_is_the_chairs_deputy_in_the_body() -> None:
    found = extract(
        "Кездесуге «Самал» қоғамының төрағасы Айдос Тамборов мен оның орынбасары Дина "
        "Сарыжазықова қатысты."
    )
    assert roles(found) == {
        ("Айдос Тамборов", "«Самал» қоғамы", "төраға"),
        ("Дина Сарыжазықова", "«Самал» қоғамы", "төраға орынбасары"),
    }


def test_the_post_of_chief_doctor_held_before_is_no_service_body() -> None:
    found = extract(
        "Ерлан Тамборов облыстық денсаулық сақтау басқармасының басшысы болып тағайындалды. "
        "Бұған дейін ол Жайық қаласындағы №2 емхананың бас дәрігері қызметін атқарған."
    )
    assert ("Ерлан Тамборов", "Жайық қаласындағы №2 емхана", "бас дәрігер") in roles(found)
    assert not any("қызмет" in org for _, org, _ in roles(found))


def test_the_management_board_of_a_chamber_goes_into_the_title() -> None:
    found = extract("Марат Тамборов – «Самал» кәсіпкерлер палатасы басқармасының төрағасы.")
    assert roles(found) == {("Марат Тамборов", "«Самал» кәсіпкерлер палатасы", "басқарма төрағасы")}


def test_a_lawyer_and_an_assistant_of_a_body_hold_posts_in_it() -> None:
    found = extract("«Самал» қорының заңгері Дина Тамборова мен көмекшісі Асхат Бекенов сөйледі.")
    assert ("Дина Тамборова", "«Самал» қоры", "заңгер") in roles(found)


def test_a_plural_title_after_a_name_is_not_that_persons() -> None:
    found = extract("Шараға басқарма басшысы Нұрлан Тамборов, «Самал» қорының өкілдері қатысты.")
    assert ("Нұрлан Тамборов", "«Самал» қоры", "өкіл") not in roles(found)
    # a singular one is ("Абзал Сапарбекұлы, «X» қорының президенті:")
    found = extract("Нұрлан Тамборов, «Самал» қорының президенті: – Біз дайынбыз.")
    assert ("Нұрлан Тамборов", "«Самал» қоры", "президент") in roles(found)


def test_a_presenter_of_a_channel_holds_a_post_in_it() -> None:
    found = extract("Кешті «Самал» телеарнасының жүргізушісі Айжан Тамборова жүргізді.")
    assert roles(found) == {("Айжан Тамборова", "«Самал» телеарнасы", "жүргізуші")}
