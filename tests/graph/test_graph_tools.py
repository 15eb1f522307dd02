"""The files ``kg build`` writes open cleanly in tools that no one here wrote.

Each RDF file loads through ``kg query FILE``, rdflib and pyoxigraph (and graph.jsonld
through PyLD's default loader, with no help); graph.gexf is GEXF 1.3 that the GEXF XML
Schema accepts; both network files carry colour, size and position.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from graph_sample import export_all, sample_build
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.exporters.network import GEXF_NS, VIZ_NS

REPO = Path(__file__).resolve().parents[2]
GEXF_SCHEMA = REPO.parent / "shared" / "schemas" / "gexf-1.3" / "gexf.xsd"
#: Build outputs that hold RDF, and the format each parser calls them.
RDF_FILES = {
    "graph.ttl": ("turtle", "TURTLE"),
    "graph.trig": ("trig", "TRIG"),
    "graph.jsonld": ("json-ld", "JSON_LD"),
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tools")
    export_all(out)
    return out


def test_every_rdf_file_the_build_writes_is_listed_here(example_build_dir: Path) -> None:
    rdf_suffixes = {".ttl", ".trig", ".jsonld", ".nt", ".nq", ".rdf"}
    written = {p.name for p in example_build_dir.iterdir() if p.suffix in rdf_suffixes}
    assert written - {"context.jsonld"} == set(RDF_FILES)


@pytest.mark.parametrize("name", sorted(RDF_FILES))
def test_build_file_loads_in_rdflib(example_build_dir: Path, name: str) -> None:
    merged = Graph().parse(example_build_dir / "graph.ttl", format="turtle")
    fmt = RDF_FILES[name][0]
    if fmt == "trig":
        dataset = Dataset()
        dataset.parse(example_build_dir / name, format=fmt)
        loaded = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            loaded.add((s, p, o))
    else:
        loaded = Graph().parse(example_build_dir / name, format=fmt)
    assert isomorphic(loaded, merged)


@pytest.mark.parametrize("name", sorted(RDF_FILES))
def test_build_file_loads_in_pyoxigraph(example_build_dir: Path, name: str) -> None:
    import pyoxigraph

    fmt = getattr(pyoxigraph.RdfFormat, RDF_FILES[name][1])
    store = pyoxigraph.Store()
    # No base IRI and no document loader: a file that needs either fails here.
    store.bulk_load(path=str(example_build_dir / name), format=fmt)
    reference = pyoxigraph.Store()
    reference.bulk_load(
        path=str(example_build_dir / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE
    )
    union = (
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
        "WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } }"
    )
    count = next(iter(store.query(union)))["n"].value
    assert count == next(iter(reference.query(union)))["n"].value


@pytest.mark.parametrize("name", sorted(RDF_FILES))
def test_build_file_answers_kg_query(example_build_dir: Path, name: str) -> None:
    query = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a foaf:Person }"
    answers = []
    for target in (example_build_dir / name, example_build_dir):
        result = CliRunner().invoke(app, ["query", str(target), query, "--output", "csv"])
        assert result.exit_code == 0, result.output
        answers.append(result.output.split()[-1])
    assert answers[0] == answers[1] and int(answers[0]) > 0


def test_jsonld_stands_alone_for_pyld(exported: Path) -> None:
    """PyLD's default document loader cannot resolve a relative context: none is needed."""
    from pyld import jsonld

    document = json.loads((exported / "graph.jsonld").read_text(encoding="utf-8"))
    assert isinstance(document["@context"], dict)
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    parsed = Graph().parse(data=nquads, format="nt")
    assert isomorphic(parsed, sample_build().graph)


def test_context_file_is_the_embedded_context(exported: Path) -> None:
    document = json.loads((exported / "graph.jsonld").read_text(encoding="utf-8"))
    context = json.loads((exported / "context.jsonld").read_text(encoding="utf-8"))
    assert context["@context"] == document["@context"]


def _without_viz(path: Path) -> tuple[ET.Element, list[ET.Element]]:
    root = ET.parse(path).getroot()
    removed: list[ET.Element] = []
    for parent in root.iter():
        for child in list(parent):
            if child.tag.startswith(f"{{{VIZ_NS}}}"):
                parent.remove(child)
                removed.append(child)
    return root, removed


