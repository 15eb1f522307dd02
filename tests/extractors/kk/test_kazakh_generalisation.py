"""Kazakh rules on failure classes seen on unseen sites (sentences and names made up)."""

from __future__ import annotations

from kazakh_support import agreements, extract, names, parties, roles

from kg.model import Article, EntityType, Membership, OrgClass
from kg.pipeline import Pipeline

ORG = EntityType.ORGANISATION
PERSON = EntityType.PERSON


# -- lines in capitals ---------------------------------------------------------------


def test_a_headline_in_capitals_makes_no_one_word_organisations() -> None:
    found = extract("ЖАСТАР ФОРУМЫ ӨТТІ\n\nКеше қалада жастар жиналды.")
    assert names(found, ORG) == set()


def test_a_subtitle_in_capitals_names_a_person_and_a_body() -> None:
    found = extract(
        "БОЛАТ ЖАРЫЛҚАСЫНОВ, СҚО ЖАСТАР САЯСАТЫ БАСҚАРМАСЫНЫҢ БАСШЫСЫ:\n\nБіз дайынбыз."
    )
    assert {n.casefold() for n in names(found, PERSON)} == {"болат жарылқасынов"}
    assert {(p.casefold(), o.casefold(), r) for p, o, r in roles(found)} == {
        ("болат жарылқасынов", "сқо жастар саясаты басқармасы", "басшы")
    }


# -- head nouns and lower-case local bodies -----------------------------------------


def test_a_library_named_after_someone_is_one_organisation() -> None:
    found = extract("Т.Жанкелдин атындағы облыстық ғылыми кітапханада кездесу өтті.")
    assert names(found, ORG) == {"Т. Жанкелдин атындағы облыстық ғылыми кітапхана"}


def test_a_museum_and_a_school_are_organisations() -> None:
    found = extract(
        "Шараға Өлкетану музейінің қызметкерлері мен Ақжол ауылдық мектебінің оқушылары келді."
    )
    assert names(found, ORG) == {"Өлкетану музейі", "Ақжол ауылдық мектебі"}


def test_a_lower_case_regional_body_with_a_position_is_an_organisation() -> None:
    found = extract("Облыстық жастар альянсы төрағасы Гүлнар Сейітова сөз сөйледі.")
    assert roles(found) == {("Гүлнар Сейітова", "Облыстық жастар альянсы", "төраға")}


# -- personal names -------------------------------------------------------------------


def test_initials_written_apart_belong_to_the_surname() -> None:
    found = extract("Жиынға Б. Қ. Тұрсынбаев және Д.Е.Малаева қатысты.")
    assert names(found, PERSON) == {"Б. Қ. Тұрсынбаев", "Д.Е. Малаева"}


def test_a_kazakh_patronymic_before_a_surname_keeps_the_full_name() -> None:
    found = extract("Кітапхана директоры Ақмаржан Серікқызы Төлегенова сөз алды.")
    assert names(found, PERSON) == {"Ақмаржан Серікқызы Төлегенова"}


def test_arabic_names_keep_their_article_parts() -> None:
    found = extract(
        "Делегация құрамында Халид Омар әл-Фаружи мырза, Ибрагим Әли әл-Мансури әл-Кааби "
        "және Насер Жамал Әл Хадид болды."
    )
    assert names(found, PERSON) == {
        "Халид Омар әл-Фаружи",
        "Ибрагим Әли әл-Мансури әл-Кааби",
        "Насер Жамал Әл Хадид",
    }


def test_an_honorific_inside_a_name_stays_in_it() -> None:
    found = extract("Кеше жиынды Ерсайын қажы Бекмұратұлы ашты.")
    assert names(found, PERSON) == {"Ерсайын қажы Бекмұратұлы"}


# -- member lists and bodies under an office -----------------------------------------


def test_every_name_listed_after_a_plural_position_holds_it() -> None:
    found = extract(
        "Жиынға Парламент Мәжілісінің депутаттары Асан Темірбеков, Әлия Нұрболова және "
        "Сергей Ковалев қатысты."
    )
    assert roles(found) == {
        ("Асан Темірбеков", "Парламент Мәжілісі", "депутат"),
        ("Әлия Нұрболова", "Парламент Мәжілісі", "депутат"),
        ("Сергей Ковалев", "Парламент Мәжілісі", "депутат"),
    }


