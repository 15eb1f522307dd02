"""The map in a real headless Chromium: offline, searchable, evidence on click, filters."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kg.errors import ExtractionError
from kg.exporters.map.data import MapData, read_map_data
from kg.exporters.map.page import MapOptions
from kg.exporters.map.render import render_map
from kg.pipeline import Pipeline

if TYPE_CHECKING:
    from rdflib import Graph

VISIBLE = "window.civkgMap.nodeView.length"


def _only_the_file_was_requested(seen: Any, path: Path) -> None:
    assert seen.requests == [path.resolve().as_uri()]


def _expected_visible(
    data: MapData, *, types: set[str], langs: set[str], since: str | None = None
) -> int:
    """What the page should show, computed independently of the page's script."""
    passing = {
        i
        for i, a in enumerate(data.articles)
        if a.lang in langs and (since is None or (a.date is not None and a.date >= since))
    }
    return sum(
        1
        for node in data.nodes
        if node.type in types and (not node.articles or passing & set(node.articles))
    )


def test_map_is_offline_clean_and_runs_no_injected_script(
    open_map: Any, sample_map: Path, artifacts: Path
) -> None:
    seen = open_map(sample_map)
    page = seen.page
    _only_the_file_was_requested(seen, sample_map)
    assert seen.errors == []
    hostile = page.evaluate(
        "window.civkgMap.nodes.get({filter: n => n.label.indexOf('onerror') >= 0})[0].id"
    )
    page.evaluate(f"window.civkgMap.focusNode({hostile})")
    where = page.evaluate(
        f"""(() => {{ const m = window.civkgMap;
        const dom = m.network.canvasToDOM(m.network.getPositions([{hostile}])[{hostile}]);
        const box = document.getElementById('network').getBoundingClientRect();
        return [box.left + dom.x, box.top + dom.y]; }})()"""
    )
    page.mouse.move(where[0], where[1])
    tooltip = page.locator(".vis-tooltip")
    tooltip.wait_for(state="visible")
    assert "onerror=" in tooltip.inner_text()
    assert tooltip.locator("img").count() == 0
    assert "onerror=" in page.inner_text("#panel h2")  # shown as text, not parsed
    assert "<script>" in page.inner_text("#panel")
    flags = page.evaluate(
        "[window.pwnedTitle, window.pwnedSentence, window.pwnedName, window.pwnedUrl]"
    )
    assert flags == [None, None, None, None]
    assert page.locator("#panel img").count() == 0
    (artifacts / "map-sample.png").write_bytes(page.screenshot())


@pytest.mark.parametrize("query", ["ospanova", "Оспанова", "dana osp"])
def test_search_focuses_a_person_and_highlights_neighbours(
    open_map: Any, sample_map: Path, query: str
) -> None:
    page = open_map(sample_map).page
    page.fill("#search", query)
    assert "Дана Оспанова" in page.inner_text("#search-results")
    page.press("#search", "Enter")
    assert page.inner_text("#panel h2") == "Дана Оспанова"
    assert "Dana Ospanova [en]" in page.inner_text("#panel .names")
    selected = page.evaluate("window.civkgMap.network.getSelectedNodes().length")
    neighbours = page.evaluate(
        "(() => { const m = window.civkgMap; const id = m.network.getSelectedNodes()[0];"
        " return m.network.getConnectedNodes(id).length; })()"
    )
    assert neighbours >= 2 and selected == neighbours + 1


def test_search_reveals_a_node_the_filters_had_hidden(open_map: Any, sample_map: Path) -> None:
    page = open_map(sample_map).page
    page.fill("#date-from", "2030-01-01")
    page.dispatch_event("#date-from", "change")
    assert page.evaluate(VISIBLE) == 0
    page.fill("#search", "Жаксыбеков")
    page.click("#search-results li")
    assert page.inner_text("#panel h2") == "Ерлан Жаксыбеков"
    assert page.evaluate(VISIBLE) > 0
    assert page.input_value("#date-from") == ""
    assert page.is_hidden("#search-results")


def test_clicking_an_edge_shows_its_evidence_and_source(open_map: Any, sample_map: Path) -> None:
    page = open_map(sample_map).page
    point = page.evaluate(
        """(() => {
        const m = window.civkgMap;
        const edge = m.edges.get({filter: e => e.role === 'министр'})[0];
        const pos = m.network.getPositions([edge.from, edge.to]);
        const mid = {x: (pos[edge.from].x + pos[edge.to].x) / 2,
                     y: (pos[edge.from].y + pos[edge.to].y) / 2};
        const dom = m.network.canvasToDOM(mid);
        const box = document.getElementById('network').getBoundingClientRect();
        return [box.left + dom.x, box.top + dom.y];
    })()"""
    )
    page.mouse.move(point[0], point[1])
    page.wait_for_function(
        "window.civkgMap.edges.get({filter: e => e.role === 'министр'})[0].label === 'министр'"
    )
    page.mouse.click(point[0], point[1])
    panel = page.inner_text("#panel")
    assert "Ерлан Жаксыбеков возглавляет министерство." in panel
    assert "role: министр" in panel
    link = page.locator("#panel .source a")
    assert link.inner_text() == "Меморандум подписан"
    assert link.get_attribute("href") == "https://example.org/ru/memo"


