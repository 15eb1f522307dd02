"""Core commands: build, stats, extractors, formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import KgCommand, app, fails_cleanly
from kg.iris import DEFAULT_BASE
from kg.limits import DEFAULT_MAX_BYTES


@app.command(cls=KgCommand)
@fails_cleanly
def build(
    inputs: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Article files or folders (recursive).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Output folder.")] = Path(
        "out"
    ),
    formats: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="NAME,...",
            help="Comma-separated outputs (default: all). See `kg formats`.",
        ),
    ] = None,
    base: Annotated[str, typer.Option(metavar="IRI", help="Base IRI for entities.")] = DEFAULT_BASE,
    strict: Annotated[
        bool, typer.Option(help="Stop at the first unreadable file instead of skipping it.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print no progress bar and no summary.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Also print each stage's time and each file written."),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Worker processes for extraction (default: every core).",
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
            metavar="[processes|dask]",
            help="Where extraction runs: 'processes' on this machine, or 'dask' "
            "(a Dask cluster; needs pip install 'civkg[dask]').",
        ),
    ] = "processes",
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="With --executor dask: the scheduler's address, e.g. tcp://10.0.0.5:8786 "
            "(default: a LocalCluster of --jobs workers on this machine).",
        ),
    ] = None,
    decisions: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="An analyst's merge / split / distinct judgements (JSON lines, see kg xref), "
            "applied before the graph is made.",
        ),
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes",
            min=1,
            metavar="BYTES",
            help="Skip (and report) any file larger than this.",
        ),
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """Build the graph, map and report from a folder of articles.

    Example: kg build examples/articles --out out/ --format turtle,html
    """
    import time

    from kg.build import build as run_build
    from kg.cli.progress import build_progress
    from kg.model import Problem
    from kg.output_folder import current_set, read_manifest
    from kg.sparql.stats import count
    from kg.workers import default_jobs

    # From here, so the time reported includes loading the models and writing files.
    started = time.perf_counter()

    def warn(problem: Problem) -> None:
        typer.echo(f"kg: skipped {problem}", err=True)

    chosen = [name.strip() for name in formats.split(",") if name.strip()] if formats else None
    with build_progress(not quiet) as progress:
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
            on_progress=progress,
            max_bytes=max_bytes,
        )
    seconds = time.perf_counter() - started
    if quiet:
        return
    counts = count(done.graph)
    reused = f", {done.reused} unchanged since the last build" if done.reused else ""
    typer.echo(
        f"Read {len(done.results)} articles ({len(done.problems)} skipped{reused}) in "
        f"{seconds:.1f} s: {counts['people']} people, {counts['organisations']} "
        f"organisations, {counts['memberships']} memberships, {counts['agreements']} "
        f"agreements, {counts['events']} events, {counts['participations']} participations "
        f"({counts['triples']} triples)."
    )
    found = current_set(out)
    manifest = read_manifest(found) if found is not None else None
    written = sorted(manifest["outputs"]) if manifest is not None else []
    typer.echo(f"Wrote {out}/: {', '.join(written)}")
    if verbose:
        for stage, taken in done.stages.items():
            typer.echo(f"  {stage:<10}{taken:>8.2f} s")
    hint = _next_steps(out, written)
    if hint:
        typer.echo(hint)


def _next_steps(out: Path, written: list[str]) -> str:
    """What to do with a build, naming only what it wrote."""
    steps = []
    if "store" in written or any(name.endswith(".ttl") for name in written):
        steps.append(f"kg query {out} --list")
    if "store" in written:
        steps.append(f"kg serve {out}")
    if "map.html" in written:
        steps.append(f"open {out / 'map.html'}")
    return "Next: " + "  |  ".join(steps) if steps else ""


@app.command(cls=KgCommand)
@fails_cleanly
def stats(
    target: Annotated[
        Path,
        typer.Argument(metavar="PATH", help="A build folder (uses its store/) or a graph file."),
    ],
    top: Annotated[int, typer.Option(metavar="N", help="How many organisations to list.")] = 10,
) -> None:
    """Counts, organisations with most members, connected components.

    Example: kg stats out/
    """
    from kg.sparql.graph import read_graph
    from kg.sparql.stats import graph_stats

    found = graph_stats(read_graph(target), top=top)
    for name, value in found.counts.items():
        typer.echo(f"{name:<15}{value:>8}")
    typer.echo(f"{'components':<15}{found.components:>8}  (largest: {found.largest_component})")
    if found.top_organisations:
        typer.echo("\nOrganisations by number of people representing them:")
        for label, members in found.top_organisations:
            typer.echo(f"{members:>5}  {label}")


@app.command(cls=KgCommand)
@fails_cleanly
def extractors() -> None:
    """List the registered extractors and the languages they serve.

    Example: kg extractors
    """
    from kg.extractors import extractor_specs

    for spec in extractor_specs():
        typer.echo(f"{spec.name:<12}{','.join(spec.languages):<10}{spec.description}")


@app.command(cls=KgCommand)
@fails_cleanly
def formats() -> None:
    """List the output formats `kg build --format` accepts.

    Example: kg formats
    """
    from kg.exporters import exporter_specs

    for spec in exporter_specs():
        typer.echo(f"{spec.name:<10}{spec.description}")
