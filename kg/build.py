"""A finished build: every article's result, the problems met, and the RDF dataset."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.model import ArticleResult, BuildActivity, Problem

if TYPE_CHECKING:
    from rdflib import Dataset, Graph


@dataclass(frozen=True)
class Build:
    """What exporters receive.

    ``dataset`` holds one named graph per article (named by the article's IRI) plus the
    build activity in the default graph; ``graph`` is their union, the merged graph.
    """

    results: tuple[ArticleResult, ...]
    problems: tuple[Problem, ...]
    activity: BuildActivity
    dataset: Dataset
    graph: Graph
    base: str
    input_root: Path
    seconds: float = 0.0
