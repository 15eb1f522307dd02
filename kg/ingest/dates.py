"""Find calendar dates written in Kazakh, Russian or English and give them as ISO strings."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.lang.months import EN_MONTHS, KK_MONTHS, RU_MONTHS

# Month stems: a Kazakh month takes case endings (қарашада, шілдеде) and a Russian one
# is usually genitive or abbreviated (октября, окт.), so a stem plus any letters matches.
# Russian and English stems are the first three letters; "мая" is май's genitive.
_MONTH_STEMS: dict[str, int] = {
    **{month: number for number, month in enumerate(KK_MONTHS, start=1)},
    **{month[:3]: number for number, month in enumerate(RU_MONTHS, start=1)},
    "мая": 5,
    **{month[:3]: number for number, month in enumerate(EN_MONTHS, start=1)},
}

_EN_STEMS = tuple(month[:3] for month in EN_MONTHS)


def _month_pattern(stems: list[str]) -> str:
    # Longest stems first; at most 6 more letters covers қарашасында, сентября, September.
    return "(?:" + "|".join(sorted(stems, key=len, reverse=True)) + r")[^\W\d_]{0,6}\.?"


_MONTH = _month_pattern(list(_MONTH_STEMS))
_EN_MONTH = _month_pattern(list(_EN_STEMS))
# "5-6 October 2026", "12–14 ноября": a range of days dates the event by its first day.
_DAY_RANGE = r"(?:\s*[-–—]\s*[0-3]?\d(?:st|nd|rd|th)?(?=[\s,]))?"
_DAY = rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{_DAY_RANGE}"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d])"
_YEAR_FIRST = r"(?<!\d)(?P<year>(?:19|20)\d\d)"

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # 25 Қараша, 2021 / 25 қарашада 2021 ж. / 12 октября 2016 г. / 2 May 2017
        rf"{_DAY}\s*-?\s*(?P<month>{_MONTH}),?\s+{_YEAR}",
        # May 2, 2017
        rf"(?<![^\W\d_])(?P<month>{_EN_MONTH})\s+{_DAY},?\s+{_YEAR}",
        # 2021 жылғы 25 қараша / 2021 ж. 25 қарашада
        rf"{_YEAR_FIRST}\s*(?:жылғы|жылы|ж\.)\s*(?P<day>[0-3]?\d){_DAY_RANGE}\s*-?\s*(?P<month>{_MONTH})",
        # 2021-11-25 (also the date part of an ISO timestamp)
        r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)(?![\d])",
        # 23.11.2022 (day first, as written in Kazakhstan and Russia)
        rf"(?<![\d.])(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)[./]{_YEAR}",
    )
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A valid date found at ``start:end`` of a string."""

    iso: str
    start: int
    end: int


def find_dates(text: str) -> Iterator[DateMatch]:
    """Every valid full date (day, month and year) in ``text``, left to right."""
    found: list[DateMatch] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso is not None:
                found.append(DateMatch(iso, match.start(), match.end()))
    found.sort(key=lambda d: (d.start, -d.end))
    last_end = -1
    for date in found:
        if date.start >= last_end:
            last_end = date.end
            yield date


def first_date(text: str) -> str | None:
    """The first valid full date in ``text`` as ``YYYY-MM-DD``, or None."""
    return next((d.iso for d in find_dates(text)), None)


def parse_date(value: str) -> str | None:
    """``value`` as an ISO date when it holds exactly one recognisable date, else None."""
    return first_date(value.strip())


def month_number(word: str) -> int | None:
    """The month a (possibly inflected or abbreviated) month word names, or None."""
    lower = word.lower().rstrip(".")
    for stem in sorted(_MONTH_STEMS, key=len, reverse=True):
        if lower.startswith(stem):
            return _MONTH_STEMS[stem]
    return None


def _to_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else month_number(groups["month"])
    if month is None:
        return None
    try:
        day = datetime.date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:  # 31 February, month 13, day 0
        return None
    return day.isoformat()
