"""One natasha analysis per token: part of speech, case, number and NER label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.errors import ExtractionError
from kg.extractors.ru.natasha_runs import MorphTag, MorphTagger, NERTagger
from kg.lang.ru import morph

NAME = "ru.natasha"

_WORD_POS = frozenset({"NOUN", "PROPN", "ADJ", "X", "NUM"})
# "экс-председатель", "экс-директора": a former holder of the post; past positions count,
# so the word is read as the title after the prefix.
_FORMER = ("экс-", "экс‑")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    pos: str
    case: str | None  # OpenCorporA grammeme, from natasha's tagger
    ner: str | None  # PER / ORG / LOC when a natasha span covers the token
    plural: bool
    # The rules ask for these tens of times per token: they are worked out once per
    # surface form and case (``make_token``), not on each asking.
    word: str  # the text without a "экс-" prefix
    lemma: str  # ``morph.lemma`` of the word in the tagger's case
    titled: bool  # the text starts with a capital

    @property
    def inflected(self) -> bool:
        """A noun, adjective or participle with a case (not a finite verb)."""
        return self.case is not None and (self.pos in _WORD_POS or self.pos == "VERB")


def make_token(
    start: int, end: int, text: str, pos: str, case: str | None, ner: str | None, plural: bool
) -> Token:
    """A token with its word, lemma and capital worked out from its text and case."""
    word, lemma, titled = _forms(text, case)
    return Token(start, end, text, pos, case, ner, plural, word, lemma, titled)


@lru_cache(maxsize=1 << 16)
def _forms(text: str, case: str | None) -> tuple[str, str, bool]:
    """What a token's text and case alone decide, kept per surface form: articles
    repeat their words."""
    word = text[4:] if text.casefold().startswith(_FORMER) and len(text) > 6 else text
    return word, morph.lemma(word, case), text[:1].isupper()


class Tagger:
    """natasha's segmenter, morphology and NER taggers, loaded on first use."""

    def __init__(self) -> None:
        self._models: tuple[Any, MorphTagger, NERTagger] | None = None

    def _load(self) -> tuple[Any, MorphTagger, NERTagger]:
        # natasha ships its embeddings and taggers inside the wheel: loading is
        # offline but takes a second, so it happens once, on the first article.
        if self._models is None:
            try:
                from natasha import (  # type: ignore[import-untyped]
                    NewsEmbedding,
                    NewsMorphTagger,
                    NewsNERTagger,
                    Segmenter,
                )
            except ImportError as exc:
                raise ExtractionError(
                    f"{NAME}: natasha is not installed ({exc}); pip install natasha pymorphy3"
                ) from exc
            embedding = NewsEmbedding()
            self._models = (
                Segmenter(),
                MorphTagger(NewsMorphTagger(embedding)),
                NERTagger(NewsNERTagger(embedding)),
            )
        return self._models

    def tokens(self, text: str) -> list[Token]:
        """The tokens of a whole article (one natasha call each for tagging and NER)."""
        _, tagger, ner = self._load()
        words, sentences = _segmented(text)
        tags = _morph_tags(tagger, words, sentences)
        if tags is None:
            return self._tokens_by_doc(text)
        labels = _labels(text, words, ner.spans(text, [w.text for w in words]))
        return [
            _token(w.start, w.stop, w.text, pos, feats, labels.get(w.start))
            for w, (pos, feats) in zip(words, tags, strict=True)
        ]

    def _tokens_by_doc(self, text: str) -> list[Token]:
        """The tokens by natasha's ``Doc``, for a text where a token is in no sentence
        razdel found: it fails here as it always has (a token without features)."""
        from natasha import Doc

        segmenter, tagger, ner = self._load()
        doc = Doc(text)
        doc.segment(segmenter)
        sentences = [[t.text for t in sent.tokens] for sent in doc.sents]
        for sent, tags in zip(doc.sents, tagger.tags(sentences), strict=False):
            for t, (pos, feats) in zip(sent.tokens, tags, strict=False):
                t.pos, t.feats = pos, feats  # as ``Doc.tag_morph`` sets them
        labels = _labels(text, doc.tokens, ner.spans(text, [t.text for t in doc.tokens]))
        return [
            _token(t.start, t.stop, t.text, t.pos, t.feats, labels.get(t.start)) for t in doc.tokens
        ]


def _segmented(text: str) -> tuple[list[Any], list[list[Any]]]:
    """razdel's tokens of ``text`` and each sentence's tokens, as natasha's
    ``Doc.segment`` finds and gathers them (without its wrapper objects)."""
    from natasha.span import envelop_spans  # type: ignore[import-untyped]
    from razdel import sentenize, tokenize  # type: ignore[import-untyped]

    words = list(tokenize(text))
    sentences = list(sentenize(text)) if text else []  # natasha's segmenter: none if empty
    return words, list(envelop_spans(words, sentences))


def _morph_tags(
    tagger: MorphTagger, words: list[Any], sentences: list[list[Any]]
) -> list[MorphTag] | None:
    """Each word's tag, None when a word is in no sentence (natasha leaves it untagged)."""
    texts = [[w.text for w in sentence] for sentence in sentences]
    by_start: dict[int, MorphTag] = {}
    for sentence, tags in zip(sentences, tagger.tags(texts), strict=False):
        for word, tag in zip(sentence, tags, strict=False):
            by_start[word.start] = tag
    if len(by_start) != len(words):
        return None
    return [by_start[w.start] for w in words]


def _token(start: int, stop: int, text: str, pos: Any, feats: Any, ner: str | None) -> Token:
    case = morph.UD_CASES.get(feats.get("Case", ""))
    # natasha calls a singular noun plural beside a list ("между акиматом ... и
    # фондом"): a form without the plural's ending is not
    plural = feats.get("Number") == "Plur" and morph.may_be_plural(text, case)
    return make_token(start, stop, text, pos, case, ner, plural)


def _labels(text: str, tokens: Sequence[Any], spans: list[tuple[int, int, str]]) -> dict[int, str]:
    """The NER label of each token a span covers, by the token's start (the tokens of a
    span as natasha's ``Doc`` gathers them)."""
    from natasha.span import envelop_spans

    labels: dict[int, str] = {}
    envelopes = [_Bounds(start, stop) for start, stop, _ in spans]
    for (start, stop, kind), covered in zip(spans, envelop_spans(tokens, envelopes), strict=True):
        # a span natasha ran over a line break (a headline without a full stop, "... и
        # НКО\nВ Костанае") names nothing past it
        broken = text.find("\n", start, stop)
        for token in covered:
            if broken < 0 or token.start < broken:
                labels[token.start] = kind
    return labels


@dataclass(frozen=True, slots=True)
class _Bounds:
    """Where a span is, as ``envelop_spans`` reads it."""

    start: int
    stop: int
