"""Whole-build throughput with N worker processes (run by hand, numbers go in notes).

    python benchmarks/bench_build.py [--corpus DIR] [--articles N] [--jobs J] [--format F]

Copies the articles of DIR (default: the corpus beside the repo, train + dev, else the
bundled examples) into a temporary folder until there are N, each copy with a counter
appended so no two are identical, then runs ``kg.build.build`` on them with ``--jobs J``
and prints one JSON object: wall and CPU seconds (this process and its workers),
tokens/s, peak RSS of the parent and of the largest worker.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
_TOKEN = re.compile(r"\w+|[^\w\s]")


def _sources(corpus: Path | None) -> list[Path]:
    folders = [corpus] if corpus else [SHARED / "train", SHARED / "dev"]
    found = sorted(p for f in folders if f.is_dir() for p in f.glob("*.txt"))
    return found or sorted((REPO / "examples" / "articles").glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--format", default="turtle", help="comma-separated outputs")
    args = parser.parse_args()

    from kg.build import build

    sources = _sources(args.corpus)
    with tempfile.TemporaryDirectory(prefix="civkg-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        tokens = 0
        for n in range(args.articles):
            source = sources[n % len(sources)]
            text = f"{source.read_text(encoding='utf-8')}\n\n{n}\n"
            (folder / f"{n:06}-{source.name}").write_text(text, encoding="utf-8")
            tokens += len(_TOKEN.findall(text))
        cpu = os.times()
        started = time.perf_counter()
        done = build(
            [folder], out_dir=Path(tmp) / "out", formats=args.format.split(","), jobs=args.jobs
        )
        wall = time.perf_counter() - started
        after = os.times()
        shutil.rmtree(Path(tmp) / "out")
    used = (after.user - cpu.user) + (after.system - cpu.system)
    workers = (after.children_user - cpu.children_user) + (
        after.children_system - cpu.children_system
    )
    print(
        json.dumps(
            {
                "articles": len(done.results),
                "skipped": len(done.problems),
                "tokens": tokens,
                "jobs": args.jobs,
                "wall_s": round(wall, 2),
                "cpu_s": round(used + workers, 2),
                "tokens_per_s": round(tokens / wall),
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                "peak_worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                // 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