def test_a_plural_of_a_position_word_may_describe_a_body() -> None:
    found = extract("Жиынға «Дала» сарапшылар клубының мүшелері келді.")
    assert names(found, ORG) == {"«Дала» сарапшылар клубы"}


def test_a_body_under_an_office_keeps_the_office_in_its_name() -> None:
    found = extract(
        "ҚР Президенті жанындағы ұлттық жастар кеңесінің хатшысы Самат Ерденов және "
        "Қазақстан Президенті жанындағы «Ынтымақ» республикалық мемлекеттік мекемесінің "
        "директоры Айжан Болатова сөйледі."
    )
    assert names(found, ORG) == {
        "ҚР Президенті жанындағы ұлттық жастар кеңесі",
        "Қазақстан Президенті жанындағы «Ынтымақ» республикалық мемлекеттік мекемесі",
    }


# -- where a name starts and ends ----------------------------------------------------


def test_the_people_of_a_body_end_the_name_before_them() -> None:
    found = extract(
        "Семей медициналық университетінің басшылығы Қытайдың Шаньдун Университетінің "
        "делегациясымен кездесті."
    )
    assert "Семей медициналық университеті" in names(found, ORG)
    assert all("басшылығы" not in n for n in names(found, ORG))


def test_a_name_in_its_own_case_is_not_part_of_the_next_head() -> None:
    found = extract("Қор «Ақ ниет» қауымдастығымен серіктестік туралы меморандумға қол қойды.")
    assert names(found, ORG) == {"«Ақ ниет» қауымдастығы"}


def test_an_opening_word_parted_from_the_name_by_lower_case_words_is_left_out() -> None:
    found = extract("Аталмыш облыстық жиынды Арал өңірі Азаматтық Альянсының президенті ашты.")
    assert names(found, ORG) == {"Арал өңірі Азаматтық Альянсы"}


def test_a_place_in_the_attributive_alone_names_no_office() -> None:
    found = extract("Ол ұйымның Венадағы кеңсесінің директоры болып тағайындалды.")
    assert all("кеңсе" not in n for n in names(found, ORG))


def test_a_lower_case_unit_after_its_parent_is_one_name_and_the_parent_stays() -> None:
    found = extract(
        "Жиынға облыс әкімдігі жастар саясаты басқармасының басшысы Нұрлан Серікбаев және "
        "Ақсу аудандық ауруханасы ардагерлер кеңесінің төрағасы Бақыт Сапарова қатысты."
    )
    assert roles(found) == {
        ("Нұрлан Серікбаев", "облыс әкімдігі жастар саясаты басқармасы", "басшы"),
        ("Бақыт Сапарова", "Ақсу аудандық ауруханасы ардагерлер кеңесі", "төраға"),
    }
    assert "Ақсу аудандық ауруханасы" in names(found, ORG)


def test_initials_with_a_known_surname_are_the_same_person() -> None:
    found = extract(
        "Кездесуге Ержан Темірғалиев қатысты. Е. Темірғалиев жобаны таныстырды. "
        "Е.Темірғалиевтің айтуынша, жұмыс жалғасады."
    )
    assert names(found, PERSON) == {"Ержан Темірғалиев"}


def test_initials_and_a_surname_before_a_head_name_a_body() -> None:
    found = extract("Мәдениеттер диалогын дамыту жөніндегі Қ. Сәтбаев орталығы ашылды.")
    assert names(found, PERSON) == set()
    assert names(found, ORG) == {"Мәдениеттер диалогын дамыту жөніндегі Қ. Сәтбаев орталығы"}


# -- events ------------------------------------------------------------------------------

EVENT = EntityType.EVENT


def test_a_numbered_assembly_is_an_event_not_an_organisation() -> None:
    found = extract("Астанада Еуразия кітапханалар қауымдастығының V Бас Ассамблеясы өтті.")
    assert names(found, EVENT) == {"Еуразия кітапханалар қауымдастығының V Бас Ассамблеясы"}
    assert names(found, ORG) == {"Еуразия кітапханалар қауымдастығы"}


