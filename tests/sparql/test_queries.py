"""Named queries: headers, safe parameter binding, and answers on the sample graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import UsageError
from kg.sparql.names import NameIndex
from kg.sparql.queries import get_query, named_queries, parse_query, sparql_term
from kg.sparql.results import Answer, run_query
from kg.sparql.store import Store, open_store

EXPECTED_NAMES = {
    "members-of",
    "organisations-of",
    "agreements-of",
    "interlocks",
    "bridges",
    "article",
    "between",
}

# Parameters that make every named query return rows on the sample graph.
SAMPLE_PARAMS: dict[str, dict[str, str]] = {
    "members-of": {"org": "togai"},
    "organisations-of": {"person": "НҰРЖАН"},
    "agreements-of": {"org": "берег"},
    "interlocks": {},
    "bridges": {},
    "article": {"article": "ru-bereg-2024.md"},
    "between": {"from": "2024-01-01", "to": "2024-12-31"},
}


@pytest.fixture(scope="module")
def store(sample_dir: Path) -> Store:
    return open_store(sample_dir)


def _column(answer: Answer, name: str) -> list[str]:
    index = answer.variables.index(name)
    return [row[index].value for row in answer.rows if row[index] is not None]  # type: ignore[union-attr]


def test_every_bundled_query_is_documented() -> None:
    queries = named_queries()
    assert set(queries) == EXPECTED_NAMES
    for name, query in queries.items():
        assert query.name == name
        assert len(query.description) > 20
        assert query.example.startswith(f"kg query out/ {name}")
        for param in query.parameters:
            assert f"${param.name}" in query.text
            assert param.description


HOSTILE = 'x") } } DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("'


def test_binding_escapes_hostile_text(store: Store) -> None:
    text = get_query("article").bind({"article": HOSTILE})
    assert "DROP ALL ;" in text  # present, but only inside one escaped string literal
    assert text.count('\\"') >= 2
    assert store.query(text).rows == ()


def test_a_name_parameter_becomes_iris_and_never_text(store: Store) -> None:
    text = get_query("members-of").bind({"org": "Тоғай"}, names=store.names)
    assert "VALUES ?organisation { <https://w3id.org/civkg/id/org-togai> }" in text
    hostile = get_query("members-of").bind({"org": HOSTILE}, names=store.names)
    assert "DROP" not in hostile and "VALUES ?organisation {  }" in hostile
    assert store.query(hostile).rows == ()
    with pytest.raises(UsageError, match="looks up names"):
        get_query("members-of").bind({"org": "Тоғай"})


def test_an_empty_name_means_anyone(store: Store) -> None:
    every = store.run(get_query("interlocks"), {"org": ""})
    one = store.run(get_query("interlocks"), {"org": "river watch"})
    assert "VALUES ?focus { UNDEF }" in get_query("interlocks").bind(names=store.names)
    assert set(one.rows) < set(every.rows)


def test_a_name_parameter_must_stand_in_a_values_block() -> None:
    header = "# name: q\n# description: d\n# param: org organisation -- o\n# example: e\n"
    parse_query(header + "SELECT * { VALUES ?o { $org } ?o ?p ?x }\n", "good.rq")
    with pytest.raises(UsageError, match="only stand alone in a VALUES block"):
        parse_query(header + "SELECT * { ?o ?p $org }\n", "bad.rq")
    with pytest.raises(UsageError, match="only stand alone in a VALUES block"):
        parse_query(header + "SELECT * { VALUES ?o { $org } FILTER(?x = $org) }\n", "bad.rq")


def test_parameter_errors_name_the_problem() -> None:
    query = get_query("between")
    with pytest.raises(UsageError, match="needs --param from"):
        query.bind({"to": "2024-01-01"})
    with pytest.raises(UsageError, match="no parameter 'form'"):
        query.bind({"form": "2024-01-01", "to": "2024-01-01"})
    with pytest.raises(UsageError, match="not a date"):
        query.bind({"from": "2024-01-01'", "to": "2024-02-01"})
    with pytest.raises(UsageError, match="not an integer"):
        get_query("bridges").bind({"limit": "10 } LIMIT 1"})
    with pytest.raises(UsageError, match="not an IRI"):
        sparql_term("https://example.org/a> } #", "iri")
    with pytest.raises(UsageError, match="unknown query 'member-of'"):
        get_query("member-of")


def test_defaults_are_used_when_a_parameter_is_left_out() -> None:
    text = get_query("bridges").bind()
    assert "LIMIT 100" in text and ">= 2" in text


def test_a_header_must_match_the_body() -> None:
    body = "# name: q\n# description: d\n# example: kg query out/ q\nSELECT * { ?s ?p $x }\n"
    with pytest.raises(UsageError, match=r"\$x"):
        parse_query(body, "my.rq")
    with pytest.raises(UsageError, match="lacks '# example:'"):
        parse_query("# name: q\n# description: d\nASK {}\n", "my.rq")


def _normalised(answer: Answer) -> set[tuple[str, ...]]:
    # GROUP_CONCAT order is engine-specific, so compare concatenations as sorted parts.
    rows = set()
    for row in answer.rows:
        cells = ("" if c is None else c.value for c in row)
        rows.add(tuple("; ".join(sorted(c.split("; "))) for c in cells))
    return rows


@pytest.mark.parametrize("name", sorted(EXPECTED_NAMES))
def test_store_and_rdflib_agree(name: str, store: Store, sample_graph: object) -> None:
    from rdflib import Graph

    assert isinstance(sample_graph, Graph)
    their_names = NameIndex.from_query(lambda sparql: run_query(sample_graph, sparql))
    text = get_query(name).bind(SAMPLE_PARAMS[name], names=their_names)
    assert text == get_query(name).bind(SAMPLE_PARAMS[name], names=store.names)
    ours = store.query(text)
    theirs = run_query(sample_graph, text)
    assert ours.rows, f"{name} found nothing on the sample"
    assert ours.variables == theirs.variables
    assert _normalised(ours) == _normalised(theirs)


def test_members_of_finds_people_roles_and_dates(store: Store) -> None:
    answer = store.run(get_query("members-of"), {"org": "Тоғай"})
    names = _column(answer, "name")
    assert any("Nurzhan" in n for n in names) and "Sam Fielder" in names
    assert "төраға" in _column(answer, "role")
    assert "2023-11-20" in _column(answer, "firstReported")


def test_organisations_of_matches_any_script(store: Store) -> None:
    latin = store.run(get_query("organisations-of"), {"person": "nurzhan"})
    cyrillic = store.run(get_query("organisations-of"), {"person": "Нұржан"})
    organisations = set(_column(latin, "organisation"))
    assert len(organisations) == 3
    assert organisations == set(_column(cyrillic, "organisation"))
    assert all(s.strip() for s in _column(latin, "evidence"))


def test_agreements_list_the_other_parties(store: Store) -> None:
    answer = store.run(get_query("agreements-of"), {"org": "clear shore"})
    assert _column(answer, "date") == ["2024-03-05"]
    partners = _column(answer, "partners")[0]
    assert "Togai Green Fund" in partners and "Clear Shore" not in partners


def test_bridges_threshold(store: Store) -> None:
    three = store.run(get_query("bridges"), {"min_orgs": "3"})
    assert _column(three, "organisations") == ["3", "3"]
    assert store.run(get_query("bridges"), {"min_orgs": "4"}).rows == ()


def test_interlocks_are_unordered_pairs(store: Store) -> None:
    answer = store.run(get_query("interlocks"), {"org": "river watch"})
    pairs = list(
        zip(_column(answer, "organisationA"), _column(answer, "organisationB"), strict=True)
    )
    assert pairs and all(a < b for a, b in pairs)
    assert all("org-rivers" in a + b for a, b in pairs)


def test_article_and_between_keep_to_their_articles(store: Store) -> None:
    article = store.run(get_query("article"), {"article": "ru-bereg-2024.md"})
    assert set(_column(article, "article")) == {"https://w3id.org/civkg/id/article-a2"}
    assert {"Membership", "Agreement"} <= set(_column(article, "kind"))
    between = store.run(get_query("between"), {"from": "2024-01-01", "to": "2024-03-31"})
    assert set(_column(between, "date")) == {"2024-03-06"}


def test_interlocks_rank_by_shared_people_then_names(store: Store) -> None:
    answer = store.run(get_query("interlocks"))
    shared = [int(n) for n in _column(answer, "sharedPeople")]
    keys = list(
        zip(
            [-n for n in shared],
            _column(answer, "organisationAName"),
            _column(answer, "organisationBName"),
            strict=True,
        )
    )
    assert len(keys) > 1 and keys == sorted(keys)
    top = store.run(get_query("interlocks"), {"limit": "1"})
    assert [int(n) for n in _column(top, "sharedPeople")] == [max(shared)]
