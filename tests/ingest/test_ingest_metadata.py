"""Titles, publishers and site names found in the text itself."""

from __future__ import annotations

import pytest

from kg.ingest.metadata import dateline_agency, find_publisher, find_title, site_of, split_site


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("Жиын өтті, деп жазады Saryarqa.kz.\nКелесі абзац.", "Saryarqa.kz"),
        ("Қор жаңа жоба бастады, деп хабарлайды ҚазАқпарат.", "ҚазАқпарат"),
        ("Бұл туралы облыс әкімдігінің баспасөз қызметі хабарлайды.", None),
        ("Бұл туралы ҚР Мәдениет министрлігі хабарлайды.", "ҚР Мәдениет министрлігі"),
        (
            "Центр открылся в Павлодаре, передает пресс-служба акимата ПО.",
            "пресс-служба акимата ПО",
        ),
        ("Фонд провёл акцию, сообщает Tengrinews.kz со ссылкой на организаторов.", "Tengrinews.kz"),
        ("Об этом сообщает управление культуры, архивов и документации.", None),
        ("The fund opened a centre, reports Kazinform.", "Kazinform"),
        (
            "The board met in the capital, the Akorda press service reported.",
            "Akorda press service",
        ),
        ("ASTANA. KAZINFORM – The foundation signed a memorandum.", "Kazinform"),
        ("АЛМАТЫ. ҚазАқпарат – Бүгін форум басталды.", "ҚазАқпарат"),
        ("NUR-SULTAN – The president met volunteers.", None),
        ("Председатель фонда сообщил, что работа продолжится.", None),
        ("Trust is growing, according to Ms Bekova.\nNext paragraph.", None),
        ("Форум открылся, передает корреспондент агентства Dalanews.", "Dalanews"),
        ("According to KazAID Chairman Erlan Nurov, the fund grew.", None),
        ("According to Serik Temirov, chairman of the fund, it grew.", None),
        ("Жұмыс жалғасады, деп жазады Айгүл Серікқызы.", None),
        ("Фонд провёл акцию, сообщает 12 августа Dalanews.kz.", "Dalanews.kz"),
        ('Фонд открылся, передает корреспондент "Дала ТВ" Ержан Омаров из Уральска.', "Дала ТВ"),
    ],
)
def test_find_publisher(text: str, publisher: str | None) -> None:
    assert find_publisher(text) == publisher


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Жастар форумы өтті\n\nМәтін.", "Жастар форумы өтті"),
        ("Will the Council Change?\nText.", "Will the Council Change?"),
        ("Бүгін Астанада форум өтті. Оған жүз адам қатысты.", None),  # a sentence, not a title
        ("продолжение предыдущей строки без начала\nТекст.", None),
        ("Жаңалықтар\nМәтін.", None),  # one word: a rubric
        ("А" * 201 + " б", None),
    ],
)
def test_find_title(text: str, title: str | None) -> None:
    assert find_title(text) == title


def test_site_is_split_off_when_the_headline_repeats() -> None:
    title = "Ерікті жастар бас қосты - «Dala» телеарнасы"
    text = f"{title}\n\nЕрікті жастар бас қосты\n\nМәтін."
    assert split_site(title, text, []) == ("Ерікті жастар бас қосты", "«Dala» телеарнасы")


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Қор ашылды | Tobol Info", ["Tobol Info"], ("Қор ашылды", "Tobol Info")),
        ("Қор ашылды - Dala TV", ["dalatv.kz"], ("Қор ашылды", "Dala TV")),
        ("Қор ашылды — egemen.kz", [], ("Қор ашылды", "egemen.kz")),
        # a dash inside a headline is not a site separator
        ("Бірлік – береке бастауы", ["egemen.kz"], ("Бірлік – береке бастауы", None)),
    ],
)
def test_split_site(title: str, sites: list[str], expected: tuple[str, str | None]) -> None:
    assert split_site(title, title, sites) == expected


def test_site_of_url() -> None:
    assert site_of("https://www.tobolinfo.kz/news/1") == "tobolinfo.kz"
    assert site_of(None) is None


def test_a_dateline_credits_its_agency_in_brackets_or_after_a_stop() -> None:
    assert dateline_agency("ASTANA (Steppenews) – The forum opened.") == (8, 18, "Steppenews")
    assert dateline_agency("ALMATY. STEPPENEWS – The forum opened.") == (8, 18, "Steppenews")
    assert dateline_agency("The forum opened in Almaty.") is None
