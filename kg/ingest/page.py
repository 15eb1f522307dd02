"""A reader's ``Draft`` to an ``Article``: clean the text, then fill in what is missing."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from kg.ingest.chrome import is_chrome, is_list_heading, is_listed_headline
from kg.ingest.language import detect_language
from kg.ingest.metadata import (
    find_date,
    find_publisher,
    find_title,
    header_lines,
    site_of,
    split_site,
)
from kg.ingest.normalise import normalise
from kg.ingest.problems import UnreadableError
from kg.ingest.readers import Draft
from kg.iris import article_id
from kg.model import Article

_BLANK_RUNS = re.compile(r"\n{3,}")
#: The longest article text read: spaCy reads no more than a million characters at once
#: (error E088), and nothing that long is a news article.
MAX_TEXT_CHARS = 1_000_000


def clean_text(raw: str) -> str:
    """Normalised text without page-chrome lines; paragraphs stay apart."""
    return _strip_chrome(normalise(raw))


def _strip_chrome(page: str) -> str:
    lines: list[str] = []
    in_list = False  # after "Популярное" / "Most read": other stories' headlines
    for line in page.split("\n"):
        if is_list_heading(line):
            in_list = True
            continue
        if in_list and (not line.strip() or is_listed_headline(line)):
            continue
        in_list = False
        if not is_chrome(line):
            lines.append(line)
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def to_article(draft: Draft, source_path: str) -> Article:
    """Build the article; metadata the format gave wins over what the text suggests.

    Raises ``UnreadableError`` when no text is left, or more than ``MAX_TEXT_CHARS``.
    """
    if not draft.text.strip():
        raise UnreadableError("only whitespace, no text", draft.line)
    page = normalise(draft.text)
    text = _strip_chrome(page)
    if not text:
        raise UnreadableError("no article text left after removing page chrome", draft.line)
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableError(
            f"text too long ({len(text):,} characters, the limit is {MAX_TEXT_CHARS:,}); "
            "split it into several articles",
            draft.line,
        )
    notes = list(draft.notes)
    url = draft.url
    if url is not None and not _valid_url(url):
        notes.append(f"url {_shorten(url)!r} is not a valid URL; left out")
        url = None
    host = site_of(url)
    publisher = draft.publisher or find_publisher(text)
    title = _one_line(draft.title) or find_title(text)
    if title is not None:
        sites = [s for s in (draft.publisher, host, publisher) if s]
        title, site = split_site(title, text, sites)
        publisher = draft.publisher or site or publisher
    return Article(
        id=article_id(text),
        text=text,
        lang=draft.lang or detect_language(text),
        source_path=source_path,
        title=title,
        date=draft.date or find_date(header_lines(page), text, url),
        url=url,
        publisher=publisher or host,
        encoding=draft.encoding,
        notes=tuple(notes),
    )


def _valid_url(url: str) -> bool:
    """False for what ``urllib`` cannot even split (``http://[::1``) or that has spaces."""
    try:
        urlsplit(url).port  # noqa: B018 - reading the port checks it
    except ValueError:
        return False
    return not any(c.isspace() or not c.isprintable() for c in url)


def _shorten(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    return normalise(value).replace("\n", " ").strip() or None
