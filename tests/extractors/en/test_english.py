"""The English rule extractor on hand-written sentences: titles, organisations, MoUs."""

from __future__ import annotations

from kg.extractors import load_extractor
from kg.extractors.common import sentence_spans
from kg.extractors.en import EnglishExtractor
from kg.model import AgreementClaim, AgreementKind, EntityType, Extraction
from tests.extractors.extraction_support import agreements, article, names, party_names, roles


def _extract(text: str) -> Extraction:
    return next(EnglishExtractor().pipe([article(text, "en")]))


_names = names


def _roles(text: str) -> set[tuple[str, str, str | None]]:
    return roles(_extract(text))


def _parties(text: str) -> list[tuple[frozenset[str], AgreementKind]]:
    extraction = _extract(text)
    return [(party_names(extraction, c), c.kind) for c in agreements(extraction)]


def test_person_comma_title_of_organisation() -> None:
    text = "Dana Mukanova, director of the Steppe Water Foundation, opened the session."
    assert _roles(text) == {("Dana Mukanova", "Steppe Water Foundation", "director")}


def test_possessive_organisation_then_title() -> None:
    text = "The Aral Heritage Fund’s chairman Bolat Sarsenov thanked the volunteers."
    assert _roles(text) == {("Bolat Sarsenov", "Aral Heritage Fund", "chairman")}


def test_title_of_organisation_before_name_in_one_capitalised_run() -> None:
    text = "They were welcomed by President of Turan Open University Yerlan Kassenov."
    assert _roles(text) == {("Yerlan Kassenov", "Turan Open University", "president")}


def test_organisation_then_title_twice_before_one_name() -> None:
    text = (
        "Present were Jasyl El (Green Land) Fund Chair and Meyirim Charity Fund President "
        "Timur Akhmetov and others."
    )
    assert _roles(text) == {
        ("Timur Akhmetov", "Jasyl El Fund", "chair"),
        ("Timur Akhmetov", "Meyirim Charity Fund", "president"),
    }


def test_lower_case_title_and_lower_case_head() -> None:
    text = "The talks included head of the ‘Adal Zher’ civil movement Aliya Nurpeisova."
    assert _roles(text) == {("Aliya Nurpeisova", "Adal Zher", "head")}


def test_minister_of_names_the_ministry() -> None:
    text = "The plan was backed by Minister of Ecology and Natural Resources Serik Dauletov."
    assert _roles(text) == {
        ("Serik Dauletov", "Ministry of Ecology and Natural Resources", "minister")
    }


def test_name_with_organisation_in_brackets() -> None:
    text = "Madina Ospanova (Open Steppe Foundation) spoke about grants."
    assert _roles(text) == {("Madina Ospanova", "Open Steppe Foundation", None)}


def test_elected_head_of_quoted_organisation() -> None:
    text = "Last week Nurlan Abenov was elected Head of the ‘Youth Alliance of Semey’ by vote."
    assert _roles(text) == {("Nurlan Abenov", "Youth Alliance of Semey", "head")}


def test_signed_memorandum_of_understanding_with() -> None:
    text = (
        "The Eurasian Media Foundation signed a memorandum of understanding with the "
        "Karaganda Technical University on cooperation in journalism training."
    )
    ((parties, kind),) = _parties(text)
    assert parties == {"Eurasian Media Foundation", "Karaganda Technical University"}
    assert kind is AgreementKind.MEMORANDUM
    claim = next(c for c in _extract(text).claims if isinstance(c, AgreementClaim))
    assert claim.title == "on cooperation in journalism training"


def test_agreement_between_x_and_y() -> None:
    text = (
        "According to the Ministry of Justice, an agreement was signed between the "
        "Legal Aid Association and the Bar Council of Almaty."
    )
    assert _parties(text) == [
        (frozenset({"Legal Aid Association", "Bar Council of Almaty"}), AgreementKind.AGREEMENT)
    ]


def test_headline_in_title_case_names_nobody() -> None:
    extraction = _extract("Volunteers Will Be Honoured Across Kazakhstan This Spring")
    assert extraction.mentions == ()


