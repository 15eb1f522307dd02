"""Train the shipped Kazakh NER (``kg/models/kk_ner``) on KazNERD and report its scores.

KazNERD's train split is not available offline, so this trains on its valid + test
splits, re-split by sentence-id number into train / dev / held-out test. Variants of one
sentence (numbers spelled out or as digits) share that number, so they always land in
the same part and the held-out scores are not inflated by near-duplicates.

Usage: python scripts/train_kk_ner.py [--data DIR] [--out DIR] [--seed 0] [--max-minutes 14]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.training import Example

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "kaznerd"
DEFAULT_OUT = REPO / "kg" / "models" / "kk_ner"
CONFIG = Path(__file__).with_name("kk_ner.cfg")
DATA_FILES = ("with_sentID/IOB2_valid2.txt", "with_sentID/IOB2_test2.txt")
FRACTIONS = (0.8, 0.1, 0.1)

# KazNERD's 25 classes, narrowed to those a graph of people, organisations, roles,
# places and events can use; numbers, money, works of art and the like become O.
KEPT_LABELS: tuple[str, ...] = (
    "PERSON",
    "ORGANISATION",
    "POSITION",
    "GPE",
    "LOCATION",
    "FACILITY",
    "EVENT",
    "DATE",
    "NORP",
    "PROJECT",
    "LAW",
)
PRODUCT_LABELS = ("PERSON", "ORGANISATION")

MODEL_META: dict[str, Any] = {
    "name": "kk_ner",
    "version": "0.1.0",
    "description": "Kazakh NER for civkg: hashed-feature CNN tok2vec + transition NER, "
    "trained on KazNERD valid+test splits (re-split by sentence id)",
    "license": "CC BY 4.0",
    "author": "civkg contributors",
    "sources": [
        {
            "name": "KazNERD: Kazakh Named Entity Recognition Dataset",
            "author": "Rustem Yeshpanov, Yerbolat Khassanov, Huseyin Atakan Varol",
            "url": "https://aclanthology.org/2022.lrec-1.44",
            "license": "CC BY 4.0",
        }
    ],
}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One KazNERD sentence: its id (e.g. ``AID327344``), tokens and IOB2 tags."""

    id: str
    words: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def group(self) -> str:
        """The id's number, shared by the variants of one sentence."""
        match = re.fullmatch(r"[A-Za-z]*(\d+)", self.id)
        if match is None:
            raise InputError(f"sentence id {self.id!r} does not end in a number")
        return match.group(1)


def read_sentences(path: Path) -> list[Sentence]:
    """Read a CoNLL file whose sentences each start with an id line (``AID1 O``)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    sentences: list[Sentence] = []
    block: list[tuple[str, str]] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            word, sep, tag = line.rstrip().rpartition(" ")
            if not sep or not word or not (tag == "O" or tag[:2] in ("B-", "I-")):
                raise InputError(f"{path}:{number}: expected 'token TAG', got {line!r}")
            block.append((word, tag))
        elif block:
            (sent_id, _), *tokens = block
            if not tokens:
                raise InputError(f"{path}:{number}: sentence {sent_id!r} has no tokens")
            words, tags = zip(*tokens, strict=True)
            sentences.append(Sentence(sent_id, words, tags))
            block = []
    return sentences


def keep_labels(tags: Iterable[str], kept: Iterable[str]) -> tuple[str, ...]:
    """Map tags of labels not in ``kept`` to O, and repair I- tags that start an entity."""
    kept_set = set(kept)
    out: list[str] = []
    for tag in tags:
        prefix, _, label = tag.partition("-")
        if tag == "O" or label not in kept_set:
            out.append("O")
        elif prefix == "I" and (not out or out[-1][2:] != label):
            out.append(f"B-{label}")
        else:
            out.append(tag)
    return tuple(out)


def split_by_group(
    sentences: Sequence[Sentence],
    seed: int,
    fractions: tuple[float, float, float] = FRACTIONS,
) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """Split into train / dev / test so that all sentences of one id number share a part."""
    groups = sorted({sentence.group for sentence in sentences}, key=int)
    random.Random(seed).shuffle(groups)
    n_train = round(len(groups) * fractions[0])
    n_dev = round(len(groups) * fractions[1])
    bounds = (n_train, n_train + n_dev)
    part_of = {group: bisect_right(bounds, index) for index, group in enumerate(groups)}
    parts: tuple[list[Sentence], list[Sentence], list[Sentence]] = ([], [], [])
    for sentence in sentences:
        parts[part_of[sentence.group]].append(sentence)
    return parts


def to_examples(nlp: Language, sentences: Iterable[Sentence]) -> list[Example]:
    """Gold examples on KazNERD's own tokens, with only the kept labels."""
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = []
    for sentence in sentences:
        tags = list(keep_labels(sentence.tags, KEPT_LABELS))
        words = list(sentence.words)
        reference = Doc(nlp.vocab, words=words, ents=tags)
        examples.append(Example(Doc(nlp.vocab, words=words), reference))
    return examples


