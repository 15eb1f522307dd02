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


def _page_of(data: MapData, path: Path) -> Path:
    """``data`` drawn as a map, laid out by the build's own layout."""
    from kg.exporters.map.layout import layout
    from kg.exporters.map.page import render_page

    path.write_text(render_page(data, layout(data)), encoding="utf-8")
    return path


def _with_loners(data: MapData, count: int) -> MapData:
    """``data`` with ``count`` more people that no relation joins to anyone."""
    from dataclasses import replace

    from kg.exporters.map.data import MapNode

    loners = tuple(
        MapNode(f"https://example.org/loner/{i}", "person", f"Loner {i}", (), None, None, ())
        for i in range(count)
    )
    return replace(data, nodes=data.nodes + loners)


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_unconnected_nodes_are_drawn_apart_from_the_network(
    open_map: Any, sample_graph: Graph, tmp_path: Path, artifacts: Path
) -> None:
    import io
    import math

    from PIL import Image

    from kg.exporters.map.layout import layout

    data = _with_loners(read_map_data(sample_graph), 12)
    page = open_map(_page_of(data, tmp_path / "loners.html")).page
    # Where the page drew every node once its physics settled and froze.
    drawn = page.evaluate(
        """() => {
        const map = window.civkgMap, all = map.nodes.get(), at = map.network.getPositions();
        const box = document.getElementById('network').getBoundingClientRect();
        return all.map(n => {
            const dom = map.network.canvasToDOM(at[n.id]);
            return {deg: n.deg, x: at[n.id].x, y: at[n.id].y, colour: n.color,
                    left: box.left + dom.x, top: box.top + dom.y};
        });
    }"""
    )
    connected = [n for n in drawn if n["deg"]]
    loners = [n for n in drawn if not n["deg"]]
    assert len(loners) == 12 and len(connected) == len(read_map_data(sample_graph).nodes)
    centre = (
        sum(n["x"] for n in connected) / len(connected),
        sum(n["y"] for n in connected) / len(connected),
    )

    def away(n: dict[str, Any]) -> float:
        return math.hypot(n["x"] - centre[0], n["y"] - centre[1])

    # Farther from the network's centre than any connected node, by a ring step or more,
    # and where the layout put them: the physics that settles the rest leaves them be.
    assert min(away(n) for n in loners) > max(away(n) for n in connected) + 40
    laid = layout(data)
    for index, node in enumerate(drawn):
        if not node["deg"]:
            assert math.dist((node["x"], node["y"]), laid[index]) < 1, (index, node)
    # And really drawn there, in the view that opens: each loner's own colour at its place.
    png = page.screenshot()
    (artifacts / "map-loners.png").write_bytes(png)
    shot = Image.open(io.BytesIO(png)).convert("RGB")
    for loner in loners:
        x, y = round(loner["left"]), round(loner["top"])
        assert 0 <= x < shot.width and 0 <= y < shot.height, loner  # the view shows them
        pixel = shot.getpixel((x, y))
        assert isinstance(pixel, tuple)
        wanted = _hex(loner["colour"])
        assert max(abs(pixel[i] - wanted[i]) for i in range(3)) <= 40, (loner, pixel)


def test_the_legend_has_one_key_per_kind_drawn(
    open_map: Any, sample_map: Path, sample_graph: Graph
) -> None:
    from kg.exporters.map.page import EDGE_STYLE, NODE_STYLE, ORG_COLOURS

    page = open_map(sample_map).page
    keys = page.eval_on_selector_all(
        "#legend > div",
        """rows => rows.map(row => {
            const swatch = getComputedStyle(row.firstChild), line = row.firstChild.className;
            return {text: row.textContent, line: line === 'line',
                    colour: line === 'line' ? swatch.borderTopColor : swatch.backgroundColor};
        })""",
    )
    drawn_colours = page.evaluate("[...new Set(window.civkgMap.nodes.get().map(n => n.color))]")

    def rgb(colour: str) -> str:
        red, green, blue = _hex(colour)
        return f"rgb({red}, {green}, {blue})"

    # What the sample holds, worked out here rather than read from the page.
    data = read_map_data(sample_graph)
    nodes: dict[str, str] = {}
    for node in data.nodes:
        if node.type != "organisation":
            style = NODE_STYLE[node.type]
            nodes[f"{node.type} ({style['shape']})"] = style["color"]
        elif node.org_class in ORG_COLOURS:
            nodes[f"organisation: {node.org_class} (diamond)"] = ORG_COLOURS[node.org_class]
        else:
            nodes["organisation (diamond)"] = NODE_STYLE["organisation"]["color"]
    relations = {e.type.replace("_", " "): EDGE_STYLE[e.type]["color"] for e in data.edges}
    assert len(nodes) >= 5 and len(relations) >= 3

    node_keys = {k["text"]: k["colour"] for k in keys if not k["line"]}
    edge_keys = {k["text"].removesuffix(" (dashed)"): k["colour"] for k in keys if k["line"]}
    assert len(node_keys) + len(edge_keys) == len(keys)  # each key once
    assert node_keys == {text: rgb(colour) for text, colour in nodes.items()}
    assert edge_keys == {text: rgb(colour) for text, colour in relations.items()}
    # A key for each colour the map draws its nodes in, and none for a colour it does not.
    assert set(node_keys.values()) == {rgb(colour) for colour in drawn_colours}


def test_the_participation_filter_is_there_when_the_map_has_such_edges(
    open_map: Any, sample_map: Path, sample_graph: Graph
) -> None:
    data = read_map_data(sample_graph)
    assert any(e.type == "participated_in" for e in data.edges)
    page = open_map(sample_map).page
    box = page.locator("#f-edge-types input[data-kind=participated_in]")
    assert box.count() == 1 and box.is_visible()
    assert "participated in" in page.inner_text("#legend")
    shown = page.evaluate("window.civkgMap.edgeView.length")
    box.uncheck()
    assert page.evaluate("window.civkgMap.edgeView.length") == shown - sum(
        1 for e in data.edges if e.type == "participated_in"
    )


@pytest.mark.parametrize("dates", ["none", "one year"])
def test_no_year_slider_without_years_to_step_through(
    open_map: Any, sample_graph: Graph, tmp_path: Path, dates: str
) -> None:
    from dataclasses import replace

    data = read_map_data(sample_graph)
    articles = tuple(
        replace(a, date=None if dates == "none" else f"2024-0{i + 1}-15")
        for i, a in enumerate(data.articles)
    )
    page = open_map(_page_of(replace(data, articles=articles), tmp_path / "undated.html")).page
    assert page.is_hidden("#f-years")
    assert page.evaluate("document.getElementById('f-years').hidden") is True
    assert page.evaluate(VISIBLE) == len(data.nodes)  # nothing filtered by a hidden slider
