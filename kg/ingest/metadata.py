"""Find an article's title, date and publisher in its cleaned text and header lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from kg.ingest.dates import first_date
from kg.lang.months import EN_MONTHS, KK_MONTHS, RU_MONTHS, RU_MONTHS_GENITIVE

_MAX_TITLE_CHARS = 200
_MIN_TITLE_WORDS = 2
_HEADER_LINES = 10
_ATTRIBUTION_WINDOW = 3000
_MAX_PUBLISHER_WORDS = 6
_REPORTER = re.compile(
    r"^(?:(?:собственный\s+)?корреспондент\w*|собкор\w*|журналист\w*|тілшісі|reporter|correspondent)"
    r"(?:\s+(?:агентства|издания|портала|сайта|газеты|телеканала|of|for))?\s+",
    re.IGNORECASE,
)
_HONORIFICS = frozenset({"mr", "ms", "mrs", "dr", "prof", "г-н", "г-жа"})
#: Titles that make an attributed name a person's ("according to the Chairman X").
_PERSON_TITLES = frozenset(
    {
        "chairman", "chairwoman", "chair", "director", "head", "minister", "president",
        "deputy", "ambassador", "spokesperson", "spokesman", "rector", "akim", "secretary",
    }
)  # fmt: skip

_TITLE_SITE_SEPARATOR = re.compile(r"\s+(?:[-–—|]|::)\s+")
_TLD = "(?:kz|ru|kg|uz|az|com|org|net|info|news|tv|media)"
_DOMAIN = re.compile(rf"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.{_TLD}", re.IGNORECASE)
_QUOTES_AND_PUNCT = re.compile(r"[\W_]+")
# News sites put the publication date in the path: /2016-10-12/ or /2016/10/12/.
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?=[/_.-]|$)")

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# A date between the verb and the outlet: "сообщает 12 августа Kun.uz", "reports on
# 12 August Kazinform".
# A quoted outlet followed by more words (its reporter's name, a place).
_QUOTED_FIRST = re.compile(r"^[«\"“](?P<outlet>[^»\"”]+)[»\"”]\s+\S")
_MONTHS = sorted({*KK_MONTHS, *RU_MONTHS, *RU_MONTHS_GENITIVE, *EN_MONTHS}, key=len, reverse=True)
_LEADING_DATE = re.compile(
    r"^(?:on\s+)?\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\w*\s+", re.IGNORECASE
)
# The name ends at a clause boundary or where a "citing ..." phrase begins.
_NAME = (
    r"(?P<name>[^,;:!?\n()]+?)"
    r"(?=\s*(?:[,;:!?\n(]|\.(?:\s|$)|$|\s+со ссылкой|\s+сілтеме|\s+тілшісі|\s+citing))"
)
# (words that must occur in the lower-cased text, pattern): the cheap substring test
# spares running every pattern over every article.
_ATTRIBUTIONS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (triggers, re.compile(pattern, re.IGNORECASE))
    for triggers, pattern in (
        # kk: "..., деп жазады Egemen.kz." / "хабарлайды Kazinform"
        (("жаз", "хабарла"), rf"(?:деп\s+)?(?:жазады|жазды|хабарлайды|хабарлады)\s+{_NAME}"),
        # kk: "Бұл туралы ҚР СІМ баспасөз қызметі хабарлайды."
        (
            ("бұл туралы", "бұл жөнінде"),
            r"(?:бұл туралы|бұл жөнінде)\s+(?P<name>[^,;:!?\n]+?)"
            r"\s+(?:хабарлайды|хабарлады|жазады)",
        ),
        # ru: "передает пресс-служба МИД РК", "сообщает Tengrinews.kz"
        (
            ("переда", "сообщает", "пишет", "информирует"),
            rf"(?:переда[её]т|сообщает|пишет|информирует)\s+{_NAME}",
        ),
        # en: "reports Kazinform", "according to Kazinform"
        (
            ("report", "writes", "according to"),
            rf"(?:reports|reported by|writes|according to)\s+{_NAME}",
        ),
        # en: "the Akorda press service reported."
        (
            ("press service", "agency"),
            rf"(?:the\s+)?(?P<name>(?-i:(?:[{_UPPER}][\w.&-]*\s+)+)"
            r"(?:press service|news agency|agency))\s+(?:reported|reports|said)",
        ),
    )
)
# "BAKU. KAZINFORM – ..." / "АСТАНА. ҚазАқпарат - ...": a capitalised city, a full stop,
# then an agency written in capitals or CamelCase; or "ASTANA (Kazinform) – ...": the
# agency in brackets after the city.
_DATELINE = re.compile(
    rf"^[{_UPPER}][{_UPPER}\- ]{{1,30}}(?:\.\s+(?P<name>[{_UPPER}][\w.]*[{_UPPER}][\w.]*)(?=\s|$)"
    rf"|\s*\((?P<bracketed>[{_UPPER}][\w.\- ]{{1,30}}?)\)\s*[–—-])",
    re.MULTILINE,
)


def dateline_agency(text: str) -> tuple[int, int, str] | None:
    """The agency a dateline at the top of ``text`` credits: its offsets and its name."""
    found = _DATELINE.search(text[:_ATTRIBUTION_WINDOW])
    if found is None:
        return None
    group = "name" if found.group("name") else "bracketed"
    return found.start(group), found.end(group), _tidy_agency(found.group(group))


def find_title(text: str) -> str | None:
    """The first line of ``text`` when it reads like a headline, else None."""
    first = text.lstrip().split("\n", 1)[0].strip()
    return first if is_headline(first) else None


def is_headline(line: str) -> bool:
    """Short, starts like a sentence, at least two words, and no final full stop."""
    if not line or len(line) > _MAX_TITLE_CHARS or len(line.split()) < _MIN_TITLE_WORDS:
        return False
    if line[0].isalpha() and line[0].islower():
        return False
    if line.endswith(("...", "…")):
        return True
    return not line.endswith((".", ":", ",", ";"))


def split_site(title: str, text: str, sites: Sequence[str]) -> tuple[str, str | None]:
    """Split "Headline - Site" into headline and site when the site part is confirmed.

    Confirmed means: the text repeats the headline alone on a later line, the part names
    one of ``sites`` (site name, URL host, publisher), or it is a domain name.
    """
    separators = list(_TITLE_SITE_SEPARATOR.finditer(title))
    if not separators:
        return title, None
    cut = separators[-1]
    head, site = title[: cut.start()].strip(), title[cut.end() :].strip()
    if not head or not site:
        return title, None
    later = {line.strip().casefold() for line in text.split("\n")[1:_HEADER_LINES]}
    if (
        head.casefold() in later
        or any(_same_site(site, known) for known in sites)
        or _DOMAIN.fullmatch(site)
    ):
        return head, site
    return title, None


def find_date(header: Sequence[str], text: str, url: str | None = None) -> str | None:
    """The first date in the header lines, else in the URL, else the first in the text."""
    for line in header[:_HEADER_LINES]:
        date = first_date(line)
        if date is not None:
            return date
    if url:
        match = _URL_DATE.search(url)
        if match is not None:
            date = first_date("-".join(match.groups()))
            if date is not None:
                return date
    return first_date(text)


def header_lines(text: str) -> list[str]:
    """The first non-empty lines of a page, where its date and rubric usually are."""
    lines = (line.strip() for line in text.split("\n"))
    return [line for line in lines if line][:_HEADER_LINES]


def find_publisher(text: str) -> str | None:
    """The agency or site the text credits: a dateline or "деп жазады X" / "сообщает X"."""
    window = text[:_ATTRIBUTION_WINDOW]
    dateline = dateline_agency(window)
    if dateline is not None:
        return dateline[2]
    lower = window.lower()
    found: list[tuple[int, str]] = []
    for triggers, pattern in _ATTRIBUTIONS:
        if not any(word in lower for word in triggers):
            continue
        for match in pattern.finditer(window):
            name = _plausible_name(match.group("name"))
            if name is not None:
                found.append((match.start(), name))
                break
    return min(found)[1] if found else None


def site_of(url: str | None) -> str | None:
    """The host of a URL without ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # "http://[::1": an unclosed IPv6 address
        return None
    return host.removeprefix("www.") if host else None


