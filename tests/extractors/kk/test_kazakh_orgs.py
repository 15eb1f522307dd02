"""Kazakh rules, organisations: head nouns, quoted names, legal forms, abbreviations."""

from __future__ import annotations

from kazakh_support import agreements, extract, names, parties, roles

from kg.model import EntityType, OrgClass

ORG = EntityType.ORGANISATION


def test_a_name_runs_left_from_its_head_over_capitalised_words() -> None:
    found = extract("Жиынға Балқаш экологиялық альянсының мүшелері келді.")
    assert names(found, ORG) == {"Балқаш экологиялық альянсы"}


def test_the_head_is_named_in_the_nominative_whatever_its_case() -> None:
    for form in ("қорына", "қорымен", "қорынан", "қорында", "қорының"):
        found = extract(f"Біз «Мейірім» {form} хат жаздық.")
        assert names(found, ORG) == {"«Мейірім» қоры"}, form


def test_quotes_of_any_style_become_guillemets() -> None:
    found = extract("“Алтын дән” қауымдастығының мүшелері жиналды.")
    assert names(found, ORG) == {"«Алтын дән» қауымдастығы"}


def test_a_quoted_name_with_a_legal_form_is_an_organisation() -> None:
    found = extract("Шараны «Дара Жол» ҚБ мен «Сауле Медиа» ЖШС ұйымдастырды.")
    assert names(found, ORG) == {"«Дара Жол» ҚБ", "«Сауле Медиа» ЖШС"}


def test_a_legal_form_after_the_head_stays_in_the_name() -> None:
    found = extract("Ертіс су арнасы АҚ басшылығы ауысты.")
    assert names(found, ORG) == {"Ертіс су арнасы АҚ"}


def test_linked_phrases_belong_to_the_name() -> None:
    text = (
        "Оған Ақтөбе облысы әкімдігі жанындағы Жастар ісі жөніндегі кеңестің "
        "мүшелері және Ілияс Жансүгіров атындағы Жетісу университетінің ғалымдары қатысты."
    )
    found = extract(text)
    assert names(found, ORG) == {
        "Ақтөбе облысы әкімдігі жанындағы Жастар ісі жөніндегі кеңес",
        "Ілияс Жансүгіров атындағы Жетісу университеті",
    }


def test_a_name_stops_at_locative_words_verbs_and_punctuation() -> None:
    found = extract("Семейде өткен жиында Шығыс өңірлік экологиялық орталығының жобасы талқыланды.")
    assert names(found, ORG) == {"Шығыс өңірлік экологиялық орталығы"}


def test_two_names_joined_by_men_are_two_organisations() -> None:
    found = extract("«Самға» қоры мен Тараз жастар одағы бірлескен жоба бастады.")
    assert names(found, ORG) == {"«Самға» қоры", "Тараз жастар одағы"}


def test_a_bare_noun_before_another_name_word_is_no_head() -> None:
    # "Орталық" is a head noun ("centre") and an adjective ("central")
    found = extract("Орталық Азия жастар желісінің отырысы өтті.")
    assert names(found, ORG) == {"Орталық Азия жастар желісі"}


def test_a_chain_of_names_gives_each_its_own_organisation() -> None:
    text = "Дәріске Қарағанды техникалық университеті Тау-кен институтының оқытушылары келді."
    found = extract(text)
    assert names(found, ORG) == {
        "Қарағанды техникалық университеті",
        "Тау-кен институты",
    }


def test_a_branch_keeps_its_parent_in_its_name_and_the_parent_stays_an_organisation() -> None:
    found = extract("«Ақ жол» партиясы Маңғыстау облыстық филиалының жиыны өтті.")
    assert names(found, ORG) == {
        "«Ақ жол» партиясы",
        "«Ақ жол» партиясы Маңғыстау облыстық филиалы",
    }


def test_abbreviations_alone_are_organisations_but_countries_are_not() -> None:
    found = extract("ҚР мен АҚШ өкілдері ЕҚЫҰ-ның және UNICEF-тің жобаларын талқылады.")
    assert names(found, ORG) == {"ЕҚЫҰ", "UNICEF"}


