"""Extraction in worker processes (``kg build --jobs N``).

Every worker process receives the pipeline once, loads its models once, and extracts
whole batches of articles. Results come back in input order, so a build with any
number of workers gives the same results, byte for byte, as one process.

Workers are started with ``spawn`` by default: a fresh interpreter per worker is the
start method that behaves the same on Linux, macOS and Windows and never inherits
locks or threads from the parent (``fork`` after models have loaded can deadlock).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from kg.model import Article, ArticleResult, Problem
from kg.pipeline import BATCH_SIZE, Pipeline

#: Batches handed out ahead of the one being yielded, per worker, on a Dask cluster
#: (``kg.cluster``): enough to keep every worker busy, few enough that memory stays flat.
AHEAD_PER_WORKER = 2

#: Below this many articles a build runs in this process: each worker loads the models
#: (2-3 s), more than extracting a few hundred short articles takes.
MIN_ARTICLES_FOR_WORKERS = 200

_worker_pipeline: Pipeline | None = None

Outcome = tuple[list[ArticleResult], list[Problem]]


def default_jobs() -> int:
    """The cores this process may run on (``kg build``'s default ``--jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def pipe_parallel(
    pipeline: Pipeline,
    articles: Iterable[Article],
    *,
    jobs: int,
    on_problem: Callable[[Problem], None] | None = None,
    strict: bool = False,
    start_method: str = "spawn",
    min_articles: int | None = None,
    ordered: bool = True,
) -> Iterator[ArticleResult]:
    """``pipeline.pipe(articles)`` spread over ``jobs`` worker processes, same order.

    The results are yielded once every worker is done (a build links them all at once
    anyway); with ``ordered`` False, each batch's as soon as it is done, in no set
    order (a cached build stores and indexes them while the workers go on).

    Fewer than ``min_articles`` (default ``MIN_ARTICLES_FOR_WORKERS``) articles run in
    this process: starting workers (and
    loading their models) would cost more than it saves. A worker process that dies (a crash
    inside a native library) costs only the article it died on: its batch is re-run
    one article per task in fresh workers, and the article that kills a worker again
    becomes a ``Problem``.
    """
    if jobs <= 1:
        yield from _in_process(pipeline, articles, on_problem, strict)
        return
    iterator = iter(articles)
    least = MIN_ARTICLES_FOR_WORKERS if min_articles is None else min_articles
    head = list(islice(iterator, least))
    if len(head) < least:
        yield from _in_process(pipeline, head, on_problem, strict)
        return
    listed: list[Article] = []
    workers = _Workers(pipeline, jobs, multiprocessing.get_context(start_method), strict)
    try:
        # Batches are handed out as the articles are read, a window at a time: reading
        # (a tenth of the work of a fresh build) goes on while the workers extract,
        # where reading every article first kept them waiting. Each window goes out
        # costliest first, so the build does not end on one long batch while the other
        # workers idle (see ``largest_first``); no worker waits for the parent to take an
        # earlier batch's results.
        pending: list[tuple[list[Article], Future[Outcome]]] = []
        for window in _windows(head, iterator):
            listed.extend(window)
            pending.extend((batch, workers.submit(batch)) for batch in largest_first(window))
        found: dict[tuple[str, str], ArticleResult] = {}
        if not ordered:
            batch_of = {future: batch for batch, future in pending}
            for future in as_completed(batch_of):
                yield from deliver(workers.outcome(batch_of[future], future), on_problem)
            return
        for batch, future in pending:
            for result in deliver(workers.outcome(batch, future), on_problem):
                found[(result.article.source_path, result.article.id)] = result
    finally:
        workers.close()
    for article in listed:
        done = found.get((article.source_path, article.id))
        if done is not None:  # else skipped, and reported
            yield done


#: Articles read before their batches are handed out (see ``pipe_parallel``): the
#: longest-first order within a window keeps its benefit where it counts, at the end.
WINDOW = 8 * BATCH_SIZE


def _windows(head: list[Article], rest: Iterator[Article]) -> Iterator[list[Article]]:
    """``head`` and then ``rest`` in windows of ``WINDOW`` articles, read as asked for."""
    yield head
    while window := list(islice(rest, WINDOW)):
        yield window


#: Relative cost of a character of each language's extraction (tokens/s measured by
#: benchmarks/bench_pipeline.py: kk ~7k, ru ~3.8k, en ~25k), for scheduling only.
_COST_PER_CHAR = {"ru": 2.0, "kk": 1.0, "en": 0.3}


def largest_first(articles: list[Article]) -> list[list[Article]]:
    """Batches of ``BATCH_SIZE`` articles of like cost, the costliest batch first.

    Longest-processing-time-first: with batches in input order a 1,000-article build
    ended with one worker on the last Russian batches and the other idle.
    """

    def cost(article: Article) -> float:
        return len(article.text) * _COST_PER_CHAR.get(article.lang, 1.0)

    ordered = sorted(articles, key=lambda a: -cost(a))  # stable: ties keep input order
    return [ordered[i : i + BATCH_SIZE] for i in range(0, len(ordered), BATCH_SIZE)]


