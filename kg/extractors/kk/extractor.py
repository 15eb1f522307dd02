"""``KazakhRuleExtractor``: the ``kk.rules`` plug-in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.model import Article, Extraction

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.extractors.kk.fallback import ModelFallback
    from kg.extractors.kk.latin_script import LatinArticle

NAME = "kk.rules"


class KazakhRuleExtractor:
    """Finds people, organisations, positions, agreements and events in Kazakh articles."""

    name = NAME

    def __init__(self, batch_size: int = 32, use_model: bool = True) -> None:
        self._nlp: Language | None = None
        self._batch_size = batch_size
        self._use_model = use_model
        self._fallback: ModelFallback | None = None

    @property
    def nlp(self) -> Language:
        """The rule pipeline, built on first use and kept for this extractor's life."""
        if self._nlp is None:
            from kg.extractors.kk.pipeline import build_pipeline

            self._nlp = build_pipeline()
        return self._nlp

    @property
    def fallback(self) -> ModelFallback | None:
        """The statistical NER for sentences the rules leave undecided; None when turned off."""
        if self._fallback is None and self._use_model:
            from kg.extractors.kk.fallback import ModelFallback

            # builds no model yet: it is loaded when a sentence first needs it
            self._fallback = ModelFallback()
        return self._fallback

    def pipe(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract from each article, in order and lazily: a batch of articles at a time."""
        from kg.extractors.kk.latin_script import LatinArticle

        # A Latin-script article is read as its Cyrillic twin and put back afterwards.
        twins = ((a, LatinArticle.of(a)) for a in articles)
        stream = ((t.cyrillic.text if t else a.text, (a, t)) for a, t in twins)
        fallback = self.fallback
        batch: list[tuple[Doc, tuple[Article, LatinArticle | None]]] = []
        docs = self.nlp.pipe(stream, as_tuples=True, batch_size=self._batch_size)
        for item in docs:
            batch.append(item)
            if len(batch) < self._batch_size:
                continue
            yield from self._finish(batch, fallback)
            batch = []
        yield from self._finish(batch, fallback)

    @staticmethod
    def _finish(
        batch: list[tuple[Doc, tuple[Article, LatinArticle | None]]],
        fallback: ModelFallback | None,
    ) -> Iterator[Extraction]:
        """A batch's extractions, the model run once for all its articles."""
        from kg.extractors.kk.assemble import assemble

        if fallback is not None:
            fallback.apply_all([doc for doc, _ in batch])
        for doc, (article, twin) in batch:
            if twin is None:
                yield assemble(doc, article)
            else:
                yield twin.restore(assemble(doc, twin.cyrillic))

    def extract(self, article: Article) -> Extraction:
        """One article's mentions and claims."""
        return next(self.pipe([article]))
