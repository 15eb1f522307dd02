"""Dates written in Kazakh, Russian and English, as ISO strings."""

from __future__ import annotations

import pytest

from kg.ingest import first_date
from kg.ingest.dates import find_dates, month_number


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Саясат 25 Қараша, 2021", "2021-11-25"),
        ("Форум 25 қарашада 2021 ж. өтті", "2021-11-25"),
        ("Кездесу 3 ШІЛДЕДЕ 2019 жылы болды", "2019-07-03"),
        ("2022 жылғы 7 қыркүйекте қол қойылды", "2022-09-07"),
        ("1 қаңтар 2020", "2020-01-01"),
        ("17 желтоқсанда 2018 ж.", "2018-12-17"),
        ("23.11.2022", "2022-11-23"),
        ("5.3.2020 жаңартылды", "2020-03-05"),
        ("2021-11-25", "2021-11-25"),
        ("2021-11-25T08:30:00+05:00", "2021-11-25"),
        ("12 октября 2016", "2016-10-12"),
        ("12 октября 2016 г.", "2016-10-12"),
        ("1 мая 2019 года", "2019-05-01"),
        ("30 сент. 2015", "2015-09-30"),
        ("May 2, 2017", "2017-05-02"),
        ("2 May 2017", "2017-05-02"),
        ("on 21st March 2022 the board met", "2022-03-21"),
        ("Sept. 9, 2014", "2014-09-09"),
    ],
)
def test_dates_in_three_languages(text: str, iso: str) -> None:
    assert first_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "31 февраля 2020",  # no such day
        "29 ақпан 2023",  # not a leap year
        "32.01.2020",
        "2021-13-01",
        "в 2016-2020 годах",  # a range of years, not a date
        "Вчера, 9 апреля, состоялась встреча",  # no year
        "Наурызбай 2 2020",  # a name, not a month
        "events planned for 2017",
    ],
)
def test_not_a_full_valid_date(text: str) -> None:
    assert first_date(text) is None


def test_dates_come_left_to_right_with_offsets() -> None:
    text = "Жоба 1 наурыз 2021 басталып, 2021-12-31 аяқталды."
    found = list(find_dates(text))
    assert [d.iso for d in found] == ["2021-03-01", "2021-12-31"]
    for date in found:
        assert text[date.start : date.end].strip()[0].isdigit()


@pytest.mark.parametrize(
    ("word", "month"),
    [("қарашасында", 11), ("Тамыз", 8), ("сентября", 9), ("окт.", 10), ("December", 12)],
)
def test_month_words_with_endings(word: str, month: int) -> None:
    assert month_number(word) == month


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("on 5-6 October 2026, bringing", "2026-10-05"),
        ("12–14 ноября 2026 года", "2026-11-12"),
        ("May 2-3, 2017", "2017-05-02"),
        ("2026 жылғы 15-16 қазанда", "2026-10-15"),
        ("15-16 қазан 2026 жылы", "2026-10-15"),
    ],
)
def test_a_range_of_days_is_dated_by_its_first_day(text: str, iso: str) -> None:
    assert first_date(text) == iso
