"""natasha's NER tagger run on the words the segmenter already found.

``Doc.tag_ner`` hands slovnet the whole text, which tokenizes it again with razdel (the
same tokenizer, so the same words) and decodes the best tags with a CRF written for
padded batches: a dozen numpy calls per word. An article is one unpadded sequence, so
the same model is run here on the segmenter's words and decoded by the same sums in
fewer calls: the spans are those ``Doc.tag_ner`` finds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt


def ner_spans(tagger: Any, text: str, words: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, stop, type) of each span natasha's ``tagger`` finds in ``text``, whose
    razdel tokens are ``words``."""
    from slovnet.markup import BIOMarkup  # type: ignore[import-untyped]

    if not text.strip() or not words:
        return []  # natasha tags no span in a blank text
    infer = tagger.infer
    (batch,) = infer.encoder([list(words)])  # one article: one batch of one, no padding
    emissions = infer.model(batch.word_id, batch.shape_id, batch.pad_mask)[0]
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