def test_an_abbreviation_defined_for_something_else_is_no_organisation() -> None:
    found = extract("Жасыл экономика қағидаттары (ЖЭҚ) талқыланды. ЖЭҚ-ны енгізу жалғасады.")
    assert names(found, ORG) == set()


def test_an_abbreviation_takes_the_name_of_the_organisation_it_abbreviates() -> None:
    text = "Жастар бастамаларын қолдау орталығы жаңа бағдарлама ашты. ЖБҚО өкілдері оны таныстырды."
    found = extract(text)
    mentions = [m for m in found.mentions if m.type is ORG]
    assert [m.text for m in mentions] == ["Жастар бастамаларын қолдау орталығы", "ЖБҚО"]
    assert {m.name for m in mentions} == {"Жастар бастамаларын қолдау орталығы"}


def test_case_forms_and_capitals_of_one_organisation_share_a_name() -> None:
    text = (
        "Ақтау Азаматтық альянсының мүшелері жиналды. "
        "Ақтаудың Азаматтық Альянсы мен «Теңіз» қоры келісімге келді."
    )
    found = extract(text)
    alliance = {m.name for m in found.mentions if m.type is ORG and "льянс" in m.text.lower()}
    assert len(alliance) == 1


def test_a_minister_implies_a_ministry() -> None:
    found = extract("ҚР Цифрлық даму вице-министрі Асқар Жұмағалиев баяндама жасады.")
    assert names(found, ORG) == {"ҚР Цифрлық даму министрлігі"}


def test_a_regional_council_in_lower_case_counts_only_with_a_role() -> None:
    with_role = extract("Жиынға облыстық мәслихат хатшысы Ержан Сәбитов қатысты.")
    without = extract("Облыс тұрғындары облыстық мәслихат жұмысын бағалады.")
    assert names(with_role, ORG) == {"облыстық мәслихат"}
    assert names(without, ORG) == set()


def test_organisation_classes_come_from_the_head_noun() -> None:
    found = extract("Білім және ғылым министрлігі мен «Ақпарат» телеарнасы «Ырыс» қорымен келісті.")
    classes = {m.name: m.org_class for m in found.mentions if m.type is ORG}
    assert classes == {
        "Білім және ғылым министрлігі": OrgClass.GOVERNMENT,
        "«Ақпарат» телеарнасы": OrgClass.MEDIA,
        "«Ырыс» қоры": OrgClass.NGO,
    }


def test_words_inside_long_quotes_are_ordinary_text() -> None:
    text = "«Біз USAID ұйымымен және Жасыл Қала қорымен бірге жұмыс істейміз», – деді ол."
    found = extract(text)
    assert names(found, ORG) == {"USAID", "Жасыл Қала қоры"}


def test_a_name_repeated_without_its_owner_is_the_same_organisation() -> None:
    text = (
        "Мәдениет министрлігінің Тіл саясаты комитетінің төрағасы Ержан Бекұлы сөйледі. "
        "Тіл саясаты комитеті жаңа бағдарлама ұсынды."
    )
    found = extract(text)
    # the ministry is a body of its own beside its committee (the conventions name both)
    assert names(found, ORG) == {
        "Мәдениет министрлігінің Тіл саясаты комитеті",
        "Мәдениет министрлігі",
    }


def test_a_single_word_with_a_legal_form_is_an_organisation_of_its_class() -> None:
    found = extract("Бұл туралы Қазгидромет РМК мен Теміржол ЖШС хабарлады.")
    classes = {m.name: m.org_class for m in found.mentions if m.type is ORG}
    assert classes == {"Қазгидромет РМК": OrgClass.GOVERNMENT, "Теміржол ЖШС": OrgClass.COMPANY}


def test_legal_forms_in_a_row_and_a_quoted_abbreviation() -> None:
    text = (
        "«Қазақстан темір жолы» ҰК АҚ басшылығы ауысты. "
        "«ҚТЖ» ҰК АҚ басқарма төрағасы Талғат Әлібеков болды. АЛМАТЫ қаласында жаңбыр жауды."
    )
    found = extract(text)
    assert names(found, ORG) == {"«Қазақстан темір жолы» ҰК АҚ"}


