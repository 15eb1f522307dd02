"""Query worker processes: engine work where a crash or a runaway query cannot hurt.

pyoxigraph cannot cancel a query and its parser can overflow the native stack, so the
endpoint never runs the engine in its own process. Each worker is a child process
(``python -m kg.sparql.engine``) that opens the store read-only once, caps its own
address space (``RLIMIT_AS``) and answers one query at a time over its stdin/stdout.
A worker that passes the time limit is killed (SIGKILL: its CPU and memory are freed
at once) and replaced; one that dies (a native crash, out of memory) is replaced too.
A pool's workers may run at a lower CPU priority (``nice``); ``kg.sparql.lanes`` puts a
fast pool and such a slow one in front of each other.

The pipe carries pickles between this module and its own children only; nothing a
client sends is ever unpickled (queries travel as plain strings inside our tuples).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.errors import GraphError
from kg.output_folder import current_set
from kg.sparql.results import Answer, QueryDataset
from kg.sparql.store import QueryTimeoutError, TooManyRowsError

#: Default address-space cap per worker.
DEFAULT_MAX_MEMORY = 2 * 1024**3
#: The smallest cap that leaves room beside the engine stack and the loaded modules.
MIN_MAX_MEMORY = 512 * 1024**2


class WorkerCrashedError(GraphError):
    """A worker died while running a query (a native crash or out of memory)."""


class ServerBusyError(GraphError):
    """The queue of waiting queries is full, or no worker came free in time."""


class BudgetSpentError(QueryTimeoutError):
    """A query ran past the budget it was given in a pool (less than its time limit)."""


@dataclass(frozen=True)
class Reply:
    """A query's answer, the build that made it and the seconds it ran in its worker."""

    answer: Answer
    build: str | None
    seconds: float


