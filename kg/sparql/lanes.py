"""Two lanes of query workers, so that cheap queries are answered while long ones run.

With one pool, a query waits for any worker, and when every worker is held by a query
that runs to the time limit, a query of a millisecond waits out that limit too. So
``kg serve`` keeps a small *fast lane* (``fast_workers``, at the normal CPU priority)
beside the *slow lane* (``workers``, at ``SLOW_LANE_NICE``):

- every query starts in the fast lane, with a short budget (``fast_budget``);
- a query still running at the budget is stopped there (its worker killed and replaced)
  and run again from the start in the slow lane, in the time its limit leaves;
- such a query is remembered by its text, comments and spacing aside (the last
  ``remember`` of them), so its repeats go to the slow lane at once and cost the fast
  lane nothing (copies already waiting for a fast worker move on when they get it,
  without running); one that then runs within the budget is forgotten again (it was
  slow only on a busy machine);
- the slow lane's workers run at a lower CPU priority, so the fast lane and the server
  keep the cores they need even when every slow worker is busy;
- the fast lane's turns go first to the client (by address) with the fewest queries
  moved lately and in the fast lane now, so one client sending ever new long queries
  does not keep the others' cheap ones waiting.

The answer is the same in either lane: both run the same engine on the same store. The
time limit holds for the whole query, the fast attempt included; each lane has its own
bounded queue (``ServerBusyError`` when it is full). ``fast_workers=0`` is one lane at
the normal priority, as before lanes.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import math
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass
from pathlib import Path

from kg.sparql.guard import tokens
from kg.sparql.results import Answer, QueryDataset
from kg.sparql.store import QueryTimeoutError
from kg.sparql.workers import (
    DEFAULT_MAX_MEMORY,
    BudgetSpentError,
    Reply,
    ServerBusyError,
    WorkerPool,
)

#: Seconds a query may run in the fast lane before it moves to the slow lane.
DEFAULT_FAST_BUDGET = 1.0
#: The slow lane's CPU priority: a busy nice-10 process gets about a tenth of the CPU
#: share of a normal one on a contended core.
SLOW_LANE_NICE = 10
#: How many slow queries are remembered.
DEFAULT_REMEMBER = 1024
#: Seconds after which a client's count of moved queries has halved.
MOVES_HALF_LIFE = 60.0

FAST = "fast"
SLOW = "slow"


@dataclass(frozen=True)
class Routed:
    """A query's answer, the build that made it and the lane that answered."""

    answer: Answer
    build: str | None
    lane: str


def query_key(text: str, dataset: QueryDataset | None) -> tuple[str, QueryDataset | None]:
    """What identifies a query for the memory: its tokens without comments and spacing.

    Strings and IRIs are kept as written, so only what the engine ignores is dropped.
    """
    parts = []
    for kind, token in tokens(text):
        if kind == "comment":
            continue
        if kind == "other":  # spacing and punctuation
            token = " ".join(token.split())
        if token:
            parts.append(token)
    return " ".join(parts), dataset


class _Recent:
    """A bounded set that forgets the least recently seen key first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._keys: OrderedDict[tuple[str, QueryDataset | None], None] = OrderedDict()

    def __contains__(self, key: tuple[str, QueryDataset | None]) -> bool:
        if key not in self._keys:
            return False
        self._keys.move_to_end(key)
        return True

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: tuple[str, QueryDataset | None]) -> None:
        self._keys[key] = None
        self._keys.move_to_end(key)
        while len(self._keys) > self.size:
            self._keys.popitem(last=False)

    def discard(self, key: tuple[str, QueryDataset | None]) -> None:
        self._keys.pop(key, None)


class _Turns:
    """Turns in the fast lane, one per worker; a free turn goes to the lowest rank waiting
    (then the earliest), and at most ``queue`` wait."""

    def __init__(self, size: int, queue: int) -> None:
        self.free = size
        self.queue = queue
        self.waiting = 0
        self._heap: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    async def take(self, rank: float) -> None:
        """Wait for a turn; ``give_back`` it when done. ServerBusyError if too many wait."""
        if self.free > 0:  # then nobody waits: give_back hands a turn on directly
            self.free -= 1
            return
        if self.waiting >= self.queue:
            raise ServerBusyError(
                f"the server is busy ({self.queue} queries waiting); try again shortly"
            )
        if len(self._heap) > 2 * self.queue + 16:  # many gave up waiting: drop them
            self._heap = [entry for entry in self._heap if not entry[2].done()]
            heapq.heapify(self._heap)
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._heap, (rank, next(self._order), turn))
        self.waiting += 1
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self.give_back()  # handed a turn just as it gave up waiting
            raise
        finally:
            self.waiting -= 1

    def give_back(self) -> None:
        while self._heap:
            _, _, turn = heapq.heappop(self._heap)
            if not turn.done():  # not given up (cancelled) meanwhile
                turn.set_result(None)
                return
        self.free += 1


class _Moves:
    """Per client, how many of its queries moved to the slow lane lately (a count that
    halves every ``MOVES_HALF_LIFE`` seconds), for the most recent ``size`` clients."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._counts: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def count(self, client: str) -> float:
        value, when = self._counts.get(client, (0.0, 0.0))
        return value * math.pow(0.5, (time.monotonic() - when) / MOVES_HALF_LIFE)

    def add(self, client: str) -> None:
        self._counts[client] = (self.count(client) + 1, time.monotonic())
        self._counts.move_to_end(client)
        while len(self._counts) > self.size:
            self._counts.popitem(last=False)


