"""Endpoint under load (issue 12): cheap-query latency while expensive ones run, CPU
after the clients leave, and a hostile-request set that must not crash the server.

Run by hand (about a minute):
    python benchmarks/bench_endpoint.py --work /tmp/civkg-bench-endpoint --timeout 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.sparql.store import write_store
from tests.sparql.endpoint_helpers import kg_serve

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "sparql" / "sample.trig"
CHEAP = "ASK { ?a a civ:Agreement }"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _hostile(url: str) -> list[tuple[str, dict[str, object]]]:
    cases: list[tuple[str, dict[str, object]]] = []
    form = {"content-type": "application/x-www-form-urlencoded"}
    direct = {"content-type": "application/sparql-query"}
    for n in (100, 200, 500, 1000, 2000, 3000, 10000, 50000):
        for open_, close in (("{", "}"), ("(", ")"), ("[", "]")):
            q = "SELECT * WHERE " + open_ * n + close * n
            cases.append(("POST", {"data": {"query": q}}))
            if len(q) < 30_000:  # httpx itself refuses longer URLs
                cases.append(("GET", {"params": {"query": q}}))
            cases.append(("POST", {"content": q, "headers": direct}))
    for n in (5000, 20000, 60000):
        for op in ("!", "+1", "||true", " UNION {}"):
            q = "SELECT * WHERE { FILTER(" + op * n + ") }"
            cases.append(("POST", {"content": q, "headers": direct}))
    for kw in ("SERVICE", "service", "SeRvIcE", "SERVICE SILENT", "SERVICE#c\nSILENT"):
        for target in ("<http://127.0.0.1:9/x>", "<http://169.254.169.254/>", "?u", "ex:x"):
            q = f"SELECT * WHERE {{ {kw} {target} {{ ?s ?p ?o }} }}"
            cases.append(("GET", {"params": {"query": q}}))
            cases.append(("POST", {"data": {"query": q}}))
    for size in (200_000, 2_000_000, 20_000_000):
        cases.append(("POST", {"content": b"#" * size, "headers": direct}))
    for raw in (b"\xff\xfe", b"ASK {\x00}", b"\xed\xa0\x80", b"query=%FF%FE", b"query=%"):
        cases.append(("POST", {"content": raw, "headers": direct}))
        cases.append(("POST", {"content": raw, "headers": form}))
    for method in ("PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "HEAD"):
        cases.append((method, {"content": CHEAP}))
    for ctype in ("text/plain", "application/json", "multipart/form-data", "", "a/b;c=d"):
        cases.append(("POST", {"content": CHEAP, "headers": {"content-type": ctype}}))
    for host in ("evil.example", "127.0.0.1:1", "", "x" * 5000):
        cases.append(("GET", {"params": {"query": CHEAP}, "headers": {"host": host}}))
    for origin in ("https://evil.example", "null"):
        cases.append(("POST", {"data": {"query": CHEAP}, "headers": {"origin": origin}}))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, default=Path("/tmp/civkg-bench-endpoint"))
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--expensive", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    if not (args.work / "store").is_dir():
        write_store(None, args.work / "store", files=[SAMPLE])
    report: dict[str, object] = {}
    options = ["--timeout", str(args.timeout), "--queue", "64"]
    with kg_serve(args.work, *options) as served:
        server = psutil.Process(served.process.pid)
        stop = time.monotonic() + args.seconds
        latencies: list[float] = []
        statuses: dict[int, int] = {}
        cheap_outcomes: dict[str, int] = {}

        def expensive() -> None:
            with httpx.Client(timeout=120) as client:
                while time.monotonic() < stop:
                    code = client.get(served.url, params={"query": EXPENSIVE}).status_code
                    statuses[code] = statuses.get(code, 0) + 1

        def cheap() -> None:
            with httpx.Client(timeout=120) as client:
                while time.monotonic() < stop:
                    started = time.perf_counter()
                    response = client.get(served.url, params={"query": CHEAP})
                    latencies.append(time.perf_counter() - started)
                    # status and lane (X-Civkg-Lane), e.g. "200 fast"
                    outcome = f"{response.status_code} {response.headers.get('x-civkg-lane', '-')}"
                    cheap_outcomes[outcome] = cheap_outcomes.get(outcome, 0) + 1
                    time.sleep(0.1)

        threads = [threading.Thread(target=expensive) for _ in range(args.expensive)]
        threads.append(threading.Thread(target=cheap))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        left = time.monotonic()
        quantiles = statistics.quantiles(latencies, n=100)
        report["cheap_queries"] = len(latencies)
        report["cheap_p50_s"] = round(quantiles[49], 3)
        report["cheap_p95_s"] = round(quantiles[94], 3)
        report["cheap_outcomes"] = cheap_outcomes
        report["expensive_statuses"] = statuses
        idle_after = None
        for _ in range(int(args.timeout * 4) + 20):
            family = [server, *server.children(recursive=True)]
            for p in family:
                p.cpu_percent(interval=None)
            time.sleep(0.5)
            cpu = sum(p.cpu_percent(interval=None) for p in family if p.is_running())
            if cpu < 10:
                idle_after = round(time.monotonic() - left, 2)
                break
        report["idle_cpu_after_clients_left_s"] = idle_after
        cases = _hostile(served.url)
        outcomes: dict[int, int] = {}
        for method, kwargs in cases:
            try:
                code = httpx.request(method, served.url, timeout=60, **kwargs).status_code  # type: ignore[arg-type]
            except httpx.HTTPError:
                code = -1
            outcomes[code] = outcomes.get(code, 0) + 1
        report["hostile_requests"] = len(cases)
        report["hostile_statuses"] = dict(sorted(outcomes.items()))
        report["server_alive_after"] = served.process.poll() is None
        report["cheap_query_after"] = httpx.get(served.url, params={"query": CHEAP}).status_code
        served.process.terminate()
        report["exit_code"] = served.process.wait(timeout=30)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
