"""The name index: case-insensitive substring lookup of organisations and people."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.sparql.names import INDEX_FILE, NameIndex, NameLabel, fold
from kg.sparql.store import Store, open_store
from kg.text import ascii_key

LABELS = [
    NameLabel("organisation", "https://example.org/org-1", "Қазақстанның Азаматтық Альянсы"),
    NameLabel("organisation", "https://example.org/org-1", "Civil Alliance of Kazakhstan"),
    NameLabel("organisation", "https://example.org/org-2", "«Жасыл Дала» қоғамдық қоры"),
    NameLabel("organisation", "https://example.org/org-3", "Fund 100%_Green"),
    NameLabel("organisation", "https://example.org/org-4", "Forum [Civic*] Q?A"),
    NameLabel("person", "https://example.org/person-1", "Айгүл Серікқызы"),
    NameLabel("person", "https://example.org/person-2", "Aigul Serikkyzy"),
]


@pytest.fixture(scope="module", params=["file", "memory"])
def index(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> NameIndex:
    if request.param == "memory":
        return NameIndex.build(LABELS)
    path = tmp_path_factory.mktemp("names") / INDEX_FILE
    NameIndex.build(LABELS, path).close()
    return NameIndex.open(path)


def test_case_and_script_letters_are_folded(index: NameIndex) -> None:
    assert index.find("organisation", "ҚАЗАҚСТАН") == ["https://example.org/org-1"]
    assert index.find("organisation", "kazakhstan") == ["https://example.org/org-1"]
    assert index.find("organisation", "жасыл дала") == ["https://example.org/org-2"]
    assert index.find("person", "СЕРІК") == [
        "https://example.org/person-1",
        "https://example.org/person-2",  # "Serikkyzy", through the ASCII forms
    ]


def test_transliterations_find_each_other(index: NameIndex) -> None:
    assert index.find("person", "Serikkyzy") == [
        "https://example.org/person-1",
        "https://example.org/person-2",
    ]
    assert index.find("organisation", "kazakstannyn") == ["https://example.org/org-1"]
    assert index.find("organisation", "Жасыл") == ["https://example.org/org-2"]


def test_unicode_normalisation_is_ignored(index: NameIndex) -> None:
    decomposed = unicodedata.normalize("NFD", "Айгүл")
    assert decomposed != "Айгүл"
    # Found through the folded text only: the label's ASCII form is "aygul", not "aigul".
    assert "https://example.org/person-1" in index.find("person", decomposed)


def test_kinds_are_kept_apart(index: NameIndex) -> None:
    assert index.find("person", "Kazakhstan") == []
    assert index.find("person", "Жасыл") == []
    assert index.find("organisation", "Aigul") == []
    with pytest.raises(ValueError, match="unknown kind"):
        index.find("event", "forum")


def test_wildcards_are_plain_characters(index: NameIndex) -> None:
    assert index.find("organisation", "100%_g") == ["https://example.org/org-3"]
    assert index.find("organisation", "d%1") == []
    assert index.find("organisation", "[civic*]") == ["https://example.org/org-4"]
    assert index.find("organisation", "[ci*c]") == []
    assert index.find("organisation", "c?v") == []
    assert "https://example.org/org-4" in index.find("organisation", "q?a")
    assert index.find("organisation", "fund_100") == []


def test_short_fragments_and_the_empty_one(index: NameIndex) -> None:
    assert index.find("organisation", "Аз") == ["https://example.org/org-1"]
    assert index.find("organisation", "%") == ["https://example.org/org-3"]
    assert index.find("organisation", "") == [f"https://example.org/org-{n}" for n in (1, 2, 3, 4)]


_WORDS = st.text(alphabet="аәбғқңөұүһіaiKkQq %_-«»*?[]", min_size=0, max_size=12)


@settings(max_examples=150, deadline=None)
@given(labels=st.lists(_WORDS, min_size=1, max_size=8), fragment=_WORDS, pick=st.integers(0, 7))
def test_lookup_is_exactly_a_folded_substring_test(
    labels: list[str], fragment: str, pick: int
) -> None:
    # Half the time search for a piece of a real label, so that matches occur.
    source = labels[pick % len(labels)]
    if pick % 2 and len(source) > 2:
        fragment = source[1:-1]
    rows = [NameLabel("person", f"https://example.org/p{i}", t) for i, t in enumerate(labels)]
    expected = sorted(
        {
            r.entity
            for r in rows
            if fold(fragment) in fold(r.text)
            or ((ascii_key(fragment) or not fragment) and ascii_key(fragment) in ascii_key(r.text))
        }
    )
    assert NameIndex.build(rows).find("person", fragment) == expected


def test_a_built_store_carries_its_index(sample_dir: Path) -> None:
    store = open_store(sample_dir)
    assert (sample_dir / "store" / INDEX_FILE).is_file()
    assert store.names.uses_trigrams
    assert store.names.find("organisation", "тоғай") == ["https://w3id.org/civkg/id/org-togai"]
    in_memory = open_store(sample_dir / "graph.ttl")
    assert in_memory.location is None
    assert len(in_memory.names) == len(store.names) > 0


def test_an_old_store_layout_asks_for_a_rebuild(tmp_path: Path) -> None:
    from kg.errors import GraphError

    (tmp_path / "CURRENT").write_text("MANIFEST-000001\n", encoding="utf-8")
    with pytest.raises(GraphError, match="older civkg; run kg build again"):
        Store.open(tmp_path)


def test_an_index_from_another_version_asks_for_a_rebuild(tmp_path: Path) -> None:
    import sqlite3

    from kg.errors import GraphError

    path = tmp_path / INDEX_FILE
    NameIndex.build(LABELS, path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 1")
    connection.close()
    with pytest.raises(GraphError, match=r"names.sqlite: name index from another civkg"):
        NameIndex.open(path)
