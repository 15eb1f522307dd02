"""Score the pipeline against hand-made gold files: precision, recall and F1 per fact type.

For each ``NAME.txt`` with a ``NAME.json`` beside it, the article is read and run
through the pipeline alone, and its entities and facts are compared with the gold.
Predicted entities are mapped to gold entities one-to-one; a predicted name matches
a gold name or alias when every word matches up to case endings, quotes and
capitals. A second predicted node for one gold entity is a false positive.
Affiliations score as (person, organisation) pairs, with role accuracy apart;
agreements as party sets that share at least two matched parties.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ExtractionError, InputError
from kg.evaluation.gold import Gold, gold_pairs, read_gold
from kg.ingest import read_articles
from kg.lang.kk import morph
from kg.model import Agreement, ArticleResult, Entity, EntityType, Membership
from kg.pipeline import process_article
from kg.text import QUOTE_CHARACTERS

if TYPE_CHECKING:
    from kg.pipeline import Pipeline

#: The fact types scored, in report order.
TYPES: tuple[str, ...] = ("persons", "organisations", "affiliations", "agreements", "events")
_ENTITY_TYPES = {
    "persons": EntityType.PERSON,
    "organisations": EntityType.ORGANISATION,
    "events": EntityType.EVENT,
}
_QUOTES = re.compile(f"[{re.escape(QUOTE_CHARACTERS)}]")
_AFTER_INITIAL = re.compile(r"(?<=\.)(?=\w)")


@dataclass(frozen=True, slots=True)
class Score:
    """True positives, false positives and false negatives of one fact type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How many of the matched facts also got a detail (role, date, place) right."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class ArticleEvaluation:
    """One article's scores, with what was missed and what was wrongly found."""

    name: str
    lang: str
    scores: Mapping[str, Score]
    details: Mapping[str, Accuracy]  # "roles", "agreement kinds", "event dates", ...
    misses: Mapping[str, tuple[str, ...]]
    false_positives: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """Every article's evaluation; totals are micro-averaged over articles."""

    articles: tuple[ArticleEvaluation, ...]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({a.lang for a in self.articles}))

    def totals(self, lang: str | None = None) -> dict[str, Score]:
        """Summed scores per fact type, over all articles or those of ``lang``."""
        totals = dict.fromkeys(TYPES, Score())
        for article in self._of(lang):
            for kind, score in article.scores.items():
                totals[kind] = totals[kind] + score
        return totals

    def detail(self, name: str, lang: str | None = None) -> Accuracy:
        """Summed accuracy of one detail ("roles", ...) over the articles."""
        total = Accuracy()
        for article in self._of(lang):
            total = total + article.details.get(name, Accuracy())
        return total

    def _of(self, lang: str | None) -> list[ArticleEvaluation]:
        return [a for a in self.articles if lang is None or a.lang == lang]


# -- matching names --------------------------------------------------------------------


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFC", name)
    text = _AFTER_INITIAL.sub(" ", _QUOTES.sub(" ", text)).casefold().replace("ё", "е")
    return text.split()


def _same_word(a: str, b: str, lang: str) -> bool:
    if a == b:
        return True
    if lang == "kk" or lang not in ("ru", "en"):
        return bool(morph.stems(a) & morph.stems(b))
    # Russian and English endings: a shared beginning with at most three letters more
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= 3 and shared >= max(len(a), len(b)) - 3


def same_name(a: str, b: str, lang: str = "kk") -> bool:
    """Whether two names match up to case endings, quotes and capitals."""
    left, right = _words(a), _words(b)
    return len(left) == len(right) and all(
        _same_word(x, y, lang) for x, y in zip(left, right, strict=True)
    )


def _match(predicted: Sequence[str], gold: Sequence[Sequence[str]], lang: str) -> dict[int, int]:
    """A largest one-to-one matching of predicted names to gold entities (by index)."""
    options = [
        [g for g, names in enumerate(gold) if any(same_name(p, n, lang) for n in names)]
        for p in predicted
    ]
    return _assign(options)


