"""Issue 12, the endpoint's lanes: cheap queries answered while long ones hold the slow
lane, against a real ``kg serve`` subprocess.

Routing is asserted by the ``X-Civkg-Lane`` header and by which worker processes were
killed, never by wall time; the only time bounds are the generous limits given to the
server (a loaded CI machine).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import httpx
import psutil
import pytest

from kg.sparql.lanes import Lanes, Routed, _Recent, _Turns, query_key
from kg.sparql.results import QueryDataset
from kg.sparql.store import open_store
from kg.sparql.workers import ServerBusyError
from tests.sparql.endpoint_helpers import Served, kg_serve

ASK = "ASK { ?a a civ:Agreement }"
# A four-way cross product of every triple, counted: pure CPU for minutes.
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# A three-way one: a fraction of a second alone, far past a budget of 0.02 s, and far
# within a limit of 120 s on any machine.
MEDIUM = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _workers(served: Served, *, fast: bool) -> list[psutil.Process]:
    """The live workers of one lane: the fast lane's run at the server's priority."""
    found = []
    for child in psutil.Process(served.process.pid).children():
        try:
            if (child.nice() == 0) == fast and child.status() != psutil.STATUS_ZOMBIE:
                found.append(child)
        except psutil.NoSuchProcess:
            continue
    return found


def _cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def _ask(served: Served, query: str) -> httpx.Response:
    return httpx.get(served.url, params={"query": query}, timeout=180)


def _count(response: httpx.Response) -> str:
    value: str = response.json()["results"]["bindings"][0]["n"]["value"]
    return value


def test_a_cheap_query_is_answered_while_the_slow_lane_is_saturated(sample_dir: Path) -> None:
    options = ["--workers", "1", "--timeout", "60", "--fast-budget", "0.5", "--queue", "8"]
    with kg_serve(sample_dir, *options) as served:
        statuses: list[int] = []

        def expensive() -> None:
            try:
                statuses.append(_ask(served, EXPENSIVE).status_code)
            except httpx.HTTPError:  # the server stops under it at the end of the test
                statuses.append(-1)

        (fast,) = _workers(served, fast=True)
        (slow,) = _workers(served, fast=False)
        idle = _cpu_seconds(slow)
        clients = [threading.Thread(target=expensive) for _ in range(4)]
        for client in clients:
            client.start()
        # The first copy spends its budget in the fast lane (whose worker is killed),
        # then holds the slow lane's only worker, the other copies waiting for it: each
        # would hold it for minutes, far past the limit. Its CPU time shows it runs
        # (however small its share of a loaded machine, at its lower priority).
        assert psutil.wait_procs([fast], timeout=60)[1] == []
        deadline = time.monotonic() + 60
        while _cpu_seconds(slow) - idle < 0.3:
            assert time.monotonic() < deadline, "the expensive queries never reached the slow lane"
            time.sleep(0.1)
        for _ in range(5):
            response = _ask(served, ASK)
            assert response.status_code == 200, response.text
            assert response.json()["boolean"] is True
            assert response.headers["x-civkg-lane"] == "fast"
        assert statuses == []  # every expensive query is still running or waiting
    for client in clients:
        client.join(timeout=60)


def test_a_client_sending_new_long_queries_does_not_keep_others_waiting(
    sample_dir: Path,
) -> None:
    options = ["--workers", "1", "--timeout", "60", "--fast-budget", "0.5", "--queue", "16"]
    with kg_serve(sample_dir, *options) as served:
        stop = threading.Event()
        fast_pids: list[int] = []  # every fast-lane worker seen, in order

        def watch() -> None:
            while not stop.is_set():
                for worker in _workers(served, fast=True):
                    if worker.pid not in fast_pids:
                        fast_pids.append(worker.pid)
                time.sleep(0.02)

        def flood(number: int) -> None:
            # Another address on the loopback: another client. Each query is new, so
            # each spends the fast lane's budget before it moves.
            transport = httpx.HTTPTransport(local_address="127.0.0.2")
            with httpx.Client(transport=transport, timeout=180) as client:
                for round_ in range(100):
                    if stop.is_set():
                        return
                    query = EXPENSIVE.replace("}", f"FILTER(?a != <urn:x:{number}-{round_}>) }}")
                    try:
                        client.get(served.url, params={"query": query})
                    except httpx.HTTPError:
                        return

        watcher = threading.Thread(target=watch)
        watcher.start()
        flooders = [threading.Thread(target=flood, args=(n,)) for n in range(8)]
        for flooder in flooders:
            flooder.start()
        try:
            deadline = time.monotonic() + 60
            while len(fast_pids) < 3:  # two of the flood's queries have spent their budget
                assert time.monotonic() < deadline, "the flood never reached the fast lane"
                time.sleep(0.05)
            seen = len(fast_pids)
            response = _ask(served, ASK)
            assert response.status_code == 200 and response.headers["x-civkg-lane"] == "fast"
            # It had the next turn: at most the query running when it came (or one that
            # took the turn just before) was killed meanwhile, not the five others waiting.
            assert len(fast_pids) - seen <= 2
        finally:
            stop.set()
            served.process.terminate()
            for thread in (*flooders, watcher):
                thread.join(timeout=60)


def test_a_query_past_the_budget_moves_and_its_repeats_go_to_the_slow_lane(
    sample_dir: Path,
) -> None:
    expected = open_store(sample_dir).query(MEDIUM).rows[0][0].value
    options = ["--workers", "1", "--timeout", "120", "--fast-budget", "0.02"]
    with kg_serve(sample_dir, *options) as served:
        (fast,) = _workers(served, fast=True)
        first = _ask(served, MEDIUM)
        assert first.status_code == 200, first.text
        assert first.headers["x-civkg-lane"] == "slow"
        assert _count(first) == expected  # the same answer as the store gives
        # The fast worker that ran past its budget was killed; a replacement answers.
        assert psutil.wait_procs([fast], timeout=30)[1] == []
        cheap = _ask(served, ASK)
        assert cheap.status_code == 200 and cheap.headers["x-civkg-lane"] == "fast"
        (replacement,) = _workers(served, fast=True)
        # The same query, spaced differently and with a comment, goes to the slow lane
        # at once: the fast
        # lane's worker is not asked, so it lives on.
        again = _ask(served, "# again\n" + MEDIUM.replace(" . ", " .\n  "))
        assert again.status_code == 200 and again.headers["x-civkg-lane"] == "slow"
        assert _count(again) == expected
        assert replacement.is_running() and _workers(served, fast=True) == [replacement]
        assert _ask(served, ASK).headers["x-civkg-lane"] == "fast"


T = TypeVar("T")


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` in a thread of its own: a browser test before this one (playwright's
    sync API) may have left an event loop running in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_the_same_answers_in_either_lane(sample_dir: Path) -> None:
    queries = [
        "SELECT ?a ?name WHERE { ?a a civ:Agreement ; skos:prefLabel ?name } ORDER BY ?a",
        "CONSTRUCT WHERE { ?a a civ:Agreement }",
        ASK,
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }",
    ]
    lanes = Lanes(sample_dir, workers=1, fast_budget=60)
    lanes.start()
    try:

        async def both(query: str) -> tuple[Routed, Routed]:
            fast = await lanes.run(query, max_rows=1000, timeout=120)
            lanes.slow_queries.add(query_key(query, None))  # as if it had run long
            slow = await lanes.run(query, max_rows=1000, timeout=120)
            return fast, slow

        for query in queries:
            fast, slow = _run(both(query))
            assert (fast.lane, slow.lane) == ("fast", "slow")
            assert fast.answer == slow.answer == open_store(sample_dir).query(query)
    finally:
        lanes.close()
    assert lanes.pids() == []


def test_fast_workers_zero_is_one_lane_at_normal_priority(sample_dir: Path) -> None:
    with kg_serve(sample_dir, "--workers", "2", "--fast-workers", "0") as served:
        children = psutil.Process(served.process.pid).children()
        assert len(children) == 2 and all(c.nice() == 0 for c in children)
        response = _ask(served, ASK)
        assert response.status_code == 200 and response.headers["x-civkg-lane"] == "slow"


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--fast-budget", "0"], "--fast-budget"),
        (["--fast-workers", "-1"], "--fast-workers"),
    ],
)
def test_bad_lane_options_are_one_line(sample_dir: Path, option: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kg", "serve", str(sample_dir), *option],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode != 0 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_the_memory_of_slow_queries_is_bounded_and_ignores_spacing() -> None:
    spaced = "ASK {\n  ?s ?p ?o.# a comment\n}"
    assert query_key(spaced, None) == query_key("ASK { ?s ?p ?o . }", None)
    quoted = 'ASK { ?s ?p "a  b # c" }'
    assert query_key(quoted, None) != query_key('ASK { ?s ?p "a b" }', None)
    dataset = QueryDataset(default_graphs=("http://example.org/a",))
    assert query_key("ASK {}", dataset) != query_key("ASK {}", None)
    recent = _Recent(2)
    for key in ("a", "b"):
        recent.add((key, None))
    assert ("a", None) in recent  # seen again: now the most recent
    recent.add(("c", None))
    assert len(recent) == 2 and ("b", None) not in recent
    assert ("a", None) in recent and ("c", None) in recent
    recent.discard(("a", None))
    assert ("a", None) not in recent


def test_a_free_fast_turn_goes_to_the_lowest_rank_waiting() -> None:
    async def scenario() -> list[str]:
        turns = _Turns(1, queue=3)
        order: list[str] = []
        await turns.take(0)  # the one turn, held

        async def wait(name: str, rank: float) -> None:
            await turns.take(rank)
            order.append(name)

        waiters = {
            name: asyncio.ensure_future(wait(name, rank))
            for name, rank in (("flooder", 3.0), ("cheap", 0.0), ("gives-up", 0.5), ("other", 1.0))
        }
        await asyncio.sleep(0)  # all four are waiting now; the fourth found no room
        assert waiters["other"].done() and isinstance(waiters["other"].exception(), ServerBusyError)
        waiters["gives-up"].cancel()
        for _ in range(3):
            turns.give_back()
            await asyncio.sleep(0)
        return order

    assert _run(scenario()) == ["cheap", "flooder"]
