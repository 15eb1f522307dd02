"""The language-neutral relation stage on hand-made mentions in sentences of our own.

Mentions are placed by hand (``_mention``), so each test states exactly what the
extractors handed over and checks what the stage makes of it: affiliations from a
classifier whose weights the test sets
and participation in named events.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from extraction_support import posts, roles

from kg.errors import ExtractionError
from kg.extractors.relations import (
    MODEL_PATH,
    LinearModel,
    RelationModel,
    default_model,
    relate,
    sentences_of,
)
from kg.extractors.relations.affiliations import candidates
from kg.extractors.relations.cues import position_of
from kg.iris import article_id
from kg.model import (
    Article,
    Claim,
    EntityType,
    Evidence,
    Extraction,
    Mention,
    ParticipationClaim,
    RoleClaim,
)
from kg.pipeline import Pipeline

PERSON, ORG, EVENT = EntityType.PERSON, EntityType.ORGANISATION, EntityType.EVENT


def _article(text: str, lang: str) -> Article:
    return Article(id=article_id(text), text=text, lang=lang, source_path="test.txt")


def _mention(text: str, surface: str, kind: EntityType, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(kind, surface, start, start + len(surface), surface, "test")


def _extraction(
    text: str, lang: str, found: list[tuple[str, EntityType]], claims: tuple[Claim, ...] = ()
) -> Extraction:
    mentions = tuple(_mention(text, surface, kind) for surface, kind in found)
    return Extraction(_article(text, lang), mentions, claims)


_roles = roles


def _evidence(extraction: Extraction) -> Evidence:
    text = extraction.article.text
    return Evidence(extraction.article.id, text, 0, len(text), "test")


# A classifier that says yes when a title stands between the two names, no otherwise.
TITLE_BETWEEN = RelationModel(
    LinearModel({"bias": -2.0, "position-between-near": 4.0}, threshold=0.5)
)
SAYS_NO = RelationModel(LinearModel({"bias": -5.0}, threshold=0.5))


def test_titles_are_found_in_their_inflected_forms() -> None:
    assert position_of("төрағасының", "kk") == "төраға"
    assert position_of("председателя", "ru") == "председатель"
    assert position_of("Director", "en") == "director"
    assert position_of("университеті", "kk") is None


def test_a_pair_with_a_title_between_becomes_an_affiliation_with_that_role() -> None:
    text = "Глава фонда «Зелёный мост» назначил председателем правления Ивана Сотникова."
    extraction = _extraction(
        text, "ru", [("фонда «Зелёный мост»", ORG), ("Ивана Сотникова", PERSON)]
    )
    assert _roles(relate(extraction, TITLE_BETWEEN)) == {
        ("Ивана Сотникова", "фонда «Зелёный мост»", "председатель")
    }


def test_rule_claims_stand_and_the_classifier_only_adds() -> None:
    text = "Aigerim Sadykova visited the Blue Lake Foundation. Later she met the press."
    base = _extraction(text, "en", [("Aigerim Sadykova", PERSON), ("Blue Lake Foundation", ORG)])
    ruled = Extraction(base.article, base.mentions, (RoleClaim(0, 1, "head", _evidence(base)),))
    assert _roles(relate(ruled, SAYS_NO)) == {("Aigerim Sadykova", "Blue Lake Foundation", "head")}
    assert _roles(relate(base, SAYS_NO)) == set()
    # A pair the rules claimed is not claimed a second time by the classifier.
    says_yes = RelationModel(LinearModel({"bias": 5.0}, threshold=0.5))
    assert len([c for c in relate(ruled, says_yes).claims if isinstance(c, RoleClaim)]) == 1


def test_the_classifier_adds_no_pair_whose_ends_rules_placed_with_others() -> None:
    text = "Aigerim Sadykova of the Blue Lake Fund and Timur Omarov of the Red Hill Society met."
    base = _extraction(
        text,
        "en",
        [
            ("Aigerim Sadykova", PERSON),
            ("Blue Lake Fund", ORG),
            ("Timur Omarov", PERSON),
            ("Red Hill Society", ORG),
        ],
    )
    evidence = _evidence(base)
    ruled = Extraction(
        base.article,
        base.mentions,
        (RoleClaim(0, 1, None, evidence), RoleClaim(2, 3, None, evidence)),
    )
    says_yes = RelationModel(LinearModel({"bias": 5.0}, threshold=0.5))
    assert _roles(relate(ruled, says_yes)) == {
        ("Aigerim Sadykova", "Blue Lake Fund", None),
        ("Timur Omarov", "Red Hill Society", None),
    }


def test_a_titled_person_pairs_with_the_body_the_previous_sentence_names() -> None:
    text = "Делегация Жасыл Дала қорының өкілдері келді. Қордың директоры Нұржан Әбенов сөйледі."
    extraction = _extraction(text, "kk", [("Жасыл Дала қорының", ORG), ("Нұржан Әбенов", PERSON)])
    sentences = sentences_of(text, extraction.mentions)
    found = candidates("kk", sentences, extraction.mentions)
    assert [(c.person, c.organisation, c.org_sentence is not None) for c in found] == [(1, 0, True)]
    assert "cross-position-by-person" in found[0].features
    assert "cross-echo" in found[0].features  # "Қордың" repeats the body's "қоры"


def test_an_untitled_person_in_a_later_sentence_is_no_candidate() -> None:
    text = "Жасыл Дала қоры жиын өткізді. Нұржан Әбенов сөйледі."
    extraction = _extraction(text, "kk", [("Жасыл Дала қоры", ORG), ("Нұржан Әбенов", PERSON)])
    sentences = sentences_of(text, extraction.mentions)
    assert candidates("kk", sentences, extraction.mentions) == []


def test_members_listed_after_a_title_are_marked_as_a_list() -> None:
    text = "Кеңес мүшелері Асан Бекұлы, Гүлнар Сәрсен және Марат Оспан жиналды."
    extraction = _extraction(
        text,
        "kk",
        [
            ("Кеңес", ORG),
            ("Асан Бекұлы", PERSON),
            ("Гүлнар Сәрсен", PERSON),
            ("Марат Оспан", PERSON),
        ],
    )
    sentences = sentences_of(text, extraction.mentions)
    found = {c.person: c.features for c in candidates("kk", sentences, extraction.mentions)}
    assert "listed-after-title" not in found[1]  # the first name follows the title itself
    assert "listed-after-title" in found[2]
    assert "listed-after-title-of-org" in found[3]


def test_people_named_at_a_named_event_took_part_and_so_did_its_organiser() -> None:
    text = (
        "The Steppe Civic Forum opened in Oral. "
        "Organised by the Aral Youth Union, it heard speeches by Dana Omarova and Erlan Tuleu."
    )
    extraction = _extraction(
        text,
        "en",
        [
            ("Steppe Civic Forum", EVENT),
            ("Aral Youth Union", ORG),
            ("Dana Omarova", PERSON),
            ("Erlan Tuleu", PERSON),
        ],
    )
    related = relate(extraction, SAYS_NO)
    m = related.mentions
    joined = {
        (m[c.participant].name, m[c.event].name)
        for c in related.claims
        if isinstance(c, ParticipationClaim)
    }
    assert joined == {
        ("Aral Youth Union", "Steppe Civic Forum"),
        ("Dana Omarova", "Steppe Civic Forum"),
        ("Erlan Tuleu", "Steppe Civic Forum"),
    }


def test_no_participation_when_the_article_names_two_events_and_the_sentence_neither() -> None:
    text = (
        "The Steppe Civic Forum and the Aral Media Summit were announced. "
        "Dana Omarova spoke to reporters."
    )
    extraction = _extraction(
        text,
        "en",
        [("Steppe Civic Forum", EVENT), ("Aral Media Summit", EVENT), ("Dana Omarova", PERSON)],
    )
    related = relate(extraction, SAYS_NO)
    assert not [c for c in related.claims if isinstance(c, ParticipationClaim)]


def test_a_model_round_trips_through_json_byte_for_byte(tmp_path: Path) -> None:
    model = RelationModel(
        LinearModel({"bias": -1.25, "b": 0.1234567891, "a": 2.0}, 0.45),
        meta={"note": "made by hand"},
    )
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    model.save(first)
    RelationModel.load(first).save(second)
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text(encoding="utf-8"))["affiliation"]["weights"]["b"] == 0.123457


def test_a_broken_model_file_is_named_in_the_error(tmp_path: Path) -> None:
    broken = tmp_path / "relations.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"relations\.json.*train_relations\.py"):
        RelationModel.load(broken)


def test_the_shipped_model_loads_and_its_weights_are_probabilities() -> None:
    model = default_model()
    assert MODEL_PATH.is_file()
    assert model.affiliation.weights and 0 < model.affiliation.threshold < 1
    # A title right between a person and the one body of the sentence reads as a post.
    assert model.affiliation.probability(
        ["bias", "position-between", "position-between-near", "nearest-org", "nearest-person"]
    ) > model.affiliation.probability(["bias"])


@pytest.mark.parametrize(
    ("lang", "text", "person", "organisation"),
    [
        (
            "en",
            "Astana, 3 March. Dana Omarova, director of the Steppe Water Institute, "
            "spoke at the Aral Civic Forum. The forum was attended by 200 delegates.",
            "Dana Omarova",
            "Steppe Water Institute",
        ),
        (
            "ru",
            "Астана, 3 марта. Директор Института степной воды Дана Омарова выступила на "
            "Гражданском форуме «Арал». В форуме приняли участие 200 делегатов.",
            "Дана Омарова",
            "Институт степной воды",
        ),
    ],
)
def test_the_pipeline_states_affiliation_and_participation(
    lang: str, text: str, person: str, organisation: str
) -> None:
    from kg.model import Membership, Participation
    from kg.pipeline import process_article

    result = process_article(_article(text, lang))
    names = {e.id: e.name.text for e in result.entities}
    members = {
        (names[f.person], names[f.organisation]) for f in result.facts if isinstance(f, Membership)
    }
    assert (person, organisation) in members
    joined = {names[f.participant] for f in result.facts if isinstance(f, Participation)}
    assert person in joined


def test_the_classifier_gives_no_ministers_title_in_a_body_that_is_no_ministry() -> None:
    text = (
        "Спорт министрлігі мен Дала академиясы арасындағы келісімге министр Тимур Асанов қол қойды."
    )
    base = _extraction(
        text,
        "kk",
        [("Спорт министрлігі", ORG), ("Дала академиясы", ORG), ("Тимур Асанов", PERSON)],
    )
    says_yes = RelationModel(LinearModel({"bias": 5.0}, threshold=0.5))
    found = _roles(relate(base, says_yes))
    assert ("Тимур Асанов", "Спорт министрлігі", "министр") in found
    assert not {r for r in found if r[1] == "Дала академиясы"}


def test_a_subject_pronoun_stands_for_the_one_person_just_named() -> None:
    text = "Ержан Абенов возглавил фонд. Ранее он руководил Институтом степи."
    extraction = _extraction(text, "ru", [("Ержан Абенов", PERSON), ("Институтом степи", ORG)])
    sentences = sentences_of(text, extraction.mentions, "ru")
    assert sentences[1].pronouns == {0}
    assert sentences[1].tokens[slice(*sentences[1].ranges[0])][0].text == "он"
    found = candidates("ru", sentences, extraction.mentions)
    assert [(c.person, c.organisation) for c in found] == [(0, 1)]


def test_a_pronoun_after_two_people_stands_for_neither() -> None:
    text = "Ержан Абенов и Дина Ким открыли встречу. Ранее она руководила Институтом степи."
    extraction = _extraction(
        text,
        "ru",
        [("Ержан Абенов", PERSON), ("Дина Ким", PERSON), ("Институтом степи", ORG)],
    )
    sentences = sentences_of(text, extraction.mentions, "ru")
    assert sentences[1].pronouns == frozenset()
    assert candidates("ru", sentences, extraction.mentions) == []


def test_a_pronoun_deep_in_a_sentence_is_no_subject() -> None:
    text = "Ержан Абенов возглавил фонд. Институт степи, по словам коллег, он тоже возглавлял."
    extraction = _extraction(text, "ru", [("Ержан Абенов", PERSON), ("Институт степи", ORG)])
    assert sentences_of(text, extraction.mentions, "ru")[1].pronouns == frozenset()


def test_the_pipeline_gives_the_post_a_pronoun_holds(pipeline: Pipeline) -> None:
    text = (
        "The Steppe Fund is led by Yerzhan Abenov. Previously, he served as director of "
        "the Institute for Policy Solutions."
    )
    found = {(person, org) for person, org, _ in posts(pipeline, text, "en")}
    assert ("Yerzhan Abenov", "Institute for Policy Solutions") in found


def test_a_pronoun_after_an_opening_phrase_is_the_subject() -> None:
    text = "Ержан Абенов возглавил фонд. До своего назначения в Астане он руководил Институтом."
    extraction = _extraction(text, "ru", [("Ержан Абенов", PERSON), ("Институтом", ORG)])
    assert sentences_of(text, extraction.mentions, "ru")[1].pronouns == {0}


def test_a_pronoun_in_a_clause_speaks_of_its_sentence() -> None:
    text = "Ержан Абенов выступил. Ценность ОБСЕ в том, что она дает слово Институту."
    extraction = _extraction(
        text, "ru", [("Ержан Абенов", PERSON), ("ОБСЕ", ORG), ("Институту", ORG)]
    )
    assert sentences_of(text, extraction.mentions, "ru")[1].pronouns == frozenset()


def test_the_parent_named_right_before_a_units_post_is_no_second_post() -> None:
    text = "Дала министрлігі Жастар істері комитетінің төрағасы Ерлан Сапаров сөйледі."
    base = _extraction(
        text,
        "kk",
        [("Дала министрлігі", ORG), ("Жастар істері комитетінің", ORG), ("Ерлан Сапаров", PERSON)],
    )
    ruled = Extraction(base.article, base.mentions, (RoleClaim(2, 1, "төраға", _evidence(base)),))
    says_yes = RelationModel(LinearModel({"bias": 5.0}, threshold=0.5))
    found = _roles(relate(ruled, says_yes))
    assert {org for _, org, _ in found} == {"Жастар істері комитетінің"}
