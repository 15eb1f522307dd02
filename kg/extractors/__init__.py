"""Extractors: named plug-ins that turn an ``Article`` into an ``Extraction``.

Built-in extractors are listed here by name and imported on first use; third-party
packages add their own through the ``civkg.extractors`` entry-point group. Any number
of extractors may serve one language: the pipeline runs all of them and merges.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from kg.errors import ExtractionError, UnknownPluginError
from kg.model import Article, Extraction


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
        target="kg.extractors.kazakh:KazakhRuleExtractor",
        description="Kazakh rules: positions, organisation heads, appositions, memoranda",
    ),
    ExtractorSpec(
        name="ru.natasha",
        languages=("ru",),
        target="kg.extractors.russian:RussianExtractor",
        description="Russian: natasha NER and morphology, pymorphy3 nominatives, role rules",
    ),
    ExtractorSpec(
        name="en.rules",
        languages=("en",),
        target="kg.extractors.english:EnglishExtractor",
        description="English rules: capitalised names, organisation heads, titles, MoUs",
    ),
)


@cache
def _specs() -> dict[str, ExtractorSpec]:
    specs = {spec.name: spec for spec in _BUILTIN}
    for entry in entry_points(group="civkg.extractors"):
        spec = entry.load()
        if isinstance(spec, ExtractorSpec):
            specs[spec.name] = spec
    return specs


def extractor_specs() -> list[ExtractorSpec]:
    """All registered extractors, sorted by name."""
    return [spec for _, spec in sorted(_specs().items())]


def extractors_for(lang: str) -> list[str]:
    """Names of the registered extractors that serve ``lang``, sorted."""
    return [spec.name for spec in extractor_specs() if lang in spec.languages]


def load_extractor(name: str) -> Extractor:
    """Instantiate the extractor registered as ``name``."""
    spec = _specs().get(name)
    if spec is None:
        raise UnknownPluginError("extractor", name, list(_specs()))
    module_name, _, attr = spec.target.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ExtractionError(f"extractor {name!r} could not be loaded: {exc}") from exc
    extractor = factory()
    if not isinstance(extractor, Extractor):
        raise ExtractionError(f"extractor {name!r} does not implement Extractor.pipe")
    return extractor
