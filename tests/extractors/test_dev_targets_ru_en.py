"""Russian and English extraction on the development corpus: the issue's targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluation.score import EvaluationReport, evaluate

# Targets for the ru and en dev files, per language.
TARGETS = {"persons": 0.95, "organisations": 0.85, "affiliations": 0.80, "agreements": 0.80}


@pytest.fixture(scope="module")
def report(dev_corpus: Path) -> EvaluationReport:
    return evaluate(dev_corpus)


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_dev_scores_meet_their_targets(report: EvaluationReport, lang: str, kind: str) -> None:
    score = report.totals(lang)[kind]
    assert score.f1 >= TARGETS[kind], (lang, kind, score)
