"""Split a gold corpus by site, so held-out scores are not flattered by shared templates.

Articles from one site share page chrome, house style and often the same people, so a
model (or a rule) tuned on some of a site's articles looks better than it is on the
rest. Every split here is by *site*: the registered domain of the gold file's ``url``
("en.inform.kz" and "www.inform.kz" are one site, "wkau.edu.kz" is its own), hashed
into a fixed number of folds. The hash is MD5 of the site name, so a split never
depends on the order of files, the machine, or Python's hash seed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlparse

#: Second-level labels under which a country domain hands out third-level names to
#: separate institutions ("wkau.edu.kz", "tnu.gov.tj").
_SHARED_SECOND_LEVEL = frozenset({"edu", "gov", "com", "org", "net", "ac", "co"})


def site_of(url: str | None, fallback: str) -> str:
    """The registered domain of ``url``; ``fallback`` (e.g. the file name) without one."""
    host = (urlparse(url).hostname or "") if url else ""
    labels = [label for label in host.lower().strip(".").split(".") if label]
    if len(labels) < 2:
        return fallback
    keep = 3 if len(labels) >= 3 and labels[-2] in _SHARED_SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def fold_of(site: str, folds: int) -> int:
    """The fold (0 .. folds-1) a site belongs to."""
    digest = hashlib.md5(site.encode("utf-8"), usedforsecurity=False).hexdigest()
    return int(digest[:8], 16) % folds


def article_sites(gold_dir: Path) -> dict[str, str]:
    """Each gold article's stem -> its site, for every ``NAME.json`` beside a ``NAME.txt``."""
    sites: dict[str, str] = {}
    for gold in sorted(gold_dir.glob("*.json")):
        if not gold.with_suffix(".txt").is_file():
            continue
        data = json.loads(gold.read_text(encoding="utf-8"))
        sites[gold.stem] = site_of(data.get("url"), gold.stem)
    return sites


def folds(gold_dir: Path, count: int) -> list[list[str]]:
    """The article stems of ``gold_dir`` in ``count`` site-disjoint folds."""
    result: list[list[str]] = [[] for _ in range(count)]
    for stem, site in article_sites(gold_dir).items():
        result[fold_of(site, count)].append(stem)
    return result


def link_subset(gold_dir: Path, stems: Iterable[str], target: Path) -> Path:
    """A folder of symbolic links to the ``stems``' text and gold files, for ``kg evaluate``."""
    target.mkdir(parents=True, exist_ok=True)
    for stem in stems:
        for suffix in (".txt", ".json"):
            link = target / f"{stem}{suffix}"
            if not link.exists():
                link.symlink_to((gold_dir / f"{stem}{suffix}").resolve())
    return target


def describe(fold_lists: Sequence[Sequence[str]]) -> str:
    """One line per fold: how many articles of each language it holds."""
    lines = []
    for number, stems in enumerate(fold_lists):
        langs = sorted({stem.split("-")[0] for stem in stems})
        counts = ", ".join(f"{lang} {sum(s.startswith(lang) for s in stems)}" for lang in langs)
        lines.append(f"fold {number}: {len(stems)} articles ({counts})")
    return "\n".join(lines)
