"""English failure classes seen on unseen sites, pinned on hand-written sentences.

Every name here is made up; each test pins one pattern of the language.
"""

from __future__ import annotations

from kg.extractors.en import EnglishExtractor
from kg.model import (
    AgreementClaim,
    AgreementKind,
    EntityType,
    Extraction,
    Mention,
)
from tests.extractors.extraction_support import (
    agreements,
    article,
    events,
    names,
    party_names,
    roles,
)


def _extract(text: str, title: str | None = None) -> Extraction:
    return next(EnglishExtractor().pipe([article(text, "en", title=title)]))


def _names(text: str, kind: EntityType) -> set[str]:
    return names(_extract(text), kind)


def _roles(text: str) -> set[tuple[str, str, str | None]]:
    return roles(_extract(text))


def _parties(text: str) -> list[frozenset[str]]:
    extraction = _extract(text)
    return [party_names(extraction, c) for c in agreements(extraction)]


def _events(text: str) -> list[Mention]:
    return events(_extract(text))


# -- persons need a name's shape -------------------------------------------------------------


def test_goals_days_decrees_and_nature_are_not_persons() -> None:
    text = (
        "The fund works towards the Sustainable Development Goals and marks International "
        "Women Rights Day. He signed a Presidential Decree about Mother Nature and Medical "
        "Activities. Marat Oskenov spoke."
    )
    assert _names(text, EntityType.PERSON) == {"Marat Oskenov"}


def test_capitalised_words_of_a_short_quoted_title_are_no_person() -> None:
    text = "Almaty hosted the round table “Open Steppe: A Careful Look at Tomorrow.” yesterday."
    assert _names(text, EntityType.PERSON) == set()


# -- organisation boundaries ----------------------------------------------------------------


def test_acronym_and_a_headed_name_are_two_organisations() -> None:
    text = "Partners such as USAID and Bright Steppe Foundation will take part."
    assert _names(text, EntityType.ORGANISATION) == {"USAID", "Bright Steppe Foundation"}


def test_legal_form_and_the_akimat_are_two_parties() -> None:
    text = "A memorandum was signed between Kumys Holdings AO and the Zhetisu Oblast Akimat."
    assert _parties(text) == [frozenset({"Kumys Holdings AO", "Zhetisu Oblast Akimat"})]


def test_inner_and_after_of_stays_inside_one_name() -> None:
    text = "The Society of the Silver Crane and Golden Eagle held a fair."
    assert _names(text, EntityType.ORGANISATION) == {"Society of the Silver Crane and Golden Eagle"}


def test_country_office_keeps_its_unit_and_country() -> None:
    text = (
        "It was supported by the Otto Brenner Foundation Office in Kyrgyzstan. "
        "Jane Doe, Chargé d’Affaires of the U.K. Embassy in Tajikistan, spoke."
    )
    assert _names(text, EntityType.ORGANISATION) == {
        "Otto Brenner Foundation Office in Kyrgyzstan",
        "U.K. Embassy in Tajikistan",
    }
    assert _roles(text) == {("Jane Doe", "U.K. Embassy in Tajikistan", "chargé d’affaires")}


def test_generic_type_word_then_the_name() -> None:
    text = "The project is run with the Public Association Bolashak Nury in Taraz."
    assert _names(text, EntityType.ORGANISATION) == {"Public Association Bolashak Nury"}
    assert _names(text, EntityType.PERSON) == set()


def test_type_word_then_a_quoted_name() -> None:
    text = "The presentation of the National Movement “Birlik” was held. Its Chairman spoke."
    assert _names(text, EntityType.ORGANISATION) == {"National Movement “Birlik”"}


def test_long_for_tail_with_to_and_in() -> None:
    text = "The Aigerim Charitable Foundation for Aid to Farmers in Need of Water helped."
    assert _names(text, EntityType.ORGANISATION) == {
        "Aigerim Charitable Foundation for Aid to Farmers in Need of Water"
    }


def test_a_unit_name_mentions_its_parent_body() -> None:
    text = (
        "Aliya Serikova, Chair of the Committee for Youth Affairs of the Ministry of Sport "
        "of the Republic of Kazakhstan, opened it."
    )
    assert _names(text, EntityType.ORGANISATION) == {
        "Committee for Youth Affairs of the Ministry of Sport of the Republic of Kazakhstan",
        "Ministry of Sport of the Republic of Kazakhstan",
    }


