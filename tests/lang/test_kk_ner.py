"""The shipped Kazakh NER loads from package data and finds people and organisations."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.lang.kk.ner import kk_entities, load_kk_ner, pipe_kk_entities

# (text, the person named in it)
_CASES = (
    (
        "Астана қаласында «Жасыл әлем» қоғамдық қорының төрағасы Мұрат Сейітов "
        "жастармен кездесу өткізді.",
        "Мұрат Сейітов",
    ),
    (
        "Кеше Алматыда «Ашық қоғам» қауымдастығының директоры Гүлнар Тәжібаева "
        "жаңа жобаны таныстырды.",
        "Гүлнар Тәжібаева",
    ),
)
_TEXTS = tuple(text for text, _ in _CASES)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any attempt to open a socket while the model loads."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the Kazakh NER tried to use the network")

    load_kk_ner.cache_clear()
    monkeypatch.setattr(socket.socket, "connect", refuse)
    yield
    load_kk_ner.cache_clear()


def test_model_loads_offline_with_its_components(no_network: None) -> None:
    nlp = load_kk_ner()
    assert nlp.lang == "kk"
    assert nlp.pipe_names == ["kk_sentencizer", "tok2vec", "ner", "kk_quoted_organisations"]
    assert {"PERSON", "ORGANISATION"} <= set(nlp.get_pipe("ner").labels)


def test_loading_is_cached() -> None:
    assert load_kk_ner() is load_kk_ner()


@pytest.mark.parametrize(("text", "person"), _CASES)
def test_finds_a_person_and_an_organisation(text: str, person: str) -> None:
    spans = kk_entities(text)
    found = {(text[start:end], label) for start, end, label in spans}
    assert (person, "PERSON") in found
    assert any(label == "ORGANISATION" for _, label in found)


def test_the_statistical_model_alone_finds_an_organisation() -> None:
    text = "Білім министрлігі мен Біріккен Ұлттар Ұйымы өкілдері Талдықорғанда кездесті."
    with load_kk_ner().select_pipes(disable=["kk_quoted_organisations"]):
        doc = load_kk_ner()(text)
    assert any(ent.label_ == "ORGANISATION" for ent in doc.ents)
    assert any(ent.label_ == "GPE" and ent.text.startswith("Талдықорған") for ent in doc.ents)


def test_sentences_are_set() -> None:
    doc = load_kk_ner()("Ержан келді. Айжан кетті.")
    assert len(list(doc.sents)) == 2


def test_spans_are_ordered_and_inside_the_text() -> None:
    for text, spans in zip(_TEXTS, pipe_kk_entities(_TEXTS), strict=True):
        assert spans == sorted(spans)
        assert all(0 <= start < end <= len(text) for start, end, _ in spans)
        assert all(text[start:end].strip() == text[start:end] for start, end, _ in spans)


def test_pipe_is_lazy_and_matches_single_calls() -> None:
    results = pipe_kk_entities(iter(_TEXTS))
    assert next(results) == kk_entities(_TEXTS[0])
    assert next(results) == kk_entities(_TEXTS[1])


@pytest.fixture(scope="module")
def rule() -> Language:
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_quoted_organisations")
    return nlp


def _tagged(nlp: Language, text: str, ents: list[str]) -> Doc:
    words = [token.text for token in nlp.make_doc(text)]
    return Doc(nlp.vocab, words=words, ents=ents)


def test_rule_relabels_a_quoted_name_before_an_organisation_word(rule: Language) -> None:
    doc = _tagged(
        rule, "«Таза өзен» қоғамдық бірлестігі", ["O", "B-PROJECT", "I-PROJECT"] + ["O"] * 3
    )
    doc = rule.get_pipe("kk_quoted_organisations")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Таза өзен", "ORGANISATION")]


def test_rule_adds_a_missed_name_before_an_acronym(rule: Language) -> None:
    doc = _tagged(rule, "«Береке» ЖШС", ["O"] * 4)
    doc = rule.get_pipe("kk_quoted_organisations")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Береке", "ORGANISATION")]


def test_rule_leaves_other_quoted_names_and_positions_alone(rule: Language) -> None:
    component = rule.get_pipe("kk_quoted_organisations")
    project = _tagged(rule, "«Жарқын жол» бағдарламасы", ["O", "B-PROJECT", "I-PROJECT", "O", "O"])
    assert [e.label_ for e in component(project).ents] == ["PROJECT"]
    position = _tagged(rule, "«Көк аспан» қорының директоры", ["B-POSITION"] + ["I-POSITION"] * 5)
    assert [e.label_ for e in component(position).ents] == ["POSITION"]


def test_rule_knows_every_head_noun_of_the_kazakh_lexicon(rule: Language) -> None:
    # "авиакомпания" is in the organisation lexicon; the rule reads the same list
    doc = _tagged(rule, "«Көкжиек» авиакомпаниясының", ["O"] * 4)
    doc = rule.get_pipe("kk_quoted_organisations")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Көкжиек", "ORGANISATION")]
