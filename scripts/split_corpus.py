"""Lay out the train corpus as site-disjoint folders for ``kg evaluate``.

    python scripts/split_corpus.py [--corpus ../shared/corpus/train] [--out /tmp/civkg-split]

Writes ``OUT/fold{k}`` (k-fold by site, links to the files), ``OUT/lockbox`` (fold 1:
never read while writing rules, scored only for the held-out estimate) and
``OUT/tune`` (the other folds: read the failures here).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.evaluation.corpus_split import describe, folds, link_subset

REPO = Path(__file__).resolve().parents[1]
FOLDS = 3
LOCKBOX = 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared/corpus/train")
    parser.add_argument("--out", type=Path, default=Path("/tmp/civkg-split"))
    args = parser.parse_args()
    parts = folds(args.corpus, FOLDS)
    for number, stems in enumerate(parts):
        link_subset(args.corpus, stems, args.out / f"fold{number}")
    link_subset(args.corpus, parts[LOCKBOX], args.out / "lockbox")
    tune = [stem for number, stems in enumerate(parts) if number != LOCKBOX for stem in stems]
    link_subset(args.corpus, tune, args.out / "tune")
    print(describe(parts))
    print(f"lockbox = fold {LOCKBOX}; tune = the others; under {args.out}")


if __name__ == "__main__":
    main()
