"""The named queries against the graph that kg.graph.bridge really makes from model objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build_activity
from kg.iris import DEFAULT_BASE
from kg.model import (
    Agreement,
    AgreementKind,
    Article,
    ArticleResult,
    Entity,
    EntityType,
    Evidence,
    Label,
    Membership,
    OrgClass,
)
from kg.sparql.queries import get_query
from kg.sparql.store import Store, write_store

TEXT = (
    "Қайнар қорының директоры Дана Сейіт форумға келді. "
    "Қайнар қоры мен Арна орталығы меморандумға қол қойды."
)


def _evidence(article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article.id, sentence, start, start + len(sentence), "test")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    from kg.graph.bridge import to_dataset

    article = Article(
        id="art-qainar",
        text=TEXT,
        lang="kk",
        source_path="kk-qainar.txt",
        title="Қайнар форумы",
        date="2025-02-10",
        url="https://news.example.kz/qainar",
    )
    first, second = TEXT.split(". ")
    dana = Entity("person-dana", EntityType.PERSON, Label("Дана Сейіт", "kk"))
    qainar = Entity(
        "org-qainar",
        EntityType.ORGANISATION,
        Label("Қайнар қоры", "kk"),
        aliases=(Label("Qainar Foundation", "en"),),
        org_class=OrgClass.NGO,
    )
    arna = Entity("org-arna", EntityType.ORGANISATION, Label("Арна орталығы", "kk"))
    facts = (
        Membership(
            "membership-dana",
            dana.id,
            qainar.id,
            Label("директор", "kk"),
            (_evidence(article, first + "."),),
        ),
        Agreement(
            "agreement-qa",
            AgreementKind.MEMORANDUM,
            (arna.id, qainar.id),
            Label("Ынтымақтастық меморандумы", "kk"),
            "2025-02-09",
            (_evidence(article, second),),
        ),
    )
    result = ArticleResult(article, (dana, qainar, arna), facts, ("test",))
    dataset, _ = to_dataset([result], activity=build_activity(["test"]), base=DEFAULT_BASE)
    folder: Path = tmp_path_factory.mktemp("real-graph")
    return Store.open(write_store(dataset, folder / "store"))


def _values(store: Store, name: str, column: str, **params: str) -> list[str]:
    answer = store.run(get_query(name), params)
    index = answer.variables.index(column)
    return [row[index].value for row in answer.rows if row[index] is not None]  # type: ignore[union-attr]


def test_members_and_organisations(store: Store) -> None:
    assert _values(store, "members-of", "name", org="qainar") == ["Дана Сейіт"]
    assert _values(store, "members-of", "role", org="қайнар") == ["директор"]
    assert _values(store, "organisations-of", "date", person="дана") == ["2025-02-10"]


def test_agreements_article_and_dates(store: Store) -> None:
    assert _values(store, "agreements-of", "partners", org="Арна") == ["Қайнар қоры"]
    kinds = _values(store, "article", "kind", article="kk-qainar.txt")
    assert {"Membership", "Agreement", "Memorandum"} <= set(kinds)
    assert _values(store, "article", "kind", article="kk-other.txt") == []
    assert _values(store, "between", "date", **{"from": "2025-02-11", "to": "2025-03-01"}) == []
    assert len(_values(store, "between", "fact", **{"from": "2025-02-10", "to": "2025-02-10"})) >= 2
