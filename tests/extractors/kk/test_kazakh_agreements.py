"""Kazakh rules, agreements and events: "X мен Y ... меморандумға қол қойды", named forums."""

from __future__ import annotations

from kazakh_support import agreements, extract, names, parties, roles

from kg.model import AgreementKind, EntityType, ParticipationClaim


def test_two_parties_joined_by_men_signed_a_memorandum() -> None:
    found = extract(
        "«Болашақ жастары» қоғамдық бірлестігі мен «Ақ жол» қоры ынтымақтастық туралы "
        "меморандумға қол қойды."
    )
    (claim,) = agreements(found)
    assert claim.kind is AgreementKind.MEMORANDUM
    assert claim.title == "ынтымақтастық туралы меморандум"
    assert parties(found, claim) == {"«Болашақ жастары» қоғамдық бірлестігі", "«Ақ жол» қоры"}


def test_the_instrumental_party_and_an_agreement() -> None:
    found = extract("Жетісу экологиялық альянсы «Таза Қала» қоғамдық қорымен Келісімге қол қойды.")
    (claim,) = agreements(found)
    assert claim.kind is AgreementKind.AGREEMENT
    assert claim.title is None
    assert parties(found, claim) == {"Жетісу экологиялық альянсы", "«Таза Қала» қоғамдық қоры"}


def test_the_passive_and_the_subject_before_the_noun() -> None:
    found = extract(
        "Жастар саясаты туралы меморандумға Маңғыстау жастар орталығы мен «Сенім» қоры "
        "арасында қол қойылды."
    )
    (claim,) = agreements(found)
    assert claim.title == "Жастар саясаты туралы меморандум"
    assert parties(found, claim) == {"Маңғыстау жастар орталығы", "«Сенім» қоры"}


def test_three_parties() -> None:
    found = extract(
        "«Алау» қоры, Павлодар жастар одағы және Ертіс экологиялық альянсы үшжақты "
        "меморандумға қол қойды."
    )
    (claim,) = agreements(found)
    assert len(parties(found, claim)) == 3


