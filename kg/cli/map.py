"""The ``kg map`` command: the interactive map of a built graph, whole or around a name."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import KgCommand, app, fails_cleanly


@app.command(name="map", cls=KgCommand)
@fails_cleanly
def map_command(
    target: Annotated[
        Path,
        typer.Argument(metavar="PATH", help="A build folder (uses its store/) or a graph file."),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="FILE", help="The HTML file to write.")
    ] = Path("map.html"),
    focus: Annotated[
        str | None,
        typer.Option(
            metavar="NAME", help="Draw only this entity (any spelling) and its neighbours."
        ),
    ] = None,
    hops: Annotated[
        int, typer.Option(metavar="N", help="With --focus: how many edges away to reach.")
    ] = 2,
    communities: Annotated[
        bool, typer.Option("--communities", help="Colour nodes by Louvain community.")
    ] = False,
) -> None:
    """Write a self-contained, offline network map (HTML) of a graph.

    Example: kg map out/ --focus "Қазақстанның Азаматтық альянсы" --hops 2 --out ego.html
    """
    from kg.exporters import write_atomic
    from kg.exporters.map.page import MapOptions
    from kg.exporters.map.render import render_map
    from kg.sparql.graph import read_graph
    from kg.xref import build_base

    title = f"civkg map: {focus}" if focus else "civkg network map"
    page = render_map(
        read_graph(target),
        options=MapOptions(title=title, communities=communities, base=build_base(target)),
        focus=focus,
        hops=hops,
    )
    write_atomic(out, page)
    typer.echo(f"Wrote {out}")