def test_lone_surname_names_the_full_person_and_offsets_hold() -> None:
    text = (
        "Kazakh Ambassador to Georgia Arman Yessimov met students.\n"
        "Yessimov said the new Civic Fund will open soon. The Civic Fund of Aktobe is new."
    )
    extraction = _extract(text)
    assert _names(extraction, EntityType.PERSON) == {"Arman Yessimov"}
    assert [m.name for m in extraction.mentions if m.text == "Yessimov"] == ["Arman Yessimov"]
    # "the Civic Fund" is the one longer organisation the article names.
    assert _names(extraction, EntityType.ORGANISATION) == {"Civic Fund of Aktobe"}
    for mention in extraction.mentions:
        assert text[mention.start : mention.end] == mention.text
    for claim in extraction.claims:
        assert (claim.evidence.start, claim.evidence.end) in sentence_spans(text)


def test_deterministic_and_registered() -> None:
    text = "Aigul Serikova, founder of the Bright Path Association, met donors."
    assert _extract(text) == _extract(text)
    assert load_extractor("en.rules").name == "en.rules"


def test_two_organisations_joined_by_and_the_and_a_defined_acronym() -> None:
    text = (
        "The Ministry of Sport and Tourism and the Open Roads Development Programme (ORDP) "
        "signed an agreement on Friday. Later ORDP opened an office."
    )
    extraction = _extract(text)
    ((parties, kind),) = _parties(text)
    assert parties == {"Ministry of Sport and Tourism", "Open Roads Development Programme"}
    assert kind is AgreementKind.AGREEMENT
    claim = next(c for c in extraction.claims if isinstance(c, AgreementClaim))
    assert claim.title is None
    later = [m for m in extraction.mentions if m.text == "ORDP"]
    assert [m.name for m in later] == ["Open Roads Development Programme"] * 2


def test_name_of_organisation_and_title_after_a_name() -> None:
    assert _roles("Prof. Dinara Kaliyeva of Turan Medical University chaired the panel.") == {
        ("Dinara Kaliyeva", "Turan Medical University", None)
    }
    assert _roles("Yesterday Erik Tulegenov, Minister of Labour and Welfare, spoke.") == {
        ("Erik Tulegenov", "Ministry of Labour and Welfare", "minister")
    }


def test_lower_case_type_then_the_name() -> None:
    text = "He later joined the political party the Steppe Voice of Kazakhstan."
    assert _names(_extract(text), EntityType.ORGANISATION) == {"Steppe Voice of Kazakhstan"}
    text = "Among the speakers was head of the public union Marat Sultanov."
    assert _names(_extract(text), EntityType.PERSON) == {"Marat Sultanov"}


def test_board_titles_company_suffixes_and_country_possessives() -> None:
    text = "Timur Bekov, the Chairman of the Board of Steppe Grain JSC, visited Kostanay."
    assert _roles(text) == {("Timur Bekov", "Steppe Grain JSC", "chairman of the board")}
    text = "Kazakhstan’s Ministry of Water Resources and OSCE signed an agreement."
    assert _parties(text) == [
        (frozenset({"Ministry of Water Resources", "OSCE"}), AgreementKind.AGREEMENT)
    ]


def test_hyphenated_head_and_for_inside_a_name() -> None:
    text = "The Aral Foundation-Kyzylorda and the Bureau for Water and Soil signed a memorandum."
    assert _parties(text) == [
        (
            frozenset({"Aral Foundation-Kyzylorda", "Bureau for Water and Soil"}),
            AgreementKind.MEMORANDUM,
        )
    ]


def test_untitled_report_of_an_agreement_takes_the_stated_subject() -> None:
    text = (
        "The Open Steppe Foundation signed a memorandum with the Lake Trust.\n"
        "The Open Steppe Foundation and the Lake Trust signed the memorandum on river "
        "cleaning in spring."
    )
    claims = [c for c in _extract(text).claims if isinstance(c, AgreementClaim)]
    assert [c.title for c in claims] == ["on river cleaning in spring"] * 2
