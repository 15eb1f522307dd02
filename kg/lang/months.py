"""Month names of the three languages, the one copy that dates and events read.

Plain data with no imports, so the ingest stage can read it without loading a language.
"""

from __future__ import annotations

#: Kazakh months, nominative ("қаңтар"); in text they take case endings ("қарашада").
KK_MONTHS: tuple[str, ...] = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
)  # fmt: skip

#: Russian months, as lemmas ("январь").
RU_MONTHS: tuple[str, ...] = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip

#: Russian months in the genitive, as dates are written ("12 июня 2019 года").
RU_MONTHS_GENITIVE: tuple[str, ...] = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip

#: English months, lower case.
EN_MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
