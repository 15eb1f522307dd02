"""graph.graphml and graph.gexf: the actor network for Gephi, yEd and networkx users."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import __version__
from kg.exporters.base import write_atomic
from kg.views import to_networkx

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

    from kg.exporters.base import Build

# Characters XML 1.0 cannot carry even escaped; scraped text occasionally has them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: Any) -> Any:
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def _xml_safe_network(graph: Graph, *, edge_kind: str) -> nx.MultiDiGraph:
    """The graph's network with XML-safe strings and each edge's type under ``edge_kind``."""
    import networkx as nx

    source = to_networkx(graph)
    network = nx.MultiDiGraph()
    for node, data in source.nodes(data=True):
        network.add_node(_clean(node), **{k: _clean(v) for k, v in data.items()})
    for u, v, key, data in source.edges(keys=True, data=True):
        attrs = {k: _clean(val) for k, val in data.items() if k != "type"}
        attrs[edge_kind] = data["type"]
        network.add_edge(_clean(u), _clean(v), key=key, **attrs)
    return network


def graphml_bytes(graph: Graph) -> bytes:
    """The network as GraphML (UTF-8, pretty-printed)."""
    from networkx.readwrite.graphml import GraphMLWriter

    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(_xml_safe_network(graph, edge_kind="type"))
    buffer = io.BytesIO()
    writer.dump(buffer)
    return buffer.getvalue()


def gexf_bytes(graph: Graph) -> bytes:
    """The network as GEXF 1.2 (UTF-8, pretty-printed, no timestamp)."""
    from networkx.readwrite.gexf import GEXFWriter

    # GEXF reserves an edge's "type" for directed/undirected, so the kind goes in
    # "kind" and doubles as the edge label Gephi shows.
    network = _xml_safe_network(graph, edge_kind="kind")
    for _, _, data in network.edges(data=True):
        data["label"] = data["kind"]
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        # networkx stamps today's date, which would make identical builds differ.
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = f"civkg {__version__}"
    writer.add_graph(network)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


class GraphmlExporter:
    name = "graphml"
    description = "graph.graphml: the actor network for Gephi, yEd or networkx"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        return [write_atomic(out_dir / "graph.graphml", graphml_bytes(build.graph))]


class GexfExporter:
    name = "gexf"
    description = "graph.gexf: the actor network for Gephi"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        return [write_atomic(out_dir / "graph.gexf", gexf_bytes(build.graph))]