def test_nouns_that_end_like_verbs_stay_in_names() -> None:
    found = extract("Тараз құқықтық көмек орталығының заңгерлері кеңес берді.")
    assert names(found, ORG) == {"Тараз құқықтық көмек орталығы"}


def test_a_sentence_start_is_no_name_unless_the_word_is_capitalised_elsewhere() -> None:
    assert names(extract("Баспасөз орталығында жүздеген журналист отыр."), ORG) == set()
    found = extract(
        "Шанхай ынтымақтастық ұйымынан байқаушылар келді. Олар Шанхай қаласынан ұшып келді."
    )
    assert names(found, ORG) == {"Шанхай ынтымақтастық ұйымы"}


def test_a_bare_head_before_its_verbs_object_ends_the_name() -> None:
    found = extract("Бүгін өндірушілер мен Экологиялық альянс меморандумға қол қойды.")
    assert names(found, ORG) == {"Экологиялық альянс"}


def test_possessive_and_against_phrases_inside_names() -> None:
    found = extract(
        "Жиынға Қарасай ауданы әкімдігінің және Сыбайлас жемқорлыққа қарсы іс-қимыл "
        "агенттігінің өкілдері келді."
    )
    assert names(found, ORG) == {
        "Қарасай ауданы әкімдігі",
        "Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі",
    }


def test_a_place_then_lower_case_words_describe_rather_than_name() -> None:
    found = extract("Науқастар Алматыдағы оңалту орталығына жіберілді.")
    assert names(found, ORG) == set()


def test_a_noun_that_ends_like_a_converb_stays_inside_the_name() -> None:
    # "өнеркәсіп" (industry) ends in "-іп" like a converb; it is a noun of the name
    found = extract("Жамбыл облысының сауда-өнеркәсіп палатасы жаңа жоба бастады.")
    assert names(found, ORG) == {"Жамбыл облысының сауда-өнеркәсіп палатасы"}


def test_a_hyphenated_name_ending_in_a_country_is_no_ablative() -> None:
    found = extract("Дала-Қазақстан қоры жаңа бағдарлама жариялады.")
    assert names(found, ORG) == {"Дала-Қазақстан қоры"}


def test_a_mixed_case_shortening_is_an_abbreviation() -> None:
    found = extract("ҚазДУ мен «Арал» қоры ынтымақтастық меморандумына қол қойды.")
    assert names(found, ORG) == {"ҚазДУ", "«Арал» қоры"}


def test_whom_an_abbreviated_body_is_named_after_is_part_of_its_name() -> None:
    found = extract("Әл-Бируни атындағы ҚазДУ жаңа бағдарлама жариялады.")
    assert names(found, ORG) == {"Әл-Бируни атындағы ҚазДУ"}


def test_a_headline_in_capitals_makes_no_abbreviations_of_its_short_words() -> None:
    found = extract(
        "«АРАЛ» ҚОРЫ МЕН ЮНИСЕФ МЕМОРАНДУМҒА ҚОЛ ҚОЙДЫ\n\n"
        "Бүгін «Арал» қоры мен ЮНИСЕФ ынтымақтастық туралы меморандумға қол қойды."
    )
    assert names(found, ORG) == {"«Арал» қоры", "ЮНИСЕФ"}


def test_a_headline_in_capitals_names_the_bodies_the_text_names() -> None:
    found = extract(
        "САМАЛ УНИВЕРСИТЕТІ «АРАЛ» ҚОРЫМЕН МЕМОРАНДУМҒА ҚОЛ ҚОЙДЫ\n\n"
        "Жайық, 12 мамыр. Бұл жолы Самал университеті мен «Арал» қоры тағылымдама ұйымдастырады."
    )
    assert names(found, ORG) == {"«Арал» қоры", "Самал университеті"}
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Арал» қоры", "Самал университеті"}
    # a body the text never names in ordinary case stays unread in the headline
    found = extract(
        "САМАЛ УНИВЕРСИТЕТІ «АРАЛ» ҚОРЫМЕН МЕМОРАНДУМҒА ҚОЛ ҚОЙДЫ\n\nБұл жолы «Арал» қоры келді."
    )
    assert names(found, ORG) == {"«Арал» қоры"}


