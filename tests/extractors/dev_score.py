"""A minimal dev-corpus scorer for the ru/en extractors, until ``kg evaluate`` lands.

Run: ``python tests/extractors/dev_score.py ../shared/corpus/dev ru``. It follows the
corpus README: predicted nodes map one-to-one onto gold entities by tolerant name
match; affiliations score as (person, organisation) pairs; agreements as party sets.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kg.extractors import load_extractor
from kg.iris import article_id, name_key
from kg.model import Agreement, Article, EntityType, Membership
from kg.resolve import resolve


def _stem(name: str) -> tuple[str, ...]:
    # Case endings differ between a gold name and a predicted surface form.
    return tuple(word[:5] for word in name_key(name).replace("-", " ").split())


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.fp += predicted - tp
        self.fn += gold - tp

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _match(predicted: dict[str, set[str]], gold: list[dict[str, object]]) -> dict[str, str]:
    """Predicted entity id -> gold name, one-to-one, exact keys before stems."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for key_of in (name_key, _stem):
        for ident, names in sorted(predicted.items()):
            if ident in mapping:
                continue
            keys = {key_of(n) for n in names}
            for entry in gold:
                gold_name = str(entry["name"])
                aliases = [gold_name, *(str(a) for a in entry.get("aliases", []))]  # type: ignore[attr-defined]
                if gold_name not in taken and keys & {key_of(a) for a in aliases}:
                    mapping[ident] = gold_name
                    taken.add(gold_name)
                    break
    return mapping


def score(gold_dir: Path, lang: str) -> dict[str, Counts]:
    """P/R/F1 counts per fact type over the ``lang-*`` files of ``gold_dir``."""
    extractor = load_extractor({"ru": "ru.natasha", "en": "en.rules"}[lang])
    counts = {k: Counts() for k in ("persons", "organisations", "affiliations", "agreements")}
    for path in sorted(gold_dir.glob(f"{lang}-*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        article = Article(id=article_id(text), text=text, lang=lang, source_path=path.name)
        result = resolve(next(extractor.pipe([article])))
        mapped: dict[str, str] = {}
        for kind, etype in (
            ("persons", EntityType.PERSON),
            ("organisations", EntityType.ORGANISATION),
        ):
            names = {
                e.id: {e.name.text, *(a.text for a in e.aliases)}
                for e in result.entities
                if e.type is etype
            }
            mapping = _match(names, gold[kind])
            mapped.update(mapping)
            counts[kind].add(len(mapping), len(names), len(gold[kind]))
        pairs = {
            (mapped.get(f.person), mapped.get(f.organisation))
            for f in result.facts
            if isinstance(f, Membership)
        }
        gold_pairs = {(a["person"], a["organisation"]) for a in gold["affiliations"]}
        counts["affiliations"].add(len(pairs & gold_pairs), len(pairs), len(gold_pairs))
        parties = {
            frozenset(mapped.get(p, p) for p in f.parties)
            for f in result.facts
            if isinstance(f, Agreement)
        }
        gold_parties = {frozenset(a["parties"]) for a in gold["agreements"]}
        counts["agreements"].add(len(parties & gold_parties), len(parties), len(gold_parties))
    return counts


def main() -> None:
    gold_dir, lang = Path(sys.argv[1]), sys.argv[2]
    started = time.perf_counter()
    counts = score(gold_dir, lang)
    seconds = time.perf_counter() - started
    for kind, c in counts.items():
        p, r, f = c.prf()
        print(f"{lang} {kind:14} P={p:.2f} R={r:.2f} F1={f:.2f}  (tp={c.tp} fp={c.fp} fn={c.fn})")
    print(f"{seconds:.2f}s including model load")


if __name__ == "__main__":
    main()
