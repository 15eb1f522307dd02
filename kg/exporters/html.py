"""map.html: the interactive network map (pyvis), one self-contained file."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.exporters.base import write_atomic

if TYPE_CHECKING:
    from kg.build import Build

_STYLE: dict[str, dict[str, Any]] = {
    "person": {"color": "#4e79a7", "shape": "dot"},
    "organisation": {"color": "#f28e2b", "shape": "diamond"},
    "agreement": {"color": "#59a14f", "shape": "square"},
    "event": {"color": "#b07aa1", "shape": "triangle"},
}
_EDGE_COLOURS = {"represents": "#4e79a7", "signed": "#59a14f", "participated_in": "#b07aa1"}


def map_html(build: Build) -> str:
    """The map page as a string; every text from articles is escaped."""
    from pyvis.network import Network

    from kg.network import to_networkx

    network = to_networkx(build.graph)
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    for node, data in network.nodes(data=True):
        style = _STYLE.get(str(data.get("type")), {"color": "#999999", "shape": "dot"})
        label = str(data.get("label", node))
        net.add_node(
            str(node),
            label=html.escape(label),
            title=html.escape(f"{label} ({data.get('type')})"),
            size=10 + 3 * int(data.get("degree", 0)),
            **style,
        )
    for source, target, data in network.edges(data=True):
        kind = str(data.get("type", ""))
        role = data.get("role")
        net.add_edge(
            str(source),
            str(target),
            title=html.escape(f"{kind}: {role}" if role else kind),
            color=_EDGE_COLOURS.get(kind, "#999999"),
        )
    net.toggle_physics(len(network) <= 2000)
    page: str = net.generate_html(notebook=False)
    return page


class HtmlMapExporter:
    name = "html"
    description = "map.html: interactive network map of people, organisations, agreements"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        return [write_atomic(out_dir / "map.html", map_html(build))]
