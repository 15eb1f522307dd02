"""``kg build --jobs``: extraction in worker processes gives what one process gives."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import kg.workers
from kg.build import build
from kg.errors import ExtractionError
from kg.iris import article_id
from kg.model import Article, ArticleResult, Problem
from kg.pipeline import Pipeline
from kg.workers import pipe_parallel
from tests.plugin_support import extractor_plugin

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

_PLUGIN = """
import os

from kg.extractors import ExtractorSpec
from kg.model import Extraction

SPEC = ExtractorSpec("test.hazard", ("en",), "civkg_hazard_plugin:Hazard", "fails on cue words")


class Hazard:
    name = "test.hazard"

    def pipe(self, articles):
        for article in articles:
            if "BOOM" in article.text:
                raise ValueError("a bug in one article's extraction")
            if "CRASH" in article.text:
                os._exit(70)  # what a segfault in a native library looks like from outside
            yield Extraction(article=article)
"""

_PEOPLE = ("Dana Omarova", "Arman Seitkali", "Laura Beisen", "Timur Dosov", "Aliya Nurbek")
_BODIES = ("Steppe Water Institute", "Green Valley Foundation", "Open Lake Alliance")


def _article(n: int, extra: str = "") -> Article:
    person, body = _PEOPLE[n % len(_PEOPLE)], _BODIES[n % len(_BODIES)]
    text = f"{person}, director of the {body}, opened forum number {n}. {extra}".strip()
    return Article(id=article_id(text), text=text, lang="en", source_path=f"a{n:03}.txt")


@pytest.fixture
def hazard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Pipeline]:
    """A pipeline whose English extractors include one that fails or dies on cue words.

    A real plug-in on ``sys.path``: spawned workers get the parent's path, so they load
    it through the entry points as the parent does.
    """
    with extractor_plugin(tmp_path / "plugin", monkeypatch, "civkg_hazard_plugin", _PLUGIN):
        yield Pipeline({"en": ["en.rules", "test.hazard"]})


def test_workers_give_the_results_of_one_process_in_input_order() -> None:
    articles = [_article(n) for n in range(70)]
    pipeline = Pipeline({"en": ["en.rules"]})
    alone = list(pipeline.pipe(articles))
    spread = list(pipe_parallel(pipeline, articles, jobs=2, min_articles=1))
    assert [r.article.id for r in spread] == [a.id for a in articles]
    assert spread == alone
    assert any(r.facts for r in spread)  # the comparison compared something


def test_a_small_build_stays_in_this_process() -> None:
    # no worker could run the pipeline: a pipeline of a plug-in that is not installed
    # would fail to load there, but a short build never starts one
    articles = [_article(n) for n in range(3)]
    pipeline = Pipeline({"en": ["en.rules"]})
    assert list(pipe_parallel(pipeline, articles, jobs=2)) == list(pipeline.pipe(articles))


def test_an_article_that_fails_in_a_worker_is_reported_and_the_others_kept(
    hazard: Pipeline,
) -> None:
    articles = [_article(n, "BOOM" if n == 40 else "") for n in range(70)]
    problems: list[Problem] = []
    results = list(
        pipe_parallel(hazard, articles, jobs=2, min_articles=1, on_problem=problems.append)
    )
    assert [r.article.source_path for r in results] == [
        a.source_path for a in articles if a.source_path != "a040.txt"
    ]
    assert [p.path for p in problems] == ["a040.txt"]
    assert "ValueError" in problems[0].message


def test_strict_stops_at_the_failing_article(hazard: Pipeline) -> None:
    articles = [_article(n, "BOOM" if n == 5 else "") for n in range(70)]
    with pytest.raises(ExtractionError, match=r"a005\.txt"):
        list(pipe_parallel(hazard, articles, jobs=2, min_articles=1, strict=True))


def test_a_worker_that_dies_costs_only_its_article(hazard: Pipeline) -> None:
    articles = [_article(n, "CRASH" if n == 33 else "") for n in range(70)]
    problems: list[Problem] = []
    results = list(
        pipe_parallel(hazard, articles, jobs=2, min_articles=1, on_problem=problems.append)
    )
    assert len(results) == 69
    assert [r.article.source_path for r in results] == [
        a.source_path for a in articles if a.source_path != "a033.txt"
    ]
    assert [p.path for p in problems] == ["a033.txt"]
    assert "worker process died" in problems[0].message


@pytest.mark.skipif(not DEV.is_dir(), reason=f"needs the dev corpus at {DEV}")
def test_graph_files_are_byte_identical_with_two_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kg.workers, "MIN_ARTICLES_FOR_WORKERS", 1)  # 14 articles, 2 workers
    formats = ["turtle", "trig", "jsonld", "graphml"]
    build([DEV], out_dir=tmp_path / "one", formats=formats, jobs=1)
    build([DEV], out_dir=tmp_path / "two", formats=formats, jobs=2)
    written = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert written == sorted(p.name for p in (tmp_path / "two").iterdir())
    assert len(written) >= len(formats)
    for name in written:
        one, two = (tmp_path / d / name for d in ("one", "two"))
        if one.is_file():
            assert one.read_bytes() == two.read_bytes(), name


def _blas_threads() -> list[int]:
    import numpy  # noqa: F401  (loads OpenBLAS, as the extractors do)
    from threadpoolctl import threadpool_info

    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_a_worker_runs_its_numerics_on_one_thread() -> None:
    # idle OpenBLAS threads spin: a worker per core with a BLAS thread per core each
    # made --jobs 2 no faster than --jobs 1
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=kg.workers._start_worker,
        initargs=(Pipeline({"en": ["en.rules"]}),),
    ) as pool:
        threads = pool.submit(_blas_threads).result()
    assert threads and set(threads) == {1}


def test_extraction_here_runs_on_one_blas_thread_and_restores_it() -> None:
    before = _blas_threads()
    seen: list[list[int]] = []
    for _ in pipe_parallel(Pipeline({"en": ["en.rules"]}), [_article(1), _article(2)], jobs=1):
        seen.append(_blas_threads())
    assert seen and all(set(threads) == {1} for threads in seen)
    assert _blas_threads() == before


def test_batches_go_out_costliest_first_and_hold_every_article() -> None:
    from kg.pipeline import BATCH_SIZE
    from kg.workers import largest_first

    short = [_article(n) for n in range(BATCH_SIZE + 3)]
    long = replace(_article(999, "word " * 400), lang="ru")
    batches = largest_first([*short, long])
    assert batches[0][0] == long
    assert all(len(b) <= BATCH_SIZE for b in batches)
    assert sorted(a.source_path for b in batches for a in b) == sorted(
        a.source_path for a in [*short, long]
    )


def test_articles_handed_out_window_by_window_come_back_in_input_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(kg.workers, "WINDOW", 5)  # many windows, each costliest first
    pipeline = Pipeline({"en": ["en.rules"]})
    articles = [_article(n, "word " * (n % 7)) for n in range(40)]
    pulled: list[int] = []

    def read() -> Iterator[Article]:  # as a build reads: one at a time, when asked
        for number, found in enumerate(articles):
            pulled.append(number)
            yield found

    results = list(pipe_parallel(pipeline, read(), jobs=2, min_articles=3))
    assert pulled == list(range(40))
    assert results == list(pipe_parallel(pipeline, articles, jobs=1))


def test_unordered_results_are_every_result_of_the_ordered_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(kg.workers, "WINDOW", 5)
    pipeline = Pipeline({"en": ["en.rules"]})
    articles = [_article(n, "word " * (n % 5)) for n in range(30)]
    ordered = list(pipe_parallel(pipeline, articles, jobs=2, min_articles=3))
    unordered = list(pipe_parallel(pipeline, articles, jobs=2, min_articles=3, ordered=False))
    assert len(unordered) == len(ordered) == 30
    assert sorted(unordered, key=_path) == sorted(ordered, key=_path)


def _path(result: ArticleResult) -> str:
    return result.article.source_path
