"""``kg serve`` keeps its promises: types by query form, the protocol's dataset, the log.

A real ``kg serve`` subprocess, spoken to with httpx and with SPARQLWrapper (a client no
one here wrote), and the answers read back with rdflib and pyoxigraph.
"""

from __future__ import annotations

import csv
import io
import socket
import subprocess
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph

from kg.sparql.negotiate import choose_media_type, query_form
from tests.sparql.endpoint_helpers import Served, free_port, kg_serve

ID = "https://w3id.org/civkg/id/"
PEOPLE = "SELECT DISTINCT ?p WHERE { ?p a foaf:Person } ORDER BY ?p"
PEOPLE_GRAPH = "CONSTRUCT { ?p a foaf:Person } WHERE { ?p a foaf:Person }"
#: Which people each article's named graph names (see sample.trig).
IN_A1 = {f"{ID}person-nurzhan"}
ALL_PEOPLE = {f"{ID}person-{n}" for n in ("nurzhan", "olga", "sam")}


@pytest.fixture(scope="module")
def served(sample_dir: Path) -> Iterator[Served]:
    with kg_serve(sample_dir, "--workers", "1", "--timeout", "10") as server:
        yield server


def _people(graph: Graph) -> set[str]:
    return {str(s) for s in graph.subjects()}


