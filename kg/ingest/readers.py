"""One reader per file format: a file's bytes to ``Draft`` records (raw text + metadata)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from kg.ingest.dates import parse_date
from kg.ingest.decode import BINARY, Decoded, damaged_utf8, decode_bytes, looks_binary
from kg.ingest.files import open_regular, read_limited, too_large
from kg.ingest.language import valid_language
from kg.ingest.markdown import strip_markdown
from kg.ingest.problems import UnreadableError

EMPTY = "empty file"
_READ_CHUNK = 1024 * 1024
# The JSONL fields an article is made of; a lone surrogate in any of them is refused.
_FIELDS = ("text", "title", "date", "url", "source", "lang", "id")


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
    encoding: str | None = None  # what the bytes were decoded from
    notes: tuple[str, ...] = ()  # what was repaired or left out while reading
    record_id: str | None = None  # a JSONL record's own "id", to find duplicates


# A reader raises ``UnreadableError`` when the whole file is unusable; a multi-record format
# yields it instead, for one bad record, and goes on with the next. The second argument is
# the size limit in bytes (of the file, or of one JSONL line).
Reader = Callable[[Path, int], Iterator[Draft | UnreadableError]]


def read_text(path: Path, max_bytes: int) -> Iterator[Draft | UnreadableError]:
    """A ``.txt`` file is one article."""
    decoded = _read_decoded(path, max_bytes)
    yield Draft(decoded.text, encoding=decoded.encoding, notes=_notes(decoded))


def read_markdown(path: Path, max_bytes: int) -> Iterator[Draft | UnreadableError]:
    """A ``.md`` file is one article; its front matter and first ``#`` heading are metadata."""
    decoded = _read_decoded(path, max_bytes)
    page = strip_markdown(decoded.text)
    front = page.front_matter
    yield Draft(
        page.text,
        title=front.get("title") or page.heading,
        date=parse_date(front.get("date", "")),
        url=front.get("url") or None,
        publisher=front.get("source") or front.get("publisher") or None,
        lang=valid_language(front.get("lang")),
        encoding=decoded.encoding,
        notes=_notes(decoded),
    )


def read_html(path: Path, max_bytes: int) -> Iterator[Draft | UnreadableError]:
    """An ``.html`` page is one article: trafilatura finds the main text and metadata.

    When metadata extraction itself fails (lxml asserts on some SVG), the text alone is
    taken and the failure noted; when even that fails the page is skipped.
    """
    decoded = _read_decoded(path, max_bytes)
    notes = list(_notes(decoded))
    try:
        document = _extract_html(decoded.text, with_metadata=True)
    except Exception as error:  # a parser bug on one page must cost its metadata only
        notes.append(f"HTML metadata not read ({_failure(error)}); text kept")
        try:
            document = _extract_html(decoded.text, with_metadata=False)
        except Exception as again:
            raise UnreadableError(f"HTML could not be parsed ({_failure(again)})") from None
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
        encoding=decoded.encoding,
        notes=tuple(notes),
    )


def _extract_html(html: str, *, with_metadata: bool) -> object:
    import trafilatura  # heavy (lxml, htmldate, courlan): load only when HTML is read

    return trafilatura.bare_extraction(
        html,
        with_metadata=with_metadata,
        include_comments=False,
        include_images=False,
        favor_recall=True,
        # Without this htmldate guesses from any year on the page ("© 2022" -> 2022-01-01).
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Draft | UnreadableError]:
    """A ``.jsonl`` file holds one article per line; bad lines are skipped one by one.

    Lines are read as they are needed, so a large file is never held in memory; a line
    longer than ``max_bytes`` is skipped without being held either.
    """
    seen_content = False
    with open_regular(path) as stream:
        for number, raw in enumerate(_lines(stream, max_bytes), start=1):
            if raw is None:
                seen_content = True
                yield UnreadableError(too_large(None, max_bytes, "line"), number)
                continue
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


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of ``stream``, or None for a line over ``max_bytes`` (read past, not kept)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):  # a whole line
            yield line
            continue
        while line and not line.endswith(b"\n"):  # the rest of the long line
            line = stream.readline(_READ_CHUNK)
        yield None


def _record(raw: bytes, number: int) -> Draft:
    notes: tuple[str, ...] = ()
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        damaged = damaged_utf8(raw)
        if damaged is None:
            raise UnreadableError("not valid UTF-8", number) from None
        line, notes = damaged.text, _notes(damaged)
    value = _json(line, number)
    if not isinstance(value, dict):
        raise UnreadableError("not a JSON object", number)
    text = value.get("text")
    if text is None:
        raise UnreadableError("missing 'text'", number)
    if not isinstance(text, str):
        raise UnreadableError("'text' is not a string", number)
    for key in _FIELDS:
        if isinstance(value.get(key), str) and not _is_unicode(value[key]):
            raise UnreadableError(
                f"'{key}' holds a lone surrogate (an escape like \\ud800 that is no character)",
                number,
            )
    record_id = value.get("id")
    return Draft(
        text,
        title=_string(value.get("title")),
        date=parse_date(_string(value.get("date")) or ""),
        url=_string(value.get("url")),
        publisher=_string(value.get("source")),
        lang=valid_language(value.get("lang")),
        line=number,
        encoding="utf-8",
        notes=notes,
        record_id=str(record_id) if isinstance(record_id, str | int) else None,
    )


def _json(line: str, number: int) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        raise UnreadableError("invalid JSON", number) from None
    except RecursionError:
        raise UnreadableError("invalid JSON: nested too deeply", number) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise UnreadableError("invalid JSON: a number too long to read", number) from None


def _is_unicode(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _read_decoded(path: Path, max_bytes: int) -> Decoded:
    data = read_limited(path, max_bytes)
    if not data:
        raise UnreadableError(EMPTY)
    return decode_bytes(data)


def _notes(decoded: Decoded) -> tuple[str, ...]:
    return (decoded.note,) if decoded.note else ()


def _failure(error: BaseException) -> str:
    message = str(error).strip().split("\n", 1)[0][:200]
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


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
