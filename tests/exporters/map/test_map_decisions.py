"""Marking two nodes same / different in the map, in a real Chromium, and the file it
downloads applied by a real ``kg build --decisions``, on made-up articles."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import OWL, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.decisions import Decision, read_decisions
from kg.graph.files import load_graph
from kg.iris import DEFAULT_BASE
from tests.curation_corpus import ARUZHAN, LONG, NURLAN, SHORT, write_corpus

if TYPE_CHECKING:
    from playwright.sync_api import Page

runner = CliRunner()

WHEN = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def _build(corpus: Path, out: Path, *extra: str) -> None:
    done = runner.invoke(app, ["build", str(corpus), "-o", str(out), "-q", *extra])
    assert done.exit_code == 0, done.output


def _node(page: Page, label: str) -> dict[str, Any]:
    """The map's one node labelled ``label`` (its vis id, kind and decisions id)."""
    found: list[dict[str, Any]] = page.evaluate(
        "label => window.civkgMap.nodes.get({filter: n => n.label === label})"
        ".map(n => ({id: n.id, kind: n.kind, ident: n.ident}))",
        label,
    )
    assert len(found) == 1, (label, found)
    return found[0]


def _click(page: Page, node: int, *, add: bool = False) -> None:
    """A real mouse click on ``node``; ``add`` holds Ctrl, as an analyst adds a second."""
    x, y = page.evaluate(
        """id => { const m = window.civkgMap;
        const dom = m.network.canvasToDOM(m.network.getPositions([id])[id]);
        const box = document.getElementById('network').getBoundingClientRect();
        return [box.left + dom.x, box.top + dom.y]; }""",
        node,
    )
    if add:
        page.keyboard.down("Control")
    page.mouse.click(x, y)
    if add:
        page.keyboard.up("Control")


def _enabled(page: Page) -> tuple[bool, bool]:
    return page.is_enabled("#mark-same"), page.is_enabled("#mark-different")


def test_marks_made_in_the_map_are_applied_by_kg_build(open_map: Any, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    first = tmp_path / "first"
    _build(corpus, first)
    seen = open_map(first / "map.html")
    page = seen.page
    short, long = _node(page, SHORT), _node(page, LONG)
    aruzhan, nurlan = _node(page, ARUZHAN), _node(page, NURLAN)
    # The ids the decisions file names are the build's ids: the IRIs without the base.
    graph = load_graph(first)
    for node in (short, long, aruzhan, nurlan):
        assert node["ident"].startswith(node["kind"] + "/")
        assert any(graph.triples((URIRef(DEFAULT_BASE + node["ident"]), None, None)))
    assert page.is_disabled("#download-decisions")
    assert page.inner_text("#mark-count") == "0 marks"

    # Same: one click, then a Ctrl-click on the second organisation.
    _click(page, short["id"])
    assert _enabled(page) == (False, False), "one node selected"
    _click(page, long["id"], add=True)
    assert sorted(page.evaluate("window.civkgMap.network.getSelectedNodes()")) == sorted(
        [short["id"], long["id"]]
    )
    assert _enabled(page) == (True, True)
    page.fill("#judge-why", "one alliance, named in full in one article")
    page.click("#mark-same")
    assert page.inner_text("#mark-count") == "1 mark"
    # A person and an organisation are never one actor: nothing to mark.
    page.evaluate(f"window.civkgMap.selectNodes([{aruzhan['id']}, {short['id']}])")
    assert _enabled(page) == (False, False)
    assert "two people or two organisations" in page.inner_text("#judge-pick")
    # Different: two people, selected through the page's API.
    page.evaluate(f"window.civkgMap.selectNodes([{nurlan['id']}, {aruzhan['id']}])")
    assert _enabled(page) == (True, True)
    page.click("#mark-same")  # a slip, then the analyst's last word on the pair
    assert page.inner_text("#mark-count") == "2 marks"
    page.click("#mark-different")
    assert page.inner_text("#mark-count") == "2 marks"
    # A mark made and taken back is not in the file.
    lake, ministry = _node(page, "Blue Lake Foundation"), _node(page, "Ministry of Rivers")
    page.evaluate(f"window.civkgMap.selectNodes([{lake['id']}, {ministry['id']}])")
    page.click("#mark-different")
    assert page.inner_text("#mark-count") == "3 marks"
    page.click("#marks li:nth-child(3) button")
    assert page.inner_text("#mark-count") == "2 marks"
    assert page.inner_text("#marks").count("\n") >= 1
    assert page.is_enabled("#download-decisions")

    with page.expect_download() as download:
        page.click("#download-decisions")
    assert download.value.suggested_filename == "decisions.jsonl"
    decisions = tmp_path / "decisions.jsonl"
    download.value.save_as(decisions)
    assert seen.errors == []

    text = decisions.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert text.endswith("\n") and len(lines) == 2
    records = [json.loads(line) for line in lines]
    for record in records:
        assert WHEN.match(record["when"]), record["when"]
    same = sorted([(short["ident"], SHORT), (long["ident"], LONG)])
    apart = sorted([(aruzhan["ident"], ARUZHAN), (nurlan["ident"], NURLAN)])
    expected = [
        Decision(
            "merge",
            tuple(i for i, _ in same),
            tuple(n for _, n in same),
            None,
            "map",
            records[0]["when"],
            "one alliance, named in full in one article",
        ),
        Decision(
            "distinct",
            tuple(i for i, _ in apart),
            tuple(n for _, n in apart),
            None,
            "map",
            records[1]["when"],
            "",
        ),
    ]
    # Line for line what kg merge / kg distinct would have written.
    assert lines == [d.to_json() for d in expected]
    read = read_decisions(decisions)
    assert [(d.decision, d.ids, d.who) for d in read] == [
        (d.decision, d.ids, d.who) for d in expected
    ]

    # The round trip: the downloaded file, applied by a real build.
    again = tmp_path / "again"
    _build(corpus, again, "--decisions", str(decisions))
    merged = load_graph(again)
    alliances = {
        str(s)
        for s in merged.subjects(OWL.sameAs, None)
        if str(s).removeprefix(DEFAULT_BASE) in {short["ident"], long["ident"]}
    }
    assert len(alliances) == 1, "the two alliance nodes are one"
    (survivor,) = alliances
    other = ({short["ident"], long["ident"]} - {survivor.removeprefix(DEFAULT_BASE)}).pop()
    assert (URIRef(survivor), OWL.sameAs, URIRef(DEFAULT_BASE + other)) in merged
    assert not any(merged.triples((URIRef(DEFAULT_BASE + other), None, None)))
    one, two = (URIRef(DEFAULT_BASE + aruzhan["ident"]), URIRef(DEFAULT_BASE + nurlan["ident"]))
    assert (one, OWL.differentFrom, two) in merged or (two, OWL.differentFrom, one) in merged
    report = json.loads((again / "report.json").read_text(encoding="utf-8"))
    assert any("decision" in m["rules"] for m in report["merges"])
    # And the new build's map draws the alliance once.
    page = open_map(again / "map.html").page
    labels = page.evaluate("window.civkgMap.nodes.get().map(n => n.label)")
    assert sum(1 for label in labels if label in (SHORT, LONG)) == 1
    assert labels.count(ARUZHAN) == labels.count(NURLAN) == 1
