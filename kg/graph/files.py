"""Reading graph files back into rdflib: any format civkg writes, or a build folder."""

from __future__ import annotations

import warnings
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import GraphError
from kg.graph.bridge import bind_prefixes
from kg.output_folder import current_set

#: Graph file formats ``load_graph`` reads, by file extension.
GRAPH_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
}
_QUAD_FORMATS = frozenset({"trig", "nquads"})


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def load_graph(path: Path) -> Graph:
    """Read a graph file (.ttl, .trig, .nt, .nq, .jsonld) or a build folder's graph.ttl."""
    if path.is_dir():
        # An output folder's current set, resolved once (see kg.output_folder).
        folder, path = path, (current_set(path) or path) / "graph.ttl"
        if not path.is_file():
            raise GraphError(f"{folder}: no graph.ttl in this folder; is it a `kg build` output?")
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file")
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(GRAPH_FORMATS)
        raise GraphError(f"{path}: unknown graph format {path.suffix!r}; use one of {known}")
    graph = Graph()
    try:
        # rdflib's Dataset warns about its own deprecated internals while parsing.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            if fmt in _QUAD_FORMATS:
                dataset = Dataset()
                dataset.parse(path, format=fmt)
                for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
                    graph.add((subject, predicate, obj))
            else:
                graph.parse(path, format=fmt)
    # rdflib's parsers raise many unrelated types (syntax, JSON, decoding, I/O errors).
    except Exception as exc:
        raise GraphError(f"{path}: cannot read as {fmt}: {_first_line(exc)}") from exc
    bind_prefixes(graph)
    return graph
