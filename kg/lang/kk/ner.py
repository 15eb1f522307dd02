"""The shipped Kazakh NER: load it from package data and find entity spans in text.

The model (``kg/models/kk_ner``) is trained by ``scripts/train_kk_ner.py`` on KazNERD
and tags PERSON, ORGANISATION, POSITION, GPE, LOCATION, FACILITY, EVENT, DATE, NORP,
PROJECT and LAW. It is read from the installed package, never from the network.
KazNERD annotates a POSITION together with its organisation ("«X» компаниясының
директоры" is one POSITION span); callers that want the organisation look inside.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.errors import ExtractionError
from kg.lang.kk import lexicon, morph

if TYPE_CHECKING:
    from spacy.tokens import Token

#: ``(start_char, end_char, label)``: a named entity found in a text.
EntitySpan = tuple[int, int, str]


@cache
def load_kk_ner() -> Language:
    """The Kazakh pipeline, loaded once: sentencizer, tok2vec, ner, quoted-organisation rule."""
    import spacy

    import kg.lang.kk  # noqa: F401  (registers the "kk" language and kk_sentencizer)

    with as_file(files("kg").joinpath("models", "kk_ner")) as path:
        if not (path / "config.cfg").is_file():
            raise ExtractionError(
                f"{path}: Kazakh NER model is missing; run scripts/train_kk_ner.py"
            )
        try:
            # The tokenizer is not shipped: kg.lang.kk's current rules build it.
            nlp = spacy.load(path, exclude=["tokenizer"])
        except (OSError, ValueError) as exc:
            raise ExtractionError(f"{path}: cannot load the Kazakh NER model ({exc})") from exc
    nlp.add_pipe("kk_sentencizer", first=True)
    nlp.add_pipe("kk_quoted_organisations", after="ner")
    return nlp


def kk_entities(text: str) -> list[EntitySpan]:
    """Named entities in one Kazakh text, in order of appearance."""
    return next(pipe_kk_entities([text]))


def pipe_kk_entities(texts: Iterable[str], batch_size: int = 64) -> Iterator[list[EntitySpan]]:
    """Named entities for each text, lazily and in order; batching makes it faster."""
    nlp = load_kk_ner()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


# Words that make a quoted name before them an organisation: «Үміт» қоры, «X» ЖШС —
# every case and possessive form of the lexicon's head nouns, and its legal forms.
@cache
def _head_forms() -> frozenset[str]:
    return frozenset(
        form
        for lemma in lexicon.ORG_HEADS
        for form in morph.decline(lemma, lexicon.POSSESSIVE_OVERRIDES.get(lemma))
    )


# Adjectives that may stand between the name and the organisation word:
# «X» қоғамдық қоры, «X» халықаралық қайырымдылық қоры.
_MODIFIERS = frozenset(
    {
        "қоғамдық", "республикалық", "халықаралық", "ұлттық", "облыстық", "қалалық",
        "аудандық", "мемлекеттік", "жеке", "коммерциялық", "емес", "қайырымдылық",
        "экологиялық", "жастар", "әйелдер", "құқық", "қорғау", "білім", "беру",
    }
)  # fmt: skip
_MAX_MODIFIERS = 3
_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
_MAX_QUOTED_TOKENS = 8
# Labels the model gives quoted names by mistake; PERSON, GPE or a POSITION that
# already spans the organisation are left alone.
_REPLACEABLE = frozenset({"PROJECT", "EVENT", "FACILITY", "LAW"})


def _is_organisation_head(token: Token) -> bool:
    return token.text in lexicon.LEGAL_FORMS or token.text.lower() in _head_forms()


def _has_organisation_head(doc: Doc, index: int) -> bool:
    """Whether an organisation word follows at ``index``, maybe after a few modifiers."""
    for token in doc[index : index + 1 + _MAX_MODIFIERS]:
        if _is_organisation_head(token):
            return True
        if token.text.lower() not in _MODIFIERS:
            return False
    return False


def _quoted_names(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges inside quotes that are directly followed by an organisation word."""
    for i, token in enumerate(doc):
        closing = _QUOTE_PAIRS.get(token.text)
        if closing is None:
            continue
        for j in range(i + 1, min(i + 2 + _MAX_QUOTED_TOKENS, len(doc))):
            if doc[j].text == closing:
                if j > i + 1 and _has_organisation_head(doc, j + 1):
                    yield i + 1, j
                break


@Language.component(
    "kk_quoted_organisations",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def kk_quoted_organisations(doc: Doc) -> Doc:
    """Label a quoted name as ORGANISATION when an organisation word follows it."""
    # KazNERD tags "«X» қоры" as X = ORGANISATION, but with 18k training sentences the
    # model often calls an unfamiliar quoted name a PROJECT or misses it altogether.
    ents = list(doc.ents)
    for start, end in _quoted_names(doc):
        # entities touching the name or its quotes (not the organisation word after them)
        overlapping = [e for e in ents if e.start <= end and e.end >= start]
        if all(
            e.label_ in _REPLACEABLE and start - 1 <= e.start and e.end <= end + 1
            for e in overlapping
        ):
            ents = [e for e in ents if e not in overlapping]
            ents.append(Span(doc, start, end, label="ORGANISATION"))
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc
