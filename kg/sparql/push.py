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


#: How much of a store's error message is shown.
_REASON_CHARS = 200


def check_endpoint(endpoint: str) -> None:
    """Refuse (UsageError, one line) an endpoint that is not a well-formed http(s) URL."""
    import httpx

    shown = endpoint if endpoint.isprintable() else repr(endpoint)
    hint = "give an http(s) URL of a Graph Store, e.g. http://localhost:7878/store"
    if not endpoint.startswith(("http://", "https://")):
        raise UsageError(f"--endpoint {shown}: {hint}")
    try:
        url = httpx.URL(endpoint)
        host = url.host
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise UsageError(
            f"--endpoint {shown}: malformed URL ({_one_line(str(exc))}); {hint}"
        ) from None
    if not host:
        raise UsageError(f"--endpoint {shown}: no host in the URL; {hint}")


def _one_line(text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    # Only what a terminal would act on is escaped; Cyrillic and Kazakh stay readable.
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in first)


def error_reason(body: bytes) -> str:
    """A store's error body as one printable line; binary bodies only by their size.

    A terminal must never get raw bytes: escape sequences in them could rewrite it.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return f"({len(body)} bytes of binary data)"
    text = text.strip()
    if not text:
        return ""
    controls = sum(1 for c in text if not c.isprintable() and c not in "\t\n\r")
    if controls > len(text) // 10:
        return f"({len(body)} bytes of binary data)"
    line = _one_line(text)
    return line if len(line) <= _REASON_CHARS else line[:_REASON_CHARS] + "..."


def push_graph(
    target: Path, endpoint: str, *, graph: str | None = None, timeout: float = 300.0
) -> int:
    """Replace the default graph (or named ``graph``) at ``endpoint`` with the build's graph.

    Returns the number of triples sent. Raises ``ExportError`` if the store refuses it.
    """
    import httpx

    from kg.sparql.queries import sparql_term

    if timeout <= 0:
        raise UsageError("--timeout: give a positive number of seconds")
    check_endpoint(endpoint)
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
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise ExportError(f"{endpoint}: cannot push graph: {_one_line(str(exc))}") from exc
    if response.status_code not in (200, 201, 204):
        reason = error_reason(response.content)
        raise ExportError(
            f"{endpoint}: store refused the graph: HTTP {response.status_code} {reason}".rstrip()
        )
    return count
