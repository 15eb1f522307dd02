"""A former holder's title ("экс-председатель", "ex-director") is the post's title
(past positions count; made-up names)."""

from __future__ import annotations

import pytest
from extraction_support import posts

from kg.pipeline import Pipeline


@pytest.mark.parametrize(
    ("lang", "text", "post"),
    [
        (
            "ru",
            "Экс-председатель правления АО «Жетысу Сервис» Вадим Ли назначен советником.",
            ("Вадим Ли", "АО «Жетысу Сервис»", "председатель правления"),
        ),
        (
            "ru",
            "На встрече выступил экс-директор фонда «Жайлау» Марат Омарбеков.",
            ("Марат Омарбеков", "Фонд «Жайлау»", "директор"),
        ),
        (
            "en",
            "Ex-director of the Steppe Policy Centre Adil Kassen now advises the government.",
            ("Adil Kassen", "Steppe Policy Centre", "director"),
        ),
        (
            "en",
            "The ex-chairman of the Zhaiyk Bar Association, Ruslan Tokenov, joined the board.",
            ("Ruslan Tokenov", "Zhaiyk Bar Association", "chairman"),
        ),
    ],
)
def test_a_former_holders_title_names_the_post(
    pipeline: Pipeline, lang: str, text: str, post: tuple[str, str, str]
) -> None:
    assert post in posts(pipeline, text, lang)


def test_the_prefix_is_no_part_of_the_bodys_name(pipeline: Pipeline) -> None:
    text = "Ex-director of the Steppe Policy Centre Adil Kassen now advises the government."
    assert {org for _, org, _ in posts(pipeline, text, "en")} == {"Steppe Policy Centre"}
