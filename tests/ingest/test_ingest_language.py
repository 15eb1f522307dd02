"""Offline language detection: script, Kazakh letters and function words."""

from __future__ import annotations

import pytest

from kg.ingest import detect_language
from kg.ingest.language import valid_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Бүгін Астанада азаматтық қоғам өкілдерінің кездесуі өтті.", "kk"),
        ("Сегодня в Астане прошла встреча представителей гражданского общества.", "ru"),
        ("A meeting of civil society representatives took place in Astana today.", "en"),
        # a Russian sentence that names a Kazakh foundation
        ("Фонд «Қамқор жүрек» провёл благотворительный марафон в Таразе.", "ru"),
        # a Kazakh sentence full of Russian loanwords
        ("Форум модераторы конференцияның регламентін түсіндірді.", "kk"),
        ("Форум өтті", "kk"),
        ("Форум прошёл", "ru"),
        ("Қазақстан", "kk"),
        ("Civil forum in Astana", "en"),
        ("The Qazaq Youth Network hosted a forum", "en"),
        ("Jastar forumy Astanada ötti, qatysuşylar köp boldy.", "kk"),
        ("Die Stiftung und der Verein haben heute einen Vertrag unterschrieben", "und"),
        ("2024 — 15:30", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("tag", "lang"),
    [("kk", "kk"), ("kk-KZ", "kk"), ("RU", "ru"), ("en_GB", "en"), ("kz", "kk"), ("de", None)],
)
def test_declared_language_tags(tag: str, lang: str | None) -> None:
    assert valid_language(tag) == lang


def test_non_string_tag_is_not_a_language() -> None:
    assert valid_language(7) is None