def test_a_numbered_sitting_and_an_extraordinary_congress_are_events() -> None:
    found = extract(
        "Бүгін Жетісу университеті жанындағы Сенімгерлер кеңесінің ХІІ отырысы өтті. "
        "Кеше «Болашақ» партиясының кезектен тыс съезі болды."
    )
    assert names(found, EVENT) == {
        "Жетісу университеті жанындағы Сенімгерлер кеңесінің ХІІ отырысы",
        "«Болашақ» партиясының кезектен тыс съезі",
    }


def test_the_organiser_before_a_quoted_title_is_not_part_of_the_event() -> None:
    found = extract("Қазақстан халқы Ассамблеясының «Біргеміз!» жастар форумы басталды.")
    assert names(found, EVENT) == {"«Біргеміз!» жастар форумы"}


def test_a_board_of_directors_is_named_as_its_body() -> None:
    found = extract("Рәсімге KMG Директорлар кеңесінің төрағасы Асан Жұмабеков қатысты.")
    assert roles(found) == {("Асан Жұмабеков", "KMG", "директорлар кеңесінің төрағасы")}


def test_an_adjective_before_a_quoted_name_belongs_to_it() -> None:
    found = extract(
        "Республикалық «Шуақ» қоғамдық бірлестігінің төрағасы сөйледі. Одан кейін "
        "Халықаралық «Дана» қоғамының мүшелері және аудандық Мәдениет үйінің әншілері келді."
    )
    assert names(found, ORG) == {
        "Республикалық «Шуақ» қоғамдық бірлестігі",
        "Халықаралық «Дана» қоғамы",
        "аудандық Мәдениет үйі",
    }


def test_a_short_form_from_the_first_word_to_the_head_is_the_same_body() -> None:
    found = extract(
        "Батыс Азия аймақтық экологиялық орталығының өкілі Ержан Сәрсенов сөйледі. "
        "Батыс Азия аймақтық орталығының жобасы таныстырылды."
    )
    assert names(found, ORG) == {"Батыс Азия аймақтық экологиялық орталығы"}


def test_qr_stands_for_the_republic_in_a_name() -> None:
    found = extract(
        "Қазақстан Республикасының Ұлттық музейі көрме ашты. ҚР Ұлттық музейінің директоры "
        "Әсел Бекова сөйледі."
    )
    assert len(names(found, ORG)) == 1


def test_a_quoted_name_with_the_abbreviation_of_its_kind_is_one_organisation() -> None:
    found = extract("Жиын «Бірлік» ҰКП ғимаратында өтті.")
    assert names(found, ORG) == {"«Бірлік» ҰКП"}


def test_two_heads_joined_by_men_share_one_name() -> None:
    found = extract(
        "Делегация құрамында Алатау Ұлттық кітапханасы мен мұрағатының қызметкерлері болды."
    )
    assert "Алатау Ұлттық кітапханасы мен мұрағаты" in names(found, ORG)


def test_a_council_described_by_adjectives_is_a_body_before_a_position() -> None:
    found = extract("Облыстық қоғамдық кеңес мүшесі Арман Төлеуов сөз алды.")
    assert roles(found) == {("Арман Төлеуов", "Облыстық қоғамдық кеңес", None)}


def test_a_session_numbered_in_cyrillic_and_latin_letters_is_one_event() -> None:
    found = extract(
        "Жастар кеңесінің ҮІІ отырысы өтті.\n\n"
        "Бүгін Тараз қаласында Жастар кеңесінің VII отырысы өтті."
    )
    assert len(names(found, EntityType.EVENT)) == 1


def test_a_position_on_a_topic_still_belongs_to_the_body_before_it() -> None:
    found = extract(
        "Еуропа Одағының Таяу Шығыс бойынша арнайы өкілі Ханна Ловен және ҚХР Бас "
        "консулдығының Алматы қаласындағы мәдениет жөніндегі консулы Ли Мин келді."
    )
    assert ("Ханна Ловен", "Еуропа Одағы", "арнайы өкіл") in roles(found)
    assert {(p, o) for p, o, _ in roles(found)} >= {("Ли Мин", "ҚХР Бас консулдығы")}


def test_a_name_before_a_place_noun_is_a_place() -> None:
    found = extract("Атырау қаласы мен Литваның Паланга қаласы арасында хаттама бекітілді.")
    assert names(found, PERSON) == set()


