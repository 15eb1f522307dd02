"""The public query contract, checked with SPARQL against a graph built from sample results."""

from __future__ import annotations

from graph_sample import BASE, FORUM, PUBLISHER, kk_memorandum
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import Node

from kg.graph.bridge import article_graph, article_iri, role_iri
from kg.model import Agreement, ArticleResult, BuildActivity, EntityType, Membership
from kg.sparql.results import PREFIXES

DECLARED = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def ask(graph: Graph, query: str) -> bool:
    return bool(graph.query(DECLARED + "ASK {" + query + "}").askAnswer)


def select(graph: Graph, query: str) -> list[ResultRow]:
    rows = list(graph.query(DECLARED + query))
    assert all(isinstance(row, ResultRow) for row in rows)
    return rows  # type: ignore[return-value]  # narrowed by the assert above


def lang(node: Node | None) -> str | None:
    assert isinstance(node, Literal)
    return node.language


def test_no_blank_nodes_anywhere(graph: Graph) -> None:
    assert len(graph) > 0
    for triple in graph:
        assert not any(isinstance(term, BNode) for term in triple), triple


def test_entity_iris_are_base_plus_id(graph: Graph, results: tuple[ArticleResult, ...]) -> None:
    for result in results:
        for entity in result.entities:
            assert (URIRef(BASE + entity.id), None, None) in graph


def test_people_and_organisations_are_typed_and_labelled(
    graph: Graph, results: tuple[ArticleResult, ...]
) -> None:
    for entity in {e for r in results for e in r.entities}:
        node = URIRef(BASE + entity.id)
        cls = {"person": "foaf:Person", "organisation": "org:Organization", "event": "schema:Event"}
        assert ask(graph, f"<{node}> a {cls[entity.type.value]}")
        tag = "" if entity.name.lang == "und" else f"@{entity.name.lang}"
        literal = f'"{entity.name.text}"{tag}'
        assert ask(graph, f"<{node}> skos:prefLabel {literal} ; rdfs:label {literal}")
        for alias in entity.aliases:
            assert (
                node,
                URIRef(PREFIXES["skos"] + "altLabel"),
                Literal(alias.text, lang=alias.lang),
            ) in graph


def test_unknown_language_labels_are_untagged(graph: Graph) -> None:
    rows = select(
        graph, "SELECT ?label WHERE { ?o a civ:MediaOrganization ; skos:prefLabel ?label }"
    )
    assert [(str(r[0]), lang(r[0])) for r in rows] == [(PUBLISHER, None)]


def test_org_class_gives_the_finer_class(graph: Graph, results: tuple[ArticleResult, ...]) -> None:
    classes = {"ngo": "NGO", "government": "GovernmentBody", "media": "MediaOrganization"}
    for entity in {e for r in results for e in r.entities}:
        if entity.org_class is not None:
            finer = classes[entity.org_class.value]
            assert ask(graph, f"<{BASE + entity.id}> a org:Organization, civ:{finer}")


def test_membership_has_member_organization_role_and_shortcut(
    graph: Graph, results: tuple[ArticleResult, ...]
) -> None:
    memberships = [f for r in results for f in r.facts if isinstance(f, Membership)]
    assert memberships
    for fact in memberships:
        assert fact.role is not None
        role = role_iri(BASE, fact.role)
        assert ask(
            graph,
            f"""<{BASE + fact.id}> a org:Membership ; org:member <{BASE + fact.person}> ;
                org:organization <{BASE + fact.organisation}> ; org:role <{role}> .
                <{role}> a org:Role ; skos:prefLabel "{fact.role.text}"@{fact.role.lang} .
                <{BASE + fact.person}> civ:represents <{BASE + fact.organisation}> .""",
        )


def test_memorandum_is_an_agreement_with_parties_title_date(graph: Graph) -> None:
    rows = select(
        graph,
        """SELECT ?title ?date (COUNT(DISTINCT ?party) AS ?n) WHERE {
             ?a a civ:Agreement, civ:Memorandum ; civ:party ?party ; dcterms:title ?title ;
                dcterms:date ?date . ?party civ:signed ?a ; a org:Organization .
           } GROUP BY ?title ?date""",
    )
    fact = next(f for f in kk_memorandum().facts if isinstance(f, Agreement))
    assert len(rows) == 1 and fact.title is not None
    title, date, parties = rows[0]
    assert str(title) == fact.title.text
    assert date == Literal(fact.date, datatype=URIRef(PREFIXES["xsd"] + "date"))
    assert int(str(parties)) == len(fact.parties)


def test_event_has_name_date_place_and_participations(graph: Graph) -> None:
    rows = select(
        graph,
        """SELECT ?name ?date ?place ?who WHERE {
             ?e a schema:Event ; schema:name ?name ; schema:startDate ?date ;
                schema:location ?place .
             ?p a civ:Participation ; civ:participant ?who ; civ:event ?e ; civ:evidence ?ev .
             ?ev a civ:Evidence . ?who civ:participatedIn ?e .
           } ORDER BY ?who""",
    )
    assert {str(r[0]) for r in rows} == {FORUM}
    assert {r[1] for r in rows} == {
        Literal("2024-04-12", datatype=URIRef(PREFIXES["xsd"] + "date"))
    }
    assert len({r[3] for r in rows}) == 2  # a person and an organisation took part


