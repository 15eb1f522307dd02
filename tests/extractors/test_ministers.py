"""Bare ministers' titles in the article's one ministry (the relation stage; made-up names)."""

from __future__ import annotations

import pytest
from extraction_support import posts

from kg.pipeline import Pipeline


@pytest.mark.parametrize(
    ("lang", "text", "post"),
    [
        (
            "ru",
            "Министерство спорта РК и Фонд «Бастау» подписали соглашение. Со стороны "
            "министерства документ подписал вице-министр Тимур Асанов.",
            ("Тимур Асанов", "Министерство спорта РК", "вице-министр"),
        ),
        (
            "kk",
            "Спорт министрлігі мен «Бастау» қоры келісімге қол қойды. Министрлік атынан "
            "құжатқа вице-министр Тимур Асанов қол қойды.",
            ("Тимур Асанов", "Спорт министрлігі", "вице-министр"),
        ),
        (
            "en",
            "The Ministry of Sport and the Bastau Foundation signed an agreement. The "
            "document was signed by Vice Minister Timur Asanov.",
            ("Timur Asanov", "Ministry of Sport", "vice minister"),
        ),
        (
            "en",
            "The Ministry of Sport hosted the talks. Timur Asanov, first deputy minister, "
            "opened them.",
            ("Timur Asanov", "Ministry of Sport", "first deputy minister"),
        ),
    ],
)
def test_a_bare_ministers_title_is_a_post_in_the_one_ministry(
    pipeline: Pipeline, lang: str, text: str, post: tuple[str, str, str]
) -> None:
    assert post in posts(pipeline, text, lang)


def test_two_ministries_leave_a_bare_title_unplaced(pipeline: Pipeline) -> None:
    text = (
        "The Ministry of Sport and the Ministry of Health signed an agreement. "
        "Vice Minister Timur Asanov spoke first."
    )
    assert not {p for p in posts(pipeline, text, "en") if p[0] == "Timur Asanov"}


def test_a_prime_minister_is_no_minister_of_the_ministry(pipeline: Pipeline) -> None:
    text = "The Ministry of Sport hosted the talks. Prime Minister Timur Asanov opened them."
    assert not {p for p in posts(pipeline, text, "en") if p[0] == "Timur Asanov"}


def test_a_minister_already_placed_keeps_his_own_ministry(pipeline: Pipeline) -> None:
    text = (
        "Министр здравоохранения Тимур Асанов встретился с коллегами. "
        "Министр Тимур Асанов открыл встречу."
    )
    found = {p for p in posts(pipeline, text, "ru") if p[0] == "Тимур Асанов"}
    assert {org for _, org, _ in found} == {"Министерство здравоохранения"}


def test_a_council_under_a_ministry_is_no_ministry(pipeline: Pipeline) -> None:
    text = (
        "Спорт министрлігінің жанындағы Қоғамдық кеңестің отырысы өтті. "
        "Оған министрдің орынбасары Тимур Асанов қатысты."
    )
    assert not {p for p in posts(pipeline, text, "kk") if p[0] == "Тимур Асанов"}
