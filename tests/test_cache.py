"""Incremental builds: unchanged articles come from the output folder's cache."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.build import build
from kg.cache import CACHE_FOLDER, decode_result, encode_result
from kg.errors import UsageError
from kg.extractors.relations import RelationModel
from kg.extractors.relations.linear import LinearModel
from kg.pipeline import Pipeline, process_article
from tests.extractors.extraction_support import article
from tests.plugin_support import extractor_plugin

FORMATS = ["turtle", "trig", "jsonld"]

_TEXTS = {
    "a.txt": "Dana Omarova, director of the Steppe Water Institute, opened the forum.",
    "b.txt": "Arman Seitkali, chairman of the Green Valley Foundation, spoke in Astana.",
    "c.txt": (
        "The Open Lake Alliance signed a memorandum of understanding with the Steppe "
        "Water Institute on Monday."
    ),
}

_PLUGIN = """
from kg.extractors import ExtractorSpec
from kg.model import Extraction

SPEC = ExtractorSpec("test.versioned", ("en",), "civkg_versioned_plugin:Versioned", "v{v}")


class Versioned:
    name = "test.versioned"

    def pipe(self, articles):
        for article in articles:
            yield Extraction(article=article)
"""


def _corpus(folder: Path, texts: dict[str, str] | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in (texts or _TEXTS).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _graph_files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig")}


def _cached_rows(out: Path) -> int:
    with sqlite3.connect(out / CACHE_FOLDER / "results.sqlite") as db:
        count: int = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    return count


@pytest.fixture
def versioned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An installed extractor plug-in whose module file the test can change."""
    source = _PLUGIN.format(v=1)
    folder = tmp_path / "plugin"
    with extractor_plugin(folder, monkeypatch, "civkg_versioned_plugin", source) as path:
        yield path


def test_a_result_survives_its_json_form() -> None:
    result = process_article(article(_TEXTS["a.txt"] + " " + _TEXTS["c.txt"], "en"))
    assert result.entities and result.facts  # something to carry
    assert decode_result(encode_result(result)) == result


def test_a_rebuild_reuses_every_unchanged_article_and_writes_the_same_files(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path / "in")
    fresh = build([corpus], out_dir=tmp_path / "fresh", formats=FORMATS, cache=False)
    first = build([corpus], out_dir=tmp_path / "out", formats=FORMATS)
    again = build([corpus], out_dir=tmp_path / "out", formats=FORMATS)
    assert (fresh.reused, first.reused, again.reused) == (0, 0, 3)
    assert again.results == fresh.results
    assert _graph_files(tmp_path / "out") == _graph_files(tmp_path / "fresh")
    assert not (tmp_path / "fresh" / CACHE_FOLDER).exists()


