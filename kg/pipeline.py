"""The lazy article pipeline: articles -> extractions -> resolved results.

``Pipeline.pipe`` is a generator chain like spaCy's ``Language.pipe``: nothing runs
until the caller iterates, and it holds one batch of articles at a time. (A build then
keeps every result, because linking compares all of them.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from itertools import islice
from typing import TypeVar

from kg.errors import ExtractionError, KGError
from kg.extractors import Extractor, extractor_specs, extractors_for, load_extractor
from kg.extractors.relations import NAME as RELATIONS
from kg.extractors.relations import RelationModel, relate
from kg.model import (
    Article,
    ArticleResult,
    Claim,
    Extraction,
    Mention,
    Problem,
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

    def __getstate__(self) -> dict[str, object]:
        # A pipeline travels to worker processes (``kg build --jobs``) as its settings;
        # each worker loads the models itself.
        return {**self.__dict__, "_loaded": {}}

    @property
    def languages(self) -> dict[str, tuple[str, ...]]:
        """The extractors each language runs, by name."""
        return dict(self._names)

    @property
    def relations(self) -> bool:
        """Whether the relation stage runs after the extractors."""
        return self._relations

    @property
    def relation_model(self) -> RelationModel | None:
        """The relation stage's model when one was given (None: the shipped one)."""
        return self._relation_model

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

    def pipe(
        self,
        articles: Iterable[Article],
        *,
        on_problem: Callable[[Problem], None] | None = None,
        strict: bool = False,
    ) -> Iterator[ArticleResult]:
        """Lazily extract and resolve each article, yielding results in input order.

        An article that an extractor (or the relation stage) fails on is skipped and
        reported to ``on_problem`` naming its file; with ``strict`` it raises
        ``ExtractionError`` instead. One bad article never costs the others.
        """
        guard = _Guard(on_problem, strict)
        for extraction, names in self._extract(articles, guard):
            if self._relations:
                related = guard.run(
                    RELATIONS, extraction.article, relate, extraction, self._relation_model
                )
                if related is None:
                    continue
                extraction, names = related, (*names, RELATIONS)
            yield resolve(extraction, names)

    def extract(
        self, articles: Iterable[Article], *, on_problem: Callable[[Problem], None] | None = None
    ) -> Iterator[Extraction]:
        """Lazily run the extractors alone: merged mentions and rule claims per article."""
        for extraction, _ in self._extract(articles, _Guard(on_problem, strict=False)):
            yield extraction

    def _extract(
        self, articles: Iterable[Article], guard: _Guard
    ) -> Iterator[tuple[Extraction, tuple[str, ...]]]:
        iterator = iter(articles)
        while batch := list(islice(iterator, BATCH_SIZE)):
            yield from self._extract_batch(batch, guard)

    def _extract_batch(
        self, batch: list[Article], guard: _Guard
    ) -> Iterator[tuple[Extraction, tuple[str, ...]]]:
        found: dict[int, list[tuple[str, Extraction]]] = defaultdict(list)
        failed: set[int] = set()
        by_lang: dict[str, list[int]] = defaultdict(list)
        for position, article in enumerate(batch):
            by_lang[article.lang].append(position)
        for lang, positions in sorted(by_lang.items()):
            for name in self._names.get(lang, ()):
                extractor = self._extractor(name)
                for position, extraction in zip(
                    positions,
                    guard.extract(name, extractor, [batch[p] for p in positions]),
                    strict=True,
                ):
                    if extraction is None:
                        failed.add(position)
                    else:
                        found[position].append((name, extraction))
        for position, article in enumerate(batch):
            if position in failed:
                continue
            names = tuple(name for name, _ in found[position])
            yield merge_extractions(article, [ex for _, ex in found[position]]), names


T = TypeVar("T")


class _Guard:
    """Turns a failure on one article into a ``Problem`` for that article alone."""

    def __init__(self, on_problem: Callable[[Problem], None] | None, strict: bool) -> None:
        self._on_problem = on_problem
        self._strict = strict

    def extract(
        self, name: str, extractor: Extractor, articles: list[Article]
    ) -> list[Extraction | None]:
        """The extractor over the batch; if the batch fails, article by article."""
        try:
            return list(extractor.pipe(articles))
        except KGError:
            raise  # a stage that cannot run at all (a missing model) says so once
        except Exception:  # re-run one by one to find the article and report it
            return [
                self.run(name, a, lambda x: next(iter(extractor.pipe([x]))), a) for a in articles
            ]

    def run(self, stage: str, article: Article, step: Callable[..., T], *args: object) -> T | None:
        """``step(*args)``, or None (reported) when it raises on ``article``."""
        try:
            return step(*args)
        except KGError:
            raise
        except Exception as exc:  # any bug in a stage must cost this article only
            path, _, line = article.source_path.partition("#L")
            message = f"{stage} failed on this article ({type(exc).__name__}: {exc}); skipped"
            problem = Problem(path, message, int(line) if line.isdigit() else None)
            if self._strict:
                raise ExtractionError(str(problem)) from exc
            if self._on_problem is not None:
                self._on_problem(problem)
            return None


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
    return claim if offset == 0 else claim.shifted(offset)


@cache
def default_pipeline() -> Pipeline:
    """One shared pipeline with every registered extractor, loaded on first use."""
    return Pipeline()


def process_article(article: Article, pipeline: Pipeline | None = None) -> ArticleResult:
    """Extract and resolve a single article (convenient for evaluation and notebooks).

    Raises ``ExtractionError`` naming the article's file when a stage fails on it.
    """
    return next((pipeline or default_pipeline()).pipe([article], strict=True))
