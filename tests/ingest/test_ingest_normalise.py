"""Unicode normalisation of article text."""

from __future__ import annotations

import unicodedata

import pytest

from kg.ingest.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Азаматтық\u00a0\u00a0форум", "Азаматтық форум"),
        ("қоғам\u2009\u202fжәне\tмемлекет", "қоғам және мемлекет"),
        ("ұйым\u00adдастыру", "ұйымдастыру"),
        ("мемлекеттiк", "мемлекеттік"),  # Latin i in a Kazakh word
        ("IСШАРА", "ІСШАРА"),
        ("cәуір", "сәуір"),  # Latin c
        ("Aлматы", "Алматы"),  # Latin A
        ("əлеуметтік", "әлеуметтік"),  # Latin schwa
        ("встретился c председателем", "встретился с председателем"),  # lone Latin c
        ("Nur Otan партиясы", "Nur Otan партиясы"),  # a real Latin name stays
        ("iPhone-ға", "iPhone-ға"),
        ("Kazakhстан", "Kazakhстан"),  # Latin letters without Cyrillic twins: left alone
        ("бір\r\nекі\rүш", "бір\nекі\nүш"),
        ("бір\n\n\n\nекі", "бір\n\nекі"),
        ("  бір   екі  \n  үш ", "бір екі\nүш"),
    ],
)
def test_normalise(raw: str, clean: str) -> None:
    assert normalise(raw) == clean


def test_decomposed_letters_are_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Йошкар-Ола ёлка")
    assert decomposed != "Йошкар-Ола ёлка"
    assert normalise(decomposed) == "Йошкар-Ола ёлка"


def test_normalise_is_idempotent() -> None:
    raw = "Мемлекеттiк\u00a0қызмет c  жастар\r\n\r\n\r\nцентр\u00ad"
    once = normalise(raw)
    assert normalise(once) == once
