"""The network view read out of RDF: node and edge types, attributes, determinism."""

from __future__ import annotations

from graph_sample import BASE, DEPUTY, FOUNDATION, PERSON, sample_results
from rdflib import Graph

from kg.graph.bridge import to_dataset
from kg.iris import entity_id
from kg.model import Agreement, BuildActivity, Membership, Participation
from kg.views import EDGE_TYPES, to_networkx


def test_nodes_are_people_organisations_agreements_events(graph: Graph) -> None:
    network = to_networkx(graph)
    results = sample_results()
    entities = {e.id: e for r in results for e in r.entities}
    agreements = {f.id for r in results for f in r.facts if isinstance(f, Agreement)}
    assert set(network.nodes) == {BASE + i for i in entities} | {BASE + a for a in agreements}
    for node, data in network.nodes(data=True):
        ident = node[len(BASE) :]
        if ident in agreements:
            assert data["type"] == "agreement"
            continue
        entity = entities[ident]
        assert data["type"] == entity.type.value
        assert data["org_class"] == (entity.org_class.value if entity.org_class else "")
        assert data["degree"] == network.degree(node)


def test_labels_prefer_kazakh_then_russian(graph: Graph) -> None:
    network = to_networkx(graph)
    assert network.nodes[BASE + entity_id("person", PERSON)]["label"] == PERSON
    agreement = next(n for n, d in network.nodes(data=True) if d["type"] == "agreement")
    fact = next(f for r in sample_results() for f in r.facts if isinstance(f, Agreement))
    assert fact.title is not None and network.nodes[agreement]["label"] == fact.title.text


def test_edges_follow_the_facts(graph: Graph) -> None:
    network = to_networkx(graph)
    facts = {f.id: f for r in sample_results() for f in r.facts}
    kinds = {data["type"] for _, _, data in network.edges(data=True)}
    assert kinds == set(EDGE_TYPES)
    for source, target, data in network.edges(data=True):
        fact = facts[data["fact"][len(BASE) :]]
        assert data["weight"] >= 1
        if data["type"] == "represents":
            assert isinstance(fact, Membership) and fact.role is not None
            assert (source, target) == (BASE + fact.person, BASE + fact.organisation)
            assert data["role"] == fact.role.text
        elif data["type"] == "signed":
            assert isinstance(fact, Agreement) and source[len(BASE) :] in fact.parties
        else:
            assert isinstance(fact, Participation)
            assert (source, target) == (BASE + fact.participant, BASE + fact.event)


def test_two_roles_give_two_edges_and_repeated_evidence_adds_weight(graph: Graph) -> None:
    network = to_networkx(graph)
    person = BASE + entity_id("person", PERSON)
    fund = BASE + entity_id("organisation", FOUNDATION)
    edges = network.get_edge_data(person, fund)
    assert sorted(d["role"] for d in edges.values()) == ["председатель", "төраға"]
    assert sorted(d["weight"] for d in edges.values()) == [1, 2]
    deputy = BASE + entity_id("person", DEPUTY)
    assert network.out_degree(deputy) == 1


def test_insertion_order_is_sorted_whatever_the_input_order(activity: BuildActivity) -> None:
    forward = to_networkx(to_dataset(sample_results(), activity=activity, base=BASE)[1])
    backward = to_networkx(to_dataset(sample_results()[::-1], activity=activity, base=BASE)[1])
    assert list(forward.nodes) == sorted(forward.nodes) == list(backward.nodes)
    assert list(forward.edges(keys=True, data=True)) == list(backward.edges(keys=True, data=True))


def test_empty_graph_gives_empty_network() -> None:
    network = to_networkx(Graph())
    assert network.number_of_nodes() == 0 and network.number_of_edges() == 0
