"""Throughput of each language's extraction pipeline (run by hand, numbers go in notes).

    taskset -c 0 python benchmarks/bench_pipeline.py [--corpus DIR] [--repeat N]

Reads the articles of DIR (default: the development corpus beside the repo, else the
bundled examples), repeats them N times with a counter appended so no two are identical,
and runs extraction + resolution per language on one thread. Tokens are counted as
words and punctuation marks (``\\w+|[^\\w\\s]``), the unit the 10,000 tokens/s target uses.
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_TOKEN = re.compile(r"\w+|[^\w\s]")


def main() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = REPO.parent / "shared" / "corpus" / "dev"
    parser.add_argument("--corpus", type=Path, default=default if default.is_dir() else None)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from kg.ingest import read_articles
    from kg.iris import article_id
    from kg.pipeline import Pipeline

    corpus = args.corpus or REPO / "examples" / "articles"
    originals = [a for a in read_articles([corpus]) if a.lang in ("kk", "ru", "en")]
    by_lang = defaultdict(list)
    for copy in range(args.repeat):
        for article in originals:
            text = f"{article.text}\n\n{copy}"
            by_lang[article.lang].append(replace(article, id=article_id(text), text=text))

    pipeline = Pipeline()
    print(f"corpus {corpus}, {len(originals)} articles x {args.repeat}")
    print(
        f"{'lang':<6}{'articles':>9}{'tokens':>10}{'load s':>8}{'seconds':>9}"
        f"{'articles/s':>12}{'tokens/s':>10}"
    )
    for lang, articles in sorted(by_lang.items()):
        started = time.perf_counter()
        # one copy of each article first: loads the models and every table the articles
        # ask for on first use (the organisation-word table a publisher check reads)
        list(pipeline.pipe(articles[: len(articles) // args.repeat]))
        loaded = time.perf_counter() - started
        tokens = sum(len(_TOKEN.findall(a.text)) for a in articles)
        started = time.perf_counter()
        for _ in pipeline.pipe(articles):
            pass
        seconds = time.perf_counter() - started
        print(
            f"{lang:<6}{len(articles):>9}{tokens:>10}{loaded:>8.2f}{seconds:>9.2f}"
            f"{len(articles) / seconds:>12.1f}{tokens / seconds:>10.0f}"
        )


if __name__ == "__main__":
    main()
