"""The page as text: self-contained, escaped, deterministic; the exporter and CLI write it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from typer.testing import CliRunner

from kg.cli import app
from kg.exporters.map.data import read_map_data
from kg.exporters.map.page import MapOptions, fold_table
from kg.exporters.map.render import render_map
from kg.text import to_ascii

if TYPE_CHECKING:
    from rdflib import Graph

runner = CliRunner()


def test_page_loads_nothing_from_elsewhere(sample_graph: Graph) -> None:
    page = render_map(sample_graph)
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page, re.IGNORECASE)
    assert "sourceMappingURL" not in page
    assert "default-src 'none'" in page
    assert "vis.Network" in page  # vis-network is inlined, not fetched


def test_article_text_never_appears_as_markup(
    sample_graph: Graph, hostile_texts: tuple[str, ...]
) -> None:
    page = render_map(sample_graph)
    for hostile in hostile_texts:
        assert hostile not in page
    assert "<script>window.pwned" not in page
    assert "<img src=x" not in page
    # The data block, vis-network and the map script, each opening a line of the template.
    assert len(re.findall(r"^<script", page, re.MULTILINE)) == 3


def test_page_is_deterministic(sample_graph: Graph) -> None:
    assert render_map(sample_graph) == render_map(sample_graph)


def test_communities_change_colours_only(sample_graph: Graph) -> None:
    plain = render_map(sample_graph)
    grouped = render_map(sample_graph, options=MapOptions(communities=True))
    assert plain != grouped
    assert '"communities":true' in grouped and '"communities":false' in plain


def test_fold_table_agrees_with_to_ascii_on_whole_names(sample_graph: Graph) -> None:
    table = fold_table()
    for node in read_map_data(sample_graph).nodes:
        for text, _ in node.names:
            folded = "".join(table.get(c, table.get(c.lower(), "")) for c in text)
            assert folded == to_ascii(text)


def test_cli_writes_a_map_and_an_ego_map(sample_graph: Graph, tmp_path: Path) -> None:
    graph_file = tmp_path / "graph.ttl"
    sample_graph.serialize(graph_file, format="turtle")
    whole, ego = tmp_path / "whole.html", tmp_path / "ego.html"
    result = runner.invoke(app, ["map", str(graph_file), "--out", str(whole), "--communities"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, ["map", str(tmp_path), "--out", str(ego), "--focus", "Zhaksybekov", "--hops", "1"]
    )
    assert result.exit_code == 0, result.output
    assert whole.stat().st_size > ego.stat().st_size > 0
    assert "Жаксыбеков" in ego.read_text(encoding="utf-8")
    assert "Steppe Civic Forum" not in ego.read_text(encoding="utf-8")


def test_cli_unknown_focus_is_a_one_line_usage_error(sample_graph: Graph, tmp_path: Path) -> None:
    sample_graph.serialize(tmp_path / "graph.ttl", format="turtle")
    out = tmp_path / "map.html"
    result = runner.invoke(app, ["map", str(tmp_path), "--focus", "Nobody Atall", "-o", str(out)])
    assert result.exit_code == 2
    assert "Nobody Atall" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def _payload(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page, re.S)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def test_people_and_organisations_carry_the_ids_kg_merge_takes(tmp_path: Path) -> None:
    """Under the build's own --base too, in map.html and in ``kg map``'s page alike."""
    from kg.xref import read_build

    corpus = tmp_path / "corpus" / "en"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text(
        "Aruzhan Temirova is the director of Steppe Water Alliance.\n", encoding="utf-8"
    )
    out, base = tmp_path / "out", "https://example.org/kg/"
    args = ["build", str(corpus.parent), "-o", str(out), "-q", "--base", base]
    assert runner.invoke(app, args).exit_code == 0
    again = tmp_path / "again.html"
    assert runner.invoke(app, ["map", str(out), "-o", str(again)]).exit_code == 0
    ids = set(read_build(out).nodes)
    assert {i.split("/")[0] for i in ids} == {"person", "organisation"}
    for page in (out / "map.html", again):
        nodes = _payload(page.read_text(encoding="utf-8"))["nodes"]
        judged = {n["ident"] for n in nodes if n["kind"] in ("person", "organisation")}
        assert judged == ids
        assert all(n["iri"] == base + n["ident"] for n in nodes if n["ident"])
        assert all(n["ident"] is None for n in nodes if n["kind"] not in ("person", "organisation"))
