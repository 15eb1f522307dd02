"""A read-only SPARQL 1.1 Protocol endpoint over a store, as a Starlette ASGI app.

``/sparql`` answers GET and POST queries in JSON, XML, CSV or TSV by ``Accept``,
refuses updates with 403, limits each query's time and rows, and sends CORS headers
so browser tools such as YASGUI can use it. ``/`` is a small query page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from kg.errors import GraphError
from kg.query import Answer, format_answer
from kg.store import QueryTimeoutError, Store, TooManyRowsError, open_store

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

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
_DEFAULT_MEDIA_TYPE = "application/sparql-results+json"
_GRAPH_MEDIA_TYPE = "text/turtle"


def choose_media_type(accept: str) -> str | None:
    """The result media type best matching an ``Accept`` header, or None if none fits."""
    if not accept.strip():
        return _DEFAULT_MEDIA_TYPE
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
            return _DEFAULT_MEDIA_TYPE
        if media == "text/*":
            return "text/csv"
    return None


def _text(status: int, message: str) -> Response:
    from starlette.responses import PlainTextResponse

    return PlainTextResponse(message + "\n", status_code=status)


async def _query_text(request: Request) -> tuple[str | None, Response | None]:
    """The query of a protocol request, or the error response to send instead."""
    refused = _text(403, "this endpoint is read-only: SPARQL UPDATE is not allowed")
    if request.method == "GET":
        params = request.query_params
        if "update" in params:
            return None, refused
        return params.get("query"), None
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        return None, refused
    if content_type == "application/sparql-query":
        return (await request.body()).decode("utf-8", errors="replace"), None
    if content_type == "application/x-www-form-urlencoded":
        # parse_qs spares a python-multipart dependency that request.form() would need.
        form = parse_qs((await request.body()).decode("utf-8", errors="replace"))
        if "update" in form:
            return None, refused
        return (form["query"][0] if "query" in form else None), None
    return None, _text(
        415, f"unsupported content type {content_type!r}; use application/sparql-query or a form"
    )


def create_app(store: Store, *, timeout: float = 30.0, max_rows: int = 100_000) -> Starlette:
    """The endpoint app over ``store``: ``/sparql`` and a query page at ``/``."""
    import anyio
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import HTMLResponse, Response
    from starlette.routing import Route

    # Bounds the threads that run queries; Oxigraph releases the GIL while it works.
    limiter = anyio.CapacityLimiter(8)

    async def sparql(request: Request) -> Response:
        text, error = await _query_text(request)
        if error is not None:
            return error
        if not text or not text.strip():
            return _text(400, "no query: pass it as ?query=... or POST it")
        media = choose_media_type(request.headers.get("accept", ""))
        if media is None:
            offered = ", ".join(MEDIA_TYPES)
            return _text(406, f"cannot answer in the accepted types; offered: {offered}")

        def run() -> Answer:
            return store.query(text, max_rows=max_rows, timeout=timeout)

        answer: Answer | None = None
        try:
            with anyio.move_on_after(timeout):
                answer = await anyio.to_thread.run_sync(
                    run, limiter=limiter, abandon_on_cancel=True
                )
        except QueryTimeoutError as exc:
            return _text(503, str(exc))
        except TooManyRowsError as exc:
            return _text(422, f"{exc} (the limit is {max_rows})")
        except GraphError as exc:
            return _text(400, str(exc))
        if answer is None:
            return _text(503, f"query took longer than {timeout:g} s; narrow it")
        if answer.turtle is not None:
            return Response(answer.turtle, media_type=_GRAPH_MEDIA_TYPE)
        body = format_answer(answer, MEDIA_TYPES[media])
        charset = "; charset=utf-8"
        return Response(body, headers={"content-type": media + charset})

    async def page(request: Request) -> Response:
        return HTMLResponse(_PAGE)

    return Starlette(
        routes=[
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/", page, methods=["GET"]),
        ],
        middleware=[
            Middleware(
                CORSMiddleware,
                allow_origins=["*"],
                allow_methods=["GET", "POST"],
                allow_headers=["*"],
            )
        ],
    )


def serve(
    target: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    max_rows: int = 100_000,
) -> None:
    """Serve the build at ``target`` until interrupted."""
    import uvicorn

    app = create_app(open_store(target), timeout=timeout, max_rows=max_rows)
    uvicorn.run(app, host=host, port=port, log_level="warning")


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>civkg SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}
textarea{width:100%;height:12rem;font-family:monospace}
table{border-collapse:collapse;margin-top:1rem}td,th{border:1px solid #ccc;padding:.2rem .5rem}
#status{color:#a00}
</style></head><body>
<h1>civkg SPARQL endpoint</h1>
<p>POST or GET SPARQL 1.1 queries to <code>/sparql</code>. Prefixes civ:, org:, foaf:, skos:,
schema:, prov:, dcterms:, rdf:, rdfs:, xsd:, owl: are predeclared.</p>
<textarea id="q">SELECT ?person ?name WHERE {
  ?person a foaf:Person ; skos:prefLabel ?name .
} LIMIT 20</textarea>
<p><button id="run">Run</button> <span id="status"></span></p>
<div id="out"></div>
<script>
document.getElementById("run").onclick = async () => {
  const status = document.getElementById("status"), out = document.getElementById("out");
  status.textContent = "…"; out.textContent = "";
  const response = await fetch("sparql", {method: "POST",
    headers: {"Content-Type": "application/sparql-query",
              "Accept": "application/sparql-results+json"},
    body: document.getElementById("q").value});
  if (!response.ok) { status.textContent = await response.text(); return; }
  const data = await response.json();
  if ("boolean" in data) { status.textContent = String(data.boolean); return; }
  const table = document.createElement("table"), head = table.insertRow();
  for (const v of data.head.vars) { const th = document.createElement("th");
    th.textContent = v; head.appendChild(th); }
  for (const b of data.results.bindings) { const row = table.insertRow();
    for (const v of data.head.vars) row.insertCell().textContent = b[v] ? b[v].value : ""; }
  status.textContent = data.results.bindings.length + " rows"; out.appendChild(table);
};
</script></body></html>
"""
