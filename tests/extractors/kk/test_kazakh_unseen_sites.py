"""Kazakh rules on failure classes of a second round of unseen sites (names made up)."""

from __future__ import annotations

from kazakh_support import agreements, extract, extractor, names, parties, roles

from kg.iris import article_id
from kg.model import Article, EntityType
from tests.extractors.extraction_support import events

ORG = EntityType.ORGANISATION
PERSON = EntityType.PERSON


def test_a_russian_patronymic_stays_in_the_canonical_name() -> None:
    found = extract(
        "Кездесуге «Алтынқұм» ЖШС директоры Пётр Ильич Сидоренко қатысты. "
        "Пётр Сидоренко сөз сөйледі."
    )
    assert names(found, PERSON) == {"Пётр Ильич Сидоренко"}
    assert roles(found) == {("Пётр Ильич Сидоренко", "«Алтынқұм» ЖШС", "директор")}


def test_a_spaced_dash_in_a_quoted_name_is_the_same_name() -> None:
    found = extract("«ТК – Жол» ЖШС жаңа нысан салды. «ТК-Жол» ЖШС директоры Тимур Сапаров айтты.")
    assert len(names(found, ORG)) == 1


def test_a_site_menu_before_the_headline_is_no_part_of_a_name() -> None:
    found = extract(
        "Басты Жаңалықтар Сарыбаев академиясы мен Вена музыка институты келісімге қол қойды\n\n"
        "Сарыбаев атындағы Ұлттық музыка академиясы мен Вена музыка институты "
        "бірлескен жобалар жөнінде келісімге қол қойды."
    )
    assert not any("Жаңалық" in n for n in names(found, ORG))
    assert all(len(parties(found, a)) == 2 for a in agreements(found))


