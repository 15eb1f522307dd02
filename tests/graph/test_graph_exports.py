"""The RDF and network exporters: round-trips, JSON-LD context, byte-identical output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import networkx as nx
import pytest
from graph_sample import EN_TEXT, GRAPH_FORMATS, export_all, sample_build
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg.graph.files import load_graph
from kg.graph.vocab import CIV
from kg.views import to_networkx

FILES = (
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
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exported")
    export_all(out)
    return out


def test_every_exporter_writes_its_files_and_no_temp_files(exported: Path) -> None:
    assert sorted(p.name for p in exported.iterdir()) == sorted(FILES)


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "graph.jsonld"])
def test_rdf_files_round_trip_to_the_merged_graph(exported: Path, name: str) -> None:
    build = sample_build()
    parsed = load_graph(exported / name)
    assert len(parsed) == len(build.graph)
    assert isomorphic(parsed, build.graph)


def test_awkward_sentence_survives_every_rdf_format(exported: Path) -> None:
    sentence = EN_TEXT[: EN_TEXT.index(" today") + len(" today")]
    assert "\n" in sentence and '"""' in sentence and "\\" in sentence
    for name in ("graph.ttl", "graph.trig", "graph.jsonld"):
        parsed = load_graph(exported / name)
        assert Literal(sentence, lang="en") in set(parsed.objects(None, CIV.sentence)), name


def test_trig_keeps_one_named_graph_per_article(exported: Path) -> None:
    build = sample_build()
    parsed = Dataset()
    with warnings.catch_warnings():  # rdflib's Dataset warns about its own internals
        warnings.simplefilter("ignore", DeprecationWarning)
        parsed.parse(exported / "graph.trig", format="trig")
    for graph in build.dataset.graphs():
        if len(graph):
            assert isomorphic(parsed.graph(graph.identifier), graph), graph.identifier
    # the default graph (the build activity) comes first, as plain triples, then the
    # articles' graphs sorted by IRI
    text = (exported / "graph.trig").read_text(encoding="utf-8")
    names = [line.split(" ")[0] for line in text.splitlines() if line.endswith("{")]
    assert names == sorted(names) and len(names) == len(build.results)
    body = text[text.index("\n<") + 1 :]
    assert body.startswith(str(build.activity.id).join(["<" + build.base, ">"]))


def test_jsonld_embeds_its_readable_context(exported: Path) -> None:
    document = json.loads((exported / "graph.jsonld").read_text(encoding="utf-8"))
    context = json.loads((exported / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == context
    assert context["civ"] == str(CIV)
    assert context["member"] == {"@id": "org:member", "@type": "@id"}
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == sorted(ids)
    people = [n for n in document["@graph"] if n.get("@type") == "foaf:Person"]
    assert people and all("prefLabel" in p for p in people)
    evidence = [n for n in document["@graph"] if n.get("@type") == "civ:Evidence"]
    assert evidence and all(isinstance(e["startOffset"], int) for e in evidence)
    used = {key for node in document["@graph"] for key in node if not key.startswith("@")}
    assert used <= set(context), used - set(context)
    # one node a line (a diff of two builds shows the nodes that changed)
    lines = (exported / "graph.jsonld").read_text(encoding="utf-8").splitlines()
    start = lines.index('  "@graph": [')
    nodes = [json.loads(line.strip().rstrip(",")) for line in lines[start + 1 : -2]]
    assert nodes == document["@graph"] and lines[-2:] == ["  ]", "}"]


def test_network_files_hold_the_network_view(exported: Path) -> None:
    build = sample_build()
    expected = to_networkx(build.graph)
    graphml = nx.read_graphml(exported / "graph.graphml")
    gexf = nx.read_gexf(exported / "graph.gexf", version="1.3")
    for read in (graphml, gexf):
        assert set(read.nodes) == set(expected.nodes)
        assert read.number_of_edges() == expected.number_of_edges()
    kinds = sorted(d["type"] for _, _, d in graphml.edges(data=True))
    assert kinds == sorted(d["type"] for _, _, d in expected.edges(data=True))
    assert sorted(d["kind"] for _, _, d in gexf.edges(data=True)) == kinds
    gexf_text = (exported / "graph.gexf").read_text(encoding="utf-8")
    assert "lastmodifieddate" not in gexf_text and "\x0c" not in gexf_text


def test_exporting_twice_gives_the_same_bytes(exported: Path, tmp_path: Path) -> None:
    export_all(tmp_path)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (exported / name).read_bytes(), name


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Set and dict iteration order must not leak into any file."""
    script = Path(__file__).with_name("graph_sample.py")
    outputs = []
    for seed in ("0", "1", "4242"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, str(script), str(out)], check=True, env=env)
        outputs.append({name: (out / name).read_bytes() for name in FILES})
    assert outputs[0] == outputs[1] == outputs[2]
    assert set(GRAPH_FORMATS) == {"turtle", "trig", "jsonld", "graphml", "gexf", "tables", "ftm"}


def test_loaded_file_exports_like_the_build(exported: Path, tmp_path: Path) -> None:
    """A graph read back from graph.ttl and stored again serialises to the same bytes."""
    from kg.graph.quadstore import GraphStore

    loaded = load_graph(exported)
    assert isinstance(loaded, Graph)
    store = GraphStore()
    # the triples in reverse order: the store's order is its own, not the insertion's
    store.load((None, triple) for triple in sorted(loaded, reverse=True))  # type: ignore[misc]
    store.write_turtle(tmp_path / "again.ttl")
    assert (tmp_path / "again.ttl").read_bytes() == (exported / "graph.ttl").read_bytes()


@pytest.mark.parametrize("name", GRAPH_FORMATS)
def test_registry_loads_each_graph_exporter(name: str) -> None:
    from kg.exporters import load_exporter

    exporter = load_exporter(name)
    assert exporter.name == name
    assert exporter.description.startswith(("graph.", "nodes.csv"))
