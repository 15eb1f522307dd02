"""Extraction on a Dask cluster (``kg build --executor dask [--scheduler ADDRESS]``).

The same batches and the same worker function as ``--jobs`` (``kg.workers``), run by
a ``dask.distributed`` cluster: the team's own scheduler, or a ``LocalCluster`` on
this machine when no address is given. The pipeline is sent to every worker once
(``scatter(broadcast=True)``) and each worker keeps it, with its loaded models, for
every batch. Results come back to this process in input order, so linking, the
graph and the exports are exactly those of a one-process build.

Every worker needs civkg installed, in the version of this process.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from kg.errors import UsageError
from kg.model import Article, ArticleResult, Problem
from kg.pipeline import Pipeline
from kg.workers import AHEAD_PER_WORKER, Outcome, batches_of, deliver, died_on, extract_batch


def _client(stack: ExitStack, scheduler: str | None, workers: int) -> Any:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # an optional extra: say how to get it
        raise UsageError("--executor dask needs Dask: pip install 'civkg[dask]'") from exc
    if scheduler is not None:
        try:
            # how long to wait is Dask's own setting (distributed.comm.timeouts.connect)
            client = Client(scheduler)  # type: ignore[no-untyped-call]
            return stack.enter_context(client)
        except OSError as exc:
            raise UsageError(f"--scheduler {scheduler}: no Dask scheduler answers ({exc})") from exc
    cluster = stack.enter_context(
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,  # the pipeline is pure Python: one task per process
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            # the scheduler's HTTP routes (health, metrics) listen even without a
            # dashboard, on 8787 unless told: any free loopback port, never a clash
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        )
    )
    return stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]


def pipe_dask(
    pipeline: Pipeline,
    articles: Iterable[Article],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    on_problem: Callable[[Problem], None] | None = None,
    strict: bool = False,
) -> Iterator[ArticleResult]:
    """``pipeline.pipe(articles)`` on a Dask cluster, results in input order.

    ``scheduler`` is the address of a running scheduler ("tcp://host:8786"); without
    it a ``LocalCluster`` of ``workers`` processes is started and stopped here. A
    batch whose worker died is re-run one article per task; an article that kills a
    worker again becomes a ``Problem``.
    """
    from dask.distributed import KilledWorker

    with ExitStack() as stack:
        client = _client(stack, scheduler, workers)
        shared = client.scatter(pipeline, broadcast=True)
        ahead = max(1, len(client.scheduler_info()["workers"])) * AHEAD_PER_WORKER

        def submit(batch: list[Article]) -> Any:
            return client.submit(extract_batch, shared, batch, strict, pure=False)

        def outcome(batch: list[Article], future: Any) -> Outcome:
            try:
                found: Outcome = future.result()
                return found
            except KilledWorker:
                pass
            results: list[ArticleResult] = []
            problems: list[Problem] = []
            for article in batch:
                try:
                    single, reported = submit([article]).result()
                except KilledWorker:
                    problems.append(died_on(article))
                    continue
                results.extend(single)
                problems.extend(reported)
            return results, problems

        pending: deque[tuple[list[Article], Any]] = deque()
        for batch in batches_of(iter(articles)):
            pending.append((batch, submit(batch)))
            while len(pending) > ahead:
                yield from deliver(outcome(*pending.popleft()), on_problem)
        while pending:
            yield from deliver(outcome(*pending.popleft()), on_problem)