def test_a_passive_signing_takes_the_bodies_of_the_people_named_next() -> None:
    found = extract(
        "Астанада жастарды қолдау туралы меморандумға қол қойылды. "
        "Шараға Ғылым министрі Серік Омаров пен «Болашақ жолы» қорының президенті "
        "Дәурен Тасов қатысты."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Болашақ жолы» қоры", "Ғылым министрлігі"}


def test_the_said_council_is_the_council_named_before() -> None:
    found = extract(
        "Қалада Денсаулық сақтау министрлігі қоғамдық кеңесінің отырысы өтті. "
        "Жиынға аталмыш кеңестің төрағасы Ерік Сабитов қатысты."
    )
    assert ("Ерік Сабитов", "Денсаулық сақтау министрлігі қоғамдық кеңесі", "төраға") in roles(
        found
    )


def test_a_bare_head_before_a_deputy_title_is_the_body_named_before() -> None:
    found = extract(
        "«ЕңбекТірек» кәсіподағы облыста жиын өткізді. "
        "Жиынға кәсіподақ төрағасының орынбасары Бекзат Оразов қатысты."
    )
    assert {(p, o) for p, o, _ in roles(found)} == {("Бекзат Оразов", "«ЕңбекТірек» кәсіподағы")}


def test_an_akims_office_is_an_organisation_and_its_hall_is_not() -> None:
    found = extract(
        "Қарасу ауданы әкімі аппаратының мәжіліс залы жөнделді. "
        "Кейін аудан әкімі аппаратының басшысы Серік Бекенов сөйледі."
    )
    assert names(found, ORG) == {"Қарасу ауданы әкімі аппараты"}
    assert roles(found) == {("Серік Бекенов", "Қарасу ауданы әкімі аппараты", "басшы")}


def test_first_name_and_patronymic_is_the_one_person_of_that_first_name() -> None:
    found = extract(
        "Қалада мешіт имамы Ерлан Жұмабеков кездесу өткізді. "
        "Кездесуде Ерлан Серікұлы дін туралы айтты."
    )
    assert names(found, PERSON) == {"Ерлан Жұмабеков"}


def test_a_hyphenated_outlet_or_school_ends_in_its_head_noun() -> None:
    found = extract(
        "Жаңалықты «Жаңа Ауыл» telegram-арнасы жариялады. "
        "Кеше «Самғау» мектеп-лицейінің директоры Сәуле Бекова сөйледі."
    )
    assert names(found, ORG) == {"«Жаңа Ауыл» telegram-арнасы", "«Самғау» мектеп-лицейі"}
    assert roles(found) == {("Сәуле Бекова", "«Самғау» мектеп-лицейі", "директор")}


def test_a_unit_in_a_hyphenated_word_is_no_new_body() -> None:
    found = extract("Қалалық көші-қон басқармасының фронт-офисі жұмысын бастады.")
    assert not any("офис" in n for n in names(found, ORG))


def test_two_lists_of_parties_split_by_as_well_as_are_two_agreements() -> None:
    found = extract(
        "Қалада «Алтын Дән» ЖШС, «Ақбота» қоры және Қарасу колледжі, сонымен қатар "
        "«Жарық» АҚ және Қарасу техникумы арасында меморандумдарға қол қойылды."
    )
    assert sorted(sorted(parties(found, a)) for a in agreements(found)) == [
        ["«Алтын Дән» ЖШС", "«Ақбота» қоры", "Қарасу колледжі"],
        ["«Жарық» АҚ", "Қарасу техникумы"],
    ]


def test_the_publisher_credited_with_its_kind_noun_takes_the_publishers_name() -> None:
    text = "Қалада жаңа саябақ ашылды, деп хабарлайды Dalanews агенттігінің тілшісі."
    article = Article(
        id=article_id(text), text=text, lang="kk", source_path="t.txt", publisher="Dalanews"
    )
    found = extractor().extract(article)
    assert names(found, ORG) == {"Dalanews"}


def test_one_memorandum_of_two_lists_stays_one() -> None:
    found = extract(
        "Қалада «Алтын Дән» ЖШС пен «Ақбота» қоры, сондай-ақ «Жарық» АҚ және Қарасу "
        "техникумы арасында меморандумға қол қойылды."
    )
    assert len(agreements(found)) == 1


def test_a_quoted_name_before_an_event_head_names_the_event_not_a_body() -> None:
    for text in (
        "«Ақ Жайық» форумында «Адал жол» қоғамдық бірлестігінің төрайымы Сәуле Мұқанова сөйледі.",
        "Астанада «Ақ Жайық» азаматтық форумы өтті.",
    ):
        assert names(extract(text), ORG) <= {"«Адал жол» қоғамдық бірлестігі"}, text


def test_a_formal_council_name_opening_the_sentence_is_a_body() -> None:
    # capitalised only because it opens the sentence, but "жөніндегі" makes it a name
    found = extract(
        "Облыстық жастар саясаты мәселелері жөніндегі кеңестің отырысы өтті. "
        "Кеңес төрағасы Ержан Бекұлы баяндама жасады."
    )
    council = "Облыстық жастар саясаты мәселелері жөніндегі кеңес"
    assert names(found, ORG) == {council}
    assert roles(found) == {("Ержан Бекұлы", council, "төраға")}
    # a plain regional body opening the sentence is still no name
    assert names(extract("Облыстық кеңестің отырысы өтті."), ORG) == set()


def test_a_quoted_title_named_by_atty_before_an_event_is_no_body() -> None:
    found = extract(
        "Университетте «Жастар және азаматтық қоғам» атты халықаралық ғылыми-тәжірибелік "
        "конференция өтті."
    )
    assert names(found, ORG) == set()


def test_a_post_held_is_a_position_and_ol_goes_on_about_the_person_named() -> None:
    body = "«Дала бастамалары орталығы» КЕАҚ"
    expected = {("Бақытжан Әбдірұлы", body, "басқарма төрағасы")}
    held = "«Дала бастамалары орталығы» КЕАҚ басқарма төрағасы қызметін атқарған."
    assert roles(extract(f"Бақытжан Әбдірұлы бұған дейін {held}")) == expected
    found = extract(f"Бақытжан Әбдірұлы комитет төрағасы болып тағайындалды. Бұған дейін ол {held}")
    assert roles(found) == expected
    assert names(found, PERSON) == {"Бақытжан Әбдірұлы"}  # "ол" is no name
    # two people named before: "ол" could be either, so no post is given
    two = extract(f"Бақытжан Әбдірұлы мен Асқар Серікұлы кездесті. Бұған дейін ол {held}")
    assert roles(two) == set()


def test_two_initials_or_a_title_make_a_surname_of_a_bare_name() -> None:
    found = extract("«Жас Дарын» қорының директоры Ә.Т. Сейтқали жобаны түсіндірді.")
    assert roles(found) == {("Ә.Т. Сейтқали", "«Жас Дарын» қоры", "директор")}
    # one initial before a place is no person
    assert names(extract("Кеше Ә. Астана қаласына келді."), PERSON) == set()


def test_a_title_in_brackets_after_the_name_and_the_founders_title() -> None:
    body = "«Жасыл әлем» қоғамдық қоры"
    found = extract("Кездесуде Айгүл Серікқызы («Жасыл әлем» қоғамдық қорының төрағасы) сөйледі.")
    assert roles(found) == {("Айгүл Серікқызы", body, "төраға")}
    found = extract("«Жасыл әлем» қоғамдық қорының негізін қалаушы Айгүл Серікқызы сөйледі.")
    assert roles(found) == {("Айгүл Серікқызы", body, "негізін қалаушы")}


def test_a_quoted_ranking_is_no_body() -> None:
    for text in (
        "Мектеп-лицей төртінші мәрте «100 үздік ұйымның» қатарына енді.",
        "Мектеп «Үздік 50 мектептің» тізіміне кірді.",
    ):
        assert names(extract(text), ORG) == set(), text
    # a school's number is part of its quoted name
    assert names(extract("«№ 25 Жайық мектебі» мекемесі жаңа бағдарлама ашты."), ORG)


def test_a_courtesy_title_inside_a_name_is_left_out() -> None:
    found = extract("«Арал» қорының директоры Айгүл ханым Бекова сөз сөйледі.")
    assert names(found, PERSON) == {"Айгүл Бекова"}
    assert roles(found) == {("Айгүл Бекова", "«Арал» қоры", "директор")}


def test_a_titled_event_with_an_abbreviation_before_its_head() -> None:
    found = extract("Оралда «Дала: бірлік пен даму» атты өңірлік ҮЕҰ форумы өтті.")
    assert {e.name for e in events(found)} == {"«Дала: бірлік пен даму» өңірлік ҮЕҰ форумы"}
