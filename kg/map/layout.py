"""Node positions computed in Python, so the browser paints a settled map at once."""

from __future__ import annotations

import math

from kg.map.data import MapData

#: Up to this many nodes the spring layout runs on the whole graph; above it, on the
#: best-connected nodes only, and the rest are placed around their strongest neighbour.
CORE_SIZE = 1500
_SEED = 7


def layout(data: MapData, *, core_size: int = CORE_SIZE) -> list[tuple[float, float]]:
    """Deterministic (x, y) pixel positions for every node, by node index."""
    import networkx as nx

    count = len(data.nodes)
    if count == 0:
        return []
    degrees = data.degrees()
    order = sorted(range(count), key=lambda n: (-degrees[n], n))
    core = set(order[:core_size])
    graph = nx.Graph()
    graph.add_nodes_from(sorted(core))
    graph.add_edges_from(
        (e.source, e.target) for e in data.edges if e.source in core and e.target in core
    )
    # Spring layout in a unit box; scaled so that neighbouring nodes sit ~80 px apart.
    spread = 60.0 * math.sqrt(count)
    placed = nx.spring_layout(graph, seed=_SEED, iterations=50, scale=spread)
    positions: dict[int, tuple[float, float]] = {
        int(n): (float(xy[0]), float(xy[1])) for n, xy in placed.items()
    }
    neighbours: dict[int, list[int]] = {}
    for edge in data.edges:
        neighbours.setdefault(edge.source, []).append(edge.target)
        neighbours.setdefault(edge.target, []).append(edge.source)
    ring: dict[int, int] = {}
    for node in order[core_size:]:
        anchors = [m for m in neighbours.get(node, []) if m in positions]
        # A node with no placed neighbour goes on an outer spiral; others orbit an anchor.
        anchor = min(anchors, key=lambda m: (-degrees[m], m)) if anchors else -1
        slot = ring.get(anchor, 0)
        ring[anchor] = slot + 1
        angle = slot * 2.399963  # golden angle: successive satellites never overlap
        if anchor < 0:
            radius = spread * 1.1 + 12.0 * math.sqrt(slot)
            cx, cy = 0.0, 0.0
        else:
            radius = 40.0 + 10.0 * math.sqrt(slot)
            cx, cy = positions[anchor]
        positions[node] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return [(round(positions[n][0], 1), round(positions[n][1], 1)) for n in range(count)]
