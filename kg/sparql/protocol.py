"""The SPARQL 1.1 Protocol side of the endpoint: hosts, media types, reading a request.

Plain functions the Starlette app in ``kg.sparql.server`` calls; a request that cannot be
answered raises ``RequestError`` with the status to send.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

if TYPE_CHECKING:
    from starlette.requests import Request

#: Result media types we produce, and the ``format_answer`` format for each.
MEDIA_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "sparql-tsv",
}
DEFAULT_MEDIA_TYPE = "application/sparql-results+json"
GRAPH_MEDIA_TYPE = "text/turtle"


def allowed_hosts(host: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """``Host`` header values a server bound to ``host:port`` answers to.

    The loopback names, the bound host, and each ``extra`` name (``name`` means
    ``name:port``; ``name:other`` is taken as given). ``*`` in ``extra`` turns the check off
    (an empty set).
    """
    names = {"127.0.0.1", "localhost", "[::1]", host}
    hosts: set[str] = set()
    for name in list(names) + list(extra):
        name = name.strip().lower()
        if name == "*":
            return frozenset()
        if ":" in name and not name.startswith("["):
            if name.count(":") > 1:  # a bare IPv6 address
                name = f"[{name}]"
            else:
                hosts.add(name)
                continue
        hosts.add(f"{name}:{port}")
        if port == 80:
            hosts.add(name)
    return frozenset(hosts)


def choose_media_type(accept: str) -> str | None:
    """The result media type best matching an ``Accept`` header, or None if none fits."""
    if not accept.strip():
        return DEFAULT_MEDIA_TYPE
    offers: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *options = (p.strip() for p in part.split(";"))
        quality = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            offers.append((-quality, position, media.lower()))
    for _, _, media in sorted(offers):
        if media in MEDIA_TYPES:
            return media
        if media in ("*/*", "application/*"):
            return DEFAULT_MEDIA_TYPE
        if media == "text/*":
            return "text/csv"
    return None


class RequestError(Exception):
    """A request that cannot be answered; carries the status and the one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _form(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, encoding="utf-8", errors="strict", max_num_fields=64)
    except UnicodeDecodeError:
        raise RequestError(400, "the query is not valid UTF-8 once percent-decoded") from None
    except ValueError:
        raise RequestError(400, "too many form fields") from None


async def _body(request: Request, limit: int) -> bytes:
    """The request body, read no further than ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise RequestError(413, f"request body over {limit:,} bytes; send a smaller query")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestError(413, f"request body over {limit:,} bytes; send a smaller query")
        chunks.append(chunk)
    return b"".join(chunks)


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError(400, f"the {what} is not valid UTF-8") from None


def _one(values: dict[str, list[str]]) -> str | None:
    if "update" in values:
        raise RequestError(403, "this endpoint is read-only: SPARQL UPDATE is not allowed")
    queries = values.get("query", [])
    if len(queries) > 1:
        raise RequestError(400, "give one query parameter, not several")
    return queries[0] if queries else None


async def query_text(request: Request, max_body_bytes: int) -> str | None:
    """The query of a protocol request; raises ``RequestError`` to answer otherwise."""
    if request.method == "GET":
        raw: bytes = request.scope.get("query_string", b"")
        if len(raw) > max_body_bytes:
            raise RequestError(414, "query string too long; POST the query instead")
        return _one(_form(_utf8(raw, "query string")))
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        raise RequestError(403, "this endpoint is read-only: SPARQL UPDATE is not allowed")
    if content_type == "application/sparql-query":
        return _utf8(await _body(request, max_body_bytes), "request body")
    if content_type == "application/x-www-form-urlencoded":
        # parse_qs spares a python-multipart dependency that request.form() would need.
        body = _utf8(await _body(request, max_body_bytes), "request body")
        return _one(_form(body))
    raise RequestError(
        415, f"unsupported content type {content_type!r}; use application/sparql-query or a form"
    )