def default_workers() -> int:
    """One worker per usable core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# --- the server side -------------------------------------------------------------


class _Worker:
    """One child process and its pipe; used by one request at a time."""

    def __init__(self, target: Path, max_memory: int, nice: int = 0) -> None:
        # An output folder's current set, resolved here: the worker opens exactly the
        # build it is said to serve, and the pool can tell when a rebuild replaced it.
        found = current_set(target) if target.is_dir() else None
        self.build = found.name if found is not None else None
        target = found or target
        env = dict(os.environ)
        # glibc reserves 64 MB of address space per thread arena; under RLIMIT_AS that
        # reservation, not real use, would run a worker out of memory.
        env.setdefault("MALLOC_ARENA_MAX", "2")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.sparql.engine", str(target), str(max_memory)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            start_new_session=False,
        )
        if nice > 0:
            # Set here, not in the child, so that even its start-up runs at that priority.
            with contextlib.suppress(OSError):
                own = os.getpriority(os.PRIO_PROCESS, 0)
                os.setpriority(os.PRIO_PROCESS, self.process.pid, min(19, own + nice))
        assert self.process.stdin is not None and self.process.stdout is not None
        self._stdin: IO[bytes] = self.process.stdin
        self._stdout: IO[bytes] = self.process.stdout

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_ready(self, limit: float) -> None:
        """Block until the worker has opened the store; GraphError if it cannot."""
        reply = self._receive(limit)
        if reply is None:
            self.kill()
            raise GraphError(f"a query worker did not start within {limit:g} s")
        if reply[0] != "ready":
            self.kill()
            raise GraphError(str(reply[1]))

    def _receive(self, limit: float) -> tuple[Any, ...] | None:
        """The worker's next message; None if none came within ``limit`` seconds."""
        try:
            ready, _, _ = select.select([self._stdout], [], [], max(0.0, limit))
        except (OSError, ValueError) as exc:  # closed under us by close()
            raise WorkerCrashedError("the query's worker process was stopped") from exc
        if not ready:
            return None
        try:
            message: tuple[Any, ...] = pickle.load(self._stdout)
        except (EOFError, pickle.UnpicklingError, OSError, ValueError) as exc:
            raise WorkerCrashedError(self._death()) from exc
        return message

    def _death(self) -> str:
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.process.returncode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            if name == "SIGKILL":
                return "the query's worker process was stopped"
            return f"the query crashed its worker process ({name}); it was replaced"
        return f"the query's worker process exited (code {code}); it was replaced"

    def ask(
        self,
        text: str,
        max_rows: int,
        timeout: float,
        limit: float,
        dataset: QueryDataset | None = None,
    ) -> tuple[Any, ...]:
        """Run one query; kills the worker and raises QueryTimeoutError past ``timeout``.

        ``limit`` is the time limit as the client knows it, for the message.
        """
        try:
            pickle.dump((text, max_rows, timeout, dataset), self._stdin)
            self._stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise WorkerCrashedError(self._death()) from exc
        reply = self._receive(timeout)
        if reply is None:
            self.kill()
            raise QueryTimeoutError(f"query took longer than {limit:g} s; narrow it")
        return reply

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL and reap: the engine gives no chance to stop more gently."""
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        for stream in (self._stdin, self._stdout):
            with contextlib.suppress(OSError):
                stream.close()


class WorkerPool:
    """A fixed number of query workers, a bounded queue of waiting requests in front.

    ``start`` spawns the workers and blocks until all have opened the store. ``run`` is
    called from the server's event loop; at most ``queue`` requests wait for a worker
    and the next one gets ``ServerBusyError`` at once. ``nice`` lowers the workers' CPU
    priority (0: the server's own).
    """

    def __init__(
        self,
        target: Path,
        *,
        workers: int | None = None,
        max_memory: int = DEFAULT_MAX_MEMORY,
        queue: int = 64,
        start_timeout: float = 60.0,
        nice: int = 0,
    ) -> None:
        self.target = target
        self.size = workers or default_workers()
        self.max_memory = max_memory
        self.nice = nice
        self.queue = queue
        self.start_timeout = start_timeout
        self.closed = False
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._idle: asyncio.Queue[_Worker] | None = None
        self._waiting = 0
        self._started: list[_Worker] = []
        self._respawns: set[asyncio.Task[None]] = set()

    # Spawning ---------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        # Called on the event loop's (main) thread, never a pool thread: the worker's
        # parent-death signal fires when the *thread* that forked it ends.
        worker = _Worker(self.target, self.max_memory, self.nice)
        with self._lock:
            self._all.add(worker)
        return worker

    def _wait_ready(self, worker: _Worker) -> _Worker:
        try:
            worker.wait_ready(self.start_timeout)
        except BaseException:
            self._forget(worker)
            raise
        if self.closed:  # close() ran while it was starting
            self._forget(worker)
            raise ServerBusyError("the server is shutting down")
        return worker

    def _forget(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def start(self) -> None:
        """Spawn every worker (in parallel) and wait until each has opened the store."""
        self.launch()
        self.wait_started()

    def launch(self) -> None:
        """Spawn every worker without waiting (``wait_started`` waits), so that several
        pools start side by side."""
        pending = [self._spawn() for _ in range(self.size)]
        self._started = pending

    def wait_started(self) -> None:
        """Wait until every launched worker has opened the store; close the pool if one
        cannot."""
        try:
            for worker in self._started:
                worker.wait_ready(self.start_timeout)
        except BaseException:
            self.close()
            raise

    def pids(self) -> list[int]:
        """Process ids of the live workers (for tests and the benchmark)."""
        with self._lock:
            return sorted(w.pid for w in self._all if w.alive())

    def _idle_queue(self) -> asyncio.Queue[_Worker]:
        # Made on first use, inside the server's event loop.
        if self._idle is None:
            self._idle = asyncio.Queue()
            for worker in self._started:
                self._idle.put_nowait(worker)
            self._started = []
        return self._idle

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background."""
        self._forget(worker)
        if self.closed:
            return
        idle = self._idle_queue()

        async def respawn() -> None:
            import anyio

            delay = 0.5
            while not self.closed:
                try:
                    fresh = await anyio.to_thread.run_sync(self._wait_ready, self._spawn())
                except ServerBusyError:
                    return
                except GraphError as exc:
                    if self.closed:
                        return
                    # The store may be gone or locked for a moment; keep trying, slowly.
                    print(f"kg: warning: cannot start a query worker: {exc}", file=sys.stderr)
                    await anyio.sleep(delay)
                    delay = min(delay * 2, 30.0)
                    continue
                idle.put_nowait(fresh)
                return

        task = asyncio.get_running_loop().create_task(respawn())
        self._respawns.add(task)
        task.add_done_callback(self._respawns.discard)

    def latest_build(self) -> str | None:
        """The id of the build the target folder holds now (None: not an output folder)."""
        found = current_set(self.target) if self.target.is_dir() else None
        return found.name if found is not None else None

    # Running ----------------------------------------------------------------------

    async def run(
        self,
        text: str,
        *,
        max_rows: int,
        timeout: float,
        dataset: QueryDataset | None = None,
    ) -> Answer:
        """Answer ``text`` in a worker; raises the errors of ``Store.query`` and this module."""
        reply = await self.run_on_build(text, max_rows=max_rows, timeout=timeout, dataset=dataset)
        return reply.answer

    async def run_on_build(
        self,
        text: str,
        *,
        max_rows: int,
        timeout: float,
        dataset: QueryDataset | None = None,
        budget: float | None = None,
        limit: float | None = None,
        skip: Callable[[], bool] | None = None,
    ) -> Reply:
        """Like ``run``, with the id of the build that answered and the time it took.

        ``timeout`` bounds the whole call (the wait for a worker, then the run); ``limit``
        is the client's time limit, named in messages (default: ``timeout``). With
        ``budget``, the query may run only that long once it has a worker: past it the
        query is stopped (the worker killed and replaced if the engine does not stop it
        itself) and ``BudgetSpentError`` raised; so too, before it runs, when ``skip()``
        says so once a worker is free (the budget is known to be too short by then).

        A worker whose build a rebuild has replaced is not asked: it is replaced by one
        that opens the new build, so answers follow the folder without a restart.
        """
        import anyio

        limit = timeout if limit is None else limit
        if self.closed:
            raise ServerBusyError("the server is shutting down")
        idle = self._idle_queue()
        if idle.empty() and self._waiting >= self.queue:
            raise ServerBusyError(
                f"the server is busy ({self.queue} queries waiting); try again shortly"
            )
        started = time.monotonic()
        self._waiting += 1
        try:
            # Waiting counts against the time limit too, so no answer takes much more.
            with anyio.fail_after(timeout):
                worker = await idle.get()
                while worker.build != self.latest_build():
                    self._replace(worker)
                    worker = await idle.get()
        except TimeoutError:
            raise ServerBusyError(
                f"no query worker came free within {limit:g} s; try again shortly"
            ) from None
        finally:
            self._waiting -= 1
        if skip is not None and skip():
            idle.put_nowait(worker)
            raise BudgetSpentError("query moved on before it ran")
        remaining = max(0.05, timeout - (time.monotonic() - started))
        # The budget only counts when it ends the run before the time limit would.
        budgeted = budget is not None and budget < remaining
        run_for = budget if budget is not None and budgeted else remaining
        returned = False
        began = time.monotonic()
        try:
            reply = await anyio.to_thread.run_sync(
                worker.ask, text, max_rows, run_for, limit, dataset, abandon_on_cancel=True
            )
            kind, value = reply
            if kind in ("memory",):
                raise WorkerCrashedError(str(value))
            idle.put_nowait(worker)
            returned = True
        except (QueryTimeoutError, WorkerCrashedError) as exc:
            if self.closed:
                raise ServerBusyError("the server is shutting down") from None
            if budgeted and isinstance(exc, QueryTimeoutError):
                raise BudgetSpentError(f"query ran past its {run_for:g} s budget") from None
            raise
        finally:
            if not returned:
                self._replace(worker)
        if kind == "ok":
            answer: Answer = value
            return Reply(answer, worker.build, time.monotonic() - began)
        if kind == "rows":
            raise TooManyRowsError(str(value))
        if kind == "timeout":
            if budgeted:
                raise BudgetSpentError(f"query ran past its {run_for:g} s budget")
            raise QueryTimeoutError(str(value))
        raise GraphError(str(value))

    def kill_all(self) -> None:
        """Mark the pool closed and SIGKILL every worker, without waiting or locking.

        For a signal handler: in-flight requests then end at once (503), so the server's
        graceful shutdown does not wait out their time limits.
        """
        self.closed = True
        for worker in tuple(self._all):
            with contextlib.suppress(OSError):
                worker.process.kill()

    def close(self) -> None:
        """Kill every worker and reap it; safe to call twice and from a signal handler."""
        self.closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            with contextlib.suppress(ProcessLookupError):
                worker.process.kill()
        for worker in workers:
            worker.kill()
