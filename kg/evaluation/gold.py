"""Gold files: one hand-made ``NAME.json`` of what ``NAME.txt`` states, read and checked."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError


@dataclass(frozen=True, slots=True)
class Gold:
    """A gold file's content."""

    name: str
    lang: str
    persons: tuple[tuple[str, ...], ...]  # canonical name first, then aliases
    organisations: tuple[tuple[str, ...], ...]
    events: tuple[dict[str, Any], ...]
    affiliations: tuple[tuple[str, str, str | None], ...]
    agreements: tuple[tuple[str, frozenset[str]], ...]  # kind, parties
    ignore: tuple[str, ...] = field(default=())


def read_gold(path: Path) -> Gold:
    """Read and check one gold JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read gold file ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("lang"), str):
        raise InputError(f"{path}: gold file needs an object with a 'lang' string")
    try:

        def names(key: str) -> tuple[tuple[str, ...], ...]:
            return tuple(
                (str(e["name"]), *(str(a) for a in e.get("aliases") or ()))
                for e in data.get(key) or ()
            )

        return Gold(
            name=path.stem,
            lang=data["lang"],
            persons=names("persons"),
            organisations=names("organisations"),
            events=tuple(dict(e) for e in data.get("events") or ()),
            affiliations=tuple(
                (str(a["person"]), str(a["organisation"]), a.get("role"))
                for a in data.get("affiliations") or ()
            ),
            agreements=tuple(
                (str(a.get("kind") or "other"), frozenset(str(p) for p in a["parties"]))
                for a in data.get("agreements") or ()
            ),
            ignore=tuple(str(n) for n in data.get("ignore") or ()),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{path}: malformed gold entry ({exc!r} missing or wrong)") from exc


def gold_pairs(gold_dir: Path) -> list[tuple[Path, Path]]:
    """Every ``NAME.txt`` with a ``NAME.json`` beside it, sorted by name."""
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: not a folder of gold files")
    pairs = [(txt, txt.with_suffix(".json")) for txt in sorted(gold_dir.glob("*.txt"))]
    pairs = [(txt, js) for txt, js in pairs if js.is_file()]
    if not pairs:
        raise InputError(f"{gold_dir}: no NAME.txt with a NAME.json beside it")
    return pairs
