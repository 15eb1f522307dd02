"""Load a build's graph into an external triple store over the SPARQL Graph Store Protocol."""

from __future__ import annotations

from pathlib import Path

from kg.errors import ExportError, UsageError
from kg.sparql.store import open_store

_NTRIPLES = "application/n-triples"


def graph_ntriples(target: Path) -> tuple[bytes, int]:
    """The merged graph of a build folder or graph file as N-Triples, and its triple count."""
    import pyoxigraph

    store = open_store(target).oxigraph
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert isinstance(result, pyoxigraph.QueryTriples)
    triples = list(result)
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return (data or b""), len(triples)


def push_graph(
    target: Path, endpoint: str, *, graph: str | None = None, timeout: float = 300.0
) -> int:
    """Replace the default graph (or named ``graph``) at ``endpoint`` with the build's graph.

    Returns the number of triples sent. Raises ``ExportError`` if the store refuses it.
    """
    import httpx

    from kg.sparql.queries import sparql_term

    if not endpoint.startswith(("http://", "https://")):
        raise UsageError(f"--endpoint {endpoint!r}: give an http(s) URL of a Graph Store")
    if graph is not None:
        sparql_term(graph, "iri", name="--graph")  # refuse a malformed IRI before sending
    data, count = graph_ntriples(target)
    params = {"graph": graph} if graph is not None else {"default": ""}
    try:
        response = httpx.put(
            endpoint,
            params=params,
            content=data,
            headers={"content-type": _NTRIPLES},
            timeout=timeout,
        )
    except httpx.HTTPError as exc:
        raise ExportError(f"{endpoint}: cannot push graph: {exc}") from exc
    if response.status_code not in (200, 201, 204):
        reason = response.text.strip().splitlines()[0] if response.text.strip() else ""
        raise ExportError(
            f"{endpoint}: store refused the graph: HTTP {response.status_code} {reason}".rstrip()
        )
    return count
