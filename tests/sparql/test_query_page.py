"""The query page of ``kg serve`` in a real browser: tables and graph results both show."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sparql.endpoint_helpers import Served, kg_serve


@pytest.fixture(scope="module")
def page(sample_dir: Path, browser: Any) -> Iterator[tuple[Any, Served]]:
    with kg_serve(sample_dir, "--workers", "1") as served:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(served.url.replace("/sparql", "/"))
        yield tab, served
        context.close()


def _run(tab: Any, query: str) -> None:
    tab.fill("#q", query)
    tab.click("#run")
    tab.wait_for_function("document.getElementById('status').textContent !== '…'")


def test_select_shows_a_table(page: tuple[Any, Served]) -> None:
    tab, _ = page
    _run(tab, "SELECT DISTINCT ?p WHERE { ?p a foaf:Person }")
    assert tab.locator("#out table tr").count() == 4  # a header and three people
    assert tab.text_content("#status") == "3 rows"


def test_construct_shows_the_graph(page: tuple[Any, Served]) -> None:
    tab, _ = page
    _run(tab, "CONSTRUCT { ?p a foaf:Person } WHERE { ?p a foaf:Person }")
    shown = tab.text_content("#graph") or ""
    assert "foaf:Person" in shown and "person-olga" in shown
    assert tab.text_content("#status") == "graph (Turtle)"
