"""Add one article to a kept N-article build and rebuild (run by hand, numbers go in notes).

    python benchmarks/bench_addone.py --articles N --work DIR [--jobs J] [--profile PREFIX]
                                      [--same-code]

The first run makes N + 2 articles with ``make_corpus.py`` (the same seed as
``bench_build.py``) in ``DIR/articles`` and ``DIR/spare`` and builds the N into
``DIR/base`` with all outputs (the long part; later runs reuse it). Every run then
copies ``DIR/base`` to ``DIR/out``, rebuilds it unchanged ("warm": fills whatever the
cache of this code lacks), adds one spare article and rebuilds with all outputs, adds
the other and rebuilds with ``--format store``, and prints one JSON object with the
wall seconds and per-stage seconds of each rebuild. ``--profile PREFIX`` writes a
cProfile of each timed rebuild to ``PREFIX-all.prof`` / ``PREFIX-store.prof``.

``--same-code`` makes the cache's fingerprint ignore civkg's own files, so a base
built before a code change is still reused after it (for measuring a change to the
build's plumbing without re-extracting N articles; never for checking output).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import re
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _prepare(work: Path, count: int, jobs: int) -> None:
    from make_corpus import generate

    from kg.build import build

    articles, spare = work / "articles", work / "spare"
    if not articles.is_dir():
        made = work / "made"
        shutil.rmtree(made, ignore_errors=True)
        generate(count + 2, made)
        spare.mkdir(parents=True, exist_ok=True)
        # the two articles numbered last (their names carry a six-digit counter)
        paths = sorted(made.iterdir(), key=lambda p: re.findall(r"\d{6}", p.name))
        for path in paths[-2:]:
            path.rename(spare / path.name)
        made.rename(articles)
    if not (work / "base").is_dir():
        started = time.perf_counter()
        done = build([articles], out_dir=work / "base", jobs=jobs)
        made = {
            "base_build_s": round(time.perf_counter() - started, 1),
            "stages_s": {stage: round(s, 2) for stage, s in done.stages.items()},
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "peak_worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
        }
        print(json.dumps(made), file=sys.stderr)


def _timed(
    articles: Path, out: Path, formats: list[str] | None, jobs: int, profile: str | None
) -> dict[str, Any]:
    from kg.build import build

    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    done = build([articles], out_dir=out, formats=formats, jobs=jobs)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    return {
        "wall_s": round(time.perf_counter() - started, 2),
        "articles": len(done.results),
        "reused": done.reused,
        "stages_s": {stage: round(s, 2) for stage, s in done.stages.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--profile", default=None, help="cProfile each timed rebuild")
    parser.add_argument("--same-code", action="store_true", help="see the module docstring")
    args = parser.parse_args()

    if args.same_code:
        import kg.cache

        kg.cache._package_digest = lambda: "same-code"  # type: ignore[assignment]
    work: Path = args.work
    _prepare(work, args.articles, args.jobs)
    articles, spare = work / "articles", work / "spare"
    added = sorted(spare.iterdir())
    for path in added:
        (articles / path.name).unlink(missing_ok=True)
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(work / "base", out, symlinks=True)
    report: dict[str, Any] = {"articles": args.articles, "jobs": args.jobs}
    report["warm"] = _timed(articles, out, None, args.jobs, None)
    for path, formats, name in zip(added, (None, ["store"]), ("all", "store"), strict=True):
        shutil.copy(path, articles / path.name)
        profile = f"{args.profile}-{name}.prof" if args.profile else None
        report[f"add_one_{name}"] = _timed(articles, out, formats, args.jobs, profile)
    for path in added:
        (articles / path.name).unlink()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
