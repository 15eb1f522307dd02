"""The SPARQL endpoint under a real uvicorn server, spoken to with a real HTTP client."""

from __future__ import annotations

import json
import socket
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from kg.server import choose_media_type, create_app
from kg.store import open_store

PEOPLE = "SELECT DISTINCT ?p WHERE { ?p a foaf:Person } ORDER BY ?p"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _running(app: object) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error")  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def endpoint(sample_dir: Path) -> Iterator[str]:
    yield from _running(create_app(open_store(sample_dir), timeout=10, max_rows=50))


def test_get_answers_sparql_json(endpoint: str) -> None:
    response = httpx.get(f"{endpoint}/sparql", params={"query": PEOPLE})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    people = [b["p"]["value"] for b in response.json()["results"]["bindings"]]
    assert len(people) == 3 and people == sorted(people)


def test_post_forms_agree(endpoint: str) -> None:
    form = httpx.post(f"{endpoint}/sparql", data={"query": PEOPLE})
    direct = httpx.post(
        f"{endpoint}/sparql",
        content=PEOPLE.encode("utf-8"),
        headers={"content-type": "application/sparql-query"},
    )
    assert form.status_code == direct.status_code == 200
    assert form.json() == direct.json()


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_accept_header_picks_the_format(endpoint: str, accept: str, media: str) -> None:
    response = httpx.get(f"{endpoint}/sparql", params={"query": PEOPLE}, headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    body = response.text
    if "xml" in media:
        assert len(ET.fromstring(body)[1]) == 3
    elif media == "text/csv":
        assert body.splitlines()[0] == "p" and len(body.splitlines()) == 4
    elif "tab" in media:
        assert body.splitlines()[0] == "?p" and body.splitlines()[1].startswith("<")
    else:
        assert len(json.loads(body)["results"]["bindings"]) == 3


def test_unacceptable_type_is_406(endpoint: str) -> None:
    response = httpx.get(
        f"{endpoint}/sparql", params={"query": PEOPLE}, headers={"accept": "image/png"}
    )
    assert response.status_code == 406 and "text/csv" in response.text


def test_updates_are_refused(endpoint: str) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    attempts = [
        httpx.get(f"{endpoint}/sparql", params={"update": update}),
        httpx.post(f"{endpoint}/sparql", data={"update": update}),
        httpx.post(
            f"{endpoint}/sparql",
            content=update,
            headers={"content-type": "application/sparql-update"},
        ),
    ]
    assert [r.status_code for r in attempts] == [403, 403, 403]
    assert "read-only" in attempts[0].text
    count = httpx.get(f"{endpoint}/sparql", params={"query": "ASK { <urn:a> ?p ?o }"})
    assert count.json()["boolean"] is False


def test_errors_are_clear(endpoint: str) -> None:
    bad = httpx.get(f"{endpoint}/sparql", params={"query": "SELECT WHERE {"})
    assert bad.status_code == 400 and "query failed" in bad.text
    empty = httpx.get(f"{endpoint}/sparql")
    assert empty.status_code == 400 and "no query" in empty.text
    many = httpx.get(f"{endpoint}/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert many.status_code == 422 and "more than 50 rows" in many.text


def test_cors_lets_a_browser_page_query(endpoint: str) -> None:
    preflight = httpx.options(
        f"{endpoint}/sparql",
        headers={
            "origin": "https://yasgui.example.org",
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] in ("*", "https://yasgui.example.org")
    simple = httpx.get(
        f"{endpoint}/sparql", params={"query": PEOPLE}, headers={"origin": "https://a.example"}
    )
    assert simple.headers["access-control-allow-origin"] == "*"


def test_query_page_is_served(endpoint: str) -> None:
    page = httpx.get(endpoint + "/")
    assert page.status_code == 200 and "<textarea" in page.text and 'fetch("sparql"' in page.text


def test_timeout_is_a_503(sample_dir: Path) -> None:
    for base in _running(create_app(open_store(sample_dir), timeout=0.0)):
        response = httpx.get(f"{base}/sparql", params={"query": PEOPLE})
        assert response.status_code == 503 and "longer than" in response.text


def test_concurrent_clients_all_succeed(endpoint: str) -> None:
    # Threads rather than asyncio.run: other tests (playwright's sync API) may leave an
    # event loop installed in the main thread.
    def ask(_: int) -> int:
        with httpx.Client() as client:
            return client.get(f"{endpoint}/sparql", params={"query": PEOPLE}).status_code

    with ThreadPoolExecutor(max_workers=40) as pool:
        assert list(pool.map(ask, range(40))) == [200] * 40


def test_media_type_negotiation() -> None:
    assert choose_media_type("") == "application/sparql-results+json"
    assert choose_media_type("application/xml;q=0.2, text/csv;q=0.8") == "text/csv"
    assert choose_media_type("text/csv;q=0") is None


def test_kg_serve_command_answers(sample_dir: Path) -> None:
    import subprocess
    import sys

    port = _free_port()
    command = [sys.executable, "-m", "kg", "serve", str(sample_dir), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                response = httpx.get(url, params={"query": "ASK { ?a a civ:Agreement }"})
                break
            except httpx.TransportError:
                assert server.poll() is None, "kg serve exited"
                assert time.monotonic() < deadline, "kg serve did not start"
                time.sleep(0.05)
        assert response.json()["boolean"] is True
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/sparql" in stderr.decode("utf-8")