def test_a_surname_left_in_the_accusative_is_the_same_person() -> None:
    found = extract(
        "Кеңес құрамынан Бекзат Нұрмағамбетов шығарылды. "
        "Съезд Бекзат Нұрмағамбетовті кеңестен шығарды."
    )
    assert len(names(found, PERSON)) == 1


def test_a_comma_list_before_and_stays_inside_a_name() -> None:
    found = extract(
        "Шараға Ақмола облысының мәдениет, тілдер және архив ісі басқармасының басшысы "
        "Гүлмира Сәрсенова қатысты."
    )
    assert roles(found) == {
        (
            "Гүлмира Сәрсенова",
            "Ақмола облысының мәдениет, тілдер және архив ісі басқармасы",
            "басшы",
        )
    }


def test_with_someones_support_is_no_part_of_the_next_name() -> None:
    found = extract(
        "Ақмола облысының мәдениет басқармасының қолдауымен облыстық тарих музейінде көрме ашылды."
    )
    assert "Ақмола облысының мәдениет басқармасы" in names(found, ORG)


def test_the_regional_office_named_short_is_the_one_named_with_its_region() -> None:
    found = extract(
        "Көрмені Ақмола облысының жастар саясаты басқармасы ұйымдастырды. Оған облыстық "
        "жастар саясаты басқармасының бас маманы Ержан Әлиев қатысты."
    )
    assert roles(found) == {
        ("Ержан Әлиев", "Ақмола облысының жастар саясаты басқармасы", "бас маман")
    }


def test_quoted_names_listed_before_a_plural_head_are_bodies_of_their_own() -> None:
    found = extract("Жиынға «Шаңырақ», «Бәйтерек» және «Ақбота» кеңестерінің мүшелері қатысты.")
    assert names(found, ORG) == {"«Шаңырақ» кеңесі", "«Бәйтерек» кеңесі", "«Ақбота» кеңесі"}


def test_one_subject_signs_with_each_of_the_listed_bodies() -> None:
    found = extract(
        "«Шапағат» қоры «Ақ жол», «Нұр» және «Мейірім» қорларымен меморандумға қол қойды."
    )
    assert sorted(sorted(parties(found, c)) for c in agreements(found)) == [
        ["«Ақ жол» қоры", "«Шапағат» қоры"],
        ["«Мейірім» қоры", "«Шапағат» қоры"],
        ["«Нұр» қоры", "«Шапағат» қоры"],
    ]


def test_a_later_lower_case_mention_of_a_named_office_is_that_office() -> None:
    found = extract(
        "Жиынға облыстық жастар саясаты басқармасының басшысы Арман Сейітов келді. "
        "Кейін жастар саясаты басқармасының маманы Әлия Бекова сөйледі."
    )
    assert roles(found) == {
        ("Арман Сейітов", "облыстық жастар саясаты басқармасы", "басшы"),
        ("Әлия Бекова", "облыстық жастар саясаты басқармасы", "маман"),
    }


def test_a_quoted_title_with_atty_names_the_event_after_it() -> None:
    found = extract(
        "Қалада «Жастар – болашақ» атты облыстық жастар форумы өтті. "
        "Колледжде «Достық – бақыт» атты фестиваль болды."
    )
    assert names(found, EntityType.EVENT) == {
        "«Жастар – болашақ» облыстық жастар форумы",
        "«Достық – бақыт» фестивалі",
    }


def test_an_arabic_article_opens_a_name_and_a_person() -> None:
    found = extract(
        "Жиынға әл-Фараби университетінің ректоры Салим Омар қатысты. "
        "Делегацияны Ибрагим Ахмад Әл Мансур басқарды."
    )
    assert "әл-Фараби университеті" in names(found, ORG)
    assert "Ибрагим Ахмад Әл Мансур" in names(found, PERSON)


def test_an_office_for_employment_keeps_its_action_words() -> None:
    found = extract(
        "Жиынға облыстық сумен жабдықтауды үйлестіру басқармасының басшысы Асан Нұров келді."
    )
    assert roles(found) == {
        ("Асан Нұров", "облыстық сумен жабдықтауды үйлестіру басқармасы", "басшы")
    }


def test_a_bare_head_before_a_position_is_the_one_body_of_that_kind_named() -> None:
    found = extract(
        "Іс-шара Шығыс гуманитарлық университетінде өтті. "
        "Шараны университет ректоры Талғат Ахметов ашты."
    )
    assert roles(found) == {("Талғат Ахметов", "Шығыс гуманитарлық университеті", "ректор")}


def test_a_bare_head_refers_to_nothing_when_two_bodies_of_its_kind_are_named() -> None:
    found = extract(
        "Шараға Шығыс университеті мен Батыс университеті қатысты. "
        "Шараны университет ректоры Талғат Ахметов ашты."
    )
    assert roles(found) == set()


def test_positions_listed_after_a_delegation_colon_are_held_in_its_body() -> None:
    found = extract(
        "Кітапханаға Тәжікстан Ұлттық музейінің делегациясы құрамында: бас директор "
        "Рустам Набиев, бас хатшы Зарина Каримова келді."
    )
    assert roles(found) == {
        ("Рустам Набиев", "Тәжікстан Ұлттық музейі", "бас директор"),
        ("Зарина Каримова", "Тәжікстан Ұлттық музейі", "бас хатшы"),
    }


def test_a_council_that_was_held_is_a_meeting() -> None:
    found = extract("Кеше Түркістан облысы Жастар ассамблеясының кеңесі өтті.")
    assert names(found, EntityType.EVENT) == {"Түркістан облысы Жастар ассамблеясының кеңесі"}
    assert "Түркістан облысы Жастар ассамблеясының кеңесі" not in names(found, ORG)


def test_a_board_named_without_its_body_is_no_organisation() -> None:
    found = extract("Ректор Қамқоршылар кеңесінің отырысына қатысты.")
    assert names(found, ORG) == set()


def test_offices_bureaus_and_bar_associations_are_bodies() -> None:
    found = extract(
        "Адам құқықтары жөніндегі Дала халықаралық бюросының директоры Ерлан Сәтов және "
        "Алматы қалалық адвокаттар алқасының төрағасы Серік Әлімов сөйледі."
    )
    assert names(found, ORG) == {
        "Адам құқықтары жөніндегі Дала халықаралық бюросы",
        "Алматы қалалық адвокаттар алқасы",
    }


def test_a_branch_and_its_parent_are_two_bodies_whatever_the_parents_case() -> None:
    found = extract(
        "«Болашақ» партиясының Тараз қалалық филиалының хатшысы Ерлан Сәтов және "
        "«Мейірім» қоғамдық бірлестігі аудандық филиалының директоры Әсел Нұрова сөйледі."
    )
    assert names(found, ORG) == {
        "«Болашақ» партиясы",
        "«Болашақ» партиясының Тараз қалалық филиалы",
        "«Мейірім» қоғамдық бірлестігі",
        "«Мейірім» қоғамдық бірлестігі аудандық филиалы",
    }


def test_an_office_named_by_its_function_before_a_position_is_a_body() -> None:
    found = extract(
        "Кездесуге білім беру басқармасы басшысының орынбасары Б. Сейітов және "
        "компания басқармасының төрағасы Асан Нұров келді."
    )
    assert roles(found) == {("Б. Сейітов", "білім беру басқармасы", "басшының орынбасары")}


def test_two_titles_joined_by_a_dash_belong_to_the_body_before_them() -> None:
    found = extract(
        "Тараз инновациялық университетінің Басқарма төрағасы – ректор Асан Бекұлы келді."
    )
    assert roles(found) == {("Асан Бекұлы", "Тараз инновациялық университеті", "басқарма төрағасы")}


def test_a_lone_word_of_the_lexicon_in_capitals_is_no_abbreviation() -> None:
    assert names(extract("ФОРУМ\n\nКеше жиын өтті."), ORG) == set()
    assert names(extract("« » атты форум өтті."), EntityType.EVENT) == set()


def test_credited_outlets_are_media_organisations() -> None:
    found = extract(
        "Жиын өтті, деп хабарлайды Dalanews.kz. Дерек: «Сарыарқа жаршысы». "
        "Толығырақ www.gov.kz сайтында."
    )
    assert names(found, ORG) == {"Dalanews.kz", "«Сарыарқа жаршысы»"}
    assert {m.org_class for m in found.mentions} == {OrgClass.MEDIA}


def test_the_office_premises_of_a_named_body_are_that_body() -> None:
    found = extract("Өкілдер Ташкенттегі Ұйғыр мәдени орталығының кеңсесіне барды.")
    assert names(found, ORG) == {"Ташкенттегі Ұйғыр мәдени орталығы"}


def test_a_dash_between_two_countries_stays_inside_a_name() -> None:
    found = extract(
        "Қазақстан – Корея іскерлік кеңесінің төрағасы Ким Ён Су келді. "
        "Бану Сәрсенова – Тараз Азаматтық Альянсының президенті."
    )
    assert names(found, ORG) == {"Қазақстан – Корея іскерлік кеңесі", "Тараз Азаматтық Альянсы"}


def test_compound_titles_and_internal_units_stay_in_the_role() -> None:
    found = extract(
        "Жиынға «Дала» қорының төраға орынбасары Асан Нұров және «Дала» қорының баспа "
        "бөлімінің меңгерушісі Әсел Бекова келді."
    )
    assert roles(found) == {
        ("Асан Нұров", "«Дала» қоры", "төраға орынбасары"),
        ("Әсел Бекова", "«Дала» қоры", "баспа бөлімінің меңгерушісі"),
    }


def test_a_body_named_with_and_without_where_it_is_takes_the_plain_name() -> None:
    found = extract(
        "Университетке Тараз қаласындағы Агроинновация ұлттық орталығының ғалымдары келді. "
        "Агроинновация ұлттық орталығының ғалымдары ризашылығын білдірді."
    )
    assert names(found, ORG) == {"Агроинновация ұлттық орталығы"}


def test_a_bare_head_opening_a_sentence_refers_to_the_body_named_before() -> None:
    found = extract(
        "Қарағанды облыстық жастар кеңесінің жаңа құрамы бекітілді. "
        "Кеңес төрағасы Марат Қасенов сөз сөйледі."
    )
    assert roles(found) == {("Марат Қасенов", "Қарағанды облыстық жастар кеңесі", "төраға")}


def test_a_bare_head_in_the_genitive_before_a_title_is_the_body_named_before() -> None:
    found = extract(
        "«Жасыл Дала» қоғамдық қоры мен Жетісу кәсіпкерлер қауымдастығы меморандумға қол "
        "қойды. Құжатқа қордың төрағасы Айгүл Бекова және қауымдастықтың атқарушы директоры "
        "Нұрлан Садықов қол қойды."
    )
    assert {
        ("Айгүл Бекова", "«Жасыл Дала» қоғамдық қоры", "төраға"),
        ("Нұрлан Садықов", "Жетісу кәсіпкерлер қауымдастығы", "атқарушы директор"),
    } <= roles(found)


def test_a_bare_head_refers_to_the_body_named_before_it_not_one_named_later() -> None:
    found = extract(
        "«Болашақ» қоры меморандум жасады\n\n"
        "Астанада Жастар ресурстық орталығы мен «Болашақ» қоғамдық қоры арасында "
        "меморандумға қол қойылды. Құжатқа орталық директоры Айгүл Бекова мен қор төрағасы "
        "Нұрлан Садықов қол қойды. Кейін «Таза Су» қоры да қосылды."
    )
    linked = {(person, role) for person, _, role in roles(found)}
    assert {("Айгүл Бекова", "директор"), ("Нұрлан Садықов", "төраға")} <= linked
    bodies = {org for person, org, _ in roles(found) if person == "Нұрлан Садықов"}
    assert bodies and all("Болашақ" in org for org in bodies)


def test_an_agreement_approved_or_concluded_is_signed() -> None:
    found = extract(
        "Ақтөбе өңірлік университеті «Атамекен» кәсіпкерлер палатасымен келісімшарт бекітті. "
        "«Серпін» жастар қозғалысы «Достық үйі» мекемесімен келісім түзді."
    )
    assert len(agreements(found)) == 2


# -- failure classes found on KazNERD sentences (scripts/eval_kaznerd.py) -------------