def test_council_under_the_senate_is_one_name() -> None:
    text = "She chairs the Council on Ethics under the Senate of the Parliament of Kazakhstan."
    assert "Council on Ethics under the Senate of the Parliament of Kazakhstan" in _names(
        text, EntityType.ORGANISATION
    )


def test_civil_society_and_a_state_programme_are_no_organisations() -> None:
    text = (
        "Civil Society of Kazakhstan grows, and the State Program for Rural Roads goes on. "
        "The UN Development Programme helps."
    )
    assert _names(text, EntityType.ORGANISATION) == {"UN Development Programme"}


def test_a_head_word_alone_is_no_organisation() -> None:
    text = "Group of volunteers in green shirts planting trees."
    assert _names(text, EntityType.ORGANISATION) == set()


# -- acronyms ------------------------------------------------------------------------------


def test_defined_acronym_then_title_then_person() -> None:
    text = (
        "The Steppe Aid Agency (StepAID) signed it. "
        "According to StepAID Chairman Marat Oskenov, more will follow."
    )
    assert _roles(text) == {("Marat Oskenov", "Steppe Aid Agency", "chairman")}


def test_a_known_acronym_defined_in_the_text_takes_the_full_name() -> None:
    text = "UNICEF works here. The United Nations Children’s Fund (UNICEF) opened an office."
    assert _names(text, EntityType.ORGANISATION) == {"United Nations Children’s Fund"}


# -- affiliations --------------------------------------------------------------------------


def test_apposition_between_commas_stays_with_its_person() -> None:
    text = (
        "It was signed by Aida Bekova, Vice President of the Alpha Trust, and Dina Sultan, "
        "Vice President for Social Programs of the Beta Foundation."
    )
    assert _roles(text) == {
        ("Aida Bekova", "Alpha Trust", "vice president"),
        ("Dina Sultan", "Beta Foundation", "vice president for social programs"),
    }


def test_who_heads_gives_the_role() -> None:
    text = "Bolat Nurov, who heads the Clear Water Foundation, agreed."
    assert _roles(text) == {("Bolat Nurov", "Clear Water Foundation", "head")}


def test_honorific_between_title_and_name_keeps_the_rank() -> None:
    text = (
        "A delegation headed by the First Deputy Minister of Trade of the Kyrgyz Republic, "
        "Mr. Asan Usenov, arrived."
    )
    assert _roles(text) == {
        ("Asan Usenov", "Ministry of Trade of the Kyrgyz Republic", "first deputy minister")
    }


# -- events --------------------------------------------------------------------------------


def test_numbered_forum_with_its_place() -> None:
    text = "He spoke at the 9th Steppe Forum of Kazakhstan on May 4 in Aktobe."
    (event,) = _events(text)
    assert (event.name, event.date, event.place) == (
        "9th Steppe Forum of Kazakhstan",
        None,
        "Aktobe",
    )


def test_ordinal_word_and_a_later_short_form_are_one_event() -> None:
    text = "Kazakhstan’s tenth Youth Forum opened. The Youth Forum lasts two days."
    assert {e.name for e in _events(text)} == {"tenth Youth Forum"}


def test_quoted_title_after_a_lower_case_head_with_its_full_date() -> None:
    text = "On May 3, 2024, Almaty hosted the conference “Open Steppe: A Look Ahead.”"
    (event,) = _events(text)
    assert (event.name, event.date, event.place) == (
        "Open Steppe: A Look Ahead",
        "2024-05-03",
        "Almaty",
    )


def test_named_forum_followed_by_its_quoted_theme() -> None:
    text = "Youth Initiatives Forum “Young people and the city” was held in Tashkent."
    assert {e.name for e in _events(text)} == {
        "Youth Initiatives Forum “Young people and the city”"
    }


# -- agreements ----------------------------------------------------------------------------


def test_memorandum_between_two_bodies_without_a_verb() -> None:
    text = "It rests on the Memorandum of Understanding between the Blue Lake Fund and UNDP."
    assert _parties(text) == [frozenset({"Blue Lake Fund", "UNDP"})]


def test_headline_memorandum_then_between_line() -> None:
    text = (
        "Memorandum of Cooperation\n\n"
        "Between the Green Steppe Party and the Mountain Water Union in Ecology\n\n"
        "The text follows."
    )
    assert _parties(text) == [frozenset({"Green Steppe Party", "Mountain Water Union"})]


def test_one_signer_with_several_partners() -> None:
    text = (
        "The Aral Youth Council signed memoranda with the Clear Sky Foundation, "
        "the Delta Institute and UNESCO."
    )
    assert sorted(sorted(p) for p in _parties(text)) == [
        ["Aral Youth Council", "Clear Sky Foundation"],
        ["Aral Youth Council", "Delta Institute"],
        ["Aral Youth Council", "UNESCO"],
    ]


# -- lower-case types and bodies -----------------------------------------------------------


def test_lower_case_type_then_quoted_name_with_its_head() -> None:
    text = "Asel Tokayeva, head of the NGO “Aman Saulyk”, said it was useful."
    assert _roles(text) == {("Asel Tokayeva", "Aman Saulyk", "head")}


def test_place_then_lower_case_government_is_a_body() -> None:
    text = "The head of the Almaty city akimat, Yerlan Bekov, met the United States government."
    assert _names(text, EntityType.ORGANISATION) == {
        "Almaty city akimat",
        "United States government",
    }
    assert _roles(text) == {("Yerlan Bekov", "Almaty city akimat", "head")}


def test_dash_then_acronym_closes_the_name() -> None:
    text = "It was run by the Rural Youth Development Association — RYDA and partners."
    assert _names(text, EntityType.ORGANISATION) == {"Rural Youth Development Association — RYDA"}


def test_office_after_a_bracketed_acronym_is_the_body_s_office() -> None:
    text = (
        "The United Nations Population Fund (UNFPA) Regional Office for Eastern Europe signed "
        "it. UNFPA will help."
    )
    assert _names(text, EntityType.ORGANISATION) == {"UNFPA Regional Office for Eastern Europe"}


def test_site_name_and_byline_are_media_outlets() -> None:
    text = "Bishkek (SteppeNews.kz) -- A fair opened, Steppe Daily reports."
    assert _names(text, EntityType.ORGANISATION) == {"SteppeNews.kz", "Steppe Daily"}


def test_event_with_an_on_topic_tail() -> None:
    text = "Participants of the International Conference on Rural Law and Water spoke."
    assert {e.name for e in _events(text)} == {"International Conference on Rural Law and Water"}


def test_possessive_head_names_the_last_body_with_that_head() -> None:
    text = (
        "The Steppe Green Party held a congress. The party’s chairman Bolat Nurov signed a letter."
    )
    assert _roles(text) == {("Bolat Nurov", "Steppe Green Party", "chairman")}


def test_the_title_then_a_name_in_a_sentence_with_one_body() -> None:
    text = "The report of the Clear Water Union was presented by the Chairman Dana Sapar."
    assert _roles(text) == {("Dana Sapar", "Clear Water Union", "chairman")}


def test_adviser_to_a_title_then_a_second_position() -> None:
    text = (
        "Gaukhar Amanova, Adviser to the Speaker of the Senate and Chairwoman of the Commission on "
        "Youth under the Senate of the Parliament of Kazakhstan, spoke."
    )
    assert _roles(text) == {
        ("Gaukhar Amanova", "Senate of the Parliament of Kazakhstan", "adviser to the speaker"),
        (
            "Gaukhar Amanova",
            "Commission on Youth under the Senate of the Parliament of Kazakhstan",
            "chairwoman",
        ),
    }


def test_person_comma_acronym_then_title() -> None:
    text = "“We will help,” said Olga Petrova, UNDP Resident Representative in Kyrgyzstan."
    assert _roles(text) == {("Olga Petrova", "UNDP", "resident representative")}


def test_field_minister_names_the_ministry_but_prime_minister_does_not() -> None:
    text = (
        "Kazakh Education Minister Aru Sadykova met Prime Minister Bek Alimov and "
        "Foreign Minister Dana Nurova."
    )
    assert _roles(text) == {
        ("Aru Sadykova", "Ministry of Education", "minister"),
        ("Dana Nurova", "Ministry of Foreign Affairs", "minister"),
    }


