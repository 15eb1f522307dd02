"""Node positions computed in Python, so the browser paints a settled map at once."""

from __future__ import annotations

import math

from kg.exporters.map.data import MapData

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
    order = sorted(range(count), key=lambda n: (-degrees[n], n))
    core = sorted(order[:core_size])
    core_slot = {node: i for i, node in enumerate(core)}
    pairs = [
        (core_slot[e.source], core_slot[e.target])
        for e in data.edges
        if e.source in core_slot and e.target in core_slot and e.source != e.target
    ]
    # Scaled so that neighbouring nodes sit roughly 80 px apart whatever the size.
    spread = 60.0 * math.sqrt(count)
    positions: dict[int, tuple[float, float]] = {
        core[i]: (x * spread, y * spread) for i, (x, y) in enumerate(spring(len(core), pairs))
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
