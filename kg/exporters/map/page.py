"""The self-contained map page: pyvis builds the network, our template the rest."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from kg.errors import ExportError
from kg.exporters.map.data import MapData
from kg.iris import DEFAULT_BASE
from kg.schema import NODE_KINDS
from kg.text import SOUND_RULES, ascii_key, sound_key, to_ascii
from kg.views import EDGE_TYPES

#: Above this many nodes physics is off and the precomputed layout is final.
PHYSICS_LIMIT = 300
#: Above this many nodes the page first shows only the best-connected ones.
TOP_N = 5000

NODE_STYLE: dict[str, dict[str, str]] = {
    "person": {"color": "#4e79a7", "shape": "dot"},
    "organisation": {"color": "#bab0ac", "shape": "diamond"},
    "agreement": {"color": "#59a14f", "shape": "square"},
    "event": {"color": "#b07aa1", "shape": "triangle"},
}
ORG_COLOURS: dict[str, str] = {
    "ngo": "#f28e2b",
    "government": "#e15759",
    "international": "#76b7b2",
    "company": "#edc948",
    "media": "#ff9da7",
    "education": "#9c755f",
}
EDGE_STYLE: dict[str, dict[str, Any]] = {
    "represents": {"color": "#4e79a7", "dashes": False},
    "signed": {"color": "#59a14f", "dashes": [8, 4]},
    "participated_in": {"color": "#b07aa1", "dashes": [2, 4]},
}
COMMUNITY_COLOURS: tuple[str, ...] = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#17becf", "#bcbd22", "#8c564b",
)  # fmt: skip

#: The kinds of node an analyst may mark the same or different in the map (as kg merge).
JUDGED: tuple[str, ...] = ("person", "organisation")

_VIS_DIR = "templates/lib/vis-9.1.2"
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
# Characters the search box may receive: ASCII, Latin-1/Extended, Cyrillic, Vietnamese-style.
_FOLDED_RANGES = ((0x20, 0x7F), (0xA0, 0x250), (0x400, 0x530), (0x1E00, 0x1F00))


@dataclass(frozen=True, slots=True)
class MapOptions:
    """How to draw: page title, community colouring, physics and top-N thresholds.

    ``base`` is the IRI base the build minted ids under: a person's or organisation's
    id (what ``kg merge`` and a decisions file name) is its IRI without it.
    """

    title: str = "civkg network map"
    communities: bool = False
    physics_limit: int = PHYSICS_LIMIT
    top_n: int = TOP_N
    base: str = DEFAULT_BASE


def _asset(name: str) -> str:
    return (files("kg.exporters.map") / "assets" / name).read_text(encoding="utf-8")


@cache
def _vis() -> tuple[str, str]:
    """vis-network's JS and CSS from pyvis's package data (never from a CDN)."""
    lib = files("pyvis") / _VIS_DIR
    try:
        script = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        style = (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"pyvis/{_VIS_DIR}: vis-network files missing: {exc}") from exc
    # The source-map comment would make devtools fetch a file that is not there.
    return _SOURCE_MAP.sub("", script), style


@cache
def fold_table() -> dict[str, str]:
    """``to_ascii`` of each character the page may fold; JS folds a query with it."""
    table: dict[str, str] = {}
    for low, high in _FOLDED_RANGES:
        for code in range(low, high):
            char = chr(code)
            table[char] = to_ascii(char)
    return table


def _ident(iri: str, base: str) -> str:
    return iri[len(base) :] if iri.startswith(base) else iri


def _node_size(degree: int) -> float:
    return round(10 + 5 * math.sqrt(degree), 1)


def _network(
    data: MapData,
    positions: list[tuple[float, float]],
    community: list[int] | None,
    large: bool,
    base: str = DEFAULT_BASE,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Node and edge records built by pyvis, with the fields our page script reads."""
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    net = Network(directed=True, cdn_resources="remote")
    degrees = data.degrees()
    # Network.add_node/add_edge test membership in lists (quadratic in the graph's size),
    # so records are made with pyvis's Node/Edge and appended directly.
    for index, node in enumerate(data.nodes):
        style = dict(NODE_STYLE[node.type])
        if node.type == "organisation" and node.org_class in ORG_COLOURS:
            style["color"] = ORG_COLOURS[node.org_class]
        if community is not None:
            style["color"] = COMMUNITY_COLOURS[community[index] % len(COMMUNITY_COLOURS)]
        x, y = positions[index]
        record = Node(
            index,
            style["shape"],
            node.label,
            color=style["color"],
            title=f"{node.label} ({node.org_class or node.type})",
            size=_node_size(degrees[index]),
            # vis scales size and label by value: zoomed out, the small labels fall under
            # the draw threshold first and the best-connected nodes keep theirs.
            value=degrees[index] + 1,
            x=x,
            y=y,
            kind=node.type,
            cls=node.org_class,
            iri=node.iri,
            # The id a decisions file names; only people and organisations are judged.
            ident=_ident(node.iri, base) if node.type in JUDGED else None,
            names=[list(pair) for pair in node.names],
            fold=" | ".join(sorted({ascii_key(text) for text, _ in node.names})),
            sound=" | ".join(sorted({sound_key(text) for text, _ in node.names})),
            arts=list(node.articles),
            deg=degrees[index],
            date=node.date,
            comm=community[index] if community is not None else None,
        ).options
        if not degrees[index]:
            # Out of the physics that settles a small map: its pull towards the centre
            # would draw the ring of unconnected nodes into the network.
            record["physics"] = False
        net.nodes.append(record)
        net.node_ids.append(index)
        net.node_map[index] = record
    for index, edge in enumerate(data.edges):
        relation = edge.type.replace("_", " ")
        record = Edge(
            edge.source,
            edge.target,
            # Arrow heads are a global option, so big maps can switch them all off.
            directed=False,
            id=index,
            title=f"{relation}: {edge.role}" if edge.role else relation,
            color=EDGE_STYLE[edge.type]["color"],
            # Dashed strokes are slow to draw; big maps tell relations apart by colour.
            dashes=False if large else EDGE_STYLE[edge.type]["dashes"],
            kind=edge.type,
            role=edge.role,
            iri=edge.iri,
            ev=[[e.sentence, e.article] for e in edge.evidence],
        ).options
        net.edges.append(record)
    nodes, edges, *_ = net.get_network_data()
    return nodes, edges


