"""One reader per file format: a file's bytes to ``Draft`` records (raw text + metadata)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.ingest.dates import parse_date
from kg.ingest.decode import BINARY, decode_bytes, looks_binary
from kg.ingest.language import valid_language
from kg.ingest.markdown import strip_markdown
from kg.ingest.problems import UnreadableError

EMPTY = "empty file"


@dataclass(frozen=True, slots=True)
class Draft:
    """What a reader found: raw text plus any metadata the format itself carries."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    lang: str | None = None
    line: int | None = None  # 1-based line of a JSONL record


# A reader raises ``UnreadableError`` when the whole file is unusable; a multi-record format
# yields it instead, for one bad record, and goes on with the next.
Reader = Callable[[Path], Iterator[Draft | UnreadableError]]


def read_text(path: Path) -> Iterator[Draft | UnreadableError]:
    """A ``.txt`` file is one article."""
    yield Draft(_read_decoded(path))


def read_markdown(path: Path) -> Iterator[Draft | UnreadableError]:
    """A ``.md`` file is one article; its front matter and first ``#`` heading are metadata."""
    page = strip_markdown(_read_decoded(path))
    front = page.front_matter
    yield Draft(
        page.text,
        title=front.get("title") or page.heading,
        date=parse_date(front.get("date", "")),
        url=front.get("url") or None,
        publisher=front.get("source") or front.get("publisher") or None,
        lang=valid_language(front.get("lang")),
    )


def read_html(path: Path) -> Iterator[Draft | UnreadableError]:
    """An ``.html`` page is one article: trafilatura finds the main text and metadata."""
    import trafilatura  # heavy (lxml, htmldate, courlan): load only when HTML is read

    document = trafilatura.bare_extraction(
        _read_decoded(path),
        with_metadata=True,
        include_comments=False,
        include_images=False,
        favor_recall=True,
        # Without this htmldate guesses from any year on the page ("© 2022" -> 2022-01-01).
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(document, "text", None) if document is not None else None
    if not isinstance(text, str) or not text.strip():
        raise UnreadableError("no article text found in the HTML")
    # trafilatura puts one block (paragraph, heading, list item) per line.
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    yield Draft(
        "\n\n".join(paragraphs),
        title=_string(getattr(document, "title", None)),
        date=parse_date(_string(getattr(document, "date", None)) or ""),
        url=_string(getattr(document, "url", None)),
        publisher=_string(getattr(document, "sitename", None)),
    )


def read_jsonl(path: Path) -> Iterator[Draft | UnreadableError]:
    """A ``.jsonl`` file holds one article per line; bad lines are skipped one by one.

    Lines are read as they are needed, so a large file is never held in memory.
    """
    seen_content = False
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if number == 1:
                if looks_binary(raw[:8192]) and not raw.startswith(b"\xef\xbb\xbf{"):
                    raise UnreadableError(BINARY)
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            seen_content = True
            record: Draft | UnreadableError
            try:
                record = _record(raw, number)
            except UnreadableError as problem:
                record = problem
            yield record
    if not seen_content:
        raise UnreadableError(EMPTY)


def _record(raw: bytes, number: int) -> Draft:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableError("not valid UTF-8", number) from None
    try:
        value: Any = json.loads(line)
    except json.JSONDecodeError:
        raise UnreadableError("invalid JSON", number) from None
    if not isinstance(value, dict):
        raise UnreadableError("not a JSON object", number)
    text = value.get("text")
    if text is None:
        raise UnreadableError("missing 'text'", number)
    if not isinstance(text, str):
        raise UnreadableError("'text' is not a string", number)
    return Draft(
        text,
        title=_string(value.get("title")),
        date=parse_date(_string(value.get("date")) or ""),
        url=_string(value.get("url")),
        publisher=_string(value.get("source")),
        lang=valid_language(value.get("lang")),
        line=number,
    )


def _read_decoded(path: Path) -> str:
    data = path.read_bytes()
    if not data:
        raise UnreadableError(EMPTY)
    return decode_bytes(data)


def _string(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
}
