"""Train the relation stage's affiliation classifier (``kg/models/relations.json``).

    python scripts/train_relations.py [--train ../shared/corpus/train] [--dev ../shared/corpus/dev]
                                      [--out kg/models/relations.json] [--folds 3] [--report FILE]

Each gold article is run through the extractors alone (no relation stage); every
person–organisation pair of mentions in one sentence is a candidate, labelled yes when
the two mentions match a gold affiliation's person and organisation (the same
name matching as ``kg evaluate``). A logistic regression (scikit-learn, liblinear,
seeded) learns from them.

Held-out estimate: the train articles are split by site into ``--folds`` folds (see
``kg.evaluation.corpus_split``); for each fold a model is trained on the other folds and dev,
and the full pipeline with that model is scored on the fold with ``kg evaluate``'s
scoring. The regularisation strength and the decision threshold are chosen on these
held-out folds, then the shipped model is trained on everything. Rerunning with the
same corpus writes the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.evaluation.corpus_split import fold_of, site_of
from kg.evaluation.gold import Gold, read_gold
from kg.evaluation.score import EvaluationReport, evaluate_article, same_name
from kg.extractors.relations import RelationModel, relate, sentences_of
from kg.extractors.relations.affiliations import candidates
from kg.extractors.relations.linear import LinearModel
from kg.ingest import read_articles
from kg.model import EntityType, Extraction, Mention
from kg.pipeline import Pipeline
from kg.resolve import resolve

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
SEED = 0
STRENGTHS = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))  # 0.20 .. 0.80


Rows = tuple[tuple[tuple[str, ...], ...], tuple[int, ...]]  # features, labels


@dataclass(frozen=True, slots=True)
class Sample:
    """One gold article, extracted once, with its candidates and their labels."""

    name: str
    site: str
    from_train: bool
    gold: Gold
    extraction: Extraction
    pairs: Rows  # person–organisation candidates: stated affiliation or not


def _gold_index(mention: Mention, gold: Gold) -> int | None:
    names = gold.persons if mention.type is EntityType.PERSON else gold.organisations
    for index, aliases in enumerate(names):
        if any(
            same_name(mention.name, alias, gold.lang) or same_name(mention.text, alias, gold.lang)
            for alias in aliases
        ):
            return index
    return None


def _pair_rows(extraction: Extraction, gold: Gold) -> Rows:
    mentions = extraction.mentions
    stated = {(person, org) for person, org, _ in gold.affiliations}
    sentences = sentences_of(extraction.article.text, mentions, extraction.article.lang)
    features: list[tuple[str, ...]] = []
    labels: list[int] = []
    for candidate in candidates(extraction.article.lang, sentences, mentions):
        person = _gold_index(mentions[candidate.person], gold)
        org = _gold_index(mentions[candidate.organisation], gold)
        yes = (
            person is not None
            and org is not None
            and (gold.persons[person][0], gold.organisations[org][0]) in stated
        )
        features.append(candidate.features)
        labels.append(int(yes))
    return tuple(features), tuple(labels)


def load_samples(folders: Sequence[tuple[Path, bool]]) -> list[Sample]:
    pipeline = Pipeline(relations=False)
    samples: list[Sample] = []
    for folder, from_train in folders:
        for text_path in sorted(folder.glob("*.txt")):
            gold_path = text_path.with_suffix(".json")
            if not gold_path.is_file():
                continue
            gold = read_gold(gold_path)
            (article,) = read_articles([text_path], strict=True)
            (extraction,) = pipeline.extract([article])
            samples.append(
                Sample(
                    name=gold.name,
                    site=site_of(article.url, gold.name),
                    from_train=from_train,
                    gold=gold,
                    extraction=extraction,
                    pairs=_pair_rows(extraction, gold),
                )
            )
    return samples


def fit(rows: Sequence[Rows], strength: float) -> LinearModel:
    """A logistic regression on the rows (each feature present is worth 1)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    matrix_rows = [dict.fromkeys(f, 1) for features, _ in rows for f in features]
    labels = [y for _, ys in rows for y in ys]
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(matrix_rows).tocsr()
    # liblinear takes 32-bit indices only; DictVectorizer may hand out 64-bit ones.
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    learner = LogisticRegression(
        C=strength, solver="liblinear", class_weight="balanced", random_state=SEED, max_iter=1000
    )
    learner.fit(matrix, labels)
    weights = dict(zip(vectorizer.get_feature_names_out(), learner.coef_[0].tolist(), strict=True))
    weights["bias"] = weights.get("bias", 0.0) + float(learner.intercept_[0])
    return LinearModel(weights=weights)