def test_article_node_carries_metadata_and_mentions(graph: Graph) -> None:
    result = kk_memorandum()
    node = article_iri(BASE, result.article.id)
    assert str(node) == f"{BASE}article/{result.article.id}"
    rows = select(
        graph,
        f"""SELECT ?headline ?published ?lang ?url ?publisher ?path WHERE {{
              <{node}> a schema:NewsArticle ; schema:headline ?headline ;
                schema:datePublished ?published ; schema:inLanguage ?lang ; schema:url ?url ;
                schema:publisher ?publisher ; civ:sourcePath ?path . }}""",
    )
    assert len(rows) == 1
    headline, published, lang, url, publisher, path = rows[0]
    assert str(headline) == result.article.title
    assert str(published) == result.article.date
    assert lang == Literal(result.article.lang)
    assert isinstance(url, URIRef) and " " not in url  # the space in the URL is encoded
    assert str(publisher) == result.article.publisher
    assert str(path) == result.article.source_path
    mentioned = set(graph.objects(node, URIRef("https://schema.org/mentions")))
    assert mentioned == {URIRef(BASE + e.id) for e in result.entities}
    assert not ask(graph, f"<{node}> schema:text ?t")


def test_every_fact_has_evidence_with_sentence_offsets_provenance(
    graph: Graph, results: tuple[ArticleResult, ...], activity: BuildActivity
) -> None:
    for result in results:
        text = result.article.text
        for fact in result.facts:
            rows = select(
                graph,
                f"""SELECT ?sentence ?start ?end ?extractor ?article ?run WHERE {{
                      <{BASE + fact.id}> civ:evidence ?ev . ?ev a civ:Evidence ;
                        civ:sentence ?sentence ; civ:startOffset ?start ; civ:endOffset ?end ;
                        civ:extractor ?extractor ; prov:wasDerivedFrom ?article ;
                        prov:wasGeneratedBy ?run .
                      FILTER(?article = <{article_iri(BASE, result.article.id)}>) }}""",
            )
            assert len(rows) == len(fact.evidence)
            for sentence, start, end, extractor, _, run in rows:
                assert text[int(str(start)) : int(str(end))] == str(sentence)
                assert lang(sentence) == result.article.lang
                assert str(extractor) in result.extractors
                assert str(run) == BASE + activity.id


def test_activity_and_agent(graph: Graph, activity: BuildActivity) -> None:
    rows = select(
        graph,
        """SELECT ?run ?version ?extractor WHERE {
             ?run a prov:Activity ; prov:wasAssociatedWith ?agent ; civ:extractor ?extractor .
             ?agent a prov:SoftwareAgent ; schema:softwareVersion ?version . }""",
    )
    assert rows == [
        (URIRef(BASE + activity.id), Literal(activity.version), Literal(activity.extractors[0]))
    ]


def test_article_graph_is_a_pure_function(
    results: tuple[ArticleResult, ...], activity: BuildActivity
) -> None:
    from rdflib.compare import isomorphic

    first = article_graph(results[0], activity=activity, base=BASE)
    again = article_graph(results[0], activity=activity, base=BASE)
    other_base = article_graph(results[0], activity=activity, base="https://example.net/x/")
    assert isomorphic(first, again)
    assert not isomorphic(first, other_base)
    assert all(str(s).startswith("https://example.net/x/") for s in other_base.subjects())


def test_a_fact_naming_an_unknown_entity_is_refused(activity: BuildActivity) -> None:
    import dataclasses

    import pytest

    from kg.errors import GraphError

    result = kk_memorandum()
    orphaned = dataclasses.replace(
        result, entities=tuple(e for e in result.entities if e.type is not EntityType.PERSON)
    )
    with pytest.raises(GraphError, match=result.article.source_path):
        article_graph(orphaned, activity=activity, base=BASE)


def test_bad_dates_and_urls_are_left_out(activity: BuildActivity) -> None:
    import dataclasses

    result = kk_memorandum()
    article = dataclasses.replace(result.article, date="2024-02-30", url="not a url", lang="und")
    graph = article_graph(
        dataclasses.replace(result, article=article), activity=activity, base=BASE
    )
    node = article_iri(BASE, article.id)
    assert not ask(graph, f"<{node}> schema:datePublished ?d")
    assert not ask(graph, f"<{node}> schema:url ?u")
    assert not ask(graph, f"<{node}> schema:inLanguage ?l")
    sentences = list(graph.objects(None, URIRef(PREFIXES["civ"] + "sentence")))
    assert sentences and all(lang(s) is None for s in sentences)
