"""The Russian tagging shortcuts give what natasha's own calls and the plain scans give.

The sentences are made up; the names in them are invented.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from kg.extractors.ru.natasha_runs import viterbi
from kg.extractors.ru.org_forms import known_body_at
from kg.extractors.ru.tokens import Tagger, Token
from kg.lang.ru import lexicon, morph

TEXTS = [
    "Директор фонда «Зелёная Дубрава» Арман Келдибеков встретился с главой "
    "Программы развития ООН в Караганде.",
    "Представители Детского фонда Организации Объединенных Наций и акимата города "
    "Жанатас подписали меморандум о сотрудничестве.\nВ Костанае прошёл форум.",
    "КАЗИНФОРМ – Общественное объединение «Шуақты Жол» провело встречу. Её открыл "
    "председатель правления Ерлан Досымбетов.",
    "Итоги",
    "",
    "   \n  ",
]


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


def _natasha(tagger: Tagger, text: str) -> tuple[list[tuple[Any, Any]], list[tuple[Any, ...]]]:
    """natasha's own tags and spans of ``text``, by ``Doc``."""
    from natasha import Doc  # type: ignore[import-untyped]

    segmenter, morph_tagger, ner_tagger = tagger._load()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger._tagger)
    doc.tag_ner(ner_tagger._tagger)
    tags = [(t.pos, t.feats) for t in doc.tokens]
    return tags, [(s.start, s.stop, s.type) for s in doc.spans or []]


@pytest.mark.parametrize("text", TEXTS)
def test_tags_and_spans_are_natashas(tagger: Tagger, text: str) -> None:
    from natasha import Doc

    segmenter, morph_tagger, ner_tagger = tagger._load()
    doc = Doc(text)
    doc.segment(segmenter)
    sentences = [[t.text for t in sent.tokens] for sent in doc.sents or []]
    tags = [(pos, dict(feats)) for row in morph_tagger.tags(sentences) for pos, feats in row]
    spans = ner_tagger.spans(text, [t.text for t in doc.tokens])
    assert (tags, spans) == _natasha(tagger, text)


def test_viterbi_is_slovnets_decode() -> None:
    """The one-sequence Viterbi picks slovnet's path, ties included (small integers)."""
    from slovnet.exec.model import CRF, Weight  # type: ignore[import-untyped]

    rng = np.random.default_rng(7)
    for words, tags in [(1, 5), (2, 3), (17, 9), (60, 7)]:
        for values in (rng.normal(size=(words, tags)), rng.integers(0, 3, size=(words, tags))):
            emissions = values.astype(np.float32)
            transitions = rng.integers(-2, 2, size=(tags, tags)).astype(np.float32)
            crf = CRF(Weight(transitions.shape, "float32", transitions))
            mask = np.ones((1, words), dtype=bool)
            (expected,) = crf.decode(emissions[None], mask)
            assert viterbi(emissions, transitions) == [int(t) for t in expected]


def _scanned(tokens: list[Token], first: int) -> tuple[int, str] | None:
    """The known body at ``first`` by comparing every name, longest first (the old scan)."""
    known = sorted(
        (
            (tuple(morph.lemma(w).replace("ё", "е") for w in key.split()), name)
            for key, name in lexicon.KNOWN_BODIES.items()
        ),
        key=lambda item: -len(item[0]),
    )
    for lemmas, name in known:
        window = tokens[first : first + len(lemmas)]
        if len(window) == len(lemmas) and all(
            t.lemma.replace("ё", "е") == lemma for t, lemma in zip(window, lemmas, strict=True)
        ):
            return first + len(lemmas) - 1, name
    return None


@pytest.mark.parametrize("text", TEXTS)
def test_known_bodies_by_first_lemma_are_the_scans(tagger: Tagger, text: str) -> None:
    tokens = tagger.tokens(text)
    found = [known_body_at(tokens, k) for k in range(len(tokens) + 1)]
    assert found == [_scanned(tokens, k) for k in range(len(tokens) + 1)]
    if "ООН" in text or "Наций" in text:
        assert any(found)


def test_token_forms_are_worked_out_from_text_and_case(tagger: Tagger) -> None:
    tokens = tagger.tokens("Экс-председатель совета Айдос Кенжетаев выступил.")
    former = tokens[0]
    assert former.word == "председатель"
    assert former.lemma == morph.lemma("председатель", former.case)
    assert former.titled
    assert not tokens[1].titled


@pytest.mark.parametrize("text", TEXTS)
def test_segmenting_by_razdel_is_natashas_doc(tagger: Tagger, text: str) -> None:
    """razdel's tokens and sentences taken directly give the tokens ``Doc`` gave."""
    assert tagger.tokens(text) == tagger._tokens_by_doc(text)