def test_plural_word_opening_a_sentence_is_no_part_of_the_name() -> None:
    text = "Members of the Public Council under the Ministry of Water met. Timur Ak spoke."
    assert _names(text, EntityType.ORGANISATION) == {
        "Public Council under the Ministry of Water",
        "Ministry of Water",
    }


def test_three_word_title_is_no_organisation() -> None:
    text = "Timur Ospan, Deputy Chief of Staff of the President, took part."
    assert _names(text, EntityType.ORGANISATION) == set()


def test_quoted_name_then_legal_form_and_delegation_to_a_country() -> None:
    text = (
        "Steppe Post JSC and “Altyn Su” LLP signed an agreement. "
        "The EU Delegation to Kyrgyzstan helped."
    )
    assert _parties(text) == [frozenset({"Steppe Post JSC", "“Altyn Su” LLP"})]
    assert "EU Delegation to Kyrgyzstan" in _names(text, EntityType.ORGANISATION)


def test_signers_stand_for_the_bodies_they_were_said_to_head() -> None:
    text = (
        "Aida Bek is president of the Clear Water Foundation. Bolat Nurov, rector of the "
        "Aral Institute, arrived. The memorandum was signed by Aida Bek and Bolat Nurov."
    )
    assert _parties(text) == [frozenset({"Clear Water Foundation", "Aral Institute"})]


def test_one_kind_for_one_pair_of_parties() -> None:
    text = (
        "The Lake Fund and the Hill Union signed a memorandum. "
        "The Lake Fund signed the cooperation agreement with the Hill Union in May."
    )
    extraction = _extract(text)
    kinds = {c.kind for c in extraction.claims if isinstance(c, AgreementClaim)}
    assert kinds == {AgreementKind.MEMORANDUM}


def test_trailing_international_heads_a_name_and_a_country_starts_no_person() -> None:
    text = (
        "Amnesty International and the Steppe Rail Union met. "
        "Thanks to Kazakhstan Temir Joly, the line opened. Kazakh Bolat Nurov won."
    )
    assert _names(text, EntityType.ORGANISATION) == {"Amnesty International", "Steppe Rail Union"}
    assert _names(text, EntityType.PERSON) == {"Bolat Nurov"}


def test_title_case_headline_keeps_its_bodies_and_its_agreement() -> None:
    text = "Steppe Ministry Of Water Signs Memorandum With UNESCO\n\nThe text follows."
    assert _parties(text) == [frozenset({"Steppe Ministry Of Water", "UNESCO"})]


def test_spellings_with_and_without_the_republic_are_one_body() -> None:
    text = (
        "The Fund of the First Teacher of Kazakhstan-Keeper of Words opened. The Fund of the "
        "First Teacher of the Republic of Kazakhstan - Keeper of Words helps. The Fund of the "
        "First Teacher of Kazakhstan grew."
    )
    assert _names(text, EntityType.ORGANISATION) == {
        "Fund of the First Teacher of the Republic of Kazakhstan - Keeper of Words"
    }


def test_minister_of_one_word_field_then_the_name() -> None:
    text = "Minister of Culture Aida Serikova opened the Zhetisu Media Forum."
    assert _roles(text) == {("Aida Serikova", "Ministry of Culture", "minister")}
    assert {e.name for e in _events(text)} == {"Zhetisu Media Forum"}


def test_internal_unit_goes_into_the_role() -> None:
    text = (
        "Head of the Department of Water Policy of the Ministry of Ecology Aigul Bekova "
        "presented the plan."
    )
    assert _roles(text) == {
        ("Aigul Bekova", "Ministry of Ecology", "head of the department of water policy")
    }


def test_management_board_is_part_of_the_title() -> None:
    text = "Bolat Nurov, Chairman of the Management Board of Steppe Invest JSC, signed it."
    assert _roles(text) == {
        ("Bolat Nurov", "Steppe Invest JSC", "chairman of the management board")
    }


def test_inner_and_after_an_on_tail() -> None:
    text = "The UN Office on Drugs and Crime (UNODC) opened a centre."
    assert _names(text, EntityType.ORGANISATION) == {"UN Office on Drugs and Crime"}


