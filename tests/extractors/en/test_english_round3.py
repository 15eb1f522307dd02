"""English shapes from a third round of unseen-site styles (press releases with surnames in
capitals, heads opening a sentence), pinned on hand-written sentences with made-up names."""

from __future__ import annotations

from kg.extractors.en import EnglishExtractor
from kg.extractors.en.capitals import title_case_surnames
from kg.model import EntityType, Extraction, OrgClass
from kg.resolve import resolve
from tests.extractors.extraction_support import (
    agreements,
    article,
    events,
    names,
    party_names,
    roles,
)


def _extract(text: str) -> Extraction:
    return next(EnglishExtractor().pipe([article(text, "en")]))


def test_a_surname_in_capitals_is_read_in_title_case_with_its_length() -> None:
    text = "said Yerlan SADYKOV, and KOSHKAROVA Dana noted"
    view = title_case_surnames(text)
    assert view == "said Yerlan Sadykov, and Koshkarova Dana noted"
    assert len(view) == len(text)


def test_acronyms_stay_in_capitals() -> None:
    for text in (
        "UNDP AND STEPPE FUND SIGN MEMORANDUM",  # a headline in capitals
        "The Kazakh NGO said",  # too short and voiceless for a surname
        "The Steppe Centre (STECO) said. Aruzhan STECO",  # an acronym the text defines
        "the Green STECO Office",  # a capitalised word after it: a body's name
    ):
        assert title_case_surnames(text) == text, text


def test_a_person_with_a_surname_in_capitals_holds_the_title() -> None:
    text = (
        '"Water is our future," said Yerlan SADYKOV, Executive Director of the Steppe '
        "Environmental Centre. Vice Minister of Ecology Dana KOSHKAROVA noted the plan."
    )
    extraction = _extract(text)
    assert names(extraction, EntityType.PERSON) == {"Yerlan Sadykov", "Dana Koshkarova"}
    assert roles(extraction) == {
        ("Yerlan Sadykov", "Steppe Environmental Centre", "executive director"),
        ("Dana Koshkarova", "Ministry of Ecology", "vice minister"),
    }
    # the mention keeps the surname as the article writes it
    person = next(m for m in extraction.mentions if m.name == "Yerlan Sadykov")
    assert person.text == "Yerlan SADYKOV"


def test_an_office_of_an_international_body_is_international() -> None:
    text = (
        "Aigerim Sultanbek, head of the UNDP Country Office in Kazakhstan, spoke. "
        "Experts of the Eurasian Steppe Bank and the Development Bank of Steppe attended."
    )
    classes = {m.name: m.org_class for m in _extract(text).mentions if m.org_class}
    assert classes["UNDP Country Office in Kazakhstan"] is OrgClass.INTERNATIONAL
    assert classes["Eurasian Steppe Bank"] is OrgClass.INTERNATIONAL
    assert classes["Development Bank of Steppe"] is OrgClass.COMPANY  # a country's own


def test_a_head_opening_the_sentence_names_the_one_body_with_it() -> None:
    text = (
        "The Green Steppe Foundation planted trees on Monday. Foundation chair Nurlan "
        "Abenov said more will follow."
    )
    assert roles(_extract(text)) == {("Nurlan Abenov", "Green Steppe Foundation", "chair")}


def test_capitalised_heads_before_titles_of_signers_name_the_bodies() -> None:
    text = (
        "The Green Steppe Foundation and Tambor State University signed a memorandum. It "
        "was signed by Foundation President Aigul Serikova and University Rector Bolat Omarov."
    )
    assert roles(_extract(text)) == {
        ("Aigul Serikova", "Green Steppe Foundation", "president"),
        ("Bolat Omarov", "Tambor State University", "rector"),
    }


def test_its_title_then_the_name() -> None:
    text = (
        "The Bright Future Association held a meeting in Oral. Its executive director "
        "Timur Aliev spoke about plans."
    )
    assert roles(_extract(text)) == {
        ("Timur Aliev", "Bright Future Association", "executive director")
    }


def test_an_acronym_that_is_the_quoted_part_of_a_name_is_that_body() -> None:
    text = (
        'The Steppe Youth Association "SAPA" signed a memorandum with the OSCE Programme '
        "Office in Astana. SAPA President Aigul Solovyeva spoke."
    )
    result = resolve(_extract(text))
    names_found = {e.name.text for e in result.entities if e.type is EntityType.ORGANISATION}
    assert names_found == {'Steppe Youth Association "SAPA"', "OSCE Programme Office in Astana"}


def test_a_byline_without_a_name_is_no_person() -> None:
    text = "By Staff Writer\n\nThe Steppe Youth Association met in Oral."
    assert names(_extract(text), EntityType.PERSON) == set()


def test_the_spelt_and_the_acronym_name_of_a_delegation_are_one_international_body() -> None:
    text = (
        "The European Union Delegation to Steppeland launched a project. Ambassador Johan "
        "Lind, Head of the EU Delegation to Steppeland, spoke."
    )
    extraction = _extract(text)
    classes = {m.name: m.org_class for m in extraction.mentions if m.org_class}
    assert classes == {"European Union Delegation to Steppeland": OrgClass.INTERNATIONAL}
    assert roles(extraction) == {("Johan Lind", "European Union Delegation to Steppeland", "head")}


def test_a_unit_between_a_title_and_its_body_goes_into_the_role() -> None:
    body, role = "Ministry of Youth Affairs", "head of the youth policy department"
    for text in (
        "Dina Serik, head of the Youth Policy Department at the Ministry of Youth Affairs, spoke.",
        "Dina Serik, who heads the Youth Policy Department at the Ministry of Youth Affairs, "
        "spoke.",
        "Head of the Youth Policy Department of the Ministry of Youth Affairs Dina Serik spoke.",
    ):
        assert roles(_extract(text)) == {("Dina Serik", body, role)}, text


def test_bodies_named_again_by_their_bare_heads_sign() -> None:
    text = (
        "Chairman of the Agency for Steppe Affairs Darkhan Aliev met a delegation of the "
        "Korean Institute of Steppe Studies. Following the meeting, the Agency and the "
        "Institute signed a memorandum of understanding."
    )
    (claim,) = agreements(_extract(text))
    assert party_names(_extract(text), claim) == {
        "Agency for Steppe Affairs",
        "Korean Institute of Steppe Studies",
    }


def test_a_names_first_word_alone_is_that_body() -> None:
    text = (
        "The Steppe Press Club and Zhelnews Network launched a programme. Adil Nurov, "
        "director of Zhelnews in Central Asia, spoke."
    )
    assert roles(_extract(text)) == {("Adil Nurov", "Zhelnews Network", "director")}
    # an adjective opening a name is no short name of it
    text = "Aruzhan Bekova of the Eurasian Steppe University spoke. Eurasian experts came."
    assert names(_extract(text), EntityType.ORGANISATION) == {"Eurasian Steppe University"}


def test_a_nationality_before_a_title_opens_no_name() -> None:
    text = "Japanese Ambassador Kenji Tanaka attended the opening."
    assert names(_extract(text), EntityType.PERSON) == {"Kenji Tanaka"}


def test_a_mission_keeps_the_country_it_is_in() -> None:
    text = "The Embassy of Steppeland in Kazakhstan supported the project."
    assert names(_extract(text), EntityType.ORGANISATION) == {"Embassy of Steppeland in Kazakhstan"}


def test_a_name_the_sentence_calls_a_body_is_that_body() -> None:
    text = (
        "Sana Sezim, a Shymkent-based public foundation, works with rural women. Its "
        "founder, Gulnara Tulegenova, spoke."
    )
    extraction = _extract(text)
    assert names(extraction, EntityType.ORGANISATION) == {"Sana Sezim"}
    assert roles(extraction) == {("Gulnara Tulegenova", "Sana Sezim", "founder")}
    # a person described by a post at a body stays a person
    text = "Bolat Nurov, a professor at the university, spoke."
    assert names(_extract(text), EntityType.PERSON) == {"Bolat Nurov"}


def test_the_document_signed_is_the_agreement_said_before() -> None:
    text = (
        "The sides signed a road map. The document was signed by the Aral Fund and "
        "Zhaiyk University."
    )
    extraction = _extract(text)
    (claim,) = agreements(extraction)
    assert party_names(extraction, claim) == {"Aral Fund", "Zhaiyk University"}
    text = (
        "A cooperation agreement was concluded. It was signed by Aral Fund chair Bolat "
        "Nurov and Zhaiyk University rector Dana Serik."
    )
    extraction = _extract(text)
    (claim,) = agreements(extraction)
    assert party_names(extraction, claim) == {"Aral Fund", "Zhaiyk University"}
    # a document signed with no agreement said before is none
    text = "The Aral Fund met Zhaiyk University. The document was signed by both."
    assert agreements(_extract(text)) == []


def test_two_titles_in_one_apposition() -> None:
    for joint in (", a member", " and a member"):
        text = f"Asel Karaulova, head of the Aral Fund{joint} of the Steppe Civic Chamber, spoke."
        assert roles(_extract(text)) == {
            ("Asel Karaulova", "Aral Fund", "head"),
            ("Asel Karaulova", "Steppe Civic Chamber", "member"),
        }, joint


def test_the_name_after_ngo_is_a_body() -> None:
    assert roles(_extract("Jean-Luc Martin, head of the French NGO Solidarités, spoke.")) == {
        ("Jean-Luc Martin", "Solidarités", "head")
    }
    text = "The crisis centre is run by the NGO Korgau. Its director Aigul Bekova spoke."
    assert roles(_extract(text)) == {("Aigul Bekova", "Korgau", "director")}


def test_a_numbered_meeting_of_a_body_is_an_event_and_the_body_stays() -> None:
    text = "The 5th General Assembly of the Steppe Association of Universities was held in Oral."
    extraction = _extract(text)
    assert {e.name for e in events(extraction)} == {
        "5th General Assembly of the Steppe Association of Universities"
    }
    assert names(extraction, EntityType.ORGANISATION) == {"Steppe Association of Universities"}


def test_a_place_qualifies_a_local_title_and_body() -> None:
    text = (
        "The Akimat of Aktobe Region and the Aral Fund signed a memorandum. Aktobe Region "
        "Akim Askhat Sharov welcomed it."
    )
    assert names(_extract(text), EntityType.PERSON) == {"Askhat Sharov"}
    text = "The Aktobe regional akimat hosted the meeting. Its head, Murat Nurov, opened it."
    assert roles(_extract(text)) == {("Murat Nurov", "Aktobe regional akimat", "head")}
    # a place before a place word and a body's head names the body whole
    text = "The Kyzylorda Oblast Akimat and the Aral Fund signed an agreement."
    assert "Kyzylorda Oblast Akimat" in names(_extract(text), EntityType.ORGANISATION)


def test_a_body_appointing_someone_as_a_title_gives_that_post() -> None:
    text = "The Aral Fund has appointed Dana Serik as its new executive director."
    assert roles(_extract(text)) == {("Dana Serik", "Aral Fund", "executive director")}
    text = "The board of the Aral Fund elected Bolat Nurov as chairman."
    assert roles(_extract(text)) == {("Bolat Nurov", "Aral Fund", "chairman")}


def test_academic_titles_with_their_unit_at_a_university() -> None:
    text = (
        "It was moderated by Marat Abenov, Dean of the Faculty of Law at Tambor State University."
    )
    assert roles(_extract(text)) == {
        ("Marat Abenov", "Tambor State University", "dean of the faculty of law")
    }
    text = "It was moderated by Marat Abenov, Dean of Tambor State University."
    assert roles(_extract(text)) == {("Marat Abenov", "Tambor State University", "dean")}


def test_a_headline_in_capitals_names_its_parties_as_the_text_does() -> None:
    text = (
        "TAMBOR FOUNDATION AND ZHAIYK UNIVERSITY SIGN MEMORANDUM\n\n"
        "URALSK. The Tambor Foundation and Zhaiyk University will train volunteers."
    )
    found = _extract(text)
    assert {party_names(found, claim) for claim in agreements(found)} == {
        frozenset({"Tambor Foundation", "Zhaiyk University"})
    }
    # one the text never names is not read in the capitals
    found = _extract("TAMBOR FOUNDATION AND ZHAIYK UNIVERSITY SIGN MEMORANDUM\n\nIt will help.")
    assert agreements(found) == []


def test_a_signing_still_to_come_is_no_agreement() -> None:
    for verb in ("will sign", "are expected to sign", "agreed to sign"):
        found = _extract(f"The Tambor Foundation and Zhaiyk University {verb} a memorandum.")
        assert agreements(found) == [], verb
    found = _extract("The Tambor Foundation and Zhaiyk University signed a memorandum.")
    assert len(agreements(found)) == 1