def test_filters_hide_types_languages_and_dates(
    open_map: Any, sample_map: Path, sample_graph: Graph
) -> None:
    data = read_map_data(sample_graph)
    every_type = {"person", "organisation", "agreement", "event"}
    every_lang = {a.lang for a in data.articles}
    page = open_map(sample_map).page
    assert page.evaluate(VISIBLE) == len(data.nodes)
    page.uncheck("#f-node-types input[data-kind=person]")
    expected = _expected_visible(data, types=every_type - {"person"}, langs=every_lang)
    assert page.evaluate(VISIBLE) == expected < len(data.nodes)
    page.check("#f-node-types input[data-kind=person]")
    page.uncheck("#f-langs input[data-lang=en]")
    expected = _expected_visible(data, types=every_type, langs=every_lang - {"en"})
    assert page.evaluate(VISIBLE) == expected < len(data.nodes)
    page.check("#f-langs input[data-lang=en]")
    page.fill("#date-from", "2024-01-01")
    page.dispatch_event("#date-from", "change")
    expected = _expected_visible(data, types=every_type, langs=every_lang, since="2024-01-01")
    assert page.evaluate(VISIBLE) == expected < len(data.nodes)
    assert f"{expected} of {len(data.nodes)} nodes" in page.inner_text("#count")


def test_top_n_hides_the_least_connected_until_show_all(
    open_map: Any, sample_graph: Graph, tmp_path: Path
) -> None:
    path = tmp_path / "top.html"
    path.write_text(render_map(sample_graph, options=MapOptions(top_n=3)), encoding="utf-8")
    page = open_map(path).page
    total = len(read_map_data(sample_graph).nodes)
    assert page.evaluate(VISIBLE) == 3
    page.click("#show-all")
    assert page.evaluate(VISIBLE) == total


def test_exports_png_and_gexf_of_the_visible_view(
    open_map: Any, sample_map: Path, tmp_path: Path
) -> None:
    import networkx as nx

    page = open_map(sample_map).page
    page.uncheck("#f-node-types input[data-kind=event]")
    with page.expect_download() as png:
        page.click("#export-png")
    png_path = tmp_path / "map.png"
    png.value.save_as(png_path)
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as gexf:
        page.click("#export-gexf")
    gexf_path = tmp_path / "map.gexf"
    gexf.value.save_as(gexf_path)
    exported = nx.read_gexf(gexf_path)
    assert exported.number_of_nodes() == page.evaluate(VISIBLE)
    assert exported.number_of_edges() == page.evaluate("window.civkgMap.edgeView.length")
    assert "event" not in {data["type"] for _, data in exported.nodes(data=True)}


def _loadable_pipeline() -> Pipeline:
    """Every registered extractor that can be loaded here (optional models may be missing)."""
    from kg.extractors import extractor_specs, load_extractor

    names: dict[str, list[str]] = {}
    for spec in extractor_specs():
        try:
            load_extractor(spec.name)
        except ExtractionError:
            continue
        for lang in spec.languages:
            names.setdefault(lang, []).append(spec.name)
    return Pipeline(names)


def test_map_of_the_example_articles(
    open_map: Any, examples_dir: Path, tmp_path: Path, artifacts: Path
) -> None:
    from kg.build import build

    pipeline = _loadable_pipeline()
    if not pipeline.extractor_names:
        pytest.skip("no extractor can be loaded, so the examples give an empty graph")
    done = build([examples_dir], out_dir=tmp_path, formats=["html"], pipeline=pipeline)
    path = tmp_path / "map.html"
    seen = open_map(path)
    _only_the_file_was_requested(seen, path)
    assert seen.errors == []
    expected = len(read_map_data(done.graph).nodes)
    assert expected > 0
    assert seen.page.evaluate(VISIBLE) == expected
    person = next(n for n in read_map_data(done.graph).nodes if n.type == "person")
    seen.page.fill("#search", person.names[-1][0])
    seen.page.press("#search", "Enter")
    assert person.names[-1][0] in seen.page.inner_text("#panel .names")
    (artifacts / "map.png").write_bytes(seen.page.screenshot())