def _plausible_name(raw: str) -> str | None:
    # "передает корреспондент агентства Kazinform": the outlet, not its reporter.
    name = _REPORTER.sub("", raw.strip()).rstrip(".").strip()
    name = _LEADING_DATE.sub("", name)  # "сообщает 12 августа Kun.uz": the outlet is Kun.uz
    quoted = _QUOTED_FIRST.match(name)
    if quoted is not None:
        name = quoted.group("outlet")  # 'корреспондент "КазИнформ" Ельжан Ералы': the outlet
    words = name.split()
    if not words or len(words) > _MAX_PUBLISHER_WORDS:
        return None
    # A name has a capital letter or is a domain; "управление информации" is a phrase.
    if not any(c.isupper() for c in name) and not _DOMAIN.search(name):
        return None
    # "according to Ms Bekova", "according to KazAID Chairman X": a person is quoted,
    # not an outlet credited.
    if words[0].rstrip(".").casefold() in _HONORIFICS or any(
        w.casefold() in _PERSON_TITLES for w in words
    ):
        return None
    if _personal_name(words):
        return None  # "according to Serik Akhmetov, chairman of ...": a person quoted
    return name


#: Surname endings of the region's names, Latin and Cyrillic ("Akhmetov", "Бекова",
#: "Serikuly", "Нұрланқызы"): a two- or three-word name ending in one is a person.
_SURNAME_ENDINGS = (
    "ov", "ova", "ev", "eva", "yev", "yeva", "uly", "kyzy", "enko",
    "ов", "ова", "ев", "ева", "ұлы", "қызы", "улы", "кызы", "енко",
)  # fmt: skip


def _personal_name(words: list[str]) -> bool:
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words)
        and words[-1].casefold().endswith(_SURNAME_ENDINGS)
    )


def _tidy_agency(name: str) -> str:
    name = name.rstrip(".")
    # Datelines shout the agency's name; "KAZINFORM" is the agency Kazinform.
    return name.capitalize() if name.isupper() and len(name) > 5 else name


def _site_key(name: str) -> str:
    host = site_of(name) if _DOMAIN.fullmatch(name.strip()) else None
    if host:  # egemen.kz -> egemen
        name = host.rsplit(".", 1)[0]
    return _QUOTES_AND_PUNCT.sub("", name.casefold())


def _same_site(part: str, known: str) -> bool:
    a, b = _site_key(part), _site_key(known)
    if len(a) < 3 or len(b) < 3:
        return False
    return a in b or b in a
