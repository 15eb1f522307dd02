"""Narrowing and grouping the map: the ego map around one name, and communities."""

from __future__ import annotations

from kg.errors import UsageError
from kg.exporters.map.data import MapData
from kg.iris import name_key
from kg.text import ascii_key


def find_node(data: MapData, name: str) -> int:
    """Index of the node any of whose spellings matches ``name`` (in any script)."""
    key, folded = name_key(name), ascii_key(name)
    exact = [
        i
        for i, node in enumerate(data.nodes)
        if any(name_key(text) == key or ascii_key(text) == folded for text, _ in node.names)
    ]
    if exact:
        return min(exact, key=lambda i: data.nodes[i].iri)
    partial = [
        i
        for i, node in enumerate(data.nodes)
        if folded and any(folded in ascii_key(text) for text, _ in node.names)
    ]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(sorted(data.nodes[i].label for i in partial)[:5])
        raise UsageError(f"--focus {name!r}: several entities match ({names}); be more exact")
    raise UsageError(f"--focus {name!r}: no person, organisation or event has that name")


def ego(data: MapData, name: str, hops: int) -> MapData:
    """The map of the node named ``name`` and everything within ``hops`` edges of it."""
    if hops < 0:
        raise UsageError(f"--hops {hops}: must be 0 or more")
    neighbours: dict[int, set[int]] = {}
    for edge in data.edges:
        neighbours.setdefault(edge.source, set()).add(edge.target)
        neighbours.setdefault(edge.target, set()).add(edge.source)
    seen = {find_node(data, name)}
    frontier = set(seen)
    for _ in range(hops):
        frontier = {m for n in frontier for m in neighbours.get(n, ())} - seen
        seen |= frontier
    return data.subset(seen)


def communities(data: MapData) -> list[int]:
    """Louvain community number of each node (0 = largest), seeded so it is repeatable."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(len(data.nodes)))
    graph.add_edges_from((e.source, e.target) for e in data.edges)
    found = nx.community.louvain_communities(graph, seed=42)
    groups = sorted((sorted(group) for group in found), key=lambda g: (-len(g), g[0]))
    number = [0] * len(data.nodes)
    for index, group in enumerate(groups):
        for node in group:
            number[node] = index
    return number
