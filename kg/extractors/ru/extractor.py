"""The ``ru.natasha`` extractor: tag each article once, then apply the sentence rules."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator

from kg.extractors.common import ExtractionBuilder, Span, sentence_spans
from kg.extractors.ru.agreements import headline_agreements
from kg.extractors.ru.persons import name_surnames
from kg.extractors.ru.sentence import Sentence
from kg.extractors.ru.tokens import NAME, Tagger
from kg.extractors.ru.unify import unify_names
from kg.model import AgreementKind, Article, Extraction


class RussianExtractor:
    """Finds people, organisations, roles and agreements in Russian articles."""

    name = NAME

    def __init__(self) -> None:
        self._tagger = Tagger()

    def pipe(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract from each article in order."""
        for article in articles:
            yield self.extract(article)

    def extract(self, article: Article) -> Extraction:
        """One article's mentions and claims."""
        tokens = self._tagger.tokens(article.text)
        builder = ExtractionBuilder(article, NAME)
        people: list[Span] = []
        aliases: dict[str, str] = {}  # an acronym in brackets -> the name before it
        recent: list[Span] = []  # the organisations of the last sentence
        said: list[AgreementKind] = []  # the kind of agreement last said signed
        starts = [t.start for t in tokens]
        for sentence in sentence_spans(article.text):
            first = bisect_left(starts, sentence[0])
            last = bisect_left(starts, sentence[1])
            inside = [t for t in tokens[first:last] if t.end <= sentence[1]]
            Sentence(article.text, inside, sentence, builder, people, aliases, recent, said).run()
        for sentence in sentence_spans(article.text):
            # a headline in capitals names its parties as the text below it does
            headline_agreements(builder, tokens, sentence)
        name_surnames(tokens, builder, people)
        unify_names(builder, aliases)
        return builder.build()
