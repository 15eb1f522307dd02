"""The SPARQL endpoint under a real uvicorn server, spoken to with a real HTTP client."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from kg.sparql.protocol import allowed_hosts, choose_media_type
from tests.sparql.endpoint_helpers import kg_serve

PEOPLE = "SELECT DISTINCT ?p WHERE { ?p a foaf:Person } ORDER BY ?p"
YASGUI = "https://yasgui.example.org"


@pytest.fixture(scope="module")
def endpoint(sample_dir: Path) -> Iterator[str]:
    options = ["--workers", "2", "--timeout", "10", "--max-rows", "50", "--cors", YASGUI]
    with kg_serve(sample_dir, *options) as served:
        yield served.url


def test_get_answers_sparql_json(endpoint: str) -> None:
    response = httpx.get(endpoint, params={"query": PEOPLE})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    people = [b["p"]["value"] for b in response.json()["results"]["bindings"]]
    assert len(people) == 3 and people == sorted(people)


def test_post_forms_agree(endpoint: str) -> None:
    form = httpx.post(endpoint, data={"query": PEOPLE})
    direct = httpx.post(
        endpoint,
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
    response = httpx.get(endpoint, params={"query": PEOPLE}, headers={"accept": accept})
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
    response = httpx.get(endpoint, params={"query": PEOPLE}, headers={"accept": "image/png"})
    assert response.status_code == 406 and "text/csv" in response.text


def test_updates_are_refused(endpoint: str) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    attempts = [
        httpx.get(endpoint, params={"update": update}),
        httpx.post(endpoint, data={"update": update}),
        httpx.post(
            endpoint,
            content=update,
            headers={"content-type": "application/sparql-update"},
        ),
    ]
    assert [r.status_code for r in attempts] == [403, 403, 403]
    assert "read-only" in attempts[0].text
    count = httpx.get(endpoint, params={"query": "ASK { <urn:a> ?p ?o }"})
    assert count.json()["boolean"] is False


def test_errors_are_clear(endpoint: str) -> None:
    bad = httpx.get(endpoint, params={"query": "SELECT WHERE {"})
    assert bad.status_code == 400 and "query failed" in bad.text
    empty = httpx.get(endpoint)
    assert empty.status_code == 400 and "no query" in empty.text
    many = httpx.get(endpoint, params={"query": "SELECT * { ?s ?p ?o }"})
    assert many.status_code == 422 and "more than 50 rows" in many.text


def test_cors_is_granted_to_the_listed_origin_only(endpoint: str) -> None:
    preflight = httpx.options(
        endpoint,
        headers={
            "origin": YASGUI,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == YASGUI
    listed = httpx.post(endpoint, data={"query": PEOPLE}, headers={"origin": YASGUI})
    assert listed.status_code == 200 and listed.headers["access-control-allow-origin"] == YASGUI
    other = httpx.get(endpoint, params={"query": PEOPLE}, headers={"origin": "https://a.example"})
    assert other.status_code == 200 and "access-control-allow-origin" not in other.headers
    other_preflight = httpx.options(
        endpoint,
        headers={"origin": "https://a.example", "access-control-request-method": "POST"},
    )
    assert other_preflight.status_code == 403
    assert "access-control-allow-origin" not in other_preflight.headers


def test_cross_origin_form_post_is_refused_before_any_work(endpoint: str) -> None:
    # A page on any site can send this form without a preflight.
    response = httpx.post(endpoint, data={"query": PEOPLE}, headers={"origin": "https://a.example"})
    assert response.status_code == 403 and "--cors" in response.text
    same = httpx.post(
        endpoint, data={"query": PEOPLE}, headers={"origin": endpoint.removesuffix("/sparql")}
    )
    assert same.status_code == 200


def test_query_page_is_served(endpoint: str) -> None:
    page = httpx.get(endpoint.removesuffix("sparql"))
    assert page.status_code == 200 and "<textarea" in page.text and 'fetch("sparql"' in page.text


def test_concurrent_clients_all_succeed(endpoint: str) -> None:
    # Threads rather than asyncio.run: other tests (playwright's sync API) may leave an
    # event loop installed in the main thread.
    def ask(_: int) -> int:
        with httpx.Client() as client:
            return client.get(endpoint, params={"query": PEOPLE}).status_code

    with ThreadPoolExecutor(max_workers=40) as pool:
        assert list(pool.map(ask, range(40))) == [200] * 40


def test_media_type_negotiation() -> None:
    assert choose_media_type("") == "application/sparql-results+json"
    assert choose_media_type("application/xml;q=0.2, text/csv;q=0.8") == "text/csv"
    assert choose_media_type("text/csv;q=0") is None


def test_allowed_hosts() -> None:
    hosts = allowed_hosts("127.0.0.1", 7878, ["kg.lan", "proxy:8080"])
    assert {"127.0.0.1:7878", "localhost:7878", "kg.lan:7878", "proxy:8080"} <= hosts
    assert "evil.example:7878" not in hosts and "127.0.0.1" not in hosts
    assert allowed_hosts("127.0.0.1", 7878, ["*"]) == frozenset()
    assert "[::1]:80" in allowed_hosts("::1", 80) and "[::1]" in allowed_hosts("::1", 80)
