"""Build ``kg/lang/kk/nominal_stems.txt``: nouns whose last syllable looks like a case ending.

    python scripts/build_kk_stems.py [--data ../shared/data/kaznerd] [--out FILE]

The Kazakh morphology strips endings by shape, so "сауда" (trade) reads as "сау" + the
locative "-да", "арна" (channel) as a dative, and a name such as "Сауда және интеграция
министрлігі" loses its first words. A word is listed when the text shows it taking case
and possessive endings itself: "сауда" is attested as "сауданың", "саудаға", "саудасы",
while "Алматыда" never takes a second case ending on top of the first. The evidence is
KazNERD's sentences (CC BY 4.0, see NOTICE); only the word list ships, no sentences. The
output is sorted and depends only on the data, so rerunning gives the same file.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from kg.lang.kk import morph

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "kaznerd"
DEFAULT_OUT = REPO / "kg" / "lang" / "kk" / "nominal_stems.txt"
DATA_FILES = ("IOB2_valid.txt", "IOB2_test.txt")

_WORD = re.compile(r"[а-яәғқңөұүһі]+")  # lower-case Cyrillic words only
MIN_COUNT = 3  # occurrences of the word itself
MIN_FORMS = 2  # distinct inflected forms built on it
HEADER = (
    "# Kazakh nouns whose last syllable looks like a case ending, attested with endings\n"
    "# of their own in KazNERD (CC BY 4.0). Built by scripts/build_kk_stems.py; do not edit.\n"
)


def word_counts(paths: Sequence[Path]) -> Counter[str]:
    """Lower-case word forms of the CoNLL files, as written in lower case in running text."""
    counts: Counter[str] = Counter()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.rpartition(" ")[0]
            if word and _WORD.fullmatch(word):
                counts[word] += 1
    return counts


def nominal_stems(counts: Counter[str]) -> list[str]:
    """Words read as inflected that the data shows inflected on top of themselves."""
    built_on: dict[str, set[str]] = {}
    for form in counts:
        for analysis in morph.analyses(form)[:-1]:  # the last reading is the bare word
            built_on.setdefault(analysis.stem.lower(), set()).add(form)
        base = morph.without_possessive(form)
        if base != form:
            built_on.setdefault(base, set()).add(form)
    stems: list[str] = []
    for word, count in counts.items():
        if count < MIN_COUNT or morph.case_of(word) == "nom":
            continue
        if word.endswith("н") and morph.without_possessive(word[:-1]) != word[:-1]:
            continue  # "бөлігін": a possessive in the accusative, inflected as such
        if len(built_on.get(word, ())) >= MIN_FORMS:
            stems.append(word)
    return sorted(stems)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    paths = [args.data / name for name in DATA_FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"KazNERD not found: {', '.join(missing)} (../shared/data/kaznerd)", file=sys.stderr)
        return 2
    stems = nominal_stems(word_counts(paths))
    args.out.write_text(HEADER + "".join(f"{s}\n" for s in stems), encoding="utf-8")
    print(f"wrote {len(stems)} stems to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
