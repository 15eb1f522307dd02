"""A read-only SPARQL 1.1 Protocol endpoint over a store, as a Starlette ASGI app.

``/sparql`` answers GET and POST queries and refuses updates with 403; ``/`` is a small
query page. The answer's type is negotiated by ``Accept`` once the query's form is known
(``kg.sparql.negotiate``): solutions as JSON, XML, CSV or TSV, graphs as Turtle, N-Triples,
JSON-LD or RDF/XML. ``default-graph-uri`` / ``named-graph-uri`` set the query's dataset
over the store's graphs (one named graph per article). What it guards against:

- a query that would crash or hang the engine: size and nesting are checked first
  (``kg.sparql.guard``, 400) and ``kg serve`` runs the engine in worker processes
  (``kg.sparql.workers``) that are killed at the time limit (503) and replaced when they
  die (500); at most ``queue`` requests wait for a worker in each lane, the next gets 503;
- long queries holding every worker: a query starts in a fast lane of its own workers
  and moves to the slow lane past a short budget (``kg.sparql.lanes``), so cheap queries
  are still answered while long ones run;
- SSRF: ``SERVICE`` is refused (400) unless its endpoint is in ``allow_service``;
- DNS rebinding: a ``Host`` that is not this server's address gets 421;
- other web pages: CORS headers only for the ``cors`` origins (``*`` covers GET only),
  and a cross-origin POST from an origin not listed is refused (403) before any work,
  since a browser sends a form POST without asking.
"""

from __future__ import annotations

import errno
import signal
import socket
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import GraphError, UsageError
from kg.sparql.engine import run_with_big_stack
from kg.sparql.guard import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_QUERY_CHARS,
    QueryRefusedError,
    check_query,
)
from kg.sparql.lanes import DEFAULT_FAST_BUDGET, Lanes
from kg.sparql.negotiate import (
    SOLUTION_TYPES,
    choose_media_type,
    family,
    graph_bytes,
    offered,
    query_form,
)
from kg.sparql.protocol import RequestError, allowed_hosts, query_text
from kg.sparql.results import Answer, QueryDataset, format_answer
from kg.sparql.store import QueryTimeoutError, Store, TooManyRowsError
from kg.sparql.workers import (
    DEFAULT_MAX_MEMORY,
    ServerBusyError,
    WorkerCrashedError,
)

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Request headers a cross-origin page may send (answered in a preflight).
_CORS_HEADERS = "Accept, Content-Type"


@dataclass(frozen=True)
class EndpointLimits:
    """What one request may ask of the endpoint, and who may ask."""

    timeout: float = 30.0
    max_rows: int = 100_000
    max_query_chars: int = DEFAULT_MAX_QUERY_CHARS
    max_depth: int = DEFAULT_MAX_DEPTH
    allow_service: tuple[str, ...] = ()
    #: ``Host`` values accepted; empty means no check (an app not bound by ``serve``).
    hosts: frozenset[str] = field(default_factory=frozenset)
    cors: tuple[str, ...] = ()

    @property
    def max_body_bytes(self) -> int:
        # A form percent-encodes each UTF-8 byte as three characters.
        return self.max_query_chars * 12 + 4096


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    from starlette.responses import PlainTextResponse

    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


class _Gate:
    """ASGI middleware for every route: Host check, cross-origin POST refusal, CORS."""

    def __init__(self, app: ASGIApp, limits: EndpointLimits) -> None:
        self.app = app
        self.hosts = limits.hosts
        self.origins = frozenset(o for o in limits.cors if o != "*")
        self.any_origin_get = "*" in limits.cors
        self.own = frozenset(f"http://{h}" for h in self.hosts)

    async def _plain(self, send: Send, status: int, message: str, extra: list[Any]) -> None:
        body = (message + "\n").encode("utf-8") if message else b""
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            *extra,
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "").strip().lower()
        if self.hosts and host not in self.hosts:
            # DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host.
            shown = host.encode("unicode_escape").decode("ascii")[:100]
            await self._plain(
                send,
                421,
                f"this server does not answer to Host {shown!r}; "
                "use its address, or start it with --allow-host NAME",
                [],
            )
            return
        method = scope["method"]
        origin = headers.get("origin")
        foreign = origin is not None and origin not in self.own
        if (
            method == "OPTIONS"
            and origin is not None
            and "access-control-request-method" in headers
        ):
            wanted = headers["access-control-request-method"].upper()
            grant: list[tuple[bytes, bytes]]
            if origin in self.origins and wanted in ("GET", "POST"):
                grant = [(b"access-control-allow-origin", origin.encode("latin-1"))]
                methods = b"GET, POST"
            elif self.any_origin_get and wanted == "GET":
                grant = [(b"access-control-allow-origin", b"*")]
                methods = b"GET"
            else:
                await self._plain(
                    send, 403, "cross-origin request refused; see kg serve --cors", []
                )
                return
            grant += [
                (b"access-control-allow-methods", methods),
                (b"access-control-allow-headers", _CORS_HEADERS.encode()),
                (b"access-control-max-age", b"600"),
                (b"vary", b"Origin"),
            ]
            await self._plain(send, 204, "", grant)
            return
        if foreign and method not in ("GET", "HEAD") and origin not in self.origins:
            # A form POST needs no preflight: refuse it before it costs a worker.
            await self._plain(
                send, 403, "cross-origin POST refused; allow the origin with kg serve --cors", []
            )
            return
        grant = []
        if foreign and origin in self.origins:
            grant = [(b"access-control-allow-origin", origin.encode("latin-1"))]
        elif foreign and self.any_origin_get and method in ("GET", "HEAD"):
            grant = [(b"access-control-allow-origin", b"*")]
        if self.origins:
            grant.append((b"vary", b"Origin"))

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start" and grant:
                message["headers"] = [*message.get("headers", []), *grant]
            await send(message)

        await self.app(scope, receive, send_with_cors)


