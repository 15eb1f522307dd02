"""From an rdflib graph to the map page: read, optionally narrow, lay out, render."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.exporters.map.data import read_map_data
from kg.exporters.map.focus import communities, ego
from kg.exporters.map.layout import layout
from kg.exporters.map.page import MapOptions, render_page

if TYPE_CHECKING:
    from rdflib import Graph


def render_map(
    graph: Graph,
    *,
    options: MapOptions | None = None,
    focus: str | None = None,
    hops: int = 2,
) -> str:
    """The map of ``graph`` as one self-contained HTML string.

    With ``focus``, only the entity of that name and its ``hops``-neighbourhood are drawn;
    ``options.communities`` colours nodes by Louvain community instead of by type.
    """

    options = options or MapOptions()
    data = read_map_data(graph)
    if focus is not None:
        data = ego(data, focus, hops)
    groups = communities(data) if options.communities else None
    return render_page(data, layout(data), options, groups)
