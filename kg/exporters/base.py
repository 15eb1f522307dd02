"""What every exporter shares: its input (``Build``), the protocol, atomic file writing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kg.model import Article, ArticleResult, BuildActivity, Problem

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

    from kg.duplicates import DuplicateGroup
    from kg.graph.quadstore import GraphStore
    from kg.link import Merge


@dataclass(frozen=True, slots=True)
class ArticleOutline:
    """What report.json says of one linked result: its article, the extractors that ran,
    and how many entities of each type (``EntityType`` value) and facts of each kind
    (class name) it has."""

    article: Article
    extractors: tuple[str, ...]
    entities: Mapping[str, int]
    facts: Mapping[str, int]

    @classmethod
    def of(cls, result: ArticleResult) -> ArticleOutline:
        """The outline of a linked ``result``."""
        entities: dict[str, int] = {}
        for entity in result.entities:
            entities[entity.type.value] = entities.get(entity.type.value, 0) + 1
        facts: dict[str, int] = {}
        for fact in result.facts:
            facts[type(fact).__name__] = facts.get(type(fact).__name__, 0) + 1
        return cls(result.article, result.extractors, entities, facts)


@dataclass(frozen=True)
class Build:
    """What exporters receive.

    ``store`` holds the quads on disk (``kg.graph.quadstore``): one named graph per
    article (named by the article's IRI), and their union, the merged graph, as its
    default graph. ``graph`` reads the merged graph through rdflib; ``dataset`` copies
    the named graphs and the build activity into an rdflib ``Dataset`` in memory.
    """

    #: in input order, read from the build's cache (when it has one) and relinked when
    #: asked for: a later build into the same folder may prune them (``GraphError``)
    results: Sequence[ArticleResult]
    problems: tuple[Problem, ...]
    activity: BuildActivity
    store: GraphStore
    base: str
    input_root: Path
    seconds: float = 0.0
    reused: int = 0  # articles whose results came from the output folder's cache
    merges: tuple[Merge, ...] = ()  # what linking made one node, and by which rule
    duplicates: tuple[DuplicateGroup, ...] = ()  # articles that report one story
    # wall seconds per stage ("extract" includes reading; then "link", "graph" and one
    # entry per exporter as it finishes): for benchmarks and the curious, never compared
    stages: dict[str, float] = field(default_factory=dict, compare=False)
    #: each result's outline, in the order of ``results`` (none: report.json reads them
    #: from the results); a rebuild makes them without reading whole results
    outlines: tuple[ArticleOutline, ...] = field(default=(), compare=False)

    @property
    def graph(self) -> Graph:
        """The merged graph, a read-only rdflib ``Graph`` answered by ``store`` (read into
        memory whole on first use: exporters read all of it)."""
        return self.store.whole_graph()

    @property
    def dataset(self) -> Dataset:
        """The named graphs and the activity as an in-memory rdflib ``Dataset``.

        Copies the whole graph into memory: for small builds, tests and notebooks.
        """
        return self.store.dataset()


class Exporter(Protocol):
    """Writes one or more output files of a build into ``out_dir``."""

    name: str
    description: str

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        """Write the files and return their paths."""
        ...


def installed(module: str) -> bool:
    """Whether ``module`` can be imported here, without importing it."""
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a module blocked or half-installed counts as absent
        return False
