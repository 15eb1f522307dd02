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
    # The view as drawn goes to Gephi: colour, size and position, in valid GEXF 1.3.
    import xml.etree.ElementTree as ET

    viz = "{http://gexf.net/1.3/viz}"
    root = ET.parse(gexf_path).getroot()
    nodes = root.findall(".//{http://gexf.net/1.3}node")
    for node in nodes:
        color, position = node.find(f"{viz}color"), node.find(f"{viz}position")
        assert color is not None and position is not None and node.find(f"{viz}size") is not None
        assert all(0 <= int(color.get(c, "-1")) <= 255 for c in "rgb")
        float(position.get("x", "x")), float(position.get("y", "y"))
    schema_file = Path(__file__).resolve().parents[3].parent / "shared/schemas/gexf-1.3/gexf.xsd"
    if schema_file.is_file():
        from lxml import etree

        for parent in root.iter():
            for child in list(parent):
                if child.tag.startswith(viz):
                    parent.remove(child)
        schema = etree.XMLSchema(etree.parse(str(schema_file)))
        assert schema.validate(etree.fromstring(ET.tostring(root))), schema.error_log


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


def test_filters_and_legend_show_only_what_the_map_holds(
    open_map: Any, sample_graph: Graph, tmp_path: Path
) -> None:
    from dataclasses import replace

    from kg.exporters.map.layout import layout
    from kg.exporters.map.page import render_page

    data = read_map_data(sample_graph)
    without = [e for e in data.edges if e.type != "participated_in"]
    assert len(without) < len(data.edges)
    trimmed = replace(data, edges=tuple(without))
    path = tmp_path / "no-participation.html"
    path.write_text(render_page(trimmed, layout(trimmed)), encoding="utf-8")
    page = open_map(path).page
    relations = page.eval_on_selector_all(
        "#f-edge-types input", "boxes => boxes.map(b => b.dataset.kind)"
    )
    assert "participated_in" not in relations and "represents" in relations
    legend = page.inner_text("#legend")
    assert "participated in" not in legend
    lines = [line for line in legend.splitlines() if line.strip() and line != "Legend"]
    assert len(lines) == len(set(lines))  # one key per colour drawn
    classes = {n.org_class for n in data.nodes if n.type == "organisation" and n.org_class}
    for org_class in classes:
        assert f"organisation: {org_class}" in legend


def test_the_ego_map_opens_centred_on_its_subject(
    open_map: Any, sample_graph: Graph, tmp_path: Path
) -> None:
    from kg.exporters.map.render import render_map

    path = tmp_path / "ego.html"
    path.write_text(render_map(sample_graph, focus="Zhaksybekov", hops=1), encoding="utf-8")
    page = open_map(path).page
    centre = page.evaluate(
        """() => {
        const map = window.civkgMap, id = map.nodes.get().find(n => n.fixed).id;
        const at = map.network.getPositions([id])[id], view = map.network.getViewPosition();
        return {label: map.nodes.get(id).label, dx: at.x - view.x, dy: at.y - view.y};
    }"""
    )
    assert "Жаксыбеков" in centre["label"]
    assert abs(centre["dx"]) < 1 and abs(centre["dy"]) < 1


def test_the_year_slider_plays_the_network_year_by_year(
    open_map: Any, sample_map: Path, sample_graph: Graph
) -> None:
    data = read_map_data(sample_graph)
    every_type = {n.type for n in data.nodes}
    every_lang = {a.lang for a in data.articles}
    years = sorted({int(a.date[:4]) for a in data.articles if a.date})
    assert len(years) >= 3

    def expected(until: int) -> int:
        passing = {i for i, a in enumerate(data.articles) if a.date and int(a.date[:4]) <= until}
        return sum(
            1
            for node in data.nodes
            if node.type in every_type and (not node.articles or passing & set(node.articles))
        )

    page = open_map(sample_map).page
    assert page.is_visible("#f-years")
    assert page.get_attribute("#year", "min") == str(years[0])
    page.eval_on_selector(
        "#year",
        "(e, v) => { e.value = v; e.dispatchEvent(new Event('input')); }",
        str(years[0]),
    )
    first = page.evaluate(VISIBLE)
    assert first == expected(years[0]) < len(data.nodes)
    page.click("#play")
    page.wait_for_function(
        "last => document.getElementById('year').value === last",
        arg=str(years[-1]),
        timeout=10_000,
    )
    assert page.evaluate(VISIBLE) == _expected_visible(data, types=every_type, langs=every_lang)
    assert page.inner_text("#play") == "Play" and "(all)" in page.inner_text("#year-shown")
    # Each step in between showed at least as much as the year before it.
    page.evaluate(f"window.civkgMap.setYear({years[1]})")
    assert first <= page.evaluate(VISIBLE) == expected(years[1])


def test_labels_scale_with_degree_and_the_top_ones_stay_when_zoomed_out(
    open_map: Any, sample_map: Path
) -> None:
    page = open_map(sample_map).page
    seen = page.evaluate(
        """() => {
        const map = window.civkgMap, all = map.nodes.get();
        const top = all.reduce((a, b) => (b.deg > a.deg ? b : a));
        const leaf = all.filter(n => n.deg === 1)[0];
        const label = id => map.network.body.nodes[id].labelModule;
        map.network.redraw();
        const sizes = [label(top.id).fontOptions.size, label(leaf.id).fontOptions.size];
        map.network.moveTo({scale: 0.45, animation: false});
        map.network.redraw();
        return {sizes, zoomedOut: [label(top.id).visible(), label(leaf.id).visible()]};
    }"""
    )
    assert seen["sizes"][0] > seen["sizes"][1] >= 12
    assert seen["zoomedOut"] == [True, False]


def test_the_search_matches_across_scripts_as_the_name_index_does(
    open_map: Any, sample_map: Path, sample_graph: Graph
) -> None:
    from kg.text import sound_key

    words = ["UNICEF", "ЮНИСЕФ", "Zhaksybekov", "Жаксыбеков", "Хакала", "Hakkala", "Quixote"]
    words += [text for node in read_map_data(sample_graph).nodes for text, _ in node.names]
    page = open_map(sample_map).page
    in_page = page.evaluate("words => words.map(w => window.civkgMap.soundKey(w))", words)
    assert in_page == [sound_key(w) for w in words]
    assert in_page[0] == in_page[1] and in_page[2] == in_page[3] and in_page[4] == in_page[5]
