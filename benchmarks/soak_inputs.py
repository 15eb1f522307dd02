"""Soak the reading path with thousands of generated bad inputs (issue 12); run by hand.

    python benchmarks/soak_inputs.py                 # 2,400 inputs, then a real kg build
    python benchmarks/soak_inputs.py --count 5000 --jobs 8 --build-sample 400

Each input (``tests/ingest/nasty_inputs.py``: broken encodings, JSONL traps, quadratic
Markdown, hostile HTML, huge files, FIFOs, device links, link loops, odd names) is put in
a folder of its own beside one good article and read with ``read_articles``, in worker
processes that answer within ``--timeout`` seconds or are killed and counted as a hang.
Then ``kg build`` runs for real (a subprocess) on a mixed folder of a sample of the
inputs and good articles. Reported: tracebacks, good articles lost, hangs, the slowest
input (and the slowest small one, under 1 MB), peak RSS per input (a worker's high-water
mark after each input; a fresh worker for every input would cost a second each), and the
build's exit code, time, peak RSS and lost articles. Exit status 1 when a goal is missed:
no tracebacks, no good article lost, no hang, at most 60 s per small file, at most 1 GB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.ingest.nasty_inputs import (  # noqa: E402
    good_article,
    good_files,
    nasty_case,
    remove_tree,
)

MAX_SECONDS_SMALL = 60.0
MAX_RSS_MB = 1024.0
SMALL = 1024 * 1024


def _reset_peak() -> None:
    """Start this process's peak RSS afresh (Linux 4.0+), so it measures one input."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    """Peak RSS since the last reset (``VmHWM``), else since the process started."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# Runs a command and prints the peak RSS of it and its workers, measured from a small
# process (a child's high-water mark starts from its parent's, and this script's is big).
_MEASURE = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:]).returncode; "
    "print('SOAK_PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
    "file=sys.stderr); sys.exit(code)"
)


def _worker(connection: Connection, root: str) -> None:
    """Read one input per message until told to stop; answer with what happened."""
    import logging

    from kg.errors import InputError
    from kg.ingest import read_articles

    logging.disable(logging.WARNING)  # notes on kept articles: not what is measured here
    while True:
        message = connection.recv()
        if message is None:
            return
        index, seed = message
        case = nasty_case(index, seed)
        folder = Path(root) / f"in-{index}"
        folder.mkdir()
        made = case.make(folder)
        (folder / "zz-good.txt").write_text(good_article(index), encoding="utf-8")
        size = made.stat().st_size if made is not None and made.is_file() else 0
        started = time.perf_counter()
        outcome: dict[str, Any] = {
            "index": index,
            "name": case.name,
            "family": case.family,
            "made": made is not None,
            "size": size,
        }
        _reset_peak()
        try:
            problems: list[Any] = []
            articles = list(read_articles([folder], on_problem=problems.append))
            outcome["good_lost"] = "zz-good.txt" not in {a.source_path for a in articles}
            outcome["problems"] = [str(p) for p in problems]
        except InputError as error:  # cannot happen with a good article beside it
            outcome["good_lost"] = True
            outcome["problems"] = [f"InputError: {error}"]
        except BaseException as error:
            outcome["traceback"] = "".join(traceback.format_exception(error))[-2000:]
            outcome["good_lost"] = True
        outcome["seconds"] = time.perf_counter() - started
        outcome["rss_mb"] = _peak_mb()
        remove_tree(folder)
        connection.send(outcome)


def _named(index: int, seed: int) -> dict[str, Any]:
    case = nasty_case(index, seed)
    return {"index": index, "name": case.name, "family": case.family}


class _Pool:
    """Workers that each take one input at a time; a worker that hangs is replaced."""

    def __init__(self, jobs: int, root: Path, timeout: float) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.root = root
        self.timeout = timeout
        self.workers = [self._start() for _ in range(jobs)]

    def _start(self) -> tuple[Any, Connection]:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(child, str(self.root)))
        process.start()
        return process, parent

    def run(self, count: int, seed: int) -> list[dict[str, Any]]:
        results: list[dict[str, Any]] = []
        pending = list(range(count))[::-1]
        busy: dict[int, tuple[int, float]] = {}
        while pending or busy:
            for slot in range(len(self.workers)):
                if slot not in busy and pending:
                    index = pending.pop()
                    self.workers[slot][1].send((index, seed))
                    busy[slot] = (index, time.monotonic())
            for slot, (index, since) in list(busy.items()):
                process, connection = self.workers[slot]
                if connection.poll(0.01):
                    try:
                        outcome = connection.recv()
                    except EOFError:  # the worker died (a crash in C code)
                        outcome = {**_named(index, seed), "traceback": "worker died"}
                        outcome["good_lost"] = True
                        self._replace(slot)
                    results.append(outcome)
                    del busy[slot]
                elif not process.is_alive() or time.monotonic() - since > self.timeout:
                    died = not process.is_alive()
                    results.append(
                        {
                            **_named(index, seed),
                            "hang": not died,
                            "traceback": "worker died" if died else None,
                            "good_lost": True,
                            "seconds": time.monotonic() - since,
                        }
                    )
                    self._replace(slot)
                    del busy[slot]
        return sorted(results, key=lambda r: r["index"])

    def _replace(self, slot: int) -> None:
        process, connection = self.workers[slot]
        process.kill()
        process.join()
        connection.close()
        self.workers[slot] = self._start()

    def close(self) -> None:
        for process, connection in self.workers:
            connection.send(None)
            process.join(timeout=10)
            if process.is_alive():
                process.kill()


