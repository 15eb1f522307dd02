"""natasha's morphology and NER taggers run on the words the segmenter already found.

``Doc.tag_ner`` hands slovnet the whole text, which tokenizes it again with razdel (the
same tokenizer, so the same words) and decodes the best tags with a CRF written for
padded batches: a dozen numpy calls per word. Both taggers also work out each word's
vocabulary and shape ids and their vectors anew on every sentence. Here the same
models get the same arrays (the morphology tagger's sentences in the same batches of
its ``batch_size``, an article's words as one unpadded NER sequence), the ids and word
vectors are kept per word, and the NER path is decoded by the same sums in fewer
calls: the tags and spans are those ``Doc.tag_morph`` and ``Doc.tag_ner`` give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

#: A word's part of speech and features ("NOUN", {"Case": "Gen", "Number": "Sing"}).
MorphTag = tuple[str, Mapping[str, str]]

_WORDS_KEPT = 1 << 16
# A word vector is 300 floats (1.2 KB): a tagger keeps this many, then starts afresh.
_VECTORS_KEPT = 1 << 13


class Model:
    """A slovnet tagging model whose word vectors are kept per word id.

    navec decodes each word's vector from its quantised codes on every call (a hundred
    lookups a word); a kept vector is the same floats, so the model sees the same input.
    """

    def __init__(self, model: Any) -> None:
        self._model = model
        self._vectors: dict[int, npt.NDArray[Any]] = {}

    def __call__(self, batch: Any) -> npt.NDArray[Any]:
        """The model's scores for a batch (``Tag.__call__`` with the word vectors kept)."""
        model = self._model
        words = self._words(batch.word_id)
        embedded = np.concatenate((words, model.emb.shape(batch.shape_id)), axis=-1)
        return model.head(model.encoder(embedded, batch.pad_mask))  # type: ignore[no-any-return]

    def _words(self, word_id: npt.NDArray[Any]) -> npt.NDArray[Any]:
        navec = self._model.emb.word
        vectors = self._vectors
        ids = word_id.ravel().tolist()
        if not ids:
            return navec(word_id)  # type: ignore[no-any-return]
        missing = [i for i in dict.fromkeys(ids) if i not in vectors]
        if len(vectors) + len(missing) > _VECTORS_KEPT:
            vectors.clear()
            missing = list(dict.fromkeys(ids))
        if missing:
            vectors.update(zip(missing, navec(np.array(missing)), strict=True))
        return np.stack([vectors[i] for i in ids]).reshape(*word_id.shape, navec.dim)


class Encoding:
    """One tagger's vocabulary and shape ids of words, worked out once per word."""

    def __init__(self, encoder: Any) -> None:
        self._encoder = encoder
        self.ids: Callable[[str], tuple[int, int]] = lru_cache(maxsize=_WORDS_KEPT)(self._ids)

    def _ids(self, word: str) -> tuple[int, int]:
        from slovnet.shape import word_shape  # type: ignore[import-untyped]

        # as slovnet's ``WordShapeEncoder.item`` encodes each word
        encoder = self._encoder
        return encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(
            word_shape(word)
        )

    def batch(self, sentences: Sequence[Sequence[str]]) -> Any:
        """The padded input arrays slovnet's encoder makes of ``sentences``."""
        items = []
        for words in sentences:
            ids = [self.ids(word) for word in words]
            items.append(([w for w, _ in ids], [s for _, s in ids]))
        return self._encoder.input(items)


class MorphTagger:
    """natasha's morphology tagger: a part of speech and features for each word."""

    def __init__(self, tagger: Any) -> None:
        self._tagger = tagger
        self._encoding = Encoding(tagger.infer.encoder)
        self._model = Model(tagger.infer.model)
        # slovnet's loader gives the tagger and its encoder one batch size: the batches
        # are the tagger's chunks of sentences, padded to their longest
        assert tagger.batch_size == tagger.infer.encoder.batch_size

    def tags(self, sentences: Sequence[Sequence[str]]) -> Iterator[list[MorphTag]]:
        """Each sentence's tags, in order (``MorphTagger.map``'s batches)."""
        infer = self._tagger.infer
        size = self._tagger.batch_size
        for first in range(0, len(sentences), size):
            chunk = sentences[first : first + size]
            batch = self._encoding.batch(chunk)
            best = infer.model.head.decode(self._model(batch))
            lengths = (~batch.pad_mask).sum(-1)
            vocab = infer.decoder.tags_vocab
            for row, length in zip(best, lengths, strict=True):
                yield [_parsed_tag(vocab.decode(tag)) for tag in row[:length]]


@lru_cache(maxsize=1 << 12)
def _parsed_tag(tag: str) -> MorphTag:
    """ "NOUN|Case=Gen|Number=Sing" as slovnet's ``parse_conll_tag`` reads it (kept per
    tag: a tagger has a few hundred; the features are read, never changed)."""
    from slovnet.conll import parse_conll_tag  # type: ignore[import-untyped]

    pos, feats = parse_conll_tag(tag)
    return pos, feats


class NERTagger:
    """natasha's NER tagger: the names an article's words make."""

    def __init__(self, tagger: Any) -> None:
        self._tagger = tagger
        self._encoding = Encoding(tagger.infer.encoder)
        self._model = Model(tagger.infer.model)

    def spans(self, text: str, words: Sequence[str]) -> list[tuple[int, int, str]]:
        """(start, stop, type) of each span in ``text``, whose razdel tokens are ``words``."""
        from slovnet.markup import BIOMarkup  # type: ignore[import-untyped]

        if not text.strip() or not words:
            return []  # natasha tags no span in a blank text
        infer = self._tagger.infer
        batch = self._encoding.batch([words])  # one article: a batch of one, no padding
        emissions = self._model(batch)[0]
        best = viterbi(emissions, infer.model.head.crf.transitions.array)
        tags = [infer.decoder.tags_vocab.decode(tag) for tag in best]
        markup = BIOMarkup.from_tuples(zip(words, tags, strict=True)).to_span(text)
        return [(span.start, span.stop, span.type) for span in markup.spans]


def viterbi(emissions: npt.NDArray[Any], transitions: npt.NDArray[Any]) -> list[int]:
    """The best tag path through one unpadded sequence's ``emissions`` (words x tags).

    slovnet's ``CRF.decode`` for a batch of one: each step adds the previous scores, the
    transitions and the word's emissions in that order, so the sums are the same floats,
    and keeps the first best previous tag (``argmax``).
    """
    tags = emissions.shape[1]
    columns = np.arange(tags)
    score = emissions[0]
    history: list[npt.NDArray[Any]] = []
    for index in range(1, emissions.shape[0]):
        step = score[:, None] + transitions + emissions[index][None, :]
        previous = step.argmax(0)
        score = step[previous, columns]
        history.append(previous)
    best = int(score.argmax())
    path = [best]
    for previous in reversed(history):
        best = int(previous[best])
        path.append(best)
    path.reverse()
    return path
