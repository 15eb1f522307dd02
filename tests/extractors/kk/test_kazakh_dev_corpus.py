"""Kazakh rules on the development corpus: the targets of the issue, by ``kg evaluate``."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluation.score import EvaluationReport, evaluate
from kg.pipeline import Pipeline

# Targets set for the Kazakh dev files (persons, organisations, affiliations, agreements).
TARGETS = {"persons": 0.95, "organisations": 0.85, "affiliations": 0.85, "agreements": 0.85}


@pytest.fixture(scope="module")
def report(dev_corpus: Path) -> EvaluationReport:
    return evaluate(dev_corpus, lang="kk", pipeline=Pipeline({"kk": ["kk.rules"]}))


@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_kazakh_dev_scores_meet_their_targets(report: EvaluationReport, kind: str) -> None:
    assert report.totals("kk")[kind].f1 >= TARGETS[kind], report.totals("kk")[kind]


def test_every_kazakh_dev_article_was_scored(report: EvaluationReport, dev_corpus: Path) -> None:
    assert len(report.articles) == len(list(dev_corpus.glob("kk-*.json")))