def test_a_common_noun_that_opens_the_sentence_is_no_part_of_the_name() -> None:
    found = extract("Тексеруші Ішкі істер министрлігі мен Ұлттық қауіпсіздік комитеті хат жіберді.")
    assert names(found, ORG) == {"Ішкі істер министрлігі", "Ұлттық қауіпсіздік комитеті"}


def test_an_ordinal_that_opens_the_sentence_is_no_part_of_a_name() -> None:
    found = extract("Екінші Жанболат Сейітқұлов келді.")
    assert names(found, PERSON) == {"Жанболат Сейітқұлов"}


def test_a_name_whose_first_word_opens_the_sentence_keeps_it() -> None:
    found = extract("Ұлттық Банк төрағасы Ерлан Маратов мәлімдеме жасады.")
    assert names(found, ORG) == {"Ұлттық Банк"}
    assert roles(found) == {("Ерлан Маратов", "Ұлттық Банк", "төраға")}


def test_a_position_a_person_became_or_held_is_an_affiliation() -> None:
    became = extract("Жанболат Сейітқұлов «Көктем» қорының директоры болды.")
    held = extract("Жанболат Сейітқұлов 2012 жылы «Көктем» қорының директоры болған.")
    expected = {("Жанболат Сейітқұлов", "«Көктем» қоры", "директор")}
    assert roles(became) == expected
    assert roles(held) == expected


def test_the_centre_of_a_district_is_a_place_not_a_body() -> None:
    found = extract("Шалқар ауданының орталығындағы мектепте жиналыс өтті.")
    assert names(found, ORG) == set()
    named = extract("Шалқар ауданының мәдениет орталығы жаңа үйірме ашты.")
    assert names(named, ORG) == {"Шалқар ауданының мәдениет орталығы"}


def test_airlines_and_civic_platforms_are_organisations() -> None:
    found = extract(
        "«Көкжиек Эйр» авиакомпаниясы мен «Береке» азаматтық платформасының өкілдері келді."
    )
    assert names(found, ORG) == {"«Көкжиек Эйр» авиакомпаниясы", "«Береке» азаматтық платформасы"}
    assert names(extract("Цифрлық платформа арқылы өтінім береді."), ORG) == set()


def test_a_name_word_that_looks_inflected_stays_in_the_name() -> None:
    found = extract("Біз Сауда және интеграция министрлігі құрылғанын білеміз.")
    assert names(found, ORG) == {"Сауда және интеграция министрлігі"}


def test_an_adjective_of_a_region_opens_a_name_at_the_start_of_a_sentence() -> None:
    found = extract("Еуразиялық экономикалық одақтың дамуы талқыланды.")
    assert names(found, ORG) == {"Еуразиялық экономикалық одақ"}
    assert names(extract("Халықаралық ұйым өкілдері келді."), ORG) == set()


def test_several_and_this_open_no_name() -> None:
    assert names(extract("Бұған министрлік жауап берді."), ORG) == set()
    assert names(extract("Облыстағы бірнеше балалар үйінде тексеру өтті."), ORG) == set()


def test_a_surname_in_the_accusative_is_named_in_the_nominative() -> None:
    found = extract("Әкім Ерлан Маратовты және Бауыржан Сапарұлын қабылдады.")
    assert names(found, PERSON) == {"Ерлан Маратов", "Бауыржан Сапарұлы"}


def test_a_signed_road_map_is_an_agreement() -> None:
    found = extract("Энергетика министрлігі мен «Жасыл дала» қауымдастығы жол картасына қол қойды.")
    assert [parties(found, a) for a in agreements(found)] == [
        {"Энергетика министрлігі", "«Жасыл дала» қауымдастығы"}
    ]


def test_a_post_in_a_unit_is_no_post_in_the_parent_named_inside_it() -> None:
    text = "ҚР Парламенті Сенатының төрағасы Мәлік Әшірбеков сөз сөйледі."
    result = next(Pipeline().pipe([Article(id="t", text=text, lang="kk", source_path="t.txt")]))
    names = {e.id: e.name.text for e in result.entities}
    posts = {names[f.organisation] for f in result.facts if isinstance(f, Membership)}
    assert posts == {"ҚР Парламенті Сенаты"}
    assert "ҚР Парламенті" in names.values()  # the parent stays a body of its own
