"""``kg evaluate``: matching predicted nodes to gold entities and scoring facts fairly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.errors import InputError
from kg.evaluation.gold import read_gold
from kg.evaluation.report import format_report
from kg.evaluation.score import (
    EvaluationReport,
    Score,
    evaluate,
    evaluate_article,
    same_name,
)
from kg.iris import entity_id
from kg.model import (
    Agreement,
    AgreementKind,
    Article,
    ArticleResult,
    Entity,
    EntityType,
    Label,
    Membership,
)
from kg.pipeline import Pipeline

GOLD: dict[str, Any] = {
    "id": "kk-test",
    "lang": "kk",
    "persons": [
        {"name": "Сәуле Ахметова", "aliases": []},
        {"name": "Нұрбол Әлібеков", "aliases": []},
    ],
    "organisations": [
        {"name": "«Жасыл әлем» қоры", "aliases": ["Жасыл әлем"]},
        {"name": "Тараз жастар одағы", "aliases": ["ТЖО"]},
        {"name": "Ертіс альянсы", "aliases": []},
    ],
    "affiliations": [
        {"person": "Сәуле Ахметова", "organisation": "«Жасыл әлем» қоры", "role": "өкіл"},
        {"person": "Нұрбол Әлібеков", "organisation": "Тараз жастар одағы", "role": "хатшы"},
    ],
    "agreements": [
        {
            "kind": "memorandum",
            "parties": ["«Жасыл әлем» қоры", "Тараз жастар одағы", "Ертіс альянсы"],
            "title": None,
        }
    ],
    "events": [{"name": "ІІ Жастар форумы", "date": "2024-05-12", "place": "Алматы"}],
    "ignore": ["Абай Құнанбайұлы"],
}


def _gold(tmp_path: Path, data: dict[str, Any] | None = None) -> Path:
    path = tmp_path / "kk-test.json"
    path.write_text(json.dumps(data or GOLD, ensure_ascii=False), encoding="utf-8")
    return path


def _entity(kind: EntityType, name: str, **extra: Any) -> Entity:
    return Entity(entity_id(kind.value, name), kind, Label(name, "kk"), **extra)


def _result(entities: list[Entity], facts: list[Any]) -> ArticleResult:
    article = Article(id="a", text="", lang="kk", source_path="kk-test.txt")
    return ArticleResult(article=article, entities=tuple(entities), facts=tuple(facts))


def _membership(person: Entity, org: Entity, role: str | None) -> Membership:
    label = Label(role, "kk") if role else None
    return Membership(f"m/{person.id}/{org.id}", person.id, org.id, label, ())


def test_names_match_up_to_case_endings_quotes_and_capitals() -> None:
    assert same_name("Қазақстан Азаматтық альянсының", "Қазақстанның Азаматтық Альянсы")
    assert same_name("“Еуразия” Қоры", "Еуразия қоры")
    assert same_name("Л.Н.Гумилев атындағы университет", "Л.Н. Гумилев атындағы университет")
    assert not same_name("Ертіс альянсы", "Ертіс экологиялық альянсы")
    assert not same_name("Алматы", "Астана")


def test_russian_and_english_words_match_on_a_shared_stem() -> None:
    assert same_name("Министерства юстиции", "Министерство юстиции", "ru")
    assert not same_name("Министерство юстиции", "Министерство финансов", "ru")


def test_a_perfect_prediction_scores_one(tmp_path: Path) -> None:
    gold = read_gold(_gold(tmp_path))
    saule, nurbol = (_entity(EntityType.PERSON, n) for n in ("Сәуле Ахметова", "Нұрбол Әлібеков"))
    fund = _entity(EntityType.ORGANISATION, "«Жасыл әлем» қорының")
    union = _entity(EntityType.ORGANISATION, "Тараз жастар одағы")
    alliance = _entity(EntityType.ORGANISATION, "Ертіс альянсы")
    forum = _entity(EntityType.EVENT, "ІІ Жастар форумы", date="2024-05-12", place="Алматы")
    deal = Agreement("g", AgreementKind.MEMORANDUM, (fund.id, union.id), None, None, ())
    result = _result(
        [saule, nurbol, fund, union, alliance, forum],
        [_membership(saule, fund, "өкілі"), _membership(nurbol, union, "хатшы"), deal],
    )
    evaluation = evaluate_article(result, gold)
    assert all(score == Score(score.tp, 0, 0) for score in evaluation.scores.values())
    assert evaluation.scores["agreements"] == Score(1, 0, 0)
    assert evaluation.details["roles"].value == 1.0
    assert evaluation.details["event places"].value == 1.0


def test_a_second_node_for_one_gold_entity_is_a_false_positive(tmp_path: Path) -> None:
    gold = read_gold(_gold(tmp_path))
    result = _result(
        [
            _entity(EntityType.ORGANISATION, "Тараз жастар одағы"),
            _entity(EntityType.ORGANISATION, "ТЖО"),
            _entity(EntityType.PERSON, "Абай Құнанбайұлы"),
        ],
        [],
    )
    evaluation = evaluate_article(result, gold)
    assert evaluation.scores["organisations"] == Score(tp=1, fp=1, fn=2)
    assert evaluation.scores["persons"] == Score(tp=0, fp=1, fn=2)
    assert "Абай Құнанбайұлы (ignore list)" in evaluation.false_positives["persons"]


def test_affiliations_are_pairs_and_roles_are_scored_apart(tmp_path: Path) -> None:
    gold = read_gold(_gold(tmp_path))
    saule = _entity(EntityType.PERSON, "Сәуле Ахметова")
    fund = _entity(EntityType.ORGANISATION, "«Жасыл әлем» қоры")
    union = _entity(EntityType.ORGANISATION, "Тараз жастар одағы")
    result = _result(
        [saule, fund, union],
        [_membership(saule, fund, "директор"), _membership(saule, union, "өкіл")],
    )
    evaluation = evaluate_article(result, gold)
    assert evaluation.scores["affiliations"] == Score(tp=1, fp=1, fn=1)
    assert (evaluation.details["roles"].correct, evaluation.details["roles"].total) == (0, 1)


def test_an_agreement_needs_two_matched_parties(tmp_path: Path) -> None:
    gold = read_gold(_gold(tmp_path))
    fund = _entity(EntityType.ORGANISATION, "«Жасыл әлем» қоры")
    other = _entity(EntityType.ORGANISATION, "Семей қоры")
    deal = Agreement("x", AgreementKind.MEMORANDUM, (fund.id, other.id), None, None, ())
    evaluation = evaluate_article(_result([fund, other], [deal]), gold)
    assert evaluation.scores["agreements"] == Score(tp=0, fp=1, fn=1)


def test_malformed_gold_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    broken = dict(GOLD, persons=[{"aliases": []}])
    path = _gold(tmp_path, broken)
    with pytest.raises(InputError, match=r"kk-test\.json"):
        read_gold(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"kk-test\.json"):
        read_gold(path)


def test_a_folder_without_gold_pairs_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "lonely.txt").write_text("Мәтін.", encoding="utf-8")
    with pytest.raises(InputError, match=r"no NAME\.txt"):
        evaluate(tmp_path)


def test_evaluate_runs_the_pipeline_on_each_gold_article(tmp_path: Path) -> None:
    (tmp_path / "kk-test.txt").write_text(
        "Ертіс альянсы жаңа жоба бастады\n\n"
        "12 мамырда Алматы қаласында ІІ Жастар форумы өтті. Форумға «Жасыл әлем» қорының өкілі "
        "Сәуле Ахметова және Тараз жастар одағының хатшысы Нұрбол Әлібеков қатысты. "
        "«Жасыл әлем» қоры, Тараз жастар одағы және Ертіс альянсы ынтымақтастық туралы "
        "меморандумға қол қойды.\n",
        encoding="utf-8",
    )
    _gold(tmp_path)
    (tmp_path / "ru-test.txt").write_text("Текст.", encoding="utf-8")
    (tmp_path / "ru-test.json").write_text('{"lang": "ru"}', encoding="utf-8")
    report = evaluate(tmp_path, lang="kk", pipeline=Pipeline({"kk": ["kk.rules"]}))
    assert [a.name for a in report.articles] == ["kk-test"]
    totals = report.totals()
    assert totals["persons"].f1 == 1.0
    assert totals["affiliations"].f1 == 1.0
    assert totals["agreements"].tp == 1
    text = format_report(report)
    assert "Overall (1 article)" in text
    assert "persons" in text and "P 1.000" in text and "kk-test" in text


def test_the_report_lists_what_each_article_missed(tmp_path: Path) -> None:
    gold = read_gold(_gold(tmp_path))
    evaluation = evaluate_article(_result([], []), gold)
    text = format_report(EvaluationReport((evaluation,)))
    assert "missed persons: Сәуле Ахметова" in text
    assert "missed agreements:" in text