def test_particle_inside_a_name_and_the_title_s_country() -> None:
    text = "UNICEF Representative in Kazakhstan Arthur van Dalen said so."
    assert _roles(text) == {("Arthur van Dalen", "UNICEF", "representative")}


def test_news_agency_before_or_after_its_name() -> None:
    text = "According to the Steppewire news agency, it rained. The news agency Dalanews agreed."
    assert _names(text, EntityType.ORGANISATION) == {"Steppewire", "Dalanews"}


def test_a_lower_case_head_after_a_comma_types_no_name() -> None:
    text = "According to Chairman Bolat Nurov, the agency will grow."
    assert _names(text, EntityType.ORGANISATION) == set()


def test_a_deputy_of_the_mazhilis() -> None:
    text = "Aidos Sarsen, a deputy of the Mazhilis, spoke."
    assert _roles(text) == {("Aidos Sarsen", "Mazhilis", "deputy")}


def test_mixed_case_acronym_and_a_university_in_a_headline_are_two_bodies() -> None:
    text = "StepNU and Seoul Lake University Sign MoU\n\nThe text follows."
    assert _names(text, EntityType.ORGANISATION) == {"StepNU", "Seoul Lake University"}


def test_field_of_a_title_then_the_name_at_the_end_of_the_run() -> None:
    text = (
        "The Steppe National University (StepNU) grew. StepNU Vice-Rector for International "
        "Relations Aigul Bekova said so."
    )
    assert _roles(text) == {
        ("Aigul Bekova", "Steppe National University", "vice-rector for international relations")
    }


def test_a_plural_title_before_a_list_is_each_person_s() -> None:
    text = (
        "UNDP head Vera Lund and Aida Bek opened it. The Clear Lake Fund board members "
        "Aida Bek, Dana Nur and Bolat Nurov visited Taraz."
    )
    assert _roles(text) == {
        ("Vera Lund", "UNDP", "head"),
        ("Aida Bek", "Clear Lake Fund", "board member"),
        ("Dana Nur", "Clear Lake Fund", "board member"),
        ("Bolat Nurov", "Clear Lake Fund", "board member"),
    }


def test_initials_and_surname_are_a_person() -> None:
    text = "It was presented by A. Bekova, director of the Clear Lake Fund, and K. Zh. Nurov."
    assert _names(text, EntityType.PERSON) == {"A. Bekova", "K. Zh. Nurov"}
    assert _roles(text) == {("A. Bekova", "Clear Lake Fund", "director")}


def test_a_headline_in_capitals_gives_no_names_but_known_acronyms() -> None:
    text = "KAZAKH FOREIGN MINISTER MEETS UNDP HEAD IN ASTANA\n\nThe text follows."
    assert _names(text, EntityType.ORGANISATION) == {"UNDP"}
    assert _names(text, EntityType.PERSON) == set()


def test_event_word_inside_a_body_s_name_is_no_event() -> None:
    text = "The Steppe Forum Foundation hosted the Open Water Summit."
    assert {e.name for e in _events(text)} == {"Open Water Summit"}
    assert _names(text, EntityType.ORGANISATION) == {"Steppe Forum Foundation"}


def test_more_kinds_of_body_are_organisations_and_a_named_thing_no_person() -> None:
    extraction = _extract(
        "The Eco Steppe Public Foundation and the Kazakhstan Water Partnership signed a "
        "memorandum of cooperation. The document was signed by Aigerim Bekova, chairwoman "
        "of the Eco Steppe board. The Aral Sea Museum and the Steppe Charity joined later. "
        "Arman Seitkali, director of the National Library of Kazakhstan, spoke at the Lake "
        "Art Museum."
    )
    organisations = names(extraction, EntityType.ORGANISATION)
    assert {
        "Kazakhstan Water Partnership",
        "Aral Sea Museum",
        "Steppe Charity",
        "National Library of Kazakhstan",
    } <= organisations
    assert "Lake Art Museum" not in organisations  # where he spoke, a place
    assert names(extraction, EntityType.PERSON) == {"Aigerim Bekova", "Arman Seitkali"}


def test_the_title_of_a_bare_head_names_the_body_named_before() -> None:
    extraction = _extract(
        "The Green Steppe Foundation and the Lake Water Partnership signed a memorandum. "
        "The document was signed by the chair of the foundation, Aigerim Bekova."
    )
    assert ("Aigerim Bekova", "Green Steppe Foundation", "chair") in roles(extraction)