def train(
    nlp: Language,
    train_examples: list[Example],
    dev_examples: list[Example],
    max_minutes: float,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """Update ``nlp`` until the config's stopping rules or the time limit; keep the best."""
    from spacy.schemas import ConfigSchemaTraining
    from spacy.training.loop import (
        create_evaluation_callback,
        create_train_batches,
        train_while_improving,
    )
    from spacy.util import registry

    config = nlp.config.interpolate()
    settings = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    optimizer = settings["optimizer"]
    nlp.initialize(lambda: train_examples, sgd=optimizer)
    batches = create_train_batches(
        nlp, lambda _: train_examples, settings["batcher"], settings["max_epochs"]
    )
    evaluate = create_evaluation_callback(nlp, lambda _: dev_examples, settings["score_weights"])
    steps = train_while_improving(
        nlp,
        optimizer,
        batches,
        evaluate,
        dropout=settings["dropout"],
        eval_frequency=settings["eval_frequency"],
        accumulate_gradient=settings["accumulate_gradient"],
        patience=settings["patience"],
        max_steps=settings["max_steps"],
        exclude=[],
        annotating_components=[],
        before_update=None,
    )
    started = time.monotonic()
    best: dict[str, Any] = {"score": -1.0, "step": 0, "bytes": b""}
    timed_out = False
    for _, info, is_best in steps:
        if is_best is None:
            continue
        log(
            f"step {info['step']:5d}  epoch {info['epoch']:2d}  dev ents_f {info['score']:.4f}"
            f"  loss {info['losses'].get('ner', 0.0):9.1f}  {time.monotonic() - started:5.0f}s"
        )
        if is_best:
            with nlp.use_params(optimizer.averages):
                best = {"score": info["score"], "step": info["step"], "bytes": _weights(nlp)}
        if time.monotonic() - started > max_minutes * 60:
            # Stopping on time makes the result depend on machine speed; say so loudly.
            log(f"time limit of {max_minutes} min reached: stopping early (not reproducible)")
            timed_out = True
            break
    components: list[tuple[str, Any]] = nlp.pipeline
    for name, component in components:
        component.from_bytes(best["bytes"][name])
    return {"best_step": best["step"], "dev_ents_f": best["score"], "timed_out": timed_out}


def _weights(nlp: Language) -> dict[str, bytes]:
    components: list[tuple[str, Any]] = nlp.pipeline
    return {name: component.to_bytes() for name, component in components}


def per_label_scores(nlp: Language, examples: list[Example]) -> dict[str, Any]:
    """Micro P/R/F1 over all kept labels and per label, on ``examples``."""
    scores = nlp.evaluate(examples)
    counts: dict[str, int] = {}
    for example in examples:
        for ent in example.reference.ents:
            counts[ent.label_] = counts.get(ent.label_, 0) + 1
    per_type = {
        label: {
            "p": round(values["p"], 4),
            "r": round(values["r"], 4),
            "f": round(values["f"], 4),
            "support": counts.get(label, 0),
        }
        for label, values in sorted(scores["ents_per_type"].items())
    }
    return {
        "p": round(scores["ents_p"], 4),
        "r": round(scores["ents_r"], 4),
        "f": round(scores["ents_f"], 4),
        "per_type": per_type,
    }


def format_table(scores: dict[str, Any]) -> str:
    """Per-label P/R/F1 as a fixed-width table, our product's labels first."""
    per_type = scores["per_type"]
    order = [*PRODUCT_LABELS, *sorted(set(per_type) - set(PRODUCT_LABELS))]
    rows = [f"{'label':<14}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}"]
    for label in order:
        if label in per_type:
            v = per_type[label]
            rows.append(f"{label:<14}{v['p']:8.3f}{v['r']:8.3f}{v['f']:8.3f}{v['support']:9d}")
    rows.append(f"{'ALL (micro)':<14}{scores['p']:8.3f}{scores['r']:8.3f}{scores['f']:8.3f}")
    return "\n".join(rows)


def tokens_per_second(nlp: Language, texts: list[str], rounds: int = 3) -> float:
    """Best-of-``rounds`` throughput of the whole pipeline (tokenizer included) on ``texts``."""
    list(nlp.pipe(texts[:200]))  # warm up lazily built tables
    best = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        n_tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
        best = max(best, n_tokens / (time.perf_counter() - started))
    return best


def _pin_to_one_core() -> None:
    # Measure "per core": one thread in BLAS, one CPU for the process.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def save(nlp: Language, out: Path, meta: dict[str, Any], scores: dict[str, Any]) -> None:
    """Write the pipeline without vocab strings and tokenizer rules, plus the scores."""
    if out.exists():
        if any(out.iterdir()) and not (out / "meta.json").exists():
            raise InputError(f"{out}: exists and is not a model folder; refusing to replace it")
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.meta.update(meta)
    # The strings of training words are not needed: the embeddings hash attributes,
    # and labels live with the ner component. The tokenizer comes from kg.lang.kk so
    # that rule fixes there apply without retraining.
    nlp.to_disk(out, exclude=["vocab", "tokenizer"])
    (out / "meta_scores.json").write_text(
        json.dumps(scores, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def directory_size(path: Path) -> int:
    """Total size in bytes of the files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, train, evaluate on the held-out part, save and benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="KazNERD folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model folder to write")
    parser.add_argument("--config", type=Path, default=CONFIG, help="spaCy config file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-minutes", type=float, default=14.0, help="training time cap")
    args = parser.parse_args(argv)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")

    import spacy
    from spacy.util import load_config, load_model_from_config
    from thinc.api import fix_random_seed

    import kg.lang.kk  # noqa: F401  (registers the "kk" language)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        sentences = [s for name in DATA_FILES for s in read_sentences(args.data / name)]
        train_part, dev_part, test_part = split_by_group(sentences, args.seed)
    except InputError as exc:
        log(f"error: {exc}")
        return 1
    log(f"sentences: train {len(train_part)}, dev {len(dev_part)}, test {len(test_part)}")

    fix_random_seed(args.seed)
    config = load_config(args.config, overrides={"system.seed": args.seed})
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    started = time.monotonic()
    result = train(
        nlp,
        to_examples(nlp, train_part),
        to_examples(nlp, dev_part),
        args.max_minutes,
        log,
    )
    minutes = (time.monotonic() - started) / 60
    test_scores = per_label_scores(nlp, to_examples(nlp, test_part))
    scores = {
        "data": "KazNERD IOB2_valid + IOB2_test, re-split by sentence-id number",
        "seed": args.seed,
        "sentences": {"train": len(train_part), "dev": len(dev_part), "test": len(test_part)},
        "labels": list(KEPT_LABELS),
        "best_step": result["best_step"],
        "dev_ents_f": round(result["dev_ents_f"], 4),
        "test": test_scores,
    }
    meta = {**MODEL_META, "performance": {"ents_f": test_scores["f"]}}
    save(nlp, args.out, meta, scores)

    _pin_to_one_core()
    reloaded = spacy.load(args.out, exclude=["tokenizer"])
    speed = tokens_per_second(reloaded, [" ".join(s.words) for s in test_part])
    print(f"held-out test ({len(test_part)} sentences), best dev step {result['best_step']}:")
    print(format_table(test_scores))
    for label in PRODUCT_LABELS:
        print(f"{label} F1: {test_scores['per_type'].get(label, {}).get('f', 0.0):.3f}")
    print(f"training time: {minutes:.1f} min; model size: {directory_size(args.out) / 1e6:.2f} MB")
    print(f"throughput on 1 core (tokenizer + tok2vec + ner): {speed:,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
