"""The evaluation report as plain text: totals, per language, then each article's errors."""

from __future__ import annotations

from collections.abc import Iterable

from kg.evaluation.score import TYPES, EvaluationReport, Score


def _score_line(label: str, score: Score) -> str:
    return (
        f"  {label:<14} P {score.precision:5.3f}  R {score.recall:5.3f}  F1 {score.f1:5.3f}"
        f"   (tp {score.tp}, fp {score.fp}, fn {score.fn})"
    )


def _block(title: str, report: EvaluationReport, lang: str | None) -> list[str]:
    lines = [title]
    lines.extend(_score_line(kind, score) for kind, score in report.totals(lang).items())
    for name in ("roles", "agreement kinds", "event dates", "event places"):
        acc = report.detail(name, lang)
        if acc.total:
            lines.append(f"  {name + ' right':<14} {acc.value:5.3f}  ({acc.correct}/{acc.total})")
    return lines


def _listing(label: str, items: Iterable[str]) -> list[str]:
    return [f"    {label}: {item}" for item in items]


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def format_report(report: EvaluationReport) -> str:
    """The report as plain text: totals, per language, then each article's errors."""
    lines = _block(f"Overall ({_articles(len(report.articles))})", report, None)
    if len(report.languages) > 1:
        for lang in report.languages:
            lines.append("")
            count = sum(1 for a in report.articles if a.lang == lang)
            lines.extend(_block(f"{lang} ({_articles(count)})", report, lang))
    for article in report.articles:
        lines.append("")
        f1 = "  ".join(
            f"{kind[:4]} " + (f"{s.f1:4.2f}" if s.tp + s.fp + s.fn else "  - ")
            for kind in TYPES
            for s in [article.scores.get(kind, Score())]
        )
        lines.append(f"{article.name} [{article.lang}]  {f1}")
        for kind in TYPES:
            lines.extend(_listing(f"missed {kind}", article.misses.get(kind, ())))
            lines.extend(_listing(f"wrong {kind}", article.false_positives.get(kind, ())))
    return "\n".join(lines)
