"""SPARQL commands: query a build (named or ad-hoc queries), serve it, push it."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import KgCommand, app, fails_cleanly
from kg.errors import UsageError
from kg.sparql.results import ResultFormat

# A bare word is a query name (SPARQL text always has spaces or braces).
_NAME = re.compile(r"[a-z][a-z0-9_-]*")
_OUTPUTS = "[" + "|".join(kind.value for kind in ResultFormat) + "]"


def _parse_params(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {pair!r}: write it as NAME=VALUE")
        values[name.strip()] = value
    return values


def _listing() -> str:
    from kg.sparql.queries import NAME_TYPES, named_queries

    lines = []
    for query in named_queries().values():
        lines.append(f"{query.name}: {query.description}")
        for param in query.parameters:
            default = "required" if param.default is None else f"default {param.default!r}"
            kind = f"{param.type} name" if param.type in NAME_TYPES else param.type
            lines.append(f"    --param {param.name}=<{kind}>  {param.description} ({default})")
        lines.append(f"    {query.example}")
    return "\n".join(lines) + "\n"


@app.command(cls=KgCommand)
@fails_cleanly
def query(
    target: Annotated[
        Path | None,
        typer.Argument(metavar="PATH", help="A build folder (uses its store/) or a graph file."),
    ] = None,
    sparql: Annotated[
        str | None,
        typer.Argument(metavar="QUERY", help="A named query (see --list) or SPARQL text."),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", metavar="FILE", help="Read the query from a .rq file.")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", metavar="NAME=VALUE", help="A query parameter; repeatable."),
    ] = None,
    list_queries: Annotated[
        bool, typer.Option("--list", help="List the named queries and their parameters.")
    ] = False,
    output: Annotated[
        ResultFormat,
        typer.Option("--output", "-o", metavar=_OUTPUTS, help="How to print the answer."),
    ] = ResultFormat.table,
    allow_service: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-service",
            metavar="URL",
            help="A SPARQL endpoint URL that SERVICE may call; repeatable (default: none).",
        ),
    ] = None,
) -> None:
    """Run a named or ad-hoc SPARQL query against a build folder or graph file.

    Example: kg query out/ members-of --param org="Green Steppe" --output csv
    """
    from kg.sparql.engine import run_with_big_stack
    from kg.sparql.guard import check_query
    from kg.sparql.queries import NamedQuery, get_query, named_queries, parse_query
    from kg.sparql.results import format_answer
    from kg.sparql.store import open_store

    if list_queries:
        sys.stdout.write(_listing())
        return
    if target is None:
        raise UsageError("give a build folder or graph file to query")
    if (sparql is None) == (file is None):
        raise UsageError("give the query either as an argument or with --file, not both")
    values = _parse_params(param or [])
    query: NamedQuery | None = None
    text = ""
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{file}: cannot read query: {exc.strerror or exc}") from exc
        # A file with a named-query header takes parameters; a bare one is run as is.
        if text.startswith("# name:"):
            query = parse_query(text, str(file))
    elif sparql in named_queries() or _NAME.fullmatch(sparql or ""):
        query = get_query(str(sparql))
    else:
        assert sparql is not None
        text = sparql
    if values and query is None:
        raise UsageError("--param works with named queries only; see kg query --list")
    services = _service_urls(allow_service or [])
    store = open_store(target)
    if query is not None:
        text = query.bind(values, names=store.names)
        # An empty answer because a name matched no one reads like "no members": say so.
        for unmatched, value in query.unmatched(values, store.names):
            typer.echo(
                f"kg: no {unmatched.type} has a name containing {value!r} (any language or "
                f"script, any case); try a shorter part of the name",
                err=True,
            )
    # Refused before the engine sees it: deep nesting would crash the process (SIGSEGV)
    # and SERVICE would make it call any URL. The big stack covers what the check lets by.
    check_query(text, allow_service=services)
    answer = run_with_big_stack(lambda: store.query(text))
    # A table for a person at a terminal fits its width; piped, every character stays.
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    sys.stdout.write(format_answer(answer, output.value, width=width))


def _service_urls(urls: list[str]) -> tuple[str, ...]:
    from urllib.parse import urlsplit

    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UsageError(f"--allow-service {url!r}: give an http:// or https:// URL")
    return tuple(urls)


def _size(text: str) -> int:
    """Bytes from ``2G``, ``512M``, ``1500000``."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    raw = text.strip().lower().removesuffix("b")
    scale = units.get(raw[-1:], 1)
    number = raw[:-1] if raw[-1:] in units else raw
    try:
        value = int(float(number) * scale)
    except ValueError:
        raise UsageError(f"--max-memory {text!r}: write it as e.g. 2G or 512M") from None
    return value