Engine = Store | Lanes


#: The response header naming the build that answered (the id of its output set).
BUILD_HEADER = "x-civkg-build"
#: The response header naming the lane whose worker answered: ``fast`` or ``slow``.
LANE_HEADER = "x-civkg-lane"


async def _answer(
    engine: Engine,
    text: str,
    limits: EndpointLimits,
    dataset: QueryDataset | None,
    client: str,
) -> tuple[Answer, dict[str, str]]:
    """The answer and the headers that say where it came from."""
    if isinstance(engine, Lanes):
        routed = await engine.run(
            text,
            max_rows=limits.max_rows,
            timeout=limits.timeout,
            dataset=dataset,
            client=client,
        )
        served = {LANE_HEADER: routed.lane}
        if routed.build is not None:
            served[BUILD_HEADER] = routed.build
        return routed.answer, served
    # A store in this process (library use): no kill at the limit, but the big stack
    # still keeps deep queries from overflowing.
    import anyio

    def run() -> Answer:
        return run_with_big_stack(
            lambda: engine.query(
                text, max_rows=limits.max_rows, timeout=limits.timeout, dataset=dataset
            )
        )

    answer: Answer | None = None
    with anyio.move_on_after(limits.timeout):
        answer = await anyio.to_thread.run_sync(run, abandon_on_cancel=True)
    if answer is None:
        raise QueryTimeoutError(f"query took longer than {limits.timeout:g} s; narrow it")
    return answer, {}


def create_app(
    engine: Engine,
    limits: EndpointLimits | None = None,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
) -> Starlette:
    """The endpoint app over ``engine`` (the worker lanes, or a store in this process)."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.responses import HTMLResponse, Response
    from starlette.routing import Route

    limits = limits or EndpointLimits()
    if timeout is not None:
        limits = EndpointLimits(**{**limits.__dict__, "timeout": timeout})
    if max_rows is not None:
        limits = EndpointLimits(**{**limits.__dict__, "max_rows": max_rows})
    busy = {"retry-after": "1"}

    async def sparql(request: Request) -> Response:
        try:
            text, dataset = await query_text(request, limits.max_body_bytes)
        except RequestError as exc:
            return _text(exc.status, str(exc))
        if not text or not text.strip():
            return _text(400, "no query: pass it as ?query=... or POST it")
        accept = request.headers.get("accept", "")
        form = query_form(text)
        kind = family(form)
        # A query whose form cannot be read is the engine's to reject (400), not ours.
        if form is not None and choose_media_type(accept, kind) is None:
            types = ", ".join(offered(kind))
            what = f"{form.upper()} results"
            return _text(406, f"cannot send {what} in the accepted types; offered: {types}")
        try:
            check_query(
                text,
                max_chars=limits.max_query_chars,
                max_depth=limits.max_depth,
                allow_service=limits.allow_service,
            )
            client = request.client.host if request.client is not None else ""
            answer, served = await _answer(engine, text, limits, dataset, client)
        except QueryRefusedError as exc:
            return _text(400, str(exc))
        except (QueryTimeoutError, ServerBusyError) as exc:
            return _text(503, str(exc), busy)
        except WorkerCrashedError as exc:
            return _text(500, str(exc))
        except TooManyRowsError as exc:
            return _text(422, f"{exc} (the limit is {limits.max_rows})")
        except GraphError as exc:
            return _text(400, str(exc))
        charset = "; charset=utf-8"
        if answer.turtle is not None:
            media = choose_media_type(accept, "graph") or "text/turtle"
            import anyio

            data = await anyio.to_thread.run_sync(graph_bytes, answer.turtle, media)
            return Response(data, headers={"content-type": media + charset, **served})
        media = choose_media_type(accept, "solutions") or "application/sparql-results+json"
        body = format_answer(answer, SOLUTION_TYPES[media])
        return Response(body, headers={"content-type": media + charset, **served})

    async def page(request: Request) -> Response:
        return HTMLResponse(_PAGE)

    return Starlette(
        routes=[
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/", page, methods=["GET"]),
        ],
        middleware=[Middleware(_Gate, limits=limits)],
    )


def serve(
    target: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    limits: EndpointLimits | None = None,
    allow_hosts: Iterable[str] = (),
    workers: int | None = None,
    fast_workers: int = 1,
    fast_budget: float = DEFAULT_FAST_BUDGET,
    max_memory: int = DEFAULT_MAX_MEMORY,
    queue: int = 64,
    on_listening: Callable[[], None] | None = None,
) -> None:
    """Serve the build at ``target`` until SIGINT or SIGTERM; then stop every worker.

    The port is bound and the store opened by every worker before ``on_listening`` is
    called, so an announcement is never followed by "address in use" or a bad folder.
    Raises GraphError (before listening) if the workers cannot open the store, and
    UsageError if the address cannot be bound. Each request is logged on stderr.
    """
    import uvicorn

    base = limits or EndpointLimits()
    limits = EndpointLimits(**{**base.__dict__, "hosts": allowed_hosts(host, port, allow_hosts)})
    listener = _bind(host, port)
    pool = Lanes(
        target,
        workers=workers,
        fast_workers=fast_workers,
        fast_budget=fast_budget,
        max_memory=max_memory,
        queue=queue,
    )
    try:
        pool.start()
    except BaseException:
        listener.close()
        raise

    class _Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            # Kill the workers first, so in-flight queries end now (503), not at their limit.
            pool.kill_all()
            super().handle_exit(sig, frame)

    config = uvicorn.Config(
        create_app(pool, limits),
        host=host,
        port=port,
        log_config=_LOG_CONFIG,
        access_log=True,
        lifespan="off",
        timeout_graceful_shutdown=5,
    )
    # uvicorn re-raises the signal that stopped it once it is done; with these handlers
    # in place that is a no-op, so a stop by SIGINT/SIGTERM exits 0 (Ctrl+C, systemd).
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, lambda s, f: None) for sig in handled}
    try:
        if on_listening is not None:
            on_listening()
        _Server(config).run(sockets=[listener])
    finally:
        listener.close()
        pool.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


#: uvicorn's logging with its own messages at warning level and one access line per
#: request (client, request line, status), all on stderr beside our announcements.
_LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "access": {
            "()": "uvicorn.logging.AccessFormatter",
            "fmt": '%(asctime)s %(client_addr)s "%(request_line)s" %(status_code)s',
            "use_colors": False,
        },
        "default": {"()": "uvicorn.logging.DefaultFormatter", "fmt": "kg: %(message)s"},
    },
    "handlers": {
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "access",
            "stream": "ext://sys.stderr",
        },
        "default": {
            "class": "logging.StreamHandler",
            "formatter": "default",
            "stream": "ext://sys.stderr",
        },
    },
    "loggers": {
        "uvicorn.error": {"handlers": ["default"], "level": "WARNING", "propagate": False},
        "uvicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, or a UsageError that says why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    # As uvicorn does: a restarted server may reuse a port whose old connections linger.
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
        listener.listen(2048)
    except OSError as exc:
        listener.close()
        reason = exc.strerror or str(exc)
        hint = "; pick another with --port" if exc.errno == errno.EADDRINUSE else ""
        raise UsageError(f"cannot listen on {host}:{port}: {reason}{hint}") from None
    return listener


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>civkg SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}
textarea{width:100%;height:12rem;font-family:monospace}
table{border-collapse:collapse;margin-top:1rem}td,th{border:1px solid #ccc;padding:.2rem .5rem}
#status{color:#a00}pre{background:#f6f6f6;padding:.5rem;overflow:auto}
</style></head><body>
<h1>civkg SPARQL endpoint</h1>
<p>POST or GET SPARQL 1.1 queries to <code>/sparql</code>: SELECT and ASK answer in
JSON, XML, CSV or TSV, CONSTRUCT and DESCRIBE in Turtle, N-Triples, JSON-LD or RDF/XML,
by <code>Accept</code>. Prefixes civ:, org:, foaf:, skos:,
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
              "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
    body: document.getElementById("q").value});
  if (!response.ok) { status.textContent = await response.text(); return; }
  if ((response.headers.get("content-type") || "").startsWith("text/turtle")) {
    const pre = document.createElement("pre"); pre.id = "graph";
    pre.textContent = await response.text(); out.appendChild(pre);
    status.textContent = "graph (Turtle)"; return; }
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
