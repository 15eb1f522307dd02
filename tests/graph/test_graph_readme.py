"""The queries in ontologies/README.md run, and the one-query example answers correctly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graph_sample import DEPUTY, FOUNDATION, PERSON, sample_results
from rdflib import Graph
from rdflib.query import ResultRow

from kg.iris import entity_id
from kg.model import Membership

README = Path(__file__).resolve().parents[2] / "ontologies" / "README.md"
_BLOCK = re.compile(r"^### (?P<title>.+?)\n.*?```sparql\n(?P<query>.*?)```", re.S | re.M)


def readme_queries() -> dict[str, str]:
    return {m["title"]: m["query"] for m in _BLOCK.finditer(README.read_text(encoding="utf-8"))}


def test_readme_has_the_which_sentence_query() -> None:
    assert "Which sentence says X represents Y?" in readme_queries()


@pytest.mark.parametrize("title", sorted(readme_queries()))
def test_every_readme_query_runs_and_finds_something(graph: Graph, title: str) -> None:
    rows = list(graph.query(readme_queries()[title]))
    assert rows, title


def test_which_sentence_says_x_represents_y(graph: Graph) -> None:
    rows = list(graph.query(readme_queries()["Which sentence says X represents Y?"]))
    assert all(isinstance(r, ResultRow) for r in rows)
    answers = [r.asdict() for r in rows if isinstance(r, ResultRow)]
    person = entity_id("person", PERSON)
    fund = entity_id("organisation", FOUNDATION)
    expected = set()
    for result in sample_results():
        for fact in result.facts:
            if isinstance(fact, Membership) and (fact.person, fact.organisation) == (person, fund):
                assert fact.role is not None
                for evidence in fact.evidence:
                    expected.add((fact.role.text, evidence.sentence, result.article.source_path))
    found = {(str(a["role"]), str(a["sentence"]), str(a["source"])) for a in answers}
    assert found == expected
    assert len(expected) == 3
    texts = {r.article.source_path: r.article.text for r in sample_results()}
    for answer in answers:
        start, end = int(answer["start"]), int(answer["end"])
        assert texts[str(answer["source"])][start:end] == str(answer["sentence"])
    assert DEPUTY not in {str(a["person"]) for a in answers}
