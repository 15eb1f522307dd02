"""A linear classifier over string features, stored as JSON inside the package.

Training (``scripts/train_relations.py``) uses scikit-learn; running needs nothing but
this file: the score is the sum of the weights of the features present, squashed by
the logistic function. Weights are rounded to six decimals when saved, so retraining
with the same data and seed writes the same bytes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import ExtractionError


@dataclass(frozen=True, slots=True)
class LinearModel:
    """``P(yes) = logistic(sum of weights of the features present)``; yes at ``threshold``."""

    weights: Mapping[str, float]
    threshold: float = 0.5

    def probability(self, features: Iterable[str]) -> float:
        total = sum(self.weights.get(feature, 0.0) for feature in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def accepts(self, features: Iterable[str]) -> bool:
        return self.probability(features) >= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {
            "threshold": round(self.threshold, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if round(v, 6)},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        return cls(weights=dict(data["weights"]), threshold=float(data["threshold"]))


@dataclass(frozen=True, slots=True)
class RelationModel:
    """The relation stage's trained model: the affiliation classifier."""

    affiliation: LinearModel
    meta: Mapping[str, Any] | None = None

    def save(self, path: Path) -> None:
        data: dict[str, Any] = {"format": 1, "affiliation": self.affiliation.to_json()}
        if self.meta is not None:
            data["meta"] = dict(self.meta)
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        path.write_text(text, encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> RelationModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                affiliation=LinearModel.from_json(data["affiliation"]),
                meta=data.get("meta"),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ExtractionError(
                f"{path}: cannot load the relation model ({exc}); "
                "rebuild it with python scripts/train_relations.py"
            ) from exc
