"""Score the Kazakh extractor's people and organisations on KazNERD sentences it never saw.

    python scripts/eval_kaznerd.py [--data DIR] [--part read|lockbox|all] [--failures FILE]

The train corpus was read while writing the rules, so its scores flatter them. KazNERD's
sentences (news, 2019-2021) were not: the sentences of the shipped NER's held-out test
part (``scripts/train_kk_ner.py``'s split, seed 0; the NER never trained on them) are
split again by sentence-id hash into a half one may read to find failures (``read``) and a
half that is only ever scored (``lockbox``). Each sentence is extracted as a one-line
article by the full ``kk.rules`` extractor.

KazNERD's conventions are not the corpus's (it tags a country name in a ministry's name
as a place, and bodies such as "үкімет" without a proper name), so the absolute numbers
are lower than the corpus's; the point is the *change* a rule makes on text nobody tuned
on. A predicted span matches a gold span of the same type when both start at the same
character and end inside the same word (case endings are not boundaries).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_kk_ner import DATA_FILES, DEFAULT_DATA, Sentence, read_sentences, split_by_group

from kg.ingest.normalise import normalise
from kg.model import Article, EntityType
from kg.pipeline import Pipeline

TYPES = {"PERSON": EntityType.PERSON, "ORGANISATION": EntityType.ORGANISATION}
NO_SPACE_BEFORE = frozenset(".,:;!?)»”%")
NO_SPACE_AFTER = frozenset("(«“")


@dataclass(frozen=True, slots=True)
class Span:
    type: EntityType
    start: int
    end: int


def detokenize(words: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join KazNERD tokens as a writer would space them, with each token's offsets."""
    text = ""
    offsets: list[tuple[int, int]] = []
    for word in words:
        if text and word not in NO_SPACE_BEFORE and text[-1] not in NO_SPACE_AFTER:
            text += " "
        offsets.append((len(text), len(text) + len(word)))
        text += word
    return text, offsets


def gold_spans(sentence: Sentence, offsets: list[tuple[int, int]]) -> set[Span]:
    """The sentence's PERSON and ORGANISATION entities as character spans."""
    spans: set[Span] = set()
    current: tuple[str, int, int] | None = None
    for (start, end), tag in zip(offsets, [*sentence.tags], strict=True):
        prefix, _, label = tag.partition("-")
        if current and (prefix != "I" or label != current[0]):
            if current[0] in TYPES:
                spans.add(Span(TYPES[current[0]], current[1], current[2]))
            current = None
        if prefix == "B" or (prefix == "I" and current is None):
            current = (label, start, end)
        elif prefix == "I" and current:
            current = (current[0], current[1], end)
    if current and current[0] in TYPES:
        spans.add(Span(TYPES[current[0]], current[1], current[2]))
    return spans


def same_word_end(text: str, a: int, b: int) -> bool:
    """Whether offsets ``a`` and ``b`` end inside one word (a case ending apart)."""
    low, high = min(a, b), max(a, b)
    return not any(ch.isspace() or ch in "«»\"'()," for ch in text[low:high])


def _overlapping(span: Span, others: set[Span]) -> bool:
    """Whether a span of the same type shares characters with ``span`` (a boundary miss)."""
    return any(o.type == span.type and o.start < span.end and span.start < o.end for o in others)


def part_of(sentence: Sentence) -> str:
    digest = hashlib.md5(sentence.group.encode(), usedforsecurity=False).hexdigest()
    return "read" if int(digest[:8], 16) % 2 == 0 else "lockbox"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--part",
        choices=("read", "lockbox", "all", "ner-train"),
        default="read",
        help="ner-train: the sentences the NER trained on, to read rule failures (its "
        "scores there flatter the model)",
    )
    parser.add_argument("--failures", type=Path, help="write missed / wrong spans here")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"KazNERD not found at {args.data} (../shared/data/kaznerd)", file=sys.stderr)
        return 2
    sentences = [s for name in DATA_FILES for s in read_sentences(args.data / name)]
    ner_train, _, test = split_by_group(sentences, seed=0)
    pool = ner_train if args.part == "ner-train" else test
    seen: set[str] = set()
    chosen: list[Sentence] = []
    for sentence in pool:  # one variant per sentence id
        wanted = args.part in ("all", "ner-train", part_of(sentence))
        if sentence.group not in seen and wanted:
            seen.add(sentence.group)
            chosen.append(sentence)
    # the ingest's clean-up per word (Latin look-alikes), as a built article would get it
    texts = [detokenize([normalise(w) or w for w in s.words]) for s in chosen]
    articles = [
        Article(id=f"kaznerd-{s.id}", text=text, lang="kk", source_path=s.id)
        for s, (text, _) in zip(chosen, texts, strict=True)
    ]
    counts: Counter[tuple[EntityType, str]] = Counter()
    failures: list[str] = []
    pipeline = Pipeline()
    for sentence, (text, offsets), extraction in zip(
        chosen, texts, pipeline.extract(articles), strict=True
    ):
        gold = gold_spans(sentence, offsets)
        predicted = {
            Span(m.type, m.start, m.end) for m in extraction.mentions if m.type in TYPES.values()
        }
        matched_gold: set[Span] = set()
        for span in sorted(predicted, key=lambda s: (s.start, s.end)):
            hit = next(
                (
                    g
                    for g in gold
                    if g not in matched_gold
                    and g.type == span.type
                    and g.start == span.start
                    and same_word_end(text, g.end, span.end)
                ),
                None,
            )
            if hit:
                matched_gold.add(hit)
                counts[span.type, "tp"] += 1
            else:
                counts[span.type, "fp"] += 1
                kind = "boundary" if _overlapping(span, gold) else "wrong"
                failures.append(f"{kind} {span.type}: {text[span.start : span.end]}  || {text}")
        for g in gold - matched_gold:
            counts[g.type, "fn"] += 1
            kind = "boundary" if _overlapping(g, predicted) else "missed"
            failures.append(f"{kind} {g.type}: {text[g.start : g.end]}  || {text}")
    print(f"KazNERD held-out sentences, part {args.part}: {len(chosen)}")
    for kind in TYPES.values():
        tp, fp, fn = (counts[kind, k] for k in ("tp", "fp", "fn"))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(
            f"  {kind:<13} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"
            f"   (tp {tp}, fp {fp}, fn {fn})"
        )
    if args.failures:
        args.failures.write_text("\n".join(sorted(failures)) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
