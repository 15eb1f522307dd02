"""The development corpus: language, title and date against the gold files.

The corpus sits beside the repository (``../shared/corpus/dev``); it is read here for
measurement only, and the test is skipped where it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.ingest import read_articles
from kg.ingest.dates import find_dates
from kg.model import Article, Problem

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason=f"no development corpus at {DEV}")


@pytest.fixture(scope="module")
def pairs() -> list[tuple[Article, dict[str, Any]]]:
    problems: list[Problem] = []
    articles = list(read_articles([DEV], on_problem=problems.append))
    assert problems == []
    gold_files = sorted(DEV.glob("*.json"))
    assert len(articles) == len(gold_files)
    return [
        (article, json.loads((DEV / article.source_path).with_suffix(".json").read_text("utf-8")))
        for article in articles
    ]


def raw(article: Article) -> str:
    return (DEV / article.source_path).read_text(encoding="utf-8")


def test_language_of_every_file(pairs: list[tuple[Article, dict[str, Any]]]) -> None:
    wrong = [(a.source_path, a.lang, g["lang"]) for a, g in pairs if a.lang != g["lang"]]
    assert wrong == []
    # The file name prefix is the language too.
    assert all(a.source_path.startswith(a.lang + "-") for a, _ in pairs)


def test_title_of_every_file(pairs: list[tuple[Article, dict[str, Any]]]) -> None:
    wrong = [(a.source_path, a.title, g["title"]) for a, g in pairs if a.title != g["title"]]
    print(f"\ntitles: {len(pairs) - len(wrong)}/{len(pairs)} match")
    assert wrong == []


def test_dates_are_found_when_written_and_never_wrong(
    pairs: list[tuple[Article, dict[str, Any]]],
) -> None:
    matched = sum(1 for a, g in pairs if a.date == g["date"])
    print(f"\ndates: {matched}/{len(pairs)} match the gold")
    # A date the text does not state (gold taken from the web page) cannot be found;
    # every date that is found must be the right one.
    wrong = [
        (a.source_path, a.date, g["date"]) for a, g in pairs if a.date not in (None, g["date"])
    ]
    assert wrong == []
    written = [a for a, g in pairs if g["date"] in {d.iso for d in find_dates(raw(a))}]
    assert written
    assert [a.source_path for a in written if a.date is None] == []


def test_chrome_is_gone_from_the_canonical_page(
    pairs: list[tuple[Article, dict[str, Any]]],
) -> None:
    article = next(a for a, _ in pairs if a.source_path == "kk-civil-forum-2021.txt")
    assert article.title is not None
    assert article.text.startswith(article.title)
    page = raw(article)
    # Every line before the headline in the raw page is chrome.
    for line in page[: page.index(article.title)].splitlines():
        if line.strip():
            assert line.strip() not in article.text