def test_a_genitive_owner_is_no_party() -> None:
    found = extract(
        "«Шапағат» қоры мен «Жарық» бірлестігі «Мейірім» қорының жобасы туралы "
        "меморандумға қол қойды."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Шапағат» қоры", "«Жарық» бірлестігі"}


def test_no_signature_no_agreement() -> None:
    found = extract("«Шапағат» қоры мен «Жарық» бірлестігі меморандум жобасын талқылады.")
    assert agreements(found) == []


def test_one_organisation_is_not_an_agreement() -> None:
    found = extract("Меморандумдарға қол қойылды. «Жарық» бірлестігі қуанышын білдірді.")
    assert agreements(found) == []


def test_a_named_event_with_its_place_and_date() -> None:
    found = extract(
        "5 наурызда Шымкент қаласында ІІ Өңірлік жастар форумы өтті. "
        "Форумға «Нұр» қорының президенті Асел Бекова қатысты.",
        date="2024-03-06",
    )
    (event,) = [m for m in found.mentions if m.type is EntityType.EVENT]
    assert (event.name, event.place, event.date) == (
        "ІІ Өңірлік жастар форумы",
        "Шымкент",
        "2024-03-05",
    )


def test_an_event_in_any_case_has_one_name() -> None:
    found = extract(
        "ХІІ Азаматтық форумның қорытындысы шықты. ХІІ Азаматтық форумға 300 адам қатысты."
    )
    assert names(found, EntityType.EVENT) == {"ХІІ Азаматтық форум"}


def test_people_who_took_part_in_an_event() -> None:
    found = extract("ІІІ Жастар конгресіне Айдос Сәрсенов және Мария Ким қатысты.")
    taking_part = {
        found.mentions[c.participant].name
        for c in found.claims
        if isinstance(c, ParticipationClaim)
    }
    assert taking_part == {"Айдос Сәрсенов", "Мария Ким"}


def test_a_theme_in_quotes_is_no_event_name() -> None:
    found = extract("«Болашаққа қадам» тақырыбындағы форумы өтті.")
    assert names(found, EntityType.EVENT) == set()


def test_a_named_day_is_an_event_but_a_day_of_a_forum_is_not() -> None:
    found = extract("Мектепте Ашық есік күні өтті. ІІ Жастар форумының екінші күні басталды.")
    assert names(found, EntityType.EVENT) == {"Ашық есік күні", "ІІ Жастар форумы"}


def test_a_contract_concluded_and_parties_linked_by_arasyndagy() -> None:
    concluded = extract("«Ақ бидай» ЖШС «Дән» кооперативімен келісімшарт жасасты.")
    (claim,) = agreements(concluded)
    assert claim.kind is AgreementKind.AGREEMENT
    assert parties(concluded, claim) == {"«Ақ бидай» ЖШС", "«Дән» кооперативі"}
    between = extract(
        "Ақтөбе облысының әкімдігі мен «Жасыл Ақтөбе» қоғамдық бірлестігі арасындағы "
        "меморандумға қол қойылды."
    )
    (claim,) = agreements(between)
    assert claim.title is None
    assert len(parties(between, claim)) == 2


def test_an_agreement_takes_the_date_its_sentence_gives() -> None:
    found = extract(
        "12 сәуірде «Алау» қоры мен «Нұр» бірлестігі меморандумға қол қойды.", date="2024-04-13"
    )
    (claim,) = agreements(found)
    assert claim.date == "2024-04-12"


def test_one_subject_with_two_partners_signs_two_agreements() -> None:
    found = extract(
        "Ертіс өлкетану мұражайы Қазақ ұлттық музейімен серіктестік туралы келісімге "
        "қол қойып, «Сарайшық» этнографиялық қорық-музейімен келісімге қол қойды."
    )
    assert sorted(sorted(parties(found, c)) for c in agreements(found)) == [
        ["«Сарайшық» этнографиялық қорық-музейі", "Ертіс өлкетану мұражайы"],
        ["Ертіс өлкетану мұражайы", "Қазақ ұлттық музейі"],
    ]


def test_a_three_sided_memorandum_is_one_agreement_of_all_three() -> None:
    for sided in ("үш жақты", "үшжақты"):
        found = extract(
            "Жайық облысының мәдениет басқармасы «Сарыарқа» өлкетану музейімен және Жайық "
            f"педагогикалық университетімен {sided} меморандумға қол қойды."
        )
        assert [sorted(parties(found, c)) for c in agreements(found)] == [
            [
                "«Сарыарқа» өлкетану музейі",
                "Жайық облысының мәдениет басқармасы",
                "Жайық педагогикалық университеті",
            ]
        ]


def test_a_partner_alone_signs_with_the_subject_of_the_headline() -> None:
    found = extract(
        "«Жол» қоғамдық қоры екі меморандумға қол қойды\n\n"
        "Қор «Дала» жастар қауымдастығымен серіктестік туралы меморандумға қол қойды."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Жол» қоғамдық қоры", "«Дала» жастар қауымдастығы"}


def test_people_signing_for_their_bodies_make_the_bodies_parties() -> None:
    found = extract(
        "«Шуақ» орталығының директоры Ерлан Әбенов пен Алтай жастар одағының төрағасы "
        "Сәуле Қасымова ынтымақтастық меморандумына қол қойды."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Шуақ» орталығы", "Алтай жастар одағы"}


def test_the_sides_are_the_two_bodies_named_before() -> None:
    found = extract(
        "Бүгін Тараз инновациялық университетіне Алатау ғылыми орталығының ғалымдары келді. "
        "Нәтижесінде қос тарап меморандумға қол қойды."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"Тараз инновациялық университеті", "Алатау ғылыми орталығы"}


def test_a_genitive_before_arasynda_is_a_party() -> None:
    found = extract(
        "Жамбыл облыстық кітапханасы мен Шу аудандық музейінің арасында келісім бекітілді."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"Жамбыл облыстық кітапханасы", "Шу аудандық музейі"}


def test_a_headline_and_a_dated_body_report_one_agreement() -> None:
    found = extract(
        "«Шуақ» қоры мен Тараз жастар одағы келісім жасасты\n\n"
        "25 қарашада «Шуақ» қоры мен Тараз жастар одағы меморандумға қол қойды.",
        date="2024-12-01",
    )
    claims = agreements(found)
    assert len(claims) == 2
    assert {(c.kind, c.date) for c in claims} == {(AgreementKind.AGREEMENT, "2024-11-25")}


def test_the_agreement_and_its_signature_in_two_sentences() -> None:
    for text in (
        "«Шуақ» қоры мен Тараз жастар одағы арасындағы ынтымақтастық меморандумы "
        "дайындалды. Құжатқа бүгін қол қойылды.",
        "Бүгін ынтымақтастық туралы меморандум жасалды. Оған «Шуақ» қоры мен Тараз "
        "жастар одағы қол қойды.",
    ):
        found = extract(text)
        (claim,) = agreements(found)
        assert parties(found, claim) == {"«Шуақ» қоры", "Тараз жастар одағы"}, text


def test_a_signature_with_no_agreement_named_near_it_is_none() -> None:
    assert agreements(extract("Кеше «Шуақ» қорында жиын өтті. Құжатқа қол қойылды.")) == []


def test_partners_without_a_subject_never_sign_with_each_other() -> None:
    found = extract("Сонымен қатар қор «Шапағат», «Мейірім» қорларымен де келісімге қол қойды.")
    assert agreements(found) == []


def test_the_outlet_that_reports_a_signing_is_no_party() -> None:
    found = extract(
        "«Ақ ниет» қоры мен Ертіс жастар одағы арасында меморандумға қол қойылды, "
        "деп хабарлайды Ертісnews.kz."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Ақ ниет» қоры", "Ертіс жастар одағы"}


def test_a_bare_head_joined_to_a_party_is_the_body_named_before() -> None:
    found = extract(
        "Бүгін «Бірлік» азаматтық альянсы форум өткізді. Форум барысында альянс пен "
        "«Жасыл дала» қоры серіктестік туралы меморандумға қол қойды."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Бірлік» азаматтық альянсы", "«Жасыл дала» қоры"}


def test_a_bare_head_signing_with_the_next_body_is_the_body_named_before() -> None:
    found = extract(
        "Кеше «Ақбұлақ» қайырымдылық қоры мен «Шуақ» орталығы меморандумға қол қойды. "
        "Сонымен қатар қор «Самал» жастар қозғалысымен де келісім жасасты."
    )
    signed = {frozenset(parties(found, claim)) for claim in agreements(found)}
    assert signed == {
        frozenset({"«Ақбұлақ» қайырымдылық қоры", "«Шуақ» орталығы"}),
        frozenset({"«Ақбұлақ» қайырымдылық қоры", "«Самал» жастар қозғалысы"}),
    }


def test_a_bare_head_takes_the_fullest_name_of_its_body() -> None:
    found = extract(
        "«Ақбұлақ» қоры жаңа серіктес тапты\n\n"
        "Кеше «Ақбұлақ» қайырымдылық қоры мен «Шуақ» орталығы меморандумға қол қойды. "
        "Сонымен қатар қор «Самал» жастар қозғалысымен де келісім жасасты."
    )
    named = {p for claim in agreements(found) for p in parties(found, claim)}
    assert "«Ақбұлақ» қайырымдылық қоры" in named
    assert "«Ақбұлақ» қоры" not in named


def test_a_bare_head_refers_to_a_quoted_name_with_a_legal_form() -> None:
    found = extract(
        "Кеше «Жайық университеті» КеАҚ өкілдері жастармен кездесті. Кездесу соңында "
        "университет пен «Самал» қоғамдық қоры меморандумға қол қойды."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Жайық университеті» КеАҚ", "«Самал» қоғамдық қоры"}


def test_the_agreement_as_subject_of_a_passive_verb_at_the_end() -> None:
    found = extract(
        "Екі жақ ынтымақтастық туралы құжатқа қол қойды. Меморандум «Самал» қауымдастығы "
        "мен Жайық облыстық кәсіпкерлер палатасы арасында жасалды."
    )
    (claim,) = agreements(found)
    assert claim.kind is AgreementKind.MEMORANDUM
    assert parties(found, claim) == {"«Самал» қауымдастығы", "Жайық облыстық кәсіпкерлер палатасы"}
    # the memorandum as a frame: what was made under it is no agreement
    found = extract(
        "Меморандум аясында «Самал» қауымдастығы мен Жайық жастар одағы арасында жоба жасалды."
    )
    assert agreements(found) == []


def test_an_agreement_restated_in_the_next_sentence_keeps_its_kind_and_signers() -> None:
    found = extract(
        "Астанада жастарды қолдауға бағытталған меморандумға қол қойылды. Келісім жастарды "
        "қолдау мақсатында жасалды. Шараға «Самал» қорының президенті Ерлан Сапаров пен "
        "«Шуақ» қауымдастығының төрағасы Мәлика Жұмабаева қатысты."
    )
    (claim,) = agreements(found)
    assert claim.kind is AgreementKind.MEMORANDUM
    assert parties(found, claim) == {"«Самал» қоры", "«Шуақ» қауымдастығы"}


def test_a_bare_head_refers_to_a_name_with_a_stray_quote_before_its_legal_form() -> None:
    found = extract(
        "«Самал» ұлттық холдингі» АҚ мен «Шуақ» қоры арасында келісім жасалды. Құжатқа "
        "холдинг басқармасының төрағасы Ерлан Сапаров қол қойды."
    )
    assert ("Ерлан Сапаров", "«Самал» ұлттық холдингі АҚ", "басқарма төрағасы") in roles(found)


def test_several_partners_counted_then_listed_in_the_next_sentence() -> None:
    found = extract(
        "Жайық облысының жастар саясаты басқармасы бірнеше ұйыммен меморандум жасасты. "
        "Олардың қатарында «Самал» қоғамдық бірлестігі мен «Шуақ» қоры бар."
    )
    signed = {frozenset(parties(found, claim)) for claim in agreements(found)}
    office = "Жайық облысының жастар саясаты басқармасы"
    assert signed == {
        frozenset({office, "«Самал» қоғамдық бірлестігі"}),
        frozenset({office, "«Шуақ» қоры"}),
    }
    # without the count, a list after a signing is no list of its partners
    found = extract(
        "Жайық облысының жастар саясаты басқармасы меморандум жасасты. "
        "Олардың қатарында «Самал» қоғамдық бірлестігі мен «Шуақ» қоры бар."
    )
    assert agreements(found) == []


def test_signers_on_behalf_of_bodies_after_a_dash_make_the_bodies_parties() -> None:
    found = extract(
        "Келісімге «Самал» қорының атынан – директор Асан Тамборов, Жайық университетінің "
        "атынан – ректор Бақыт Сарыжазықов қол қойды."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Самал» қоры", "Жайық университеті"}
    assert ("Асан Тамборов", "«Самал» қоры", "директор") in roles(found)


def test_a_signing_ceremony_held_between_two_bodies() -> None:
    found = extract(
        "Жиында «Самал» қауымдастығы мен Жайық қалалық мәслихаты арасында меморандумға "
        "қол қою рәсімі өтті."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"«Самал» қауымдастығы", "Жайық қалалық мәслихаты"}
    # those who came to the ceremony need not be its parties
    found = extract(
        "Меморандумға қол қою рәсіміне Жайық қалалық мәслихатының хатшысы Асан Тамборов және "
        "«Самал» қауымдастығының президенті Бақыт Сарыжазықов қатысты."
    )
    assert agreements(found) == []


def test_two_bare_heads_between_which_an_agreement_is_signed() -> None:
    found = extract(
        "Жиынды Жайық облысының жастар саясаты басқармасы ұйымдастырды. «Самал» қоғамдық "
        "бірлестігінің жетекшісі сөйледі. Соңында басқарма мен бірлестік арасында "
        "меморандумға қол қойылды."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {
        "Жайық облысының жастар саясаты басқармасы",
        "«Самал» қоғамдық бірлестігі",
    }


def test_an_agreement_named_between_its_parties_was_made() -> None:
    found = extract(
        "Жайық облысының әкімдігі мен «Самал» қауымдастығы арасындағы әлеуметтік "
        "әріптестік туралы келісім бойынша биыл 30 жоба жүзеге асты."
    )
    (claim,) = agreements(found)
    assert parties(found, claim) == {"Жайық облысының әкімдігі", "«Самал» қауымдастығы"}
    # a draft between them is no agreement yet
    found = extract(
        "Жайық облысының әкімдігі мен «Самал» қауымдастығы арасындағы келісім жобасы талқыланды."
    )
    assert agreements(found) == []


def test_a_signing_still_to_come_is_no_agreement() -> None:
    for verb in ("қол қоймақ", "қол қоятын болады"):
        found = extract(f"«Самал» қоры мен Жайық университеті меморандумға {verb}.")
        assert agreements(found) == [], verb
    found = extract("«Самал» қоры мен Жайық университеті меморандумға қол қойды.")
    assert len(agreements(found)) == 1
