"""``kg stats`` and ``kg map`` read a build's store, as ``kg query`` does; files otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import BNode, Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.sparql.graph import read_graph
from kg.sparql.store import write_store
from tests.conftest import EXAMPLES

runner = CliRunner()


def _copy(sample_dir: Path, dest: Path, *, keep: tuple[str, ...]) -> Path:
    dest.mkdir()
    for name in keep:
        source = sample_dir / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy(source, dest / name)
    return dest


def _stats(target: Path) -> str:
    result = runner.invoke(app, ["stats", str(target)])
    assert result.exit_code == 0, result.output
    return result.output


def _map(target: Path, out: Path) -> str:
    result = runner.invoke(app, ["map", str(target), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_the_store_holds_the_same_triples_as_the_graph_file(
    sample_dir: Path, sample_graph: Graph
) -> None:
    from_store = read_graph(sample_dir)
    assert len(from_store) == len(sample_graph)
    assert set(from_store) == set(sample_graph)


def test_plain_typed_and_tagged_literals_come_back_as_rdflib_parses_them(tmp_path: Path) -> None:
    turtle = tmp_path / "graph.ttl"
    turtle.write_text(
        "@prefix x: <https://example.org/> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        'x:a x:name "Ақ Бидай"@kk , "Ak Bidai" ; x:count 3 ; x:on "2024-05-01"^^xsd:date ;\n'
        '    x:knows [ x:name "Нұржан" ] .\n',
        encoding="utf-8",
    )
    write_store(None, tmp_path / "store", files=[turtle])
    from_store = read_graph(tmp_path)
    from_file = Graph().parse(turtle)
    assert len(from_store) == len(from_file) == 6
    ground = {t for t in from_file if not any(isinstance(n, BNode) for n in t)}
    assert ground <= set(from_store)


def test_stats_and_map_read_the_store_when_the_folder_has_one(
    sample_dir: Path, tmp_path: Path
) -> None:
    with_files = _copy(sample_dir, tmp_path / "files", keep=("graph.ttl",))
    store_only = _copy(sample_dir, tmp_path / "store", keep=("store",))
    # no graph file left: only the store can answer
    assert not list(store_only.glob("graph.*"))
    assert _stats(store_only) == _stats(with_files) == _stats(sample_dir / "graph.ttl")
    from_store = _map(store_only, tmp_path / "a.html")
    assert from_store == _map(with_files, tmp_path / "b.html")
    assert "Тоғай жасыл қоры" in from_store


def test_a_store_is_preferred_to_the_graph_file_beside_it(sample_dir: Path, tmp_path: Path) -> None:
    folder = _copy(sample_dir, tmp_path / "build", keep=("store",))
    # a stale or foreign graph.ttl beside the store is not what the commands read
    (folder / "graph.ttl").write_text("this is not turtle", encoding="utf-8")
    assert set(read_graph(folder)) == set(read_graph(sample_dir / "graph.ttl"))
    assert "people" in _stats(folder)


def test_a_folder_without_a_store_or_graph_file_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", str(tmp_path)])
    assert result.exit_code != 0
    assert "graph.ttl" in result.output


def test_kg_map_of_a_build_is_the_map_the_build_wrote(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", str(EXAMPLES), "-o", str(out), "-f", "store,html", "-q", "--no-cache"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    # only the store is there to read: no graph file was written
    assert not list(out.glob("graph.*"))
    assert _map(out, tmp_path / "again.html") == (out / "map.html").read_text(encoding="utf-8")