def _assign(options: Sequence[Sequence[int]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): left index -> right index."""
    owner: dict[int, int] = {}

    def claim(left: int, seen: set[int]) -> bool:
        for right in options[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or claim(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in range(len(options)):
        claim(left, set())
    return {left: right for right, left in owner.items()}


# -- scoring one article ------------------------------------------------------------------


def evaluate_article(result: ArticleResult, gold: Gold) -> ArticleEvaluation:
    """Compare one article's result with its gold."""
    lang = gold.lang
    scores: dict[str, Score] = {}
    details: dict[str, Accuracy] = {}
    misses: dict[str, tuple[str, ...]] = {}
    wrong: dict[str, tuple[str, ...]] = {}
    mapped: dict[str, str] = {}  # predicted entity id -> gold canonical name
    gold_entities = {
        "persons": gold.persons,
        "organisations": gold.organisations,
        "events": tuple((str(e["name"]),) for e in gold.events),
    }
    for kind, entity_type in _ENTITY_TYPES.items():
        predicted = sorted(
            (e for e in result.entities if e.type is entity_type), key=lambda e: e.name.text
        )
        expected = gold_entities[kind]
        matching = _match([e.name.text for e in predicted], expected, lang)
        for p, g in matching.items():
            mapped[predicted[p].id] = expected[g][0]
        scores[kind] = Score(
            len(matching), len(predicted) - len(matching), len(expected) - len(matching)
        )
        misses[kind] = tuple(
            expected[g][0] for g in range(len(expected)) if g not in matching.values()
        )
        wrong[kind] = tuple(
            _flag_ignored(predicted[p].name.text, gold.ignore, lang)
            for p in range(len(predicted))
            if p not in matching
        )
        if kind == "events":
            details.update(_event_details(predicted, matching, gold.events))

    names = {e.id: e.name.text for e in result.entities}
    score, roles, missed, extra = _affiliations(result, gold, mapped, names, lang)
    scores["affiliations"], details["roles"] = score, roles
    misses["affiliations"], wrong["affiliations"] = missed, extra
    score, kinds, missed, extra = _agreements(result, gold, mapped, names)
    scores["agreements"], details["agreement kinds"] = score, kinds
    misses["agreements"], wrong["agreements"] = missed, extra
    return ArticleEvaluation(gold.name, lang, scores, details, misses, wrong)


def _flag_ignored(name: str, ignore: Sequence[str], lang: str) -> str:
    """A false positive the gold lists as no actor says so ("X (ignore list)")."""
    return f"{name} (ignore list)" if any(same_name(name, n, lang) for n in ignore) else name


def _event_details(
    predicted: Sequence[Entity], matching: Mapping[int, int], gold: Sequence[dict[str, Any]]
) -> dict[str, Accuracy]:
    dates = places = Accuracy()
    for p, g in matching.items():
        entity, expected = predicted[p], gold[g]
        dates = dates + Accuracy(int(entity.date == expected.get("date")), 1)
        place_ok = (entity.place is None and expected.get("place") is None) or (
            entity.place is not None
            and expected.get("place") is not None
            and same_name(entity.place, str(expected["place"]))
        )
        places = places + Accuracy(int(place_ok), 1)
    return {"event dates": dates, "event places": places}


def _affiliations(
    result: ArticleResult,
    gold: Gold,
    mapped: Mapping[str, str],
    names: Mapping[str, str],
    lang: str,
) -> tuple[Score, Accuracy, tuple[str, ...], tuple[str, ...]]:
    expected: dict[tuple[str, str], list[str | None]] = {}
    for person, org, role in gold.affiliations:
        expected.setdefault((person, org), []).append(role)
    found: dict[tuple[str, str], list[str | None]] = {}
    extra: list[str] = []
    for fact in result.facts:
        if not isinstance(fact, Membership):
            continue
        role = fact.role.text if fact.role else None
        who, where = mapped.get(fact.person), mapped.get(fact.organisation)
        if who is None or where is None:
            extra.append(f"{names.get(fact.person)} / {names.get(fact.organisation)} ({role})")
            continue
        found.setdefault((who, where), []).append(role)
    extra.extend(
        f"{p} / {o} ({found[p, o][0]})" for p, o in sorted(found) if (p, o) not in expected
    )
    hits = [pair for pair in found if pair in expected]
    roles = Accuracy()
    for pair in hits:
        ok = any(_same_role(r, g, lang) for r in found[pair] for g in expected[pair])
        roles = roles + Accuracy(int(ok), 1)
    missed = tuple(f"{p} / {o} ({expected[p, o][0]})" for p, o in expected if (p, o) not in found)
    score = Score(len(hits), len(extra), len(expected) - len(hits))
    return score, roles, missed, tuple(extra)


def _same_role(predicted: str | None, gold: str | None, lang: str) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    return same_name(predicted, gold, lang)


def _agreements(
    result: ArticleResult, gold: Gold, mapped: Mapping[str, str], names: Mapping[str, str]
) -> tuple[Score, Accuracy, tuple[str, ...], tuple[str, ...]]:
    predicted = [f for f in result.facts if isinstance(f, Agreement)]
    parties = [frozenset(mapped[p] for p in f.parties if p in mapped) for f in predicted]
    options = [
        [g for g, (_, expected) in enumerate(gold.agreements) if len(found & expected) >= 2]
        for found in parties
    ]
    matching = _assign(options)
    kinds = Accuracy()
    for p, g in matching.items():
        kinds = kinds + Accuracy(int(predicted[p].kind.value == gold.agreements[g][0]), 1)
    missed = tuple(
        " + ".join(sorted(expected))
        for g, (_, expected) in enumerate(gold.agreements)
        if g not in matching.values()
    )
    extra = tuple(
        " + ".join(sorted(names.get(p, p) for p in predicted[i].parties))
        for i in range(len(predicted))
        if i not in matching
    )
    score = Score(
        len(matching), len(predicted) - len(matching), len(gold.agreements) - len(matching)
    )
    return score, kinds, missed, extra


# -- the whole folder ------------------------------------------------------------------------


def evaluate(
    gold_dir: Path,
    *,
    lang: str | None = None,
    pipeline: Pipeline | None = None,
    progress: Callable[[str], None] | None = None,
) -> EvaluationReport:
    """Run the pipeline on each gold article (of ``lang``, if given) and score it."""

    evaluations: list[ArticleEvaluation] = []
    for text_path, gold_path in gold_pairs(gold_dir):
        gold = read_gold(gold_path)
        if lang is not None and gold.lang != lang:
            continue
        articles = list(read_articles([text_path], strict=True))
        if len(articles) != 1:
            raise InputError(f"{text_path}: expected one article, read {len(articles)}")
        if progress is not None:
            progress(gold.name)
        try:
            result = process_article(articles[0], pipeline)
        except ExtractionError as exc:
            # The article still counts: everything its gold states is missed.
            if progress is not None:
                progress(f"{gold.name}: {exc}")
            result = ArticleResult(article=articles[0])
        evaluations.append(evaluate_article(result, gold))
    if not evaluations:
        raise InputError(f"{gold_dir}: no gold files in language {lang!r}")
    return EvaluationReport(tuple(evaluations))