def test_only_new_and_changed_articles_are_extracted_and_removed_ones_dropped(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    build([corpus], out_dir=out, formats=FORMATS)
    (corpus / "b.txt").write_text(
        "Arman Seitkali, treasurer of the Green Valley Foundation, spoke.", encoding="utf-8"
    )
    (corpus / "d.txt").write_text(
        "Laura Beisen, head of the Silk Road Youth Union, arrived.", encoding="utf-8"
    )
    (corpus / "c.txt").unlink()
    changed = build([corpus], out_dir=out, formats=FORMATS)
    assert changed.reused == 1  # a.txt
    assert sorted(r.article.source_path for r in changed.results) == ["a.txt", "b.txt", "d.txt"]
    assert _cached_rows(out) == 3  # c.txt is forgotten
    build([corpus], out_dir=tmp_path / "fresh", formats=FORMATS, cache=False)
    assert _graph_files(out) == _graph_files(tmp_path / "fresh")


def test_a_changed_extractor_invalidates_the_cache(tmp_path: Path, versioned: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    pipeline = Pipeline({"en": ["en.rules", "test.versioned"]})
    out = tmp_path / "out"
    assert build([corpus], out_dir=out, formats=FORMATS, pipeline=pipeline).reused == 0
    assert build([corpus], out_dir=out, formats=FORMATS, pipeline=pipeline).reused == 3
    versioned.write_text(_PLUGIN.format(v=2), encoding="utf-8")  # a new release of it
    assert build([corpus], out_dir=out, formats=FORMATS, pipeline=pipeline).reused == 0


def test_another_relation_model_or_extractor_set_is_another_cache_key(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    build([corpus], out_dir=out, formats=FORMATS)
    blank = RelationModel(LinearModel(weights={"bias": -5.0}))
    with_model = build(
        [corpus], out_dir=out, formats=FORMATS, pipeline=Pipeline(relation_model=blank)
    )
    assert with_model.reused == 0
    without = build([corpus], out_dir=out, formats=FORMATS, pipeline=Pipeline(relations=False))
    assert without.reused == 0


def test_a_damaged_cache_costs_the_cache_not_the_build(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    build([corpus], out_dir=out, formats=FORMATS)
    (out / CACHE_FOLDER / "results.sqlite").write_bytes(b"not a database at all" * 100)
    done = build([corpus], out_dir=out, formats=FORMATS)
    assert len(done.results) == 3
    assert any("results not cached" in p.message for p in done.problems)
    assert (out / "graph.ttl").is_file()


def test_out_pointing_at_a_file_is_refused_before_any_work(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    target = tmp_path / "taken.txt"
    target.write_text("a user's file", encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        build([corpus], out_dir=target, formats=FORMATS)
    assert target.read_text(encoding="utf-8") == "a user's file"


def _article_rows(out: Path) -> int:
    with sqlite3.connect(out / CACHE_FOLDER / "results.sqlite") as db:
        count: int = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return count


def test_a_rebuild_reads_unchanged_files_from_the_cache_into_the_same_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.ingest.articles

    corpus = _corpus(tmp_path / "in")
    (corpus / "d.jsonl").write_text(
        '{"text": "Laura Beisen, head of the Open Lake Alliance, arrived.", "url": "https://x.kz/1"}\n'
        '{"text": "Dana Omarova spoke.", "title": "Forum"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    first = build([corpus], out_dir=out, formats=FORMATS)
    # (read now: a build's results are read back from the cache, which the next prunes)
    first_articles = [r.article for r in first.results]
    assert _article_rows(out) == 5
    made: list[str] = []
    original = kg.ingest.articles.to_article

    def counted(draft: object, source: str) -> object:
        made.append(source)
        return original(draft, source)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.ingest.articles, "to_article", counted)
    (corpus / "b.txt").write_text("Arman Seitkali spoke in Astana again.", encoding="utf-8")
    (corpus / "c.txt").unlink()
    again = build([corpus], out_dir=out, formats=FORMATS)
    assert made == ["b.txt"]  # only the changed file is read into an article again
    assert _article_rows(out) == 4  # c.txt's is dropped
    unchanged = [a for a in first_articles if a.source_path != "b.txt"]
    assert [a for a in unchanged if a.source_path != "c.txt"] == [
        r.article for r in again.results if r.article.source_path != "b.txt"
    ]
    fresh = tmp_path / "fresh"
    build([corpus], out_dir=fresh, formats=FORMATS, cache=False)
    assert _graph_files(out) == _graph_files(fresh)


def test_a_rebuild_takes_each_texts_duplicate_signature_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.duplicates

    story = " ".join(f"The Steppe Water Institute met partner number {n}." for n in range(20))
    copy = f"{story} The weather was fine."
    corpus = _corpus(tmp_path / "in", {"a.txt": story, "b.txt": copy})
    out = tmp_path / "out"
    first = build([corpus], out_dir=out, formats=FORMATS)
    assert len(first.duplicates) == 1
    signed: list[str] = []
    original = kg.duplicates._signature

    def counted(text: str) -> tuple[int, bytes]:
        signed.append(text)
        return original(text)

    monkeypatch.setattr(kg.duplicates, "_signature", counted)
    (corpus / "c.txt").write_text(_TEXTS["a.txt"], encoding="utf-8")
    again = build([corpus], out_dir=out, formats=FORMATS)
    assert signed == [_TEXTS["a.txt"]]  # only the new text is shingled and hashed
    assert again.duplicates == first.duplicates
    fresh = tmp_path / "fresh"
    build([corpus], out_dir=fresh, formats=FORMATS, cache=False)
    assert _graph_files(out) == _graph_files(fresh)


def _age(folder: Path) -> None:
    """Set every file's modification time an hour back (older than the racy window)."""
    for path in folder.iterdir():
        past = path.stat().st_mtime - 3600
        os.utime(path, (past, past))


def test_a_rebuild_reads_only_the_files_whose_stamp_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.ingest.articles

    corpus = _corpus(tmp_path / "in")
    (corpus / "d.jsonl").write_text(
        '{"text": "Laura Beisen, head of the Open Lake Alliance, arrived.", "id": "7"}\n'
        '{"text": "Dana Omarova spoke at the forum.", "id": "7"}\n',
        encoding="utf-8",
    )
    (corpus / "e.jsonl").write_text(
        '{"text": "Arman Seitkali met Laura Beisen."}\nnot json at all\n', encoding="utf-8"
    )
    _age(corpus)
    out = tmp_path / "out"
    first = build([corpus], out_dir=out, formats=FORMATS)
    kept = {r.article.source_path: r.article for r in first.results}  # (before a rebuild)
    read: list[str] = []
    readers = dict(kg.ingest.articles.READERS)

    def spied(reader: Any) -> Any:
        def reading(path: Path, max_bytes: int) -> Any:
            read.append(path.name)
            return reader(path, max_bytes)

        return reading

    monkeypatch.setattr(
        kg.ingest.articles, "READERS", {ext: spied(r) for ext, r in readers.items()}
    )
    # the same size, its modification time set back: only the status-change time tells
    b = corpus / "b.txt"
    before = b.stat()
    b.write_text(_TEXTS["b.txt"].replace("Astana", "Almaty"), encoding="utf-8")
    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert b.stat().st_size == before.st_size
    (corpus / "f.txt").write_text("Dana Omarova met Arman Seitkali.", encoding="utf-8")
    again = build([corpus], out_dir=out, formats=FORMATS)
    # b.txt changed, e.jsonl had a bad line (read again to report it again), f.txt is new
    assert sorted(read) == ["b.txt", "e.jsonl", "f.txt"]
    assert [p.message for p in again.problems] == [p.message for p in first.problems]
    assert any(p.path == "e.jsonl" and p.line == 2 for p in again.problems)
    for result in again.results:
        if result.article.source_path not in ("b.txt", "f.txt"):
            assert result.article == kept[result.article.source_path]
    assert "Almaty" in next(
        r.article.text for r in again.results if r.article.source_path == "b.txt"
    )
    fresh = tmp_path / "fresh"
    build([corpus], out_dir=fresh, formats=FORMATS, cache=False)
    assert _graph_files(out) == _graph_files(fresh)
    # the JSONL notes (an id given twice) come back with the remembered articles
    notes = [n for r in again.results for n in r.article.notes]
    assert any("is also the id of line 1" in n for n in notes)


def test_a_file_modified_a_moment_ago_has_no_stamp(tmp_path: Path) -> None:
    from kg.ingest.articles import file_stamp

    path = tmp_path / "a.txt"
    path.write_text(_TEXTS["a.txt"], encoding="utf-8")
    assert file_stamp(str(path), 1000) is None  # within a tick of the clock: racy
    _age(tmp_path)
    stamp = file_stamp(str(path), 1000)
    assert stamp is not None and stamp == file_stamp(str(path), 1000)
    assert file_stamp(str(path), 999) != stamp  # read under another size limit
    assert file_stamp(str(tmp_path), 1000) is None  # a folder


def test_an_article_given_back_by_the_memo_has_the_key_of_its_encoding(tmp_path: Path) -> None:
    from kg.cache import ResultCache, article_key
    from kg.ingest import read_articles

    corpus = _corpus(tmp_path / "in")
    _age(corpus)
    out = tmp_path / "out"
    build([corpus], out_dir=out, formats=FORMATS)
    cache = ResultCache(out / CACHE_FOLDER)
    articles = list(read_articles([corpus], memo=cache))
    assert cache._encoded  # given back from the memo, not read
    assert [cache.key_of(a, "fp") for a in articles] == [article_key(a, "fp") for a in articles]
    assert not cache._encoded  # each text used once
    cache.close()
