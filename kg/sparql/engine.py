"""The engine side of a query worker: a big stack, a memory cap, answers over a pipe.

``kg.sparql.workers`` starts ``python -m kg.sparql.engine TARGET MAX_MEMORY`` per
worker; ``kg query`` uses ``run_with_big_stack`` in its own process. The pipe carries
pickles between the pool and its own children only.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

from kg.errors import GraphError
from kg.sparql.store import QueryTimeoutError, TooManyRowsError, open_store

#: Native stack for the thread that runs the engine. Measured: 100,000 characters of
#: the worst nesting (``{`` x 50,000, ``!`` x 100,000) fit in 256 MB; 8 MB (the default)
#: overflows at 3,000 ``{``. So no query within the size limit can overflow it.
ENGINE_STACK_BYTES = 256 * 1024 * 1024

T = TypeVar("T")


def run_with_big_stack(action: Callable[[], T]) -> T:
    """Run ``action`` on a thread with ``ENGINE_STACK_BYTES`` of stack and return its value.

    For ``kg query``, which runs the engine in its own process: deep nesting within the
    size limit then cannot overflow the native stack.
    """
    outcome: list[Any] = []

    def body() -> None:
        try:
            outcome.append((True, action()))
        except BaseException as exc:
            outcome.append((False, exc))

    old = threading.stack_size(ENGINE_STACK_BYTES)
    try:
        thread = threading.Thread(target=body, name="civkg-engine")
        thread.start()
    finally:
        threading.stack_size(old)
    thread.join()
    ok, value = outcome[0]
    if not ok:
        raise value
    result: T = value
    return result


def _die_with_parent() -> None:
    # A worker outlives a SIGKILLed server otherwise (busy in a query, it would not see
    # its stdin close). PR_SET_PDEATHSIG = 1; Linux only, harmless to skip elsewhere.
    parent = os.getppid()
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _serve_queries(target: Path, channel_in: IO[bytes], channel_out: IO[bytes]) -> None:
    def send(message: tuple[Any, ...]) -> None:
        pickle.dump(message, channel_out, protocol=pickle.HIGHEST_PROTOCOL)
        channel_out.flush()

    try:
        store = open_store(target)
    except GraphError as exc:
        send(("failed", str(exc)))
        return
    send(("ready", os.getpid()))
    while True:
        try:
            request = pickle.load(channel_in)
        except EOFError:
            return
        text, max_rows, timeout, dataset = request
        try:
            answer = store.query(text, max_rows=max_rows, timeout=timeout, dataset=dataset)
        except TooManyRowsError as exc:
            send(("rows", str(exc)))
        except QueryTimeoutError as exc:
            send(("timeout", str(exc)))
        except GraphError as exc:
            send(("error", str(exc)))
        except MemoryError:
            send(("memory", "the query needs more memory than a worker may use"))
        else:
            try:
                send(("ok", answer))
            except MemoryError:
                send(("memory", "the answer needs more memory than a worker may use"))


def worker_main(argv: list[str]) -> None:
    """Entry point of a worker: ``python -m kg.sparql.engine TARGET MAX_MEMORY``."""
    import resource

    target, max_memory = Path(argv[0]), int(argv[1])
    _die_with_parent()
    # Ctrl+C reaches the whole process group; the server decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The channel gets private descriptors and fd 1 points at stderr, so a library that
    # prints cannot corrupt the pickles.
    channel_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    channel_in = os.fdopen(os.dup(0), "rb")
    import kg.sparql.store  # noqa: F401  (imported before the cap, which then covers queries)

    resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
    run_with_big_stack(lambda: _serve_queries(target, channel_in, channel_out))


if __name__ == "__main__":
    worker_main(sys.argv[1:])
