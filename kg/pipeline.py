"""The lazy article pipeline: articles -> extractions -> resolved results.

``Pipeline.pipe`` is a generator chain like spaCy's ``Language.pipe``: nothing runs
until the caller iterates, and memory holds one batch of articles at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cache
from itertools import islice

from kg.extractors import Extractor, extractor_specs, extractors_for, load_extractor
from kg.extractors.relations import NAME as RELATIONS
from kg.extractors.relations import RelationModel, relate
from kg.model import (
    AgreementClaim,
    Article,
    ArticleResult,
    Claim,
    Extraction,
    Mention,
    ParticipationClaim,
    RoleClaim,
)
from kg.resolve import resolve

#: Articles handed to each extractor at once: large enough for batched models
#: (natasha, spaCy) to pay off, small enough that memory stays flat.
BATCH_SIZE = 32


class Pipeline:
    """Runs every extractor registered for an article's language, then resolution."""

    def __init__(
        self,
        extractors: Mapping[str, Sequence[str]] | None = None,
        *,
        relations: bool = True,
        relation_model: RelationModel | None = None,
    ) -> None:
        """``extractors`` maps a language to extractor names; default: the registry's.

        ``relations`` runs the language-neutral relation stage after the extractors,
        with ``relation_model`` (default: the shipped one).
        """
        self._relations = relations
        self._relation_model = relation_model
        if extractors is None:
            languages = sorted({lang for spec in extractor_specs() for lang in spec.languages})
            extractors = {lang: extractors_for(lang) for lang in languages}
        self._names: dict[str, tuple[str, ...]] = {
            lang: tuple(names) for lang, names in extractors.items()
        }
        self._loaded: dict[str, Extractor] = {}

    @property
    def extractor_names(self) -> tuple[str, ...]:
        """Every extractor this pipeline may run (and the relation stage), sorted."""
        names = {name for names in self._names.values() for name in names}
        if self._relations:
            names.add(RELATIONS)
        return tuple(sorted(names))

    def _extractor(self, name: str) -> Extractor:
        if name not in self._loaded:
            self._loaded[name] = load_extractor(name)
        return self._loaded[name]

    def pipe(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Lazily extract and resolve each article, yielding results in input order."""
        for extraction, names in self._extract(articles):
            if self._relations:
                extraction = relate(extraction, self._relation_model)
                names = (*names, RELATIONS)
            yield resolve(extraction, names)

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Lazily run the extractors alone: merged mentions and rule claims per article."""
        for extraction, _ in self._extract(articles):
            yield extraction

    def _extract(self, articles: Iterable[Article]) -> Iterator[tuple[Extraction, tuple[str, ...]]]:
        iterator = iter(articles)
        while batch := list(islice(iterator, BATCH_SIZE)):
            yield from self._extract_batch(batch)

    def _extract_batch(self, batch: list[Article]) -> Iterator[tuple[Extraction, tuple[str, ...]]]:
        found: dict[int, list[tuple[str, Extraction]]] = defaultdict(list)
        by_lang: dict[str, list[int]] = defaultdict(list)
        for position, article in enumerate(batch):
            by_lang[article.lang].append(position)
        for lang, positions in sorted(by_lang.items()):
            for name in self._names.get(lang, ()):
                extractor = self._extractor(name)
                extractions = extractor.pipe(batch[p] for p in positions)
                for position, extraction in zip(positions, extractions, strict=True):
                    found[position].append((name, extraction))
        for position, article in enumerate(batch):
            names = tuple(name for name, _ in found[position])
            yield merge_extractions(article, [ex for _, ex in found[position]]), names


def merge_extractions(article: Article, extractions: Sequence[Extraction]) -> Extraction:
    """Concatenate several extractors' findings, re-pointing claims at merged mentions."""
    mentions: list[Mention] = []
    claims: list[Claim] = []
    for extraction in extractions:
        offset = len(mentions)
        mentions.extend(extraction.mentions)
        claims.extend(_shift(claim, offset) for claim in extraction.claims)
    return Extraction(article=article, mentions=tuple(mentions), claims=tuple(claims))


def _shift(claim: Claim, offset: int) -> Claim:
    if offset == 0:
        return claim
    if isinstance(claim, RoleClaim):
        return replace(
            claim, person=claim.person + offset, organisation=claim.organisation + offset
        )
    if isinstance(claim, AgreementClaim):
        return replace(claim, parties=tuple(p + offset for p in claim.parties))
    assert isinstance(claim, ParticipationClaim)
    return replace(claim, participant=claim.participant + offset, event=claim.event + offset)


@cache
def default_pipeline() -> Pipeline:
    """One shared pipeline with every registered extractor, loaded on first use."""
    return Pipeline()


def process_article(article: Article, pipeline: Pipeline | None = None) -> ArticleResult:
    """Extract and resolve a single article (convenient for evaluation and notebooks)."""
    return next((pipeline or default_pipeline()).pipe([article]))
