"""SPARQL commands: query a build (named or ad-hoc queries), serve it, push it."""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import app, fails_cleanly
from kg.errors import UsageError

# A bare word is a query name (SPARQL text always has spaces or braces).
_NAME = re.compile(r"[a-z][a-z0-9_-]*")


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    xml = "xml"


def _parse_params(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {pair!r}: write it as NAME=VALUE")
        values[name.strip()] = value
    return values


def _listing() -> str:
    from kg.queries import NAME_TYPES, named_queries

    lines = []
    for query in named_queries().values():
        lines.append(f"{query.name}: {query.description}")
        for param in query.parameters:
            default = "required" if param.default is None else f"default {param.default!r}"
            kind = f"{param.type} name" if param.type in NAME_TYPES else param.type
            lines.append(f"    --param {param.name}=<{kind}>  {param.description} ({default})")
        lines.append(f"    {query.example}")
    return "\n".join(lines) + "\n"


@app.command()
@fails_cleanly
def query(
    target: Annotated[
        Path | None, typer.Argument(help="A build folder (uses its store/) or a graph file.")
    ] = None,
    sparql: Annotated[
        str | None, typer.Argument(help="A named query (see --list) or SPARQL text.")
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Read the query from a .rq file.")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="A query parameter, NAME=VALUE; repeatable."),
    ] = None,
    list_queries: Annotated[
        bool, typer.Option("--list", help="List the named queries and their parameters.")
    ] = False,
    output: Annotated[ResultFormat, typer.Option("--output", "-o")] = ResultFormat.table,
) -> None:
    """Run a named or ad-hoc SPARQL query against a build folder or graph file.

    Example: kg query out/ members-of --param org="Green Steppe" --output csv
    """
    from kg.queries import NamedQuery, get_query, named_queries, parse_query
    from kg.query import format_answer
    from kg.store import open_store

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
    store = open_store(target)
    answer = store.query(text) if query is None else store.run(query, values)
    sys.stdout.write(format_answer(answer, output.value))


@app.command()
@fails_cleanly
def serve(
    target: Annotated[Path, typer.Argument(help="A build folder (uses its store/) or graph file.")],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 7878,
    timeout: Annotated[float, typer.Option(help="Per-query time limit, seconds.")] = 30.0,
    max_rows: Annotated[int, typer.Option(help="Most result rows a query may return.")] = 100_000,
) -> None:
    """Serve a build read-only as a SPARQL 1.1 Protocol endpoint at /sparql.

    Example: kg serve out/ --port 7878
    """
    from kg.server import serve as run_server

    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"kg: warning: serving on {host}; anyone who can reach it can query", err=True)
    typer.echo(f"SPARQL endpoint at http://{host}:{port}/sparql (Ctrl+C stops)", err=True)
    run_server(target, host=host, port=port, timeout=timeout, max_rows=max_rows)


@app.command()
@fails_cleanly
def push(
    target: Annotated[Path, typer.Argument(help="A build folder or graph file.")],
    endpoint: Annotated[
        str, typer.Option(help="Graph Store Protocol URL, e.g. http://localhost:7878/store.")
    ],
    graph: Annotated[
        str | None, typer.Option(help="Named graph IRI to replace; default graph if absent.")
    ] = None,
) -> None:
    """Load a build's graph into an external store over the SPARQL Graph Store Protocol.

    Example: kg push out/ --endpoint http://localhost:7878/store --graph https://example.org/g
    """
    from kg.push import push_graph

    count = push_graph(target, endpoint, graph=graph)
    where = f"graph <{graph}>" if graph else "the default graph"
    typer.echo(f"Pushed {count} triples to {where} at {endpoint}")
