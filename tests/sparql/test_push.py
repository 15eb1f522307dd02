"""``kg push`` into a real Oxigraph server started for the test."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import ExportError, UsageError
from kg.sparql.push import push_graph
from kg.sparql.store import open_store

OXIGRAPH = shutil.which("oxigraph")
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server is not installed")

GRAPH = "https://example.org/graphs/civkg"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    assert OXIGRAPH is not None
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, "oxigraph server exited"
                assert time.monotonic() < deadline, "oxigraph server did not start"
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _count(base: str, graph: str | None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    response = httpx.get(
        f"{base}/query",
        params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"},
        headers={"accept": "application/sparql-results+json"},
    )
    response.raise_for_status()
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_push_into_a_named_graph_replaces_it(server: str, sample_dir: Path) -> None:
    expected = len(open_store(sample_dir / "graph.ttl"))
    sent = push_graph(sample_dir, f"{server}/store", graph=GRAPH)
    assert sent == expected and _count(server, GRAPH) == expected
    again = push_graph(sample_dir, f"{server}/store", graph=GRAPH)
    assert again == expected and _count(server, GRAPH) == expected


def test_cli_push_to_the_default_graph(server: str, sample_dir: Path) -> None:
    result = CliRunner().invoke(app, ["push", str(sample_dir), "--endpoint", f"{server}/store"])
    assert result.exit_code == 0, result.output
    assert "the default graph" in result.output
    people = httpx.get(
        f"{server}/query",
        params={"query": "ASK { ?p a <http://xmlns.com/foaf/0.1/Person> }"},
        headers={"accept": "application/sparql-results+json"},
    )
    assert people.json()["boolean"] is True


def test_push_failures_are_clear(server: str, sample_dir: Path) -> None:
    with pytest.raises(ExportError, match="HTTP 404"):
        push_graph(sample_dir, f"{server}/nothing-here")
    with pytest.raises(ExportError, match="cannot push"):
        push_graph(sample_dir, f"http://127.0.0.1:{_free_port()}/store", timeout=2)
    with pytest.raises(UsageError, match="not an IRI"):
        push_graph(sample_dir, f"{server}/store", graph="not an iri")
    with pytest.raises(UsageError, match="http"):
        push_graph(sample_dir, "ftp://example.org/store")
