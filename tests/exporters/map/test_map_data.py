"""Reading the map from RDF, the ego map, communities and the layout."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pytest

from kg.errors import UsageError
from kg.exporters.map.data import MapData, read_map_data
from kg.exporters.map.focus import communities, ego, find_node
from kg.exporters.map.layout import layout
from kg.text import ascii_key, to_ascii

if TYPE_CHECKING:
    from rdflib import Graph


@pytest.fixture(scope="module")
def data(sample_graph: Graph) -> MapData:
    return read_map_data(sample_graph)


def _node(data: MapData, label: str) -> int:
    return next(i for i, node in enumerate(data.nodes) if node.label == label)


def test_every_entity_and_agreement_becomes_a_node(data: MapData) -> None:
    kinds = sorted(node.type for node in data.nodes)
    assert kinds.count("person") == 2
    assert kinds.count("organisation") == 3
    assert kinds.count("agreement") == 1
    assert kinds.count("event") == 1
    ministry = data.nodes[_node(data, "Министерство цифрового развития")]
    assert ministry.org_class == "government"


def test_names_keep_every_spelling_with_its_language(data: MapData) -> None:
    dana = data.nodes[_node(data, "Дана Оспанова")]
    assert ("Dana Ospanova", "en") in dana.names
    assert ("Дана Оспанова", "kk") in dana.names
    assert len(set(dana.names)) == len(dana.names)


def test_edges_carry_relation_role_and_evidence(data: MapData) -> None:
    by_type = {edge.type for edge in data.edges}
    assert by_type == {"represents", "signed", "participated_in"}
    director = next(e for e in data.edges if e.role == "директор")
    assert data.nodes[director.source].type == "person"
    assert data.nodes[director.target].label == "Ақ Бидай"
    (evidence,) = director.evidence
    assert "директоры" in evidence.sentence
    article = data.articles[evidence.article]
    assert article.lang == "kk" and article.date == "2025-02-10"


def test_signed_edges_run_from_each_party_to_the_agreement(data: MapData) -> None:
    signed = [e for e in data.edges if e.type == "signed"]
    assert len(signed) == 2
    assert {data.nodes[e.target].type for e in signed} == {"agreement"}
    assert {data.nodes[e.source].type for e in signed} == {"organisation"}


def test_only_web_links_survive_as_urls(data: MapData) -> None:
    urls = {a.url for a in data.articles}
    assert "https://example.org/ru/memo" in urls
    assert not any(u and not u.startswith("http") for u in urls)
    assert all(a.path for a in data.articles)


def test_reading_is_deterministic(sample_graph: Graph) -> None:
    assert read_map_data(sample_graph) == read_map_data(sample_graph)


def test_fold_is_to_ascii_single_spaced() -> None:
    assert ascii_key("  Ақ   Бидай ") == " ".join(to_ascii("Ақ Бидай").split())
    assert ascii_key("Жаксыбеков") == ascii_key("Zhaksybekov")


def test_find_node_matches_any_script(data: MapData) -> None:
    dana = _node(data, "Дана Оспанова")
    assert find_node(data, "Dana Ospanova") == dana
    assert find_node(data, "дана оспанова") == dana
    with pytest.raises(UsageError, match="no person"):
        find_node(data, "Nobody Atall")


def test_ego_map_reaches_exactly_the_hops(data: MapData) -> None:
    one = ego(data, "Ерлан Жаксыбеков", 1)
    assert sorted(n.label for n in one.nodes) == sorted(
        ["Ерлан Жаксыбеков", "Министерство цифрового развития"]
    )
    assert [a.lang for a in one.articles] == ["ru"]
    assert all(0 <= ev.article < len(one.articles) for e in one.edges for ev in e.evidence)
    two = ego(data, "Ерлан Жаксыбеков", 2)
    assert len(two.nodes) == 3
    assert all(0 <= e.source < len(two.nodes) for e in two.edges)
    assert len(ego(data, "Ерлан Жаксыбеков", 10).nodes) == len(data.nodes)
    with pytest.raises(UsageError):
        ego(data, "Ерлан Жаксыбеков", -1)


def test_communities_are_repeatable_and_group_neighbours(data: MapData) -> None:
    groups = communities(data)
    assert groups == communities(data)
    assert len(groups) == len(data.nodes)
    erlan, ministry = (
        _node(data, "Ерлан Жаксыбеков"),
        _node(data, "Министерство цифрового развития"),
    )
    assert groups[erlan] == groups[ministry]


def test_layout_places_every_node_apart_and_is_repeatable(data: MapData) -> None:
    positions = layout(data)
    assert positions == layout(data)
    assert len(positions) == len(data.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions)
    assert len(set(positions)) == len(positions)


def test_layout_places_nodes_beyond_the_core_near_a_neighbour(data: MapData) -> None:
    positions = layout(data, core_size=2)
    degrees = data.degrees()
    core = set(sorted(range(len(data.nodes)), key=lambda n: (-degrees[n], n))[:2])
    assert len(set(positions)) == len(positions)
    checked = 0
    for node in set(range(len(data.nodes))) - core:
        neighbours = {e.target for e in data.edges if e.source == node}
        neighbours |= {e.source for e in data.edges if e.target == node}
        if neighbours:
            nearest = min(math.dist(positions[node], positions[m]) for m in neighbours)
            assert nearest < 100
            checked += 1
    assert checked == len(data.nodes) - len(core)


def test_an_untitled_memorandum_is_labelled_by_kind_and_date() -> None:
    from kg.build import build_activity
    from kg.graph.bridge import to_dataset
    from kg.iris import entity_id
    from kg.model import (
        Agreement,
        AgreementKind,
        Article,
        ArticleResult,
        Entity,
        EntityType,
        Evidence,
        Label,
    )

    text = "Орда и Жетісу подписали меморандум."
    article = Article("x1", text, "ru", "ru/x1.txt")
    parties = [
        Entity(entity_id("organisation", name), EntityType.ORGANISATION, Label(name, "ru"))
        for name in ("Орда", "Жетісу")
    ]
    memo = Agreement(
        "agreement/untitled",
        AgreementKind.MEMORANDUM,
        tuple(sorted(p.id for p in parties)),
        None,
        "2024-06-01",
        (Evidence("x1", text, 0, len(text), "test"),),
    )
    _, graph = to_dataset(
        [ArticleResult(article, tuple(parties), (memo,))],
        activity=build_activity(["test"]),
        base="https://example.org/id/",
    )
    labels = {node.type: node.label for node in read_map_data(graph).nodes}
    # the kg.views rule, the label GraphML and GEXF give it too
    assert labels["agreement"] == "memorandum 2024-06-01"


def test_unconnected_nodes_sit_on_a_ring_outside_the_network(data: MapData) -> None:
    from dataclasses import replace

    from kg.exporters.map.data import MapNode

    loners = tuple(
        MapNode(f"https://example.org/loner/{i}", "person", f"Loner {i}", (), None, None, ())
        for i in range(30)
    )
    widened = replace(data, nodes=data.nodes + loners)
    positions = layout(widened)
    degrees = widened.degrees()
    connected = [math.hypot(*positions[n]) for n in range(len(positions)) if degrees[n]]
    ring = [math.hypot(*positions[n]) for n in range(len(positions)) if not degrees[n]]
    assert len(ring) >= 30 and min(ring) > max(connected)
    assert len(set(positions)) == len(positions)
    # Only loners: they are placed all the same, without the spring layout.
    alone = layout(replace(data, nodes=loners, edges=()))
    assert len(set(alone)) == len(loners)


def test_a_graph_is_laid_out_once_for_the_map_and_the_network_files(sample_graph: Graph) -> None:
    import gc

    from rdflib import Graph as RdfGraph
    from rdflib import Literal, URIRef

    from kg.exporters.map import layout as layout_module
    from kg.exporters.map.layout import laid_out

    copy = RdfGraph()
    for triple in sample_graph:
        copy.add(triple)
    first = laid_out(copy)
    assert laid_out(copy)[1] is first[1]  # the very same list: not laid out twice
    assert first[1] == layout(read_map_data(copy))
    copy.add((URIRef("https://example.org/x"), URIRef("https://example.org/p"), Literal("y")))
    assert laid_out(copy)[1] is not first[1]  # changed: laid out again
    key = id(copy)
    del copy, first
    gc.collect()
    assert key not in layout_module._LAID_OUT


def test_the_map_and_graphml_name_a_node_alike_in_kazakh_first() -> None:
    """One reader of the network: a node labelled @kk and @en is called by its Kazakh
    name in the map and in GraphML (the map once read English first, by language code)."""
    import io

    import networkx as nx
    from rdflib import RDF, Graph, Literal, URIRef

    from kg.exporters.map.render import render_map
    from kg.exporters.network import graphml_bytes
    from kg.graph.vocab import FOAF, ORG, SKOS

    graph = Graph()
    person = URIRef("https://example.org/id/person/aigul-sarsenova")
    org = URIRef("https://example.org/id/organisation/zhasyl-kopir")
    graph.add((person, RDF.type, FOAF.Person))
    graph.add((person, SKOS.prefLabel, Literal("Айгүл Сәрсенова", lang="kk")))
    graph.add((person, SKOS.prefLabel, Literal("Aigul Sarsenova", lang="en")))
    graph.add((org, RDF.type, ORG.Organization))
    graph.add((org, SKOS.prefLabel, Literal("Green Bridge", lang="en")))
    graph.add((org, SKOS.prefLabel, Literal("Жасыл Көпір", lang="kk")))

    in_graphml = nx.read_graphml(io.BytesIO(graphml_bytes(graph)))
    in_map = {node.iri: node.label for node in read_map_data(graph).nodes}
    for node, name in ((person, "Айгүл Сәрсенова"), (org, "Жасыл Көпір")):
        assert in_graphml.nodes[str(node)]["label"] == in_map[str(node)] == name
    page = render_map(graph)
    assert '"label":"Айгүл Сәрсенова"' in page and '"label":"Aigul Sarsenova"' not in page
