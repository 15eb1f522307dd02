"""Whole-build throughput with N worker processes (run by hand, numbers go in notes).

    python benchmarks/bench_build.py [--articles N] [--jobs J] [--format F] [--corpus DIR]
                                     [--add-one]

Makes N articles with ``make_corpus.py`` (KazNERD sentences and our own ru/en
templates, the scale issue's language mix) in a temporary folder — or, with
``--corpus DIR``, copies DIR's articles until there are N, each copy with a counter
appended so no two are identical — then runs ``kg.build.build`` on them with
``--jobs J`` and prints one JSON object: wall and CPU seconds (this process and its
workers), tokens/s, seconds per stage, peak RSS of the parent and of the largest
worker. ``--add-one`` then adds one more article and builds into the same output
again (the incremental path: the cache), once with ``--format`` and once more, with
another article, with ``--format store`` alone, and reports both times.
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

_TOKEN = re.compile(r"\w+|[^\w\s]")
_COUNTER = re.compile(r"\d{6}")


def _copies(corpus: Path, count: int, folder: Path) -> None:
    sources = sorted(corpus.glob("*.txt"))
    for n in range(count):
        source = sources[n % len(sources)]
        text = f"{source.read_text(encoding='utf-8')}\n\n{n}\n"
        (folder / f"{n:06}-{source.name}").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--format", default="turtle", help="comma-separated outputs")
    parser.add_argument("--add-one", action="store_true", help="then time incremental rebuilds")
    args = parser.parse_args()

    from make_corpus import generate

    from kg.build import build

    with tempfile.TemporaryDirectory(prefix="civkg-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        spare = Path(tmp) / "spare"
        spare.mkdir()
        if args.corpus:
            _copies(args.corpus, args.articles + 2, spare)
        else:
            generate(args.articles + 2, spare)  # the same seed: the first N are the same
        # the two articles numbered last (their names carry a six-digit counter)
        extra = sorted(spare.iterdir(), key=lambda p: _COUNTER.findall(p.name))[-2:]
        for path in spare.iterdir():
            if path not in extra:
                path.rename(folder / path.name)
        tokens = sum(
            len(_TOKEN.findall(p.read_text(encoding="utf-8"))) for p in folder.glob("*.txt")
        )
        cpu = os.times()
        started = time.perf_counter()
        done = build(
            [folder], out_dir=Path(tmp) / "out", formats=args.format.split(","), jobs=args.jobs
        )
        wall = time.perf_counter() - started
        after = os.times()
        rebuilds: dict[str, object] = {}
        if args.add_one:
            for path, formats in zip(extra, (args.format.split(","), ["store"]), strict=True):
                path.rename(folder / path.name)
                begun = time.perf_counter()
                again = build([folder], out_dir=Path(tmp) / "out", formats=formats, jobs=args.jobs)
                rebuilds[",".join(formats)] = {
                    "wall_s": round(time.perf_counter() - begun, 2),
                    "reused": again.reused,
                    "stages_s": {stage: round(s, 2) for stage, s in again.stages.items()},
                }
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
                "stages_s": {stage: round(s, 2) for stage, s in done.stages.items()},
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                "peak_worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                // 1024,
                **({"add_one": rebuilds} if rebuilds else {}),
            }
        )
    )


if __name__ == "__main__":
    main()