def soak_inputs(count: int, seed: int, jobs: int, timeout: float) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="kg-soak-"))
    pool = _Pool(jobs, root, timeout)
    try:
        results = pool.run(count, seed)
    finally:
        pool.close()
        remove_tree(root)  # not TemporaryDirectory: its clean-up recurses
    tracebacks = [r for r in results if r.get("traceback")]
    small = [r for r in results if r.get("size", 0) < SMALL and "seconds" in r]
    timed = [r for r in results if "seconds" in r]
    slowest = max(timed, key=lambda r: r["seconds"])
    slowest_small = max(small, key=lambda r: r["seconds"])
    heaviest = max((r for r in results if "rss_mb" in r), key=lambda r: r["rss_mb"])
    return {
        "inputs": len(results),
        "made": sum(1 for r in results if r.get("made")),
        "families": dict(Counter(r["family"] for r in results)),
        "tracebacks": len(tracebacks),
        "traceback_examples": [(r["name"], r["traceback"]) for r in tracebacks[:3]],
        "good_lost": sum(1 for r in results if r.get("good_lost")),
        "hangs": sum(1 for r in results if r.get("hang")),
        "max_seconds": round(slowest["seconds"], 2),
        "slowest": slowest["name"],
        "max_seconds_small_file": round(slowest_small["seconds"], 2),
        "slowest_small_file": slowest_small["name"],
        "peak_rss_mb": round(heaviest["rss_mb"], 1),
        "heaviest": heaviest["name"],
        "problems_reported": sum(len(r.get("problems", [])) for r in results),
    }


def soak_build(count: int, seed: int, good: int, timeout: float) -> dict[str, Any]:
    """A real ``kg build`` (a subprocess) of a mixed folder; what it lost and cost."""
    root = Path(tempfile.mkdtemp(prefix="kg-soak-build-"))
    try:
        folder, out = root / "in", root / "out"
        folder.mkdir()
        made = sum(1 for i in range(count) if nasty_case(i, seed).make(folder) is not None)
        expected = []
        for name, data in good_files(good):
            (folder / name).write_bytes(data)
            expected.append(name + ("#L1" if name.endswith(".jsonl") else ""))
        build = [sys.executable, "-m", "kg", "build", str(folder), "-o", str(out)]
        command = [sys.executable, "-c", _MEASURE, *build]
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            return {"inputs": made, "good": good, "hang": True}
        seconds = time.perf_counter() - started
        peak = [line for line in done.stderr.splitlines() if line.startswith("SOAK_PEAK_KB")]
        kilobytes = int(peak[-1].split()[1]) if peak else 0
        rss = kilobytes / (1024 * 1024) if sys.platform == "darwin" else kilobytes / 1024
        stderr = [line for line in done.stderr.splitlines() if not line.startswith("SOAK_")]
        built: set[str] = set()
        if (out / "report.json").exists():
            report = json.loads((out / "report.json").read_text(encoding="utf-8"))
            built = {a["source_path"] for a in report["articles"]}
        return {
            "inputs": made,
            "good": good,
            "exit_code": done.returncode,
            "traceback": "Traceback" in done.stderr,
            "stderr_tail": stderr[-3:],
            "good_lost": len(set(expected) - built),
            "articles_built": len(built),
            "skipped_lines_printed": sum(1 for line in stderr if line.startswith("kg: skipped")),
            "seconds": round(seconds, 1),
            "peak_rss_mb": round(rss, 1),
        }
    finally:
        remove_tree(root)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=2400, help="bad inputs (default 2400)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=min(8, os.cpu_count() or 1))
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per input")
    parser.add_argument("--build-sample", type=int, default=300, help="0: no kg build")
    parser.add_argument("--build-good", type=int, default=100)
    parser.add_argument("--build-timeout", type=float, default=1800.0)
    args = parser.parse_args()

    started = time.perf_counter()
    figures: dict[str, Any] = {
        "reading": soak_inputs(args.count, args.seed, args.jobs, args.timeout)
    }
    figures["reading"]["wall_seconds"] = round(time.perf_counter() - started, 1)
    if args.build_sample:
        figures["build"] = soak_build(
            args.build_sample, args.seed + 1, args.build_good, args.build_timeout
        )
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    reading, build = figures["reading"], figures.get("build", {})
    missed = (
        reading["tracebacks"]
        or reading["good_lost"]
        or reading["hangs"]
        or reading["max_seconds_small_file"] > MAX_SECONDS_SMALL
        or reading["peak_rss_mb"] > MAX_RSS_MB
        or build.get("traceback")
        or build.get("good_lost")
        or build.get("hang")
        or build.get("exit_code", 0) != 0
    )
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
