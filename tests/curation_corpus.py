"""A made-up corpus for the curation loop's end-to-end tests: one alliance under two
names (two nodes until an analyst merges them) and two people who are not one."""

from __future__ import annotations

from pathlib import Path

ARTICLES: dict[str, str] = {
    "en/alliance-memo.txt": (
        "Steppe Water Alliance signed a memorandum with Ministry of Rivers in 2024.\n\n"
        "Aruzhan Temirova is the director of Steppe Water Alliance.\n"
    ),
    "en/alliance-forum.txt": (
        "The Steppe Water Alliance of Kazakhstan held a forum in Astana.\n\n"
        "Aruzhan Temirova, director of the Steppe Water Alliance of Kazakhstan, "
        "spoke at the forum.\n"
    ),
    "en/lake.txt": "Nurlan Beisenov is the chairman of Blue Lake Foundation.\n",
}
#: The alliance's two names, each a node of its own before the merge.
SHORT, LONG = "Steppe Water Alliance", "Steppe Water Alliance of Kazakhstan"
#: Two people, to be marked distinct.
ARUZHAN, NURLAN = "Aruzhan Temirova", "Nurlan Beisenov"


def write_corpus(folder: Path) -> Path:
    """The articles written under ``folder``, which is returned."""
    for name, text in ARTICLES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder
