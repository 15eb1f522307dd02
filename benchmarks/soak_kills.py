"""Kill ``kg build`` with SIGKILL at random moments (issue 12 item 8); run by hand.

    python benchmarks/soak_kills.py                  # 50 kills, the bundled examples
    python benchmarks/soak_kills.py --kills 200 --seed 3 --input DIR

Two inputs alternate: the whole input folder (A) and all of it but one article (B), so
consecutive builds differ. One full build is timed first; then each round starts a real
``kg build`` (every format, ``--no-cache``, so every round does the whole work) into one
output folder and kills it with SIGKILL at a moment drawn uniformly from 0 to 1.2x that
time, or, every other pair of rounds, from 0.7x to 1.2x, where the outputs are written and
switched (some rounds therefore finish; they do not count as kills). After every round the
folder must have one complete set from one build: ``check_output_folder`` finds nothing
wrong (every link leads into the current set, every file its manifest lists is there
with its size), and report.json, graph.ttl and the store name the same articles, those of A or of B.
Reported: kills, complete sets, sets from one build, rounds that finished, staging
folders left by kills and swept by the next build. Exit status 1 on any incomplete or
mixed set.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.output_folder import BUILDS, CURRENT, check_output_folder, current_set  # noqa: E402

KG_BUILD = (sys.executable, "-m", "kg", "build", "--quiet", "--jobs", "1", "--no-cache")


def _build(corpus: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*KG_BUILD, str(corpus), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _articles(out: Path) -> tuple[frozenset[str], list[str]]:
    """The articles the current set was built from, and any disagreement among its files."""
    from kg.sparql.store import open_store

    wrong: list[str] = []
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    named = frozenset(a["source_path"] for a in report["articles"])
    answer = open_store(out).query("SELECT DISTINCT ?p WHERE { ?a civ:sourcePath ?p }")
    in_store = frozenset(row[0].value for row in answer.rows if row[0] is not None)
    if in_store != named:
        wrong.append(f"store names {sorted(in_store)}, report.json {sorted(named)}")
    graph = (out / "graph.ttl").read_text(encoding="utf-8")
    missing = sorted(p for p in named if f'"{p}"' not in graph)
    if missing:
        wrong.append(f"graph.ttl lacks {missing}")
    return named, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--input", type=Path, default=REPO / "examples" / "articles")
    parser.add_argument("--work", type=Path, default=None, help="default: a temp folder")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(args.work or tempfile.mkdtemp(prefix="soak-kills-"))
    whole, part = work / "a", work / "b"
    shutil.copytree(args.input, whole)
    shutil.copytree(args.input, part)
    dropped = sorted(p for p in part.iterdir() if p.is_file())[-1]
    dropped.unlink()
    out = work / "out"

    started = time.monotonic()
    first = _build(whole, out)
    _, err = first.communicate()
    if first.returncode != 0:
        print(err.decode("utf-8", "replace"), file=sys.stderr)
        return 1
    full = time.monotonic() - started
    expected = {_articles(out)[0]}
    _build(part, out).communicate()
    expected.add(_articles(out)[0])
    print(f"one full build: {full:.1f} s; killing at 0..{1.2 * full:.1f} s", flush=True)

    moments: Counter[str] = Counter()
    complete = one_build = finished = stale_seen = killed = round_ = 0
    failures: list[str] = []
    while killed < args.kills:  # rounds that finish before their moment do not count
        round_ += 1
        corpus = whole if round_ % 2 == 0 else part
        before = current_set(out)
        process = _build(corpus, out)
        # Every other round aims at the last third, where the outputs are written and
        # switched: uniform moments alone rarely land in that short window.
        low = 0.7 * full if round_ % 4 >= 2 else 0.0
        time.sleep(rng.uniform(low, 1.2 * full))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        else:
            finished += 1
        process.wait()
        wrong = check_output_folder(out)
        if not wrong:
            complete += 1
            names, disagree = _articles(out)
            if names not in expected:
                disagree.append(f"articles {sorted(names)} are from neither input")
            if not disagree:
                one_build += 1
            wrong = disagree
        if wrong:
            failures.append(f"round {round_}: " + "; ".join(wrong))
        staging = [p for p in (out / BUILDS).iterdir() if p.name.endswith(".tmp")]
        stale_seen += len(staging)
        switched = "switched" if current_set(out) != before else "kept"
        if process.returncode == 0:
            moments["finished"] += 1
        elif switched == "switched":
            moments["killed after the switch"] += 1
        elif staging:
            moments["killed while writing outputs"] += 1
        else:
            moments["killed before the outputs (or just before the switch)"] += 1
        print(
            f"round {round_:>3}: {'finished' if process.returncode == 0 else 'killed  '} "
            f"{switched:<8} {'ok' if not wrong else 'WRONG'}",
            flush=True,
        )
    # The next build sweeps what the kills left.
    _build(whole, out).communicate()
    left = [p.name for p in (out / BUILDS).iterdir() if p.name != CURRENT]
    swept = not [n for n in left if n.endswith(".tmp")] and len(left) <= 2
    print(
        f"\n{round_} rounds ({killed} kill -9 during a build, {finished} finished first): "
        f"{complete}/{round_} output sets complete, {one_build}/{round_} from one build; "
        f"{stale_seen} staging folders left by kills, {'all' if swept else 'NOT all'} swept "
        "by the next build"
    )
    print("where rounds ended: " + ", ".join(f"{k} {v}" for k, v in sorted(moments.items())))
    for failure in failures:
        print(failure)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if not failures and swept else 1


if __name__ == "__main__":
    sys.exit(main())
