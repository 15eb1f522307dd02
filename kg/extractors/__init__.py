"""Extractors: named plug-ins that turn an ``Article`` into an ``Extraction``.

Built-in extractors are listed here by name and imported on first use; third-party
packages add their own through the ``civkg.extractors`` entry-point group. Any number
of extractors may serve one language: the pipeline runs all of them and merges.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from kg.errors import ExtractionError
from kg.model import Article, Extraction
from kg.plugins import Registry


@runtime_checkable
class Extractor(Protocol):
    """Finds mentions and claims in articles of the languages it serves."""

    name: str

    def pipe(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Lazily extract from each article, in order (batching inside is allowed)."""
        ...


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """Where to find an extractor and what it serves."""

    name: str
    languages: tuple[str, ...]
    target: str  # "module:callable" returning an Extractor
    description: str


_BUILTIN: tuple[ExtractorSpec, ...] = (
    ExtractorSpec(
        name="kk.rules",
        languages=("kk",),
        target="kg.extractors.kk:KazakhRuleExtractor",
        description="Kazakh rules: positions, organisation heads, appositions, memoranda",
    ),
    ExtractorSpec(
        name="ru.natasha",
        languages=("ru",),
        target="kg.extractors.ru:RussianExtractor",
        description="Russian: natasha NER and morphology, pymorphy3 nominatives, role rules",
    ),
    ExtractorSpec(
        name="en.rules",
        languages=("en",),
        target="kg.extractors.en:EnglishExtractor",
        description="English rules: capitalised names, organisation heads, titles, MoUs",
    ),
)


REGISTRY: Registry[ExtractorSpec] = Registry(
    "extractor", _BUILTIN, "civkg.extractors", ExtractorSpec, ExtractionError
)


def extractor_specs() -> list[ExtractorSpec]:
    """All registered extractors, sorted by name."""
    return [spec for _, spec in sorted(REGISTRY.specs.items())]


def extractors_for(lang: str) -> list[str]:
    """Names of the registered extractors that serve ``lang``, sorted."""
    return [spec.name for spec in extractor_specs() if lang in spec.languages]


def load_extractor(name: str) -> Extractor:
    """Instantiate the extractor registered as ``name``."""
    extractor = REGISTRY.create(name)
    if not isinstance(extractor, Extractor):
        raise ExtractionError(f"extractor {name!r} does not implement Extractor.pipe")
    return extractor