class Lanes:
    """A fast and a slow ``WorkerPool`` and the routing between them (see the module)."""

    def __init__(
        self,
        target: Path,
        *,
        workers: int | None = None,
        fast_workers: int = 1,
        fast_budget: float = DEFAULT_FAST_BUDGET,
        max_memory: int = DEFAULT_MAX_MEMORY,
        queue: int = 64,
        remember: int = DEFAULT_REMEMBER,
    ) -> None:
        self.fast_budget = fast_budget
        self.fast = (
            WorkerPool(target, workers=fast_workers, max_memory=max_memory, queue=queue)
            if fast_workers > 0
            else None
        )
        nice = SLOW_LANE_NICE if self.fast is not None else 0
        self.slow = WorkerPool(
            target, workers=workers, max_memory=max_memory, queue=queue, nice=nice
        )
        self.slow_queries = _Recent(remember)
        self._turns = _Turns(fast_workers, queue)
        self._moves = _Moves()
        self._in_fast: Counter[str] = Counter()

    @property
    def pools(self) -> tuple[WorkerPool, ...]:
        return (self.slow,) if self.fast is None else (self.fast, self.slow)

    def start(self) -> None:
        """Spawn every worker of both lanes and wait until each has opened the store."""
        try:
            for pool in self.pools:
                pool.launch()
            for pool in self.pools:
                pool.wait_started()
        except BaseException:
            self.close()
            raise

    def pids(self) -> list[int]:
        """Process ids of the live workers of both lanes."""
        return sorted(pid for pool in self.pools for pid in pool.pids())

    async def run(
        self,
        text: str,
        *,
        max_rows: int,
        timeout: float,
        dataset: QueryDataset | None = None,
        client: str = "",
    ) -> Routed:
        """Answer ``text`` in the fast lane, or in the slow one once it is past the budget.

        ``client`` (its address) ranks the query for a fast-lane turn. Raises the errors
        of ``WorkerPool.run_on_build``; ``timeout`` bounds the whole.
        """
        key = query_key(text, dataset)
        started = time.monotonic()
        if self.fast is not None and key not in self.slow_queries:
            reply = await self._try_fast(
                text, key, client, max_rows=max_rows, timeout=timeout, dataset=dataset
            )
            if reply is not None:
                return Routed(reply.answer, reply.build, FAST)
        remaining = timeout - (time.monotonic() - started)
        if remaining <= 0:
            raise QueryTimeoutError(f"query took longer than {timeout:g} s; narrow it")
        reply = await self.slow.run_on_build(
            text, max_rows=max_rows, timeout=remaining, dataset=dataset, limit=timeout
        )
        if self.fast is not None and reply.seconds < self.fast_budget:
            self.slow_queries.discard(key)
        return Routed(reply.answer, reply.build, SLOW)

    async def _try_fast(
        self,
        text: str,
        key: tuple[str, QueryDataset | None],
        client: str,
        *,
        max_rows: int,
        timeout: float,
        dataset: QueryDataset | None,
    ) -> Reply | None:
        """The fast lane's answer, or None if the query is to move to the slow lane."""
        import anyio

        assert self.fast is not None
        started = time.monotonic()
        rank = self._moves.count(client) + self._in_fast[client]
        self._in_fast[client] += 1
        try:
            try:
                with anyio.fail_after(timeout):
                    await self._turns.take(rank)
            except TimeoutError:
                raise ServerBusyError(
                    f"no query worker came free within {timeout:g} s; try again shortly"
                ) from None
            try:
                return await self.fast.run_on_build(
                    text,
                    max_rows=max_rows,
                    timeout=max(0.05, timeout - (time.monotonic() - started)),
                    dataset=dataset,
                    budget=self.fast_budget,
                    limit=timeout,
                    # Copies of a query that waited while the first spent its budget.
                    skip=lambda: key in self.slow_queries,
                )
            finally:
                self._turns.give_back()
        except BudgetSpentError:
            if key not in self.slow_queries:  # it ran (not a copy that moved on)
                self._moves.add(client)
                self.slow_queries.add(key)
            return None
        finally:
            self._in_fast[client] -= 1
            if self._in_fast[client] <= 0:
                del self._in_fast[client]

    def kill_all(self) -> None:
        """SIGKILL every worker of both lanes at once (for a signal handler)."""
        for pool in self.pools:
            pool.kill_all()

    def close(self) -> None:
        """Kill every worker of both lanes and reap it; safe to call twice."""
        for pool in self.pools:
            pool.close()
