"""One article that an extractor fails on costs that article only, never the build."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import ExtractionError
from kg.extractors import REGISTRY
from kg.pipeline import Pipeline

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
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    (plugin / "civkg_fragile_plugin.py").write_text(_PLUGIN, encoding="utf-8")
    dist = plugin / "civkg_fragile_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: civkg-fragile-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[civkg.extractors]\nfragile = civkg_fragile_plugin:SPEC\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(plugin))
    REGISTRY.__dict__.pop("specs", None)  # re-read the entry points with the plug-in
    yield Pipeline({"en": ["en.rules", "test.fragile"]})
    REGISTRY.__dict__.pop("specs", None)
    sys.modules.pop("civkg_fragile_plugin", None)


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