def _vis_options(physics: bool, large: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": physics, "iterations": 200, "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            # Redrawing thousands of edges per frame is what makes big maps stutter.
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": False,
            # Ctrl-click (or a long press) adds a node, so two can be marked same / different.
            "multiselect": True,
        },
        "nodes": {
            "font": {"size": 14, "face": "sans-serif"},
            "scaling": {
                "min": 10,
                "max": 40,
                # Labels from 12 to 30 px at zoom 1 by degree, never above 24 px on screen
                # when zoomed in, and hidden below 9 px when zoomed out.
                "label": {
                    "enabled": True,
                    "min": 12,
                    "max": 30,
                    "maxVisible": 24,
                    "drawThreshold": 9,
                },
            },
        },
        "edges": {
            # Straight edges: cheap to draw and a click on the midpoint always hits.
            "smooth": False,
            # Arrow heads double the cost of drawing an edge; on big maps the legend says
            # which way each relation runs.
            "arrows": {"to": {"enabled": not large, "scaleFactor": 0.6}},
            "width": 1.2,
            "font": {"size": 11, "align": "middle"},
        },
    }


def _json_for_script(value: Any) -> str:
    """JSON safe inside ``<script type="application/json">`` whatever the strings hold."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def render_page(
    data: MapData,
    positions: list[tuple[float, float]],
    options: MapOptions | None = None,
    community: list[int] | None = None,
    focus: int | None = None,
) -> str:
    """The whole map as one HTML string: vis-network, data and script inlined.

    ``focus`` (a node index, for an ego map) is pinned where it was laid out and the
    view opens centred on it.
    """
    options = options or MapOptions()
    count = len(data.nodes)
    physics = count <= options.physics_limit
    large = count > options.physics_limit * 3
    nodes, edges = _network(data, positions, community, large, options.base)
    if focus is not None:
        # Pinned, so the physics that settles a small map cannot push it off centre.
        nodes[focus]["fixed"] = True
    kinds = {n.type for n in data.nodes}
    relations = {e.type for e in data.edges}
    classes = {n.org_class for n in data.nodes if n.type == "organisation"}
    payload = {
        "nodes": nodes,
        "edges": edges,
        "articles": [
            {"t": a.title, "d": a.date, "l": a.lang, "u": a.url, "p": a.path} for a in data.articles
        ],
        "fold": fold_table(),
        # Python's \1 is JavaScript's $1; the patterns themselves read the same in both.
        "sound": [
            [pattern, replacement.replace("\\1", "$1")] for pattern, replacement in SOUND_RULES
        ],
        "options": _vis_options(physics, large=large),
        "config": {
            "topN": options.top_n,
            "communities": community is not None,
            "large": large,
            # Only what this map holds: a filter or legend key for nothing only confuses.
            "nodeTypes": [kind.name for kind in NODE_KINDS if kind.name in kinds],
            "edgeTypes": [t for t in EDGE_TYPES if t in relations],
            "orgClasses": [c for c in ORG_COLOURS if c in classes],
            "plainOrgs": any(
                n.type == "organisation" and n.org_class not in ORG_COLOURS for n in data.nodes
            ),
            "nodeStyle": NODE_STYLE,
            "orgColours": ORG_COLOURS,
            "edgeStyle": EDGE_STYLE,
            "focus": focus,
        },
    }
    vis_js, vis_css = _vis()
    app_js = _asset("map.js")
    # Only our two scripts may run: an injected <script> or onerror= has no matching hash.
    policy = (
        "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; "
        f"script-src {_hash(vis_js)} {_hash(app_js)}; connect-src 'none'"
    )
    values = {
        "POLICY": html.escape(policy, quote=False),  # no double quote in it
        "TITLE": html.escape(options.title),
        "VIS_CSS": vis_css,
        "APP_CSS": _asset("map.css"),
        "DATA": _json_for_script(payload),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass, so text inside the data can never be taken for a placeholder.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("map.html"))
