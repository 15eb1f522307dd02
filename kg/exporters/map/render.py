"""From an rdflib graph to the map page: read, optionally narrow, lay out, render."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.exporters.map.data import read_map_data
from kg.exporters.map.focus import communities, ego, find_node
from kg.exporters.map.layout import laid_out, layout
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
    centre: int | None = None
    if focus is None:
        data, positions = laid_out(graph)  # shared with graph.gexf and graph.graphml
    else:
        data = ego(read_map_data(graph), focus, hops)
        centre = find_node(data, focus)
        positions = layout(data)
    groups = communities(data) if options.communities else None
    if centre is not None:
        # The ego map's subject at the origin: the middle of the picture, in every tool.
        cx, cy = positions[centre]
        positions = [(round(x - cx, 1), round(y - cy, 1)) for x, y in positions]
    return render_page(data, positions, options, groups, focus=centre)
