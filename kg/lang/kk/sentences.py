"""``kk_sentencizer``: rule-based sentence boundaries that respect Kazakh abbreviations.

The stock ``sentencizer`` breaks after every full stop token and glues an opening
quote to the sentence before it. This one breaks after ``.``, ``!``, ``?`` and ``…``
(and after list-closing abbreviations such as "т.б.") only when the next word does not
start in lowercase, starts the new sentence at an opening quote or bracket, and also
breaks at line breaks, which separate headlines and paragraphs in cleaned articles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.lang.kk.tokenizer_exceptions import SENTENCE_FINAL_ABBREVIATIONS

if TYPE_CHECKING:
    from thinc.types import Ints2d

_TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "‼", "⁉", "⁈"})
_OPENERS = frozenset({"«", "„", "(", "[", "{", "‹", '"', "'"})
# “ opens a quote in “…” but closes one in „…“; _is_opener decides from context.
_AMBIGUOUS_QUOTE = "“"


def _starts_lowercase(text: str) -> bool:
    first = text[:1]
    return first.isalpha() and first.islower()


def _ends_sentence(text: str, is_space: bool, following: str) -> bool:
    if is_space:
        return "\n" in text
    if text in _TERMINALS:
        return True
    return text.lower() in SENTENCE_FINAL_ABBREVIATIONS and following[:1].isupper()


@Language.component(
    "kk_sentencizer",
    assigns=["token.is_sent_start"],
)
def kk_sentencizer(doc: Doc) -> Doc:
    """Set ``Token.is_sent_start`` on every token of ``doc``."""
    if not len(doc):
        return doc
    starts_at = [True]
    pending = False  # a sentence has ended and the next one has not started yet
    open_low_quotes = 0
    # the tokens' attributes read once: each access to a spaCy token makes new objects
    tokens = list(doc)
    texts = [token.text for token in tokens]
    spaces = [token.is_space for token in tokens]
    puncts = [token.is_punct for token in tokens]
    for i in range(1, len(texts)):
        prev, text = texts[i - 1], texts[i]
        if prev == "„":
            open_low_quotes += 1
        elif prev == _AMBIGUOUS_QUOTE and open_low_quotes:
            open_low_quotes -= 1
        if not pending and _ends_sentence(prev, spaces[i - 1], text):
            pending = True
        starts = False
        if pending and not spaces[i]:
            if _starts_lowercase(text):
                pending = False
            elif (
                text in _OPENERS
                or (text == _AMBIGUOUS_QUOTE and not open_low_quotes)
                or not (puncts[i] or text in _TERMINALS)
            ):
                starts = True
            # closing quotes, brackets and repeated marks stay with the sentence they end
        if starts:
            pending = False
        starts_at.append(starts)
    # one array write: setting ``Token.is_sent_start`` one by one checks the whole
    # document's annotation each time, quadratic in the document's length
    signed = numpy.array([[1 if start else -1] for start in starts_at], dtype="int64")
    doc.from_array([SENT_START], cast("Ints2d", signed.astype("uint64")))
    return doc