def test_a_publishing_house_is_named_in_the_possessive_only() -> None:
    found = extract("Кітапхана «Тамбор» баспасымен келісімге қол қойды. Кітап баспаға жіберілді.")
    assert names(found, ORG) == {"«Тамбор» баспасы"}
    # the bare word is a print unit of a body, in the title
    found = extract("Жиынға «Тамбор» орталығының баспа бөлімінің меңгерушісі Дана Серікова келді.")
    assert roles(found) == {("Дана Серікова", "«Тамбор» орталығы", "баспа бөлімінің меңгерушісі")}


def test_a_un_programme_is_a_body_and_another_programme_is_not() -> None:
    found = extract("БҰҰ Даму бағдарламасының тұрақты өкілі Анна Серікова жобаны таныстырды.")
    assert names(found, ORG) == {"БҰҰ Даму бағдарламасы"}
    assert names(extract("«Болашақ» бағдарламасы бойынша 50 студент оқиды."), ORG) == set()


def test_a_un_programme_written_out_is_a_body() -> None:
    found = extract("«Самал» орталығы Біріккен Ұлттар Ұйымының Даму бағдарламасымен келісті.")
    assert names(found, ORG) == {"«Самал» орталығы", "Біріккен Ұлттар Ұйымының Даму бағдарламасы"}


def test_a_country_office_after_its_owners_genitive_takes_no_name_before_it() -> None:
    for owner in ("ЮНИСЕФ-тің", "БҰҰ Даму бағдарламасының"):
        found = extract(f"«Самал» орталығы {owner} Жайықтағы өкілдігімен меморандум жасасты.")
        office = f"{owner} Жайықтағы өкілдігі"
        assert {"«Самал» орталығы", office} <= names(found, ORG), owner
        (claim,) = agreements(found)
        assert parties(found, claim) == {"«Самал» орталығы", office}


def test_quotes_around_a_whole_name_with_its_ending_give_the_nominative() -> None:
    found = extract("Әкім «Жайық жастар орталығының» жұмысымен танысты.")
    assert names(found, ORG) == {"«Жайық жастар орталығы»"}


def test_a_plural_head_before_a_legal_form_names_one_body() -> None:
    found = extract("Жиынға Тамбор Зияткерлік мектептері ДББҰ өкілдері келді.")
    assert names(found, ORG) == {"Тамбор Зияткерлік мектептері ДББҰ"}


def test_a_ministrys_committee_and_the_ministry_are_two_bodies() -> None:
    found = extract(
        "Тамбор министрлігінің Тілдерді дамыту комитетінің төрағасы Ербол Сапаров келді."
    )
    assert names(found, ORG) == {
        "Тамбор министрлігі",
        "Тамбор министрлігінің Тілдерді дамыту комитеті",
    }
    # and so is a ministry a body is set up under
    found = extract("Тамбор министрлігі жанындағы қылмыстарды тергеу қызметі хабарлады.")
    assert names(found, ORG) == {
        "Тамбор министрлігі",
        "Тамбор министрлігі жанындағы қылмыстарды тергеу қызметі",
    }
    # an akimat's department is named with the akimat, no second body
    found = extract("Жайық облысы әкімдігінің ішкі саясат басқармасы хабарлады.")
    assert names(found, ORG) == {"Жайық облысы әкімдігінің ішкі саясат басқармасы"}


def test_a_group_of_companies_is_one_body() -> None:
    found = extract("Жайық облысы әкімдігі және «Самал» компаниялар тобы меморандумға қол қойды.")
    assert names(found, ORG) == {"Жайық облысы әкімдігі", "«Самал» компаниялар тобы"}
    # quoted names before a plural head alone are each a body
    found = extract("«Самал», «Арал» компанияларымен келісім жасалды.")
    assert names(found, ORG) == {"«Самал» компаниясы", "«Арал» компаниясы"}


def test_a_technology_park_and_a_bare_head_before_ozara() -> None:
    found = extract("«Самал Хаб» технопаркі мен Дүниежүзілік банк өзара меморандумға қол қойды.")
    assert names(found, ORG) == {"«Самал Хаб» технопаркі", "Дүниежүзілік банк"}
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Самал Хаб» технопаркі", "Дүниежүзілік банк"}