@app.command(cls=KgCommand)
@fails_cleanly
def serve(
    target: Annotated[
        Path, typer.Argument(metavar="PATH", help="A build folder (uses its store/) or graph file.")
    ],
    host: Annotated[
        str, typer.Option(metavar="ADDRESS", help="Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port to listen on.")] = 7878,
    timeout: Annotated[float, typer.Option(metavar="SECONDS", help="Per-query time limit.")] = 30.0,
    max_rows: Annotated[
        int, typer.Option(metavar="N", help="Most result rows a query may return.")
    ] = 100_000,
    workers: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help="Query workers of the slow lane, for queries past --fast-budget "
            "(default: one per core).",
        ),
    ] = None,
    fast_workers: Annotated[
        int,
        typer.Option(
            metavar="N",
            help="Query workers of the fast lane, where every query starts "
            "(0: one lane, no budget).",
        ),
    ] = 1,
    fast_budget: Annotated[
        float,
        typer.Option(
            metavar="SECONDS",
            help="How long a query may run in the fast lane before it moves to the slow one.",
        ),
    ] = 1.0,
    max_memory: Annotated[
        str, typer.Option(metavar="SIZE", help="Address-space cap per worker, e.g. 2G or 512M.")
    ] = "2G",
    queue: Annotated[
        int,
        typer.Option(
            metavar="N", help="Most queries waiting for a worker, per lane; more get 503."
        ),
    ] = 64,
    allow_service: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-service",
            metavar="URL",
            help="A SPARQL endpoint URL that SERVICE may call; repeatable (default: none).",
        ),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            metavar="HOST",
            help="Another Host header to answer to (NAME or NAME:PORT, * for any); repeatable.",
        ),
    ] = None,
    cors: Annotated[
        list[str] | None,
        typer.Option(
            "--cors",
            metavar="ORIGIN",
            help="A web origin that may query from a browser (* : any origin, GET only); "
            "repeatable (default: none).",
        ),
    ] = None,
) -> None:
    """Serve a build read-only as a SPARQL 1.1 Protocol endpoint at /sparql.

    Example: kg serve out/ --port 7878 --cors https://yasgui.triply.cc
    """
    from kg.sparql.server import EndpointLimits
    from kg.sparql.server import serve as run_server
    from kg.sparql.workers import MIN_MAX_MEMORY

    memory = _size(max_memory)
    if memory < MIN_MAX_MEMORY:
        raise UsageError(f"--max-memory {max_memory!r}: give at least 512M")
    if workers is not None and workers < 1:
        raise UsageError("--workers: give at least 1")
    if fast_workers < 0:
        raise UsageError("--fast-workers: give 0 or more")
    if fast_budget <= 0:
        raise UsageError("--fast-budget: give a positive number of seconds")
    if queue < 0:
        raise UsageError("--queue: give 0 or more")
    if timeout <= 0:
        raise UsageError("--timeout: give a positive number of seconds")
    for origin in cors or []:
        if origin != "*" and not origin.startswith(("http://", "https://")):
            raise UsageError(f"--cors {origin!r}: give an origin such as https://example.org")
    limits = EndpointLimits(
        timeout=timeout,
        max_rows=max_rows,
        allow_service=_service_urls(allow_service or []),
        cors=tuple(o.rstrip("/") for o in cors or []),
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"kg: warning: serving on {host}; anyone who can reach it can query", err=True)
    typer.echo("kg: starting query workers ...", err=True)
    run_server(
        target,
        host=host,
        port=port,
        limits=limits,
        allow_hosts=allow_host or [],
        workers=workers,
        fast_workers=fast_workers,
        fast_budget=fast_budget,
        max_memory=memory,
        queue=queue,
        on_listening=lambda: typer.echo(
            f"SPARQL endpoint at http://{host}:{port}/sparql{_serving(target)} (Ctrl+C stops)",
            err=True,
        ),
    )


def _serving(target: Path) -> str:
    """Which build a folder holds, for the start-up line (answers name theirs too)."""
    from kg.output_folder import current_set

    found = current_set(target) if target.is_dir() else None
    return f", build {found.name}, following rebuilds" if found is not None else ""


@app.command(cls=KgCommand)
@fails_cleanly
def push(
    target: Annotated[Path, typer.Argument(metavar="PATH", help="A build folder or graph file.")],
    endpoint: Annotated[
        str,
        typer.Option(
            metavar="URL", help="Graph Store Protocol URL, e.g. http://localhost:7878/store."
        ),
    ],
    graph: Annotated[
        str | None,
        typer.Option(metavar="IRI", help="Named graph IRI to replace; default graph if absent."),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            metavar="SECONDS", help="How long to wait for the store (connecting and answering)."
        ),
    ] = 300.0,
) -> None:
    """Load a build's graph into an external store over the SPARQL Graph Store Protocol.

    Example: kg push out/ --endpoint http://localhost:7878/store --graph https://example.org/g
    """
    from kg.sparql.push import push_graph

    count = push_graph(target, endpoint, graph=graph, timeout=timeout)
    where = f"graph <{graph}>" if graph else "the default graph"
    typer.echo(f"Pushed {count} triples to {where} at {endpoint}")