def _in_process(
    pipeline: Pipeline,
    articles: Iterable[Article],
    on_problem: Callable[[Problem], None] | None,
    strict: bool,
) -> Iterator[ArticleResult]:
    """``pipeline.pipe`` here, with one BLAS thread while it runs (then as it was).

    The same reason as in a worker (see ``single_threaded_numerics``): on 1,000
    articles on a busy 2-core machine, OpenBLAS's spinning threads made ``--jobs 1``
    spend 149 CPU-s on 60 CPU-s of work and take 4x as long as ``--jobs 2``.
    """
    import numpy  # noqa: F401  (loads OpenBLAS: the limit reaches only loaded libraries)
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield from pipeline.pipe(articles, on_problem=on_problem, strict=strict)


def batches_of(articles: Iterator[Article]) -> Iterator[list[Article]]:
    """The articles in batches of ``BATCH_SIZE``."""
    while batch := list(islice(articles, BATCH_SIZE)):
        yield batch


class _Workers:
    """A process pool that is replaced when a worker dies."""

    def __init__(
        self,
        pipeline: Pipeline,
        jobs: int,
        context: multiprocessing.context.BaseContext,
        strict: bool,
    ) -> None:
        self._pipeline = pipeline
        self._jobs = jobs
        self._context = context
        self._strict = strict
        self._pool = self._start()
        # which pool ran each future still pending: after a worker dies, only the pool it
        # died in is replaced, not the fresh one that later futures already run in
        self._owner: dict[Future[Outcome], ProcessPoolExecutor] = {}

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self._jobs,
            mp_context=self._context,
            initializer=_start_worker,
            initargs=(self._pipeline,),
        )

    def submit(self, batch: list[Article]) -> Future[Outcome]:
        future = self._pool.submit(run_batch, batch, self._strict)
        self._owner[future] = self._pool
        return future

    def _restart(self, broken: Future[Outcome]) -> None:
        """A fresh pool, unless the one ``broken`` ran in was already replaced."""
        if self._owner.get(broken) is self._pool:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = self._start()

    def outcome(self, batch: list[Article], future: Future[Outcome]) -> Outcome:
        """The batch's results; after a worker died, its articles one by one."""
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart(future)
        finally:
            self._owner.pop(future, None)
        results: list[ArticleResult] = []
        problems: list[Problem] = []
        for article in batch:
            single = self.submit([article])
            try:
                found, reported = single.result()
            except BrokenProcessPool:
                self._restart(single)
                problems.append(died_on(article))
                continue
            finally:
                self._owner.pop(single, None)
            results.extend(found)
            problems.extend(reported)
        return results, problems

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def died_on(article: Article) -> Problem:
    """The problem of an article a worker process died on."""
    path, _, line = article.source_path.partition("#L")
    message = "a worker process died extracting this article; skipped"
    return Problem(path, message, int(line) if line.isdigit() else None)


def deliver(
    outcome: Outcome, on_problem: Callable[[Problem], None] | None
) -> Iterator[ArticleResult]:
    results, problems = outcome
    if on_problem is not None:
        for problem in problems:
            on_problem(problem)
    yield from results


def _start_worker(pipeline: Pipeline) -> None:
    global _worker_pipeline
    single_threaded_numerics()
    _worker_pipeline = pipeline


def single_threaded_numerics() -> None:
    """Limit this process's BLAS / OpenMP pools to one thread.

    numpy's OpenBLAS starts a thread per core, and its idle threads spin. With one
    worker per core, every worker's threads competed for the same cores: measured
    on 300 articles (2 cores), two workers spent 56 CPU-s where one thread each
    needs 16, and ``--jobs 2`` was no faster than ``--jobs 1``. A worker is one
    core's worth of work by design, so its numerics get one thread. (The variables
    OPENBLAS_NUM_THREADS etc. are read when the library loads, which in a spawned
    worker is already done while the pipeline is unpickled, hence threadpoolctl.)
    """
    import numpy  # noqa: F401  (loads OpenBLAS: the limit reaches only loaded libraries)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


def run_batch(batch: list[Article], strict: bool) -> Outcome:
    assert _worker_pipeline is not None, "worker started without a pipeline"
    return extract_batch(_worker_pipeline, batch, strict)


def extract_batch(pipeline: Pipeline, batch: list[Article], strict: bool) -> Outcome:
    """One batch through ``pipeline``: its results and the problems it reported."""
    problems: list[Problem] = []
    results = list(pipeline.pipe(batch, on_problem=problems.append, strict=strict))
    return results, problems
