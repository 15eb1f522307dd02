"""From an rdflib graph to the map page: read, optionally narrow, lay out, render."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.exporters.map.data import read_map_data
from kg.exporters.map.focus import communities, ego, find_node
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
    centre: int | None = None
    if focus is not None:
        data = ego(data, focus, hops)
        centre = find_node(data, focus)
    groups = communities(data) if options.communities else None
    positions = layout(data)
    if centre is not None:
        # The ego map's subject at the origin: the middle of the picture, in every tool.
        cx, cy = positions[centre]
        positions = [(round(x - cx, 1), round(y - cy, 1)) for x, y in positions]
    return render_page(data, positions, options, groups, focus=centre)
