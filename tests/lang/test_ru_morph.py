"""Russian morphology: the nominative of names pymorphy3 does not know (made-up places)."""

from __future__ import annotations

import pytest

from kg.lang.ru import lexicon, morph


@pytest.mark.parametrize(
    ("phrase", "nominative"),
    [
        ("Жайыкского районного объединения", "Жайыкское районное объединение"),
        ("Жайыкской районной ассоциации", "Жайыкская районная ассоциация"),
        ("Жайыкскому районному союзу", "Жайыкский районный союз"),
        ("Жогорку Кенеша", "Жогорку Кенеша"),  # an unknown word that is no adjective stays
    ],
)
def test_an_unknown_place_adjective_takes_its_heads_nominative(
    phrase: str, nominative: str
) -> None:
    assert morph.phrase_nominative(phrase, frozenset(lexicon.ORG_HEADS)) == nominative
