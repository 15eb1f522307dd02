"""SPARQL commands: query a build folder or graph file."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import app, fails_cleanly
from kg.errors import UsageError


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


@app.command()
@fails_cleanly
def query(
    target: Annotated[Path, typer.Argument(help="A build folder or a graph file.")],
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query text.")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Read the query from a .rq file.")
    ] = None,
    output: Annotated[ResultFormat, typer.Option("--output", "-o")] = ResultFormat.table,
) -> None:
    """Run a SPARQL query against a build folder or graph file.

    Example: kg query out/ "SELECT ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name }"
    """
    from kg.graph import load_graph
    from kg.query import format_results, run_query

    if (sparql is None) == (file is None):
        raise UsageError("give the query either as an argument or with --file, not both")
    if file is not None:
        try:
            sparql = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{file}: cannot read query: {exc.strerror or exc}") from exc
    assert sparql is not None
    result = run_query(load_graph(target), sparql)
    sys.stdout.write(format_results(result, output.value))
