"""``kg build --executor dask``: extraction on a real Dask cluster gives a one-process build."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed", reason="needs civkg[dask]")

import dask  # noqa: E402

from kg.build import build  # noqa: E402
from kg.cluster import pipe_dask  # noqa: E402
from kg.errors import UsageError  # noqa: E402
from kg.iris import article_id  # noqa: E402
from kg.model import Article, Problem  # noqa: E402
from kg.pipeline import Pipeline  # noqa: E402

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
FORMATS = ["turtle", "trig", "jsonld", "graphml"]

_PEOPLE = ("Dana Omarova", "Arman Seitkali", "Laura Beisen", "Timur Dosov")
_BODIES = ("Steppe Water Institute", "Green Valley Foundation", "Open Lake Alliance")


def _article(n: int) -> Article:
    person, body = _PEOPLE[n % len(_PEOPLE)], _BODIES[n % len(_BODIES)]
    text = f"{person}, director of the {body}, opened forum number {n}."
    return Article(id=article_id(text), text=text, lang="en", source_path=f"a{n:03}.txt")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A real two-process ``LocalCluster``, addressed as a team's own scheduler would be."""
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_the_cluster_gives_the_results_of_one_process_in_input_order(scheduler: str) -> None:
    articles = [_article(n) for n in range(70)]
    pipeline = Pipeline({"en": ["en.rules"]})
    problems: list[Problem] = []
    spread = list(pipe_dask(pipeline, articles, scheduler=scheduler, on_problem=problems.append))
    assert spread == list(pipeline.pipe(articles))
    assert [r.article.id for r in spread] == [a.id for a in articles]
    assert any(r.facts for r in spread) and not problems


@pytest.mark.skipif(not DEV.is_dir(), reason=f"needs the dev corpus at {DEV}")
def test_graph_files_are_byte_identical_on_the_cluster(tmp_path: Path, scheduler: str) -> None:
    build([DEV], out_dir=tmp_path / "one", formats=FORMATS, jobs=1, cache=False)
    build(
        [DEV],
        out_dir=tmp_path / "dask",
        formats=FORMATS,
        executor="dask",
        scheduler=scheduler,
        cache=False,
    )
    written = sorted(p.name for p in (tmp_path / "one").iterdir() if p.is_file())
    assert len(written) >= len(FORMATS)
    for name in written:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()


def test_a_local_cluster_is_started_when_no_scheduler_is_given(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        article = _article(n)
        (folder / article.source_path).write_text(article.text, encoding="utf-8")
    done = build([folder], out_dir=tmp_path / "out", formats=["turtle"], executor="dask", jobs=2)
    assert len(done.results) == 3
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0


def test_an_unknown_executor_or_a_lone_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="choose one of processes, dask"):
        build([tmp_path], executor="threads")
    with pytest.raises(UsageError, match="--executor dask"):
        build([tmp_path], scheduler="tcp://127.0.0.1:8786")


def test_a_scheduler_that_does_not_answer_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(_article(1).text, encoding="utf-8")
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "2s"}),
        pytest.raises(UsageError, match="no Dask scheduler answers"),
    ):
        build([tmp_path], executor="dask", scheduler="tcp://127.0.0.1:9", cache=False)
