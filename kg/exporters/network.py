"""graph.graphml and graph.gexf: the actor network for Gephi, yEd, Cytoscape and networkx.

Both files carry what a network tool needs to open the graph laid out and coloured:
each node's colour by type (organisations by class, as on the map), a size that grows
with its degree, and its position from the map's layout. GEXF 1.3 keeps them in the
``viz`` module (``http://gexf.net/1.3/viz``), as Gephi reads them; GraphML has no such
module, so they are plain data keys with the names Gephi's and Cytoscape's GraphML
importers map to colour, size and position (``r``/``g``/``b``, ``size``, ``x``/``y``)
plus ``color`` as ``#rrggbb`` (yEd: map it with its Properties Mapper).
"""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import __version__
from kg.atomic import write_atomic
from kg.exporters.map.layout import laid_out
from kg.exporters.map.page import NODE_STYLE, ORG_COLOURS
from kg.views import to_networkx

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

    from kg.exporters.base import Build

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"

# Characters XML 1.0 cannot carry even escaped; scraped text occasionally has them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: GEXF attribute type of each node and edge attribute we write (the rest are strings).
_GEXF_TYPES = {"degree": "integer", "weight": "integer"}


def _clean(value: Any) -> Any:
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def node_size(degree: int) -> float:
    """The drawn size of a node of ``degree`` edges: area, not radius, grows with degree."""
    return round(5.0 + 4.0 * math.sqrt(degree), 2)


def styled_network(graph: Graph) -> nx.MultiDiGraph:
    """The graph's network (see ``kg.views``), XML-safe, with colour, size and position.

    Each node gains ``color`` (``#rrggbb``), ``r``, ``g``, ``b``, ``size``, ``x`` and
    ``y``: the map's colours and layout, so every tool shows the same picture. ``y``
    grows upwards, as in Gephi (the map's pixels grow downwards).
    """
    import networkx as nx

    source = to_networkx(graph)
    data, placed = laid_out(graph)
    positions = {node.iri: xy for node, xy in zip(data.nodes, placed, strict=True)}
    network = nx.MultiDiGraph()
    for node, attrs in source.nodes(data=True):
        kind = attrs["type"]
        colour = ORG_COLOURS.get(attrs.get("org_class", ""), NODE_STYLE[kind]["color"])
        red, green, blue = _rgb(colour)
        x, y = positions.get(node, (0.0, 0.0))
        style = {
            "color": colour,
            "r": red,
            "g": green,
            "b": blue,
            "size": node_size(attrs["degree"]),
            "x": float(x),
            "y": float(-y) if y else 0.0,
        }
        network.add_node(_clean(node), **{k: _clean(v) for k, v in attrs.items()}, **style)
    for u, v, key, attrs in source.edges(keys=True, data=True):
        network.add_edge(_clean(u), _clean(v), key=key, **{k: _clean(a) for k, a in attrs.items()})
    return network


def graphml_bytes(graph: Graph) -> bytes:
    """The network as GraphML (UTF-8, pretty-printed), with colour, size and position keys."""
    from networkx.readwrite.graphml import GraphMLWriter

    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(styled_network(graph))
    buffer = io.BytesIO()
    writer.dump(buffer)
    return buffer.getvalue()


def _number(value: float) -> str:
    # repr of a rounded float is stable across platforms and never uses an exponent here.
    return repr(round(value, 2))


def _attributes(parent: ET.Element, kind: str, names: list[str]) -> None:
    block = ET.SubElement(parent, "attributes", {"class": kind, "mode": "static"})
    for name in names:
        ET.SubElement(
            block, "attribute", {"id": name, "title": name, "type": _GEXF_TYPES.get(name, "string")}
        )


def _attvalues(parent: ET.Element, attrs: dict[str, Any], names: list[str]) -> None:
    values = ET.SubElement(parent, "attvalues")
    for name in names:
        ET.SubElement(values, "attvalue", {"for": name, "value": str(attrs.get(name, ""))})


def gexf_bytes(graph: Graph) -> bytes:
    """The network as GEXF 1.3 (UTF-8, indented, no timestamp) with viz colour/size/position.

    Written here rather than by networkx, whose writer puts an empty ``name`` on the
    graph and a misspelt XML Schema instance namespace, both invalid GEXF 1.3.
    """
    network = styled_network(graph)
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    g, viz = f"{{{GEXF_NS}}}", f"{{{VIZ_NS}}}"
    root = ET.Element(f"{g}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{g}meta")
    ET.SubElement(meta, f"{g}creator").text = f"civkg {__version__}"
    ET.SubElement(
        meta, f"{g}description"
    ).text = "Who represents, signed or took part in what, read from news articles"
    body = ET.SubElement(
        root, f"{g}graph", {"defaultedgetype": "directed", "mode": "static", "idtype": "string"}
    )
    node_names = ["type", "org_class", "degree"]
    # The weight is the edge's own attribute: Gephi reserves a column of that name.
    edge_names = ["kind", "role", "fact"]
    _attributes(body, "node", node_names)
    _attributes(body, "edge", edge_names)
    nodes = ET.SubElement(body, f"{g}nodes", {"count": str(network.number_of_nodes())})
    for node, attrs in network.nodes(data=True):
        element = ET.SubElement(nodes, f"{g}node", {"id": node, "label": attrs["label"]})
        _attvalues(element, attrs, node_names)
        ET.SubElement(
            element,
            f"{viz}color",
            {"r": str(attrs["r"]), "g": str(attrs["g"]), "b": str(attrs["b"]), "a": "1.0"},
        )
        ET.SubElement(element, f"{viz}size", {"value": _number(attrs["size"])})
        ET.SubElement(
            element,
            f"{viz}position",
            {"x": _number(attrs["x"]), "y": _number(attrs["y"]), "z": "0.0"},
        )
    edges = ET.SubElement(body, f"{g}edges", {"count": str(network.number_of_edges())})
    for source, target, key, attrs in network.edges(keys=True, data=True):
        # GEXF reserves an edge's "type" for directed/undirected, so our kind is "kind"
        # (an edge attribute of GEXF 1.3, for multigraphs) and doubles as its label.
        kind = attrs["type"]
        element = ET.SubElement(
            edges,
            f"{g}edge",
            {
                "id": str(key),
                "source": source,
                "target": target,
                "label": kind,
                "kind": kind,
                "weight": str(attrs["weight"]),
            },
        )
        _attvalues(element, {**attrs, "kind": kind}, edge_names)
    ET.indent(root, space="  ")
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


class GraphmlExporter:
    name = "graphml"
    description = "graph.graphml: the actor network for Gephi, yEd, Cytoscape or networkx"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        return [write_atomic(out_dir / "graph.graphml", graphml_bytes(build.graph))]


class GexfExporter:
    name = "gexf"
    description = "graph.gexf: the actor network for Gephi (GEXF 1.3, coloured and laid out)"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        return [write_atomic(out_dir / "graph.gexf", gexf_bytes(build.graph))]