def score(samples: Sequence[Sample], model: RelationModel) -> EvaluationReport:
    evaluations = [evaluate_article(resolve(relate(s.extraction, model)), s.gold) for s in samples]
    return EvaluationReport(tuple(evaluations))


@dataclass(frozen=True, slots=True)
class Setting:
    """One point of the search: the regularisation strength and the decision threshold."""

    strength: float
    threshold: float


def held_out(
    samples: Sequence[Sample], folds: int, settings: Sequence[Setting]
) -> dict[Setting, EvaluationReport]:
    """Per setting: every fold's train articles scored by models that never saw the fold."""
    found: dict[Setting, list[Any]] = {setting: [] for setting in settings}
    for fold in range(folds):
        inside = [s for s in samples if fold_of(s.site, folds) == fold and s.from_train]
        outside = [s for s in samples if fold_of(s.site, folds) != fold]
        if not inside:
            continue
        fitted = {c: fit([s.pairs for s in outside], c) for c in {x.strength for x in settings}}
        for setting in settings:
            model = RelationModel(LinearModel(fitted[setting.strength].weights, setting.threshold))
            found[setting].extend(score(inside, model).articles)
    return {setting: EvaluationReport(tuple(a)) for setting, a in found.items()}


def _line(report: EvaluationReport, lang: str | None) -> str:
    totals = report.totals(lang)
    return "  ".join(
        f"{kind[:4]} {totals[kind].f1:.3f}"
        for kind in ("persons", "organisations", "affiliations", "agreements")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=SHARED / "train")
    parser.add_argument("--dev", type=Path, default=SHARED / "dev")
    parser.add_argument("--out", type=Path, default=REPO / "kg" / "models" / "relations.json")
    parser.add_argument("--folds", type=int, default=3)
    args = parser.parse_args()
    if not args.train.is_dir():
        sys.exit(f"{args.train}: the gold train corpus is not there (see README, Evaluation)")

    samples = load_samples([(args.train, True), (args.dev, False)])
    print(
        f"{len(samples)} articles: {sum(len(s.pairs[1]) for s in samples)} "
        f"person–organisation candidates ({sum(sum(s.pairs[1]) for s in samples)} stated)"
    )
    settings = [Setting(c, t) for c in STRENGTHS for t in THRESHOLDS]
    reports = held_out(samples, args.folds, settings)
    # The best held-out affiliation F1; ties go to the earlier (simpler, stricter) setting.
    chosen = max(
        settings,
        key=lambda s: (round(reports[s].totals()["affiliations"].f1, 6), -settings.index(s)),
    )
    report = reports[chosen]
    print(
        f"held-out by site ({args.folds} folds), C={chosen.strength}, threshold={chosen.threshold}:"
    )
    for lang in (None, "kk", "ru", "en"):
        print(f"  {lang or 'all'}: {_line(report, lang)}")

    affiliation = fit([s.pairs for s in samples], chosen.strength)
    totals = report.totals()
    meta = {
        "trained_on": f"{sum(s.from_train for s in samples)} train + "
        f"{sum(not s.from_train for s in samples)} dev gold articles",
        "learner": "scikit-learn LogisticRegression(liblinear, class_weight=balanced)",
        "strength": chosen.strength,
        "held_out_folds": args.folds,
        "held_out_f1": {
            kind: round(totals[kind].f1, 3)
            for kind in ("persons", "organisations", "affiliations", "agreements")
        },
    }
    RelationModel(LinearModel(affiliation.weights, chosen.threshold), meta=meta).save(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