@pytest.mark.parametrize(
    ("accept", "media", "parse_as"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/json", "application/json", "json-ld"),
        ("", "text/turtle", "turtle"),
        ("*/*", "text/turtle", "turtle"),
        ("application/sparql-results+json, text/turtle;q=0.9", "text/turtle", "turtle"),
    ],
)
def test_construct_answers_in_each_graph_type(
    served: Served, accept: str, media: str, parse_as: str
) -> None:
    response = httpx.get(served.url, params={"query": PEOPLE_GRAPH}, headers={"accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    assert _people(Graph().parse(data=response.content, format=parse_as)) == ALL_PEOPLE


def test_describe_answers_turtle(served: Served) -> None:
    response = httpx.post(
        served.url,
        content=f"DESCRIBE <{ID}person-olga>".encode(),
        headers={"content-type": "application/sparql-query", "accept": "text/turtle"},
    )
    assert response.status_code == 200, response.text
    graph = Graph().parse(data=response.text, format="turtle")
    assert f"{ID}person-olga" in _people(graph)


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/turtle;q=0.5, text/csv", "text/csv"),
    ],
)
def test_select_answers_in_each_solution_type(served: Served, accept: str, media: str) -> None:
    response = httpx.get(served.url, params={"query": PEOPLE}, headers={"accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(response.text)))
        assert {r[0] for r in rows[1:]} == ALL_PEOPLE
    elif "xml" in media:
        assert len(ET.fromstring(response.text)[1]) == 3
    elif "tab" in media:
        assert {line.strip("<>") for line in response.text.split()[1:]} == ALL_PEOPLE


def test_ask_answers_json_and_xml(served: Served) -> None:
    query = {"query": "ASK { ?p a foaf:Person }"}
    as_json = httpx.get(served.url, params=query, headers={"accept": "application/json"})
    assert as_json.json() == {"head": {}, "boolean": True}
    as_xml = httpx.get(served.url, params=query, headers={"accept": "application/xml"})
    assert "<boolean>true</boolean>" in as_xml.text


def test_406_only_when_nothing_fits_the_form(served: Served) -> None:
    graph_as_table = httpx.get(
        served.url, params={"query": PEOPLE_GRAPH}, headers={"accept": "text/csv"}
    )
    assert graph_as_table.status_code == 406
    assert "text/turtle" in graph_as_table.text and "CONSTRUCT" in graph_as_table.text
    table_as_graph = httpx.get(
        served.url, params={"query": PEOPLE}, headers={"accept": "text/turtle"}
    )
    assert table_as_graph.status_code == 406 and "text/csv" in table_as_graph.text
    # A query the engine cannot read is a 400 whatever the Accept.
    broken = httpx.get(served.url, params={"query": "SELEC ?x"}, headers={"accept": "image/png"})
    assert broken.status_code == 400


def test_default_graph_uri_picks_article_graphs(served: Served) -> None:
    params = {"query": PEOPLE, "default-graph-uri": f"{ID}article-a1"}
    response = httpx.get(served.url, params=params)
    assert response.status_code == 200, response.text
    found = {b["p"]["value"] for b in response.json()["results"]["bindings"]}
    assert found == IN_A1
    both = httpx.get(
        served.url,
        params=[
            ("query", PEOPLE),
            ("default-graph-uri", f"{ID}article-a1"),
            ("default-graph-uri", f"{ID}article-a3"),
        ],
    )
    found = {b["p"]["value"] for b in both.json()["results"]["bindings"]}
    assert found == {f"{ID}person-nurzhan", f"{ID}person-sam"}


def test_named_graph_uri_limits_graph_patterns(served: Served) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    everything = httpx.get(served.url, params={"query": query}).json()
    assert len(everything["results"]["bindings"]) == 3
    # A direct POST carries the dataset in the URL, as the protocol says.
    response = httpx.post(
        served.url,
        params={"named-graph-uri": f"{ID}article-a2"},
        content=query.encode(),
        headers={"content-type": "application/sparql-query"},
    )
    graphs = [b["g"]["value"] for b in response.json()["results"]["bindings"]]
    assert graphs == [f"{ID}article-a2"]
    # The form body may carry it too; then the default graph is empty.
    form = httpx.post(
        served.url, data={"query": PEOPLE, "named-graph-uri": f"{ID}article-a2"}
    ).json()
    assert form["results"]["bindings"] == []


def test_a_graph_uri_that_is_not_an_iri_is_400(served: Served) -> None:
    response = httpx.get(served.url, params={"query": PEOPLE, "default-graph-uri": "not an iri"})
    assert response.status_code == 400 and "default-graph-uri" in response.text


def test_sparqlwrapper_gets_graphs_and_solutions(served: Served) -> None:
    from SPARQLWrapper import JSON, JSONLD, RDFXML, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(served.url)
    client.setQuery("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n" + PEOPLE_GRAPH)
    for wanted in (TURTLE, RDFXML, JSONLD):
        client.setReturnFormat(wanted)
        with warnings.catch_warnings():  # SPARQLWrapper builds rdflib's deprecated graph type
            warnings.simplefilter("ignore", DeprecationWarning)
            result = client.queryAndConvert()
        graph = result if isinstance(result, Graph) else Graph().parse(data=result, format="turtle")
        assert _people(graph) == ALL_PEOPLE, wanted
    client.setQuery("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n" + PEOPLE)
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()
    assert isinstance(rows, dict)
    assert {b["p"]["value"] for b in rows["results"]["bindings"]} == ALL_PEOPLE


def test_every_request_gets_one_access_log_line(served: Served) -> None:
    marker = f"log-check-{time.monotonic_ns()}"
    httpx.get(served.url, params={"query": f"ASK {{ }} # {marker}"})
    httpx.get(served.url.replace("/sparql", "/nowhere"))
    deadline = time.monotonic() + 10
    while marker not in served.stderr() and time.monotonic() < deadline:
        time.sleep(0.1)
    lines = served.stderr().splitlines()
    asked = [line for line in lines if marker in line]
    assert len(asked) == 1 and '" 200' in asked[0] and "GET /sparql?" in asked[0]
    while not any("/nowhere" in line for line in lines) and time.monotonic() < deadline:
        time.sleep(0.1)
        lines = served.stderr().splitlines()
    assert '" 404' in next(line for line in lines if "/nowhere" in line)


def test_query_page_shows_graph_results(served: Served) -> None:
    page = httpx.get(served.url.replace("/sparql", "/")).text
    assert "text/turtle" in page and "<pre" not in page.split("<script>")[0]


def test_busy_port_fails_before_the_announcement(sample_dir: Path) -> None:
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen(1)
        result = subprocess.run(
            [sys.executable, "-m", "kg", "serve", str(sample_dir), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode != 0
    assert "endpoint at" not in result.stderr + result.stdout
    assert f"127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr


def test_bad_folder_fails_before_the_announcement(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kg", "serve", str(tmp_path), "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "endpoint at" not in result.stderr
    assert "kg: error:" in result.stderr and "Traceback" not in result.stderr


def test_query_form_and_choice() -> None:
    assert query_form("PREFIX s: <http://x/select>\n# ask\nCONSTRUCT WHERE { ?s ?p ?o }") == (
        "construct"
    )
    assert query_form('SELECT ("DESCRIBE" AS ?x) {}') == "select"
    assert query_form("INSERT DATA {}") is None
    assert choose_media_type("text/turtle", "graph") == "text/turtle"
    assert choose_media_type("text/turtle", "solutions") is None
    assert choose_media_type("text/*", "graph") == "text/turtle"
    assert choose_media_type("image/png, */*;q=0.1", "graph") == "text/turtle"
