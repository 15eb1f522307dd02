"""Core commands: build, stats, extractors, formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import app, fails_cleanly
from kg.iris import DEFAULT_BASE


@app.command()
@fails_cleanly
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Article files or folders (recursive).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    formats: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="Comma-separated outputs (default: all). See `kg formats`."
        ),
    ] = None,
    base: Annotated[str, typer.Option(help="Base IRI for entities.")] = DEFAULT_BASE,
    strict: Annotated[
        bool, typer.Option(help="Stop at the first unreadable file instead of skipping it.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no summary.")] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes for extraction (default: every core)."
        ),
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(
            help="Reuse the results of unchanged articles kept in OUT/.civkg-cache "
            "from the last build."
        ),
    ] = True,
    executor: Annotated[
        str,
        typer.Option(
            help="Where extraction runs: 'processes' on this machine, or 'dask' "
            "(a Dask cluster; needs pip install 'civkg[dask]')."
        ),
    ] = "processes",
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="With --executor dask: the scheduler's address, e.g. tcp://10.0.0.5:8786 "
            "(default: a LocalCluster of --jobs workers on this machine)."
        ),
    ] = None,
    decisions: Annotated[
        Path | None,
        typer.Option(
            help="An analyst's merge / split / distinct judgements (JSON lines, see kg xref), "
            "applied before the graph is made."
        ),
    ] = None,
) -> None:
    """Build the graph, map and report from a folder of articles.

    Example: kg build examples/articles --out out/ --format turtle,html
    """
    from kg.build import build as run_build
    from kg.model import Problem
    from kg.output_folder import current_set, read_manifest
    from kg.sparql.stats import count
    from kg.workers import default_jobs

    def warn(problem: Problem) -> None:
        typer.echo(f"kg: skipped {problem}", err=True)

    chosen = [name.strip() for name in formats.split(",") if name.strip()] if formats else None
    done = run_build(
        inputs,
        out_dir=out,
        formats=chosen,
        base=base,
        strict=strict,
        on_problem=warn,
        on_notice=lambda message: typer.echo(f"kg: note: {message}", err=True),
        jobs=jobs or default_jobs(),
        cache=cache,
        executor=executor,
        scheduler=scheduler,
        decisions=decisions,
    )
    if quiet:
        return
    counts = count(done.graph)
    reused = f", {done.reused} unchanged since the last build" if done.reused else ""
    typer.echo(
        f"Read {len(done.results)} articles ({len(done.problems)} skipped{reused}) in "
        f"{done.seconds:.1f} s: {counts['people']} people, {counts['organisations']} "
        f"organisations, {counts['memberships']} memberships, {counts['agreements']} "
        f"agreements, {counts['events']} events, {counts['participations']} participations "
        f"({counts['triples']} triples)."
    )
    found = current_set(out)
    manifest = read_manifest(found) if found is not None else None
    written = sorted(manifest["outputs"]) if manifest is not None else []
    typer.echo(f"Wrote {out}/: {', '.join(written)}")


@app.command()
@fails_cleanly
def stats(
    target: Annotated[Path, typer.Argument(help="A build folder or a graph file.")],
    top: Annotated[int, typer.Option(help="How many organisations to list.")] = 10,
) -> None:
    """Counts, organisations with most members, connected components.

    Example: kg stats out/
    """
    from kg.graph.files import load_graph
    from kg.sparql.stats import graph_stats

    found = graph_stats(load_graph(target), top=top)
    for name, value in found.counts.items():
        typer.echo(f"{name:<15}{value:>8}")
    typer.echo(f"{'components':<15}{found.components:>8}  (largest: {found.largest_component})")
    if found.top_organisations:
        typer.echo("\nOrganisations by number of people representing them:")
        for label, members in found.top_organisations:
            typer.echo(f"{members:>5}  {label}")


@app.command()
@fails_cleanly
def extractors() -> None:
    """List the registered extractors and the languages they serve.

    Example: kg extractors
    """
    from kg.extractors import extractor_specs

    for spec in extractor_specs():
        typer.echo(f"{spec.name:<12}{','.join(spec.languages):<10}{spec.description}")


@app.command()
@fails_cleanly
def formats() -> None:
    """List the output formats `kg build --format` accepts.

    Example: kg formats
    """
    from kg.exporters import exporter_specs

    for spec in exporter_specs():
        typer.echo(f"{spec.name:<10}{spec.description}")