@pytest.mark.parametrize("source", ["sample", "examples"])
def test_gexf_validates_against_the_gexf_1_3_schema(
    exported: Path, example_build_dir: Path, source: str
) -> None:
    if not GEXF_SCHEMA.is_file():
        pytest.skip(
            f"GEXF 1.3 schema not found at {GEXF_SCHEMA}: it lives in ../shared/schemas "
            "beside the repository"
        )
    from lxml import etree

    folder = exported if source == "sample" else example_build_dir
    root, removed = _without_viz(folder / "graph.gexf")
    assert removed, "no viz elements"
    schema = etree.XMLSchema(etree.parse(str(GEXF_SCHEMA)))
    document = etree.fromstring(ET.tostring(root))
    assert schema.validate(document), schema.error_log


def _viz(node: ET.Element, name: str) -> dict[str, str]:
    element = node.find(f"{{{VIZ_NS}}}{name}")
    assert element is not None, f"no viz:{name} on {node.get('id')}"
    return dict(element.attrib)


def test_gexf_is_version_1_3_with_well_formed_viz(exported: Path) -> None:
    root = ET.parse(exported / "graph.gexf").getroot()
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    nodes = root.findall(f".//{{{GEXF_NS}}}node")
    network = nx.read_gexf(exported / "graph.gexf", version="1.3")
    assert nodes and len(nodes) == network.number_of_nodes()
    colours: dict[str, set[tuple[int, ...]]] = {}
    sizes: dict[str, float] = {}
    points: set[tuple[float, float]] = set()
    for node in nodes:
        rgb = tuple(int(_viz(node, "color")[c]) for c in "rgb")
        assert all(0 <= c <= 255 for c in rgb)
        assert 0.0 <= float(_viz(node, "color").get("a", "1")) <= 1.0
        node_id = node.get("id", "")
        sizes[node_id] = float(_viz(node, "size")["value"])
        assert sizes[node_id] > 0
        position = _viz(node, "position")
        points.add((float(position["x"]), float(position["y"])))
        colours.setdefault(network.nodes[node_id]["type"], set()).add(rgb)
    # Colour is by type: people share one, agreements another, and the two differ.
    assert len(colours["person"]) == 1 and len(colours["agreement"]) == 1
    assert colours["person"] != colours["agreement"]
    # Size by degree: the best-connected node is drawn largest.
    top = max(network.nodes, key=lambda n: network.nodes[n]["degree"])
    assert sizes[top] == max(sizes.values())
    # Positions are a layout, not one point.
    assert len(points) == len(nodes)


def test_gexf_and_graphml_carry_the_same_style(exported: Path) -> None:
    graphml = nx.read_graphml(exported / "graph.graphml")
    root = ET.parse(exported / "graph.gexf").getroot()
    for node in root.findall(f".//{{{GEXF_NS}}}node"):
        data = graphml.nodes[node.get("id")]
        assert (data["r"], data["g"], data["b"]) == tuple(
            int(_viz(node, "color")[c]) for c in "rgb"
        )
        assert data["color"] == "#{:02x}{:02x}{:02x}".format(data["r"], data["g"], data["b"])
        position = _viz(node, "position")
        assert (data["x"], data["y"]) == (float(position["x"]), float(position["y"]))
        assert data["size"] == float(_viz(node, "size")["value"])


def test_graphml_opens_in_igraph(exported: Path) -> None:
    import igraph

    network = nx.read_graphml(exported / "graph.graphml")
    graph = igraph.Graph.Read_GraphML(str(exported / "graph.graphml"))
    assert graph.vcount() == network.number_of_nodes()
    assert graph.ecount() == network.number_of_edges()
    assert {"color", "r", "g", "b", "size", "x", "y", "type", "label"} <= set(graph.vs.attributes())
    assert all(isinstance(x, float) for x in graph.vs["x"])
    assert sorted(graph.es["type"]) == sorted(d["type"] for _, _, d in network.edges(data=True))
