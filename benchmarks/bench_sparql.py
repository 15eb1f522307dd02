"""Benchmark the embedded store against rdflib's in-memory Graph on a synthetic graph.

Measures, from one run: load time, each named query's latency and the speed-up,
``kg query`` cold start, and a bounded loopback load test of ``kg serve`` (fixed
number of clients for a fixed time; it stops by itself).

Run by hand (about 3-5 minutes at 1M triples):
    python benchmarks/bench_sparql.py --triples 1000000 --work /tmp/civkg-bench
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_graph import generate

from kg.sparql.queries import named_queries
from kg.sparql.results import run_query
from kg.sparql.store import Store, write_store


def _timed(action: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def _prepare(work: Path, triples: int) -> Path:
    """A build-like folder with graph.nq (source), graph.ttl and store/."""
    import pyoxigraph

    work.mkdir(parents=True, exist_ok=True)
    source = work / "graph.nq"
    if not source.exists():
        with source.open("w", encoding="utf-8") as handle:
            handle.writelines(generate(triples))
    ttl = work / "graph.ttl"
    if not ttl.exists():
        quads = pyoxigraph.Store()
        quads.bulk_load(path=str(source), format=pyoxigraph.RdfFormat.N_QUADS)
        merged = quads.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        pyoxigraph.serialize(merged, ttl, pyoxigraph.RdfFormat.TURTLE)
    return source


def _cases(store: Store) -> list[tuple[str, str, dict[str, str]]]:
    """(label, query, parameters): a mid-popular organisation, a busy person, one article,
    and interlocks over the whole graph."""

    def first(sparql: str) -> str:
        answer = store.query(sparql)
        cell = answer.rows[0][0]
        assert cell is not None
        return cell.value

    org = first(
        "SELECT ?name WHERE { { SELECT ?o (COUNT(*) AS ?n) WHERE { ?m org:organization ?o }"
        " GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT 1 OFFSET 20 } ?o skos:prefLabel ?name }"
    )
    person = first(
        "SELECT ?name WHERE { { SELECT ?p (COUNT(*) AS ?n) WHERE { ?p civ:represents ?o }"
        " GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1 OFFSET 5 } ?p skos:prefLabel ?name }"
    )
    path = first("SELECT ?path WHERE { ?a civ:sourcePath ?path } ORDER BY ?path LIMIT 1 OFFSET 99")
    day = first("SELECT ?d WHERE { ?a schema:datePublished ?d } ORDER BY ?d LIMIT 1 OFFSET 99")[:10]
    return [
        ("agreements-of", "agreements-of", {"org": org}),
        ("article", "article", {"article": path}),
        ("between", "between", {"from": day, "to": day}),
        ("bridges", "bridges", {"min_orgs": "3", "limit": "100"}),
        ("interlocks", "interlocks", {"org": org}),
        ("interlocks (all pairs)", "interlocks", {"org": ""}),
        ("members-of", "members-of", {"org": org}),
        ("organisations-of", "organisations-of", {"person": person}),
    ]


def _cold_start(build: Path, params: dict[str, str]) -> list[float]:
    args = [sys.executable, "-m", "kg", "query", str(build), "members-of", "-o", "csv"]
    for name, value in params.items():
        args += ["--param", f"{name}={value}"]
    times = []
    for _ in range(3):
        seconds, done = _timed(lambda: subprocess.run(args, capture_output=True, check=False))
        assert done.returncode == 0, done.stderr
        times.append(seconds)
    return times


async def _load_test(url: str, queries: list[str], clients: int, seconds: float) -> dict[str, Any]:
    import httpx

    statuses: dict[int, int] = {}
    latencies: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients)

    async def client(number: int, session: httpx.AsyncClient) -> None:
        rng = random.Random(number)
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                response = await session.post(
                    url,
                    content=rng.choice(queries),
                    headers={"content-type": "application/sparql-query"},
                )
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
                continue
            latencies.append(time.perf_counter() - started)

    async with httpx.AsyncClient(timeout=60, limits=limits) as session:
        await asyncio.gather(*(client(i, session) for i in range(clients)))
    latencies.sort()
    return {
        "clients": clients,
        "seconds": seconds,
        "requests": len(latencies),
        "per_second": round(len(latencies) / seconds, 1),
        "statuses": statuses,
        "transport_errors": len(errors),
        "p50_ms": round(1000 * latencies[len(latencies) // 2], 1) if latencies else None,
        "p95_ms": round(1000 * latencies[int(len(latencies) * 0.95)], 1) if latencies else None,
    }


def _serve_and_load(build: Path, queries: list[str], clients: int, seconds: float) -> Any:
    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "kg", "serve", str(build), "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        for _ in range(200):
            try:
                httpx.get(url, params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        return asyncio.run(_load_test(url, queries, clients, seconds))
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/civkg-bench"))
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per store query")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument(
        "--rdflib-limit", type=float, default=120.0, help="give up on an rdflib query after this"
    )
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()

    source = _prepare(args.work, args.triples)
    build = args.work / "build"
    build.mkdir(exist_ok=True)
    report: dict[str, Any] = {"triples_requested": args.triples}
    seconds, _ = _timed(lambda: write_store(None, build / "store", files=[source]))
    report["store_write_s"] = round(seconds, 2)
    seconds, memory_store = _timed(lambda: _loaded_memory(source))
    report["oxigraph_memory_load_s"] = round(seconds, 2)
    del memory_store
    seconds, store = _timed(lambda: Store.open(build / "store"))
    report["store_open_s"] = round(seconds, 3)
    report["distinct_triples"] = len(store.query("SELECT * { ?s ?p ?o }").rows)
    graph = None
    if not args.skip_rdflib:
        from rdflib import Graph

        seconds, graph = _timed(lambda: Graph().parse(args.work / "graph.ttl", format="turtle"))
        report["rdflib_load_s"] = round(seconds, 2)
    cases = _cases(store)
    rows = []
    for label, name, params in cases:
        query = named_queries()[name]
        text = query.bind(params, names=store.names)
        store.query(text)  # warm the page cache
        # Timed with the name lookup, as kg query runs it; rdflib gets the bound text.
        runs = [_timed(lambda q=query, p=params: store.run(q, p))[0] for _ in range(args.repeat)]
        ours = statistics.median(runs)
        count = len(store.query(text).rows)
        row = {"query": label, "rows": count, "store_ms": round(1000 * ours, 1)}
        if graph is not None:
            outcome = _rdflib_timed(graph, text, args.rdflib_limit)
            if outcome is None:
                row["rdflib_ms"] = f">{1000 * args.rdflib_limit:.0f}"
                row["speedup"] = f">{args.rdflib_limit / ours:.0f}"
            else:
                theirs, their_rows = outcome
                row["rdflib_ms"] = round(1000 * theirs, 1)
                row["speedup"] = round(theirs / ours, 1)
                row["same_rows"] = their_rows == count
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    report["queries"] = rows
    members = next(p for _, n, p in cases if n == "members-of")
    report["cold_start_s"] = [round(t, 2) for t in _cold_start(build, members)]
    texts = [named_queries()[n].bind(p, names=store.names) for _, n, p in cases]
    report["load_test"] = _serve_and_load(build, texts, args.clients, args.seconds)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


def _rdflib_timed(graph: Any, text: str, limit: float) -> tuple[float, int] | None:
    """Time one rdflib query in a forked child (it shares the loaded graph), or None if
    it ran past ``limit`` seconds: rdflib cannot be interrupted in-process."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        seconds, answer = _timed(lambda: run_query(graph, text))
        sender.send((seconds, len(answer.rows)))

    process = context.Process(target=child)
    process.start()
    outcome = receiver.recv() if receiver.poll(limit) else None
    if outcome is None:
        process.kill()
    process.join()
    return outcome


def _loaded_memory(source: Path) -> Store:
    store = Store.memory()
    store.load_file(source)
    return store


if __name__ == "__main__":
    main()