# -- titles with a unit, and "Minister of X" wherever the run ends --------------------


def test_a_unit_between_a_title_and_its_body_keeps_the_affiliation() -> None:
    assert _roles(
        "Arman Dzhaksenov, chairman of the board of the Steppe Energy company, spoke."
    ) == {("Arman Dzhaksenov", "Steppe Energy", "chairman")}
    assert _roles(
        "The forum heard Zhanna Karibova, head of the Aral branch of the Blue Crane Society."
    ) == {("Zhanna Karibova", "Blue Crane Society", "head")}
    assert _roles(
        "Nurlan Abekov, director of the regional office of the Sunrise Foundation, spoke."
    ) == {("Nurlan Abekov", "Sunrise Foundation", "director")}


def test_a_ministers_field_ends_the_run_after_a_comma() -> None:
    assert _roles("Ganibek Beisenov, Minister of Education, signed the decree.") == {
        ("Ganibek Beisenov", "Ministry of Education", "minister")
    }


def test_a_minister_and_the_next_official_are_apart() -> None:
    text = (
        "The deal was signed by Minister of Education Ganibek Beisenov and Lumen "
        "Fund Representative Arthur Brownell."
    )
    assert ("Ganibek Beisenov", "Ministry of Education", "minister") in _roles(text)
    assert "Ministry of Education" in _names(text, EntityType.ORGANISATION)
    assert _names(text, EntityType.PERSON) == {"Ganibek Beisenov", "Arthur Brownell"}


def test_an_and_inside_a_ministers_field_stays_in_it() -> None:
    assert _roles("Minister of Labour and Social Protection Tamara Duisekova spoke.") == {
        ("Tamara Duisekova", "Ministry of Labour and Social Protection", "minister")
    }


def test_its_title_belongs_to_the_body_just_named() -> None:
    text = (
        "Kairat Umbetov, founder of the Youth Bridge Network, and Aliya Serikkyzy, "
        "its executive director, attended."
    )
    assert _roles(text) == {
        ("Kairat Umbetov", "Youth Bridge Network", "founder"),
        ("Aliya Serikkyzy", "Youth Bridge Network", "executive director"),
    }
    later = "The Blue Lake Foundation met. Aliya Serikkyzy, its executive director, spoke."
    assert _roles(later) == {("Aliya Serikkyzy", "Blue Lake Foundation", "executive director")}


def test_an_occupation_before_a_name_is_no_part_of_it() -> None:
    assert _names("Journalist Assel Baimukova reported from Aktau.", EntityType.PERSON) == {
        "Assel Baimukova"
    }


def test_people_named_by_initials_and_joined_by_and_are_two() -> None:
    assert _names("K. Tolegenov and B. Sarsenov visited the plant.", EntityType.PERSON) == {
        "K. Tolegenov",
        "B. Sarsenov",
    }


def test_a_title_at_a_body_is_an_affiliation() -> None:
    assert _roles("Dr. Saule Omarbek, a professor at Steppe University, attended.") == {
        ("Saule Omarbek", "Steppe University", "professor")
    }


def test_a_signed_roadmap_is_an_agreement() -> None:
    found = _extract(
        "The Ministry of Energy and the Green Steppe Association signed a roadmap on cooperation."
    )
    assert [party_names(found, a) for a in agreements(found)] == [
        {"Ministry of Energy", "Green Steppe Association"}
    ]


def test_a_country_joined_to_a_body_is_no_part_of_its_name() -> None:
    assert _names(
        "Kazakhstan and the Eurasian Steppe Union signed an agreement.", EntityType.ORGANISATION
    ) == {"Eurasian Steppe Union"}


def test_a_bare_head_before_a_title_names_the_body_named_before() -> None:
    text = (
        "The Steppe Water Foundation and Kainar University signed a memorandum. It was "
        "signed by foundation chair Aigerim Zhumabekova and university rector Bolat Seitkaliev."
    )
    assert {
        ("Aigerim Zhumabekova", "Steppe Water Foundation", "chair"),
        ("Bolat Seitkaliev", "Kainar University", "rector"),
    } <= _roles(text)
