"""End-to-end builds of the bundled examples: outputs, contract, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.build import build
from kg.cache import CACHE_FOLDER
from kg.output_folder import BUILDS, LOCK, MARKER

GRAPH_FILES = (
    "graph.ttl",
    "graph.trig",
    "graph.jsonld",
    "context.jsonld",
    "graph.graphml",
    "graph.gexf",
    "nodes.csv",
    "edges.csv",
    "nodes.parquet",
    "edges.parquet",
    "graph.ftm.json",
    "map.html",
)


def test_build_writes_every_output_and_no_temp_files(example_build_dir: Path) -> None:
    names = {p.name for p in example_build_dir.iterdir()}
    assert set(GRAPH_FILES) | {"report.json"} <= names
    assert CACHE_FOLDER in names  # the next build into this folder reuses its results
    ours = {CACHE_FOLDER, MARKER, LOCK, BUILDS}  # see kg.output_folder
    assert not [n for n in names - ours if n.startswith(".") or n.endswith(".tmp")]
    left = [p for p in (example_build_dir / BUILDS).rglob("*") if p.name.endswith(".tmp")]
    assert not left


def test_report_counts_articles_and_languages(example_build_dir: Path, examples_dir: Path) -> None:
    report = json.loads((example_build_dir / "report.json").read_text(encoding="utf-8"))
    sources = sorted(p.name for p in examples_dir.iterdir())
    assert sorted(a["source_path"] for a in report["articles"]) == sources
    assert {a["lang"] for a in report["articles"]} == {"kk", "ru", "en"}
    assert report["skipped"] == []
    assert report["counts"]["people"] >= 25
    assert report["counts"]["memberships"] >= 20


def test_build_graph_conforms_to_the_shapes(example_build_dir: Path) -> None:
    from pyshacl import validate

    from kg.graph.vocab import shapes_path

    data = Graph().parse(example_build_dir / "graph.ttl")
    conforms, _, text = validate(data, shacl_graph=str(shapes_path()), inference="none")
    assert conforms, text


def test_trig_named_graphs_add_up_to_the_merged_graph(example_build_dir: Path) -> None:
    from rdflib import Dataset
    from rdflib.compare import isomorphic

    merged = Graph().parse(example_build_dir / "graph.ttl")
    dataset = Dataset()
    dataset.parse(example_build_dir / "graph.trig", format="trig")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, merged)


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in GRAPH_FILES}


def test_rebuild_is_byte_identical(
    example_build_dir: Path, examples_dir: Path, tmp_path: Path
) -> None:
    build([examples_dir], out_dir=tmp_path)
    assert _outputs(tmp_path) == _outputs(example_build_dir)


def test_build_is_byte_identical_across_hash_seeds(tmp_path: Path, examples_dir: Path) -> None:
    """Set and dict order must not leak into the files: run under two hash seeds."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kg",
                "build",
                str(examples_dir),
                "--out",
                str(out),
                "--format",
                "turtle,trig,jsonld,graphml,gexf,tables,ftm",
                "--quiet",
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        # (dot files are civkg's own bookkeeping: the lock holds the build's pid)
        files = [p for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")]
        outputs.append({p.name: p.read_bytes() for p in files})
    assert outputs[0] == outputs[1]


def test_a_different_base_moves_every_entity(tmp_path: Path, examples_dir: Path) -> None:
    done = build([examples_dir / "kk-zhasyl-dala-2024.txt"], base="https://example.org/kg/")
    subjects = {str(s) for s in done.graph.subjects()}
    assert any(s.startswith("https://example.org/kg/person/") for s in subjects)
    assert not any(s.startswith("https://w3id.org/civkg/id/") for s in subjects)


@pytest.mark.parametrize("base", ["https://example.org/kg", "not an iri/"])
def test_a_bad_base_is_refused(base: str, examples_dir: Path) -> None:
    from kg.errors import KGError

    with pytest.raises(KGError):
        build([examples_dir], base=base)


def test_outputs_are_readable_by_others(example_build_dir: Path) -> None:
    """Temp files are private; the renamed outputs must not stay that way."""
    mask = os.umask(0)
    os.umask(mask)
    for name in GRAPH_FILES:
        mode = (example_build_dir / name).stat().st_mode & 0o777
        assert mode == 0o666 & ~mask, (name, oct(mode))


def test_one_person_reported_in_three_languages_is_one_node(example_build_dir: Path) -> None:
    """The examples report the same foundation head in kk, ru and en."""
    graph = Graph().parse(example_build_dir / "graph.ttl")
    rows = graph.query(
        """
        PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?person ?label WHERE {
          ?person a foaf:Person ; skos:prefLabel|skos:altLabel ?label .
          FILTER(?label IN ("Сәуле Бекмұханова"@kk, "Сауле Бекмуханова"@ru,
                            "Saule Bekmukhanova"@en))
        }
        """
    )
    found = {(str(row[0]), str(row[1])) for row in rows}  # type: ignore[index]
    assert len({person for person, _ in found}) == 1, found
    assert len(found) == 3, found


def test_people_at_a_named_event_take_part_in_graph_and_map(example_build_dir: Path) -> None:
    from kg.exporters.map.data import read_map_data
    from kg.graph.vocab import CIV

    report = json.loads((example_build_dir / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["participations"] >= 1
    graph = Graph().parse(example_build_dir / "graph.ttl")
    participants = set(graph.subjects(CIV.participatedIn, None))
    assert participants
    edges = [e for e in read_map_data(graph).edges if e.type == "participated_in"]
    assert len(edges) == report["counts"]["participations"]
    assert all(e.evidence for e in edges)
