"""One article that an extractor fails on costs that article only, never the build."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import ExtractionError
from kg.pipeline import Pipeline
from tests.plugin_support import extractor_plugin

_PLUGIN = """
from kg.extractors import ExtractorSpec
from kg.model import Extraction

SPEC = ExtractorSpec("test.fragile", ("en",), "civkg_fragile_plugin:Fragile", "fails on BOOM")


class Fragile:
    name = "test.fragile"

    def pipe(self, articles):
        for article in articles:
            if "BOOM" in article.text:
                raise ValueError("'' is not a valid grammeme")
            yield Extraction(article=article)
"""


@pytest.fixture
def fragile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Pipeline]:
    """A pipeline whose English extractors include one that crashes on "BOOM"."""
    with extractor_plugin(tmp_path / "plugin", monkeypatch, "civkg_fragile_plugin", _PLUGIN):
        yield Pipeline({"en": ["en.rules", "test.fragile"]})


def _articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Dana Omarova, director of the Steppe Water Institute, opened the meeting.",
        encoding="utf-8",
    )
    (folder / "bad.txt").write_text("BOOM. Erlan Tuleu heads the Aral Union.", encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        '{"text": "Aigerim Sadykova chairs the Blue Lake Foundation.", "lang": "en"}\n'
        '{"text": "BOOM again, said the Blue Lake Foundation.", "lang": "en"}\n',
        encoding="utf-8",
    )
    return folder


def test_a_crashing_article_is_a_problem_naming_its_file_and_the_rest_is_built(
    tmp_path: Path, fragile: Pipeline
) -> None:
    done = build([_articles(tmp_path / "in")], pipeline=fragile)
    assert sorted(r.article.source_path for r in done.results) == ["good.txt", "lines.jsonl#L1"]
    problems = sorted(str(p) for p in done.problems)
    assert len(problems) == 2
    assert problems[0].startswith("bad.txt: test.fragile failed on this article (ValueError")
    assert problems[1].startswith("lines.jsonl:2: test.fragile failed")
    assert any(r.facts for r in done.results)  # the good articles kept their facts


def test_strict_stops_at_the_article_with_its_name(tmp_path: Path, fragile: Pipeline) -> None:
    with pytest.raises(ExtractionError, match=r"bad\.txt: test\.fragile failed"):
        build([_articles(tmp_path / "in")], pipeline=fragile, strict=True)
