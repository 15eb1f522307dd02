"""Merging article graphs: a set union that adds evidence up on shared nodes."""

from __future__ import annotations

from collections.abc import Iterator

from graph_sample import BASE, PERSON, kk_memorandum, kk_report, ru_interview
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from kg.graph.bridge import activity_graph, article_graph, article_iri, to_dataset
from kg.graph.vocab import CIV, FOAF, ORG, SKOS
from kg.iris import entity_id
from kg.model import ArticleResult, BuildActivity, Membership


def _union(*graphs: Graph) -> Graph:
    union = Graph()
    for graph in graphs:
        for triple in graph:
            union.add(triple)
    return union


def test_same_person_in_two_articles_is_one_node_with_both_evidence(
    activity: BuildActivity,
) -> None:
    first, second = kk_memorandum(), kk_report()
    _, merged = to_dataset([first, second], activity=activity, base=BASE)
    person = URIRef(BASE + entity_id("person", PERSON))
    people = [p for p in merged.subjects(RDF.type, FOAF.Person) if p == person]
    assert people == [person]
    shared = {f.id for f in first.facts} & {f.id for f in second.facts}
    assert len(shared) == 1
    membership = URIRef(BASE + shared.pop())
    evidence = set(merged.objects(membership, CIV.evidence))
    assert len(evidence) == 2
    sources = {
        next(merged.objects(e, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
        for e in evidence
    }
    assert sources == {article_iri(BASE, first.article.id), article_iri(BASE, second.article.id)}


def test_labels_from_two_languages_meet_on_one_node(graph: Graph) -> None:
    person = URIRef(BASE + entity_id("person", PERSON))
    labels = set(graph.objects(person, SKOS.prefLabel))
    assert {label.language for label in labels if isinstance(label, Literal)} == {"kk", "ru"}
    memberships = set(graph.subjects(ORG.member, person))
    assert len(memberships) == 2  # the Kazakh and the Russian role differ
    assert len(set(graph.objects(person, CIV.represents))) == 1


def test_merged_graph_is_the_union_of_article_and_activity_graphs(
    graph: Graph, results: tuple[ArticleResult, ...], activity: BuildActivity
) -> None:
    parts = [article_graph(r, activity=activity, base=BASE) for r in results]
    union = _union(activity_graph(activity, base=BASE), *parts)
    assert set(union) == set(graph)
    assert isomorphic(union, graph)
    assert sum(len(p) for p in parts) > len(graph) - len(activity_graph(activity, base=BASE))


def test_dataset_has_one_named_graph_per_article_and_activity_in_default(
    built: tuple[Dataset, Graph], results: tuple[ArticleResult, ...], activity: BuildActivity
) -> None:
    dataset, _ = built
    names = {g.identifier for g in dataset.graphs() if len(g)}
    expected = {article_iri(BASE, r.article.id) for r in results}
    assert names - {dataset.default_graph.identifier} == expected
    assert isomorphic(dataset.default_graph, activity_graph(activity, base=BASE))
    for result in results:
        named = dataset.graph(article_iri(BASE, result.article.id))
        in_both, only_named, only_article = graph_diff(
            named, article_graph(result, activity=activity, base=BASE)
        )
        assert len(in_both) > 0 and not only_named and not only_article


def test_merge_is_order_independent_and_idempotent(
    graph: Graph, results: tuple[ArticleResult, ...], activity: BuildActivity
) -> None:
    _, reordered = to_dataset(reversed(results), activity=activity, base=BASE)
    _, doubled = to_dataset([*results, *results], activity=activity, base=BASE)
    assert set(reordered) == set(graph)
    assert set(doubled) == set(graph)


def test_results_are_consumed_lazily_once(activity: BuildActivity) -> None:
    seen: list[str] = []

    def produce() -> Iterator[ArticleResult]:
        for result in (kk_memorandum(), ru_interview()):
            seen.append(result.article.id)
            yield result

    _, merged = to_dataset(produce(), activity=activity, base=BASE)
    assert len(seen) == 2
    memberships = {
        f.id
        for r in (kk_memorandum(), ru_interview())
        for f in r.facts
        if isinstance(f, Membership)
    }
    assert {str(m)[len(BASE) :] for m in merged.subjects(None, ORG.Membership)} == memberships