def test_fields_before_a_plural_head_each_name_a_body() -> None:
    found = extract("Жиынға Энергетика және Сауда министрліктерінің өкілдері келді.")
    assert names(found, ORG) == {"Энергетика министрлігі", "Сауда министрлігі"}


def test_a_lower_case_word_after_and_continues_the_field() -> None:
    found = extract("Бүгін Цифрлық даму, Ғылым және жоғары білім министрліктері жиналды.")
    assert names(found, ORG) == {"Цифрлық даму министрлігі", "Ғылым және жоғары білім министрлігі"}


def test_the_state_opening_the_first_field_opens_them_all() -> None:
    found = extract("Біз ҚР Энергетика және Сауда министрліктерімен кездестік.")
    assert names(found, ORG) == {"ҚР Энергетика министрлігі", "ҚР Сауда министрлігі"}


def test_places_before_a_plural_head_are_no_fields() -> None:
    found = extract("Қазақстан мен Өзбекстан министрліктері келісімге қол қойды.")
    assert names(found, ORG) == set()


def test_a_service_after_its_field_is_a_body() -> None:
    found = extract("Кездесу Жайық облысының Өңірлік коммуникациялар қызметінде өтті.")
    assert names(found, ORG) == {"Жайық облысының Өңірлік коммуникациялар қызметі"}


def test_a_service_after_a_genitive_is_what_the_owner_does() -> None:
    found = extract("Жиында Жайық өңірлік кітапханасының қызметі талқыланды.")
    assert names(found, ORG) == {"Жайық өңірлік кітапханасы"}


def test_a_press_service_is_no_body_of_its_own() -> None:
    found = extract("Бұл туралы Жайық ауданы әкімдігінің баспасөз қызметі хабарлады.")
    assert "Жайық ауданы әкімдігінің баспасөз қызметі" not in names(found, ORG)


def test_a_sentences_first_noun_before_a_place_phrase_is_no_part_of_the_name() -> None:
    found = extract("Брифинг Жайық облысының Білім басқармасында өтті.")
    assert names(found, ORG) == {"Жайық облысының Білім басқармасы"}


def test_a_compass_word_first_in_a_sentence_opens_the_place() -> None:
    found = extract("Батыс Жайық облысының Білім басқармасы жиын өткізді.")
    assert names(found, ORG) == {"Батыс Жайық облысының Білім басқармасы"}


def test_a_bare_post_word_describing_the_members_stays_in_the_name() -> None:
    found = extract("Кеше «Самал» ерікті жастар қозғалысы жиын өткізді.")
    assert names(found, ORG) == {"«Самал» ерікті жастар қозғалысы"}
    # a post word before a name is still a post: "министр" here holds a person
    found = extract("Жиынға министр Ерлан Сапаров пен «Самал» қоры қатысты.")
    assert "министр Ерлан Сапаров" not in names(found, ORG)


def test_a_quoted_whole_name_before_a_place_is_a_body_of_its_own() -> None:
    found = extract("«Самал одағы» Жайық облысының әкімдігімен де меморандум жасасты.")
    assert names(found, ORG) == {"«Самал одағы»", "Жайық облысының әкімдігі"}
    # a unit after the place is still the quoted body's
    found = extract("Форум «Самал университеті» Жайық филиалында өтті.")
    assert names(found, ORG) == {"«Самал университеті» Жайық филиалы"}


def test_a_foreign_countrys_genitive_before_a_named_body_only_says_where_it_is() -> None:
    found = extract("Жапонияның Тамбор университеті Жайық колледжімен келісім жасасты.")
    assert "Тамбор университеті" in names(found, ORG)
    # a country of two words
    found = extract("Оңтүстік Кореяның Тамбор университеті Жайық колледжімен келісім жасасты.")
    assert "Тамбор университеті" in names(found, ORG)
    # a state body keeps its country, and so does a name that goes on with a description
    found = extract("Жиынға Жапонияның Сыртқы істер министрлігінің өкілі Ерлан Сапаров қатысты.")
    assert "Жапонияның Сыртқы істер министрлігі" in names(found, ORG)
    found = extract("Жапонияның Ұлттық кітапханасы көрме ашты.")
    assert "Жапонияның Ұлттық кітапханасы" in names(found, ORG)
