"""Node positions computed in Python, so the browser paints a settled map at once."""

from __future__ import annotations

import math
import weakref
from typing import TYPE_CHECKING

from kg.exporters.map.data import MapData, read_map_data

if TYPE_CHECKING:
    from rdflib import Graph

#: Up to this many nodes the spring layout runs on the whole graph; above it, on the
#: best-connected nodes only, and the rest are placed around their strongest neighbour.
CORE_SIZE = 1500
_SEED = 7


def spring(count: int, pairs: list[tuple[int, int]], iterations: int = 60) -> list[list[float]]:
    """Fruchterman-Reingold positions in [-1, 1]² (dense numpy; no scipy needed)."""
    import numpy as np

    rng = np.random.default_rng(_SEED)
    pos = rng.random((count, 2), dtype=np.float32)
    adjacency = np.zeros((count, count), dtype=np.float32)
    for a, b in pairs:
        adjacency[a, b] = adjacency[b, a] = 1.0
    k = np.float32(1.0 / math.sqrt(max(count, 1)))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, np.newaxis, :] - pos[np.newaxis, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        # Repulsion k²/d between all pairs, attraction d²/k along edges.
        force = k * k / distance**2 - adjacency * distance / k
        shift = np.einsum("ijk,ij->ik", delta, force)
        length = np.maximum(np.linalg.norm(shift, axis=-1), 0.01)
        pos += shift * (temperature / length)[:, np.newaxis]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    placed: list[list[float]] = (pos / extent).tolist()
    return placed


def layout(data: MapData, *, core_size: int = CORE_SIZE) -> list[tuple[float, float]]:
    """Deterministic (x, y) pixel positions for every node, by node index."""
    count = len(data.nodes)
    if count == 0:
        return []
    degrees = data.degrees()
    # Nodes with no edge sit on a ring of their own outside the network (below), so
    # the spring layout spreads only what is connected and they are never in its way.
    order = sorted((n for n in range(count) if degrees[n]), key=lambda n: (-degrees[n], n))
    isolated = [n for n in range(count) if not degrees[n]]
    core = sorted(order[:core_size])
    core_slot = {node: i for i, node in enumerate(core)}
    pairs = [
        (core_slot[e.source], core_slot[e.target])
        for e in data.edges
        if e.source in core_slot and e.target in core_slot and e.source != e.target
    ]
    # Scaled so that neighbouring nodes sit roughly 80 px apart whatever the size.
    spread = 60.0 * math.sqrt(max(len(order), 1))
    placed = spring(len(core), pairs) if core else []
    positions: dict[int, tuple[float, float]] = {
        core[i]: (x * spread, y * spread) for i, (x, y) in enumerate(placed)
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
    _ring(isolated, positions, spread)
    return [(round(positions[n][0], 1), round(positions[n][1], 1)) for n in range(count)]


#: Distance between neighbours on the ring of unconnected nodes, and between rings.
_RING_STEP = 45.0


def _ring(nodes: list[int], positions: dict[int, tuple[float, float]], spread: float) -> None:
    """Place ``nodes`` evenly on rings around everything already placed, in index order."""
    if not nodes:
        return
    reach = max((math.hypot(x, y) for x, y in positions.values()), default=0.0)
    radius = max(reach, spread * 0.5) + 3 * _RING_STEP
    placed = 0
    while placed < len(nodes):
        fits = max(6, int(2 * math.pi * radius / _RING_STEP))
        batch = nodes[placed : placed + fits]
        for slot, node in enumerate(batch):
            angle = 2 * math.pi * slot / len(batch) - math.pi / 2
            positions[node] = (radius * math.cos(angle), radius * math.sin(angle))
        placed += len(batch)
        radius += _RING_STEP


# graph id -> (its size then, its map data, their layout); an entry leaves with its graph.
_LAID_OUT: dict[int, tuple[int, MapData, list[tuple[float, float]]]] = {}


def laid_out(graph: Graph) -> tuple[MapData, list[tuple[float, float]]]:
    """The whole graph's map data and layout, computed once per graph.

    The map, graph.gexf and graph.graphml of one build all draw the same picture, and
    the layout is the costly part (about 17 s at 100,000 triples), so they share it.
    A graph that has changed size since is laid out again.
    """
    key = id(graph)
    found = _LAID_OUT.get(key)
    if found is not None and found[0] == len(graph):
        return found[1], found[2]
    data = read_map_data(graph)
    positions = layout(data)
    if found is None:
        # Keyed by identity, not by the graph's own equality (its identifier), and
        # dropped when the graph is, so a recycled id never finds another graph's layout.
        weakref.finalize(graph, _LAID_OUT.pop, key, None)
    _LAID_OUT[key] = (len(graph), data, positions)
    return data, positions
