"""A text index of organisation and person names, for finding actors by a name fragment.

Oxigraph has no text index, so a query that filters labels with ``CONTAINS`` reads every
label in the graph (about 80 ms at 1M triples, most of a named query's time). Like Jena's
text index or GraphDB's Lucene connector, a build keeps the index beside the store:
``store/names.sqlite`` holds every label of every organisation and person, case-folded,
with an SQLite FTS5 trigram index over them. Named queries look a name parameter up here
and start from the few matching IRIs, which the store then follows through its indexes.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from kg.errors import GraphError
from kg.sparql.results import Answer
from kg.text import ascii_key

#: What a name parameter can name; LABELS_QUERY gives each its RDF class.
KINDS: tuple[str, ...] = ("organisation", "person")

#: Every label of every organisation and person; any SPARQL engine can answer it.
LABELS_QUERY = """SELECT ?kind ?entity ?label WHERE {
  VALUES (?kind ?class) { ("organisation" org:Organization) ("person" foaf:Person) }
  ?entity a ?class ;
          skos:prefLabel|skos:altLabel|rdfs:label ?label .
}"""

#: The file name of the index inside a store folder.
INDEX_FILE = "names.sqlite"

# Trigram matching needs three characters; shorter fragments are matched by a scan.
_TRIGRAM = 3
# A fragment with GLOB's special characters is scanned: escaping them as [*] crashes
# the FTS5 trigram tokenizer of SQLite 3.40 (found by the property test).
_GLOB_SPECIAL = re.compile(r"[*?\[\]]")
# Kept in SQLite's user_version, so an index written by another civkg is refused.
_SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE label (
    kind TEXT NOT NULL, entity TEXT NOT NULL, text TEXT NOT NULL, ascii TEXT NOT NULL
);
"""
_FTS_SCHEMA = """
CREATE VIRTUAL TABLE label_trigrams USING fts5(
    text, ascii, content='label', content_rowid='rowid', tokenize='trigram', detail='none'
);
INSERT INTO label_trigrams (label_trigrams) VALUES ('rebuild');
"""
_COLUMNS = ("text", "ascii")


def fold(text: str) -> str:
    """``text`` as the index compares it: NFC-normalised and case-folded."""
    return unicodedata.normalize("NFC", text).casefold()


@dataclass(frozen=True, slots=True)
class NameLabel:
    """One label of one organisation or person."""

    kind: str
    entity: str
    text: str


def labels_from(answer: Answer) -> list[NameLabel]:
    """The labels in an answer to ``LABELS_QUERY``."""
    found = []
    for kind, entity, label in answer.rows:
        if kind is None or entity is None or label is None or entity.kind != "uri":
            continue
        found.append(NameLabel(kind.value, entity.value, label.value))
    return found


class NameIndex:
    """Organisations and people, found by a case-insensitive fragment of any label."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version != _SCHEMA_VERSION:
            raise GraphError("name index from another civkg version; run kg build again")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        self._trigrams = "label_trigrams" in tables

    @classmethod
    def build(cls, labels: Iterable[NameLabel], path: Path | None = None) -> NameIndex:
        """An index of ``labels``, written to ``path`` (which must not exist) or held in memory."""
        rows = sorted(
            {
                (label.kind, label.entity, fold(label.text), ascii_key(label.text))
                for label in labels
            }
        )
        connection = sqlite3.connect(":memory:" if path is None else str(path))
        with connection:
            connection.executescript(_SCHEMA)
            connection.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            connection.executemany("INSERT INTO label VALUES (?, ?, ?, ?)", rows)
            # SQLite built without FTS5, or older than 3.34: every lookup scans instead.
            with suppress(sqlite3.OperationalError):
                connection.executescript(_FTS_SCHEMA)
        return cls(connection)

    @classmethod
    def open(cls, path: Path) -> NameIndex:
        """Open the index file at ``path`` read-only."""
        try:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            return cls(connection)
        except sqlite3.Error as exc:
            raise GraphError(f"{path}: cannot open name index: {exc}") from exc
        except GraphError as exc:
            raise GraphError(f"{path}: {exc}") from exc

    @classmethod
    def from_query(cls, run: Callable[[str], Answer]) -> NameIndex:
        """An in-memory index of a graph that ``run`` queries (a store or rdflib graph)."""
        return cls.build(labels_from(run(LABELS_QUERY)))

    def find(self, kind: str, fragment: str) -> list[str]:
        """IRIs of the ``kind`` actors with a label containing ``fragment``, sorted.

        A label matches when it contains the fragment with case and Unicode normalisation
        ignored, or when its ASCII transliteration contains the fragment's. An empty
        fragment matches every actor.
        """
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; use {', '.join(KINDS)}")
        found: set[str] = set()
        for column, needle in zip(_COLUMNS, (fold(fragment), ascii_key(fragment)), strict=True):
            if needle or not fragment:
                found.update(self._containing(kind, column, needle))
        return sorted(found)

    def _containing(self, kind: str, column: str, needle: str) -> list[str]:
        if self._trigrams and len(needle) >= _TRIGRAM and not _GLOB_SPECIAL.search(needle):
            # The trigram index answers GLOB (LIKE with ESCAPE would bypass it) on text
            # already folded; instr() confirms each row, so both paths match the same.
            pattern = f"*{needle}*"
            rows = self._db.execute(
                "SELECT label.entity FROM label_trigrams"
                " JOIN label ON label.rowid = label_trigrams.rowid"
                f" WHERE label_trigrams.{column} GLOB ? AND label.kind = ?"
                f" AND instr(label.{column}, ?) > 0",
                (pattern, kind, needle),
            )
        else:
            rows = self._db.execute(
                f"SELECT entity FROM label WHERE kind = ? AND instr({column}, ?) > 0",
                (kind, needle),
            )
        return [entity for (entity,) in rows]

    def __len__(self) -> int:
        (count,) = self._db.execute("SELECT COUNT(*) FROM label").fetchone()
        return int(count)

    @property
    def uses_trigrams(self) -> bool:
        """Whether lookups of three or more characters use the FTS5 trigram index."""
        return self._trigrams

    def close(self) -> None:
        self._db.close()


def write_name_index(run: Callable[[str], Answer], path: Path) -> Path:
    """Write the name index of the graph that ``run`` queries to a new file at ``path``."""
    try:
        with closing(NameIndex.build(labels_from(run(LABELS_QUERY)), path)):
            pass
    except sqlite3.Error as exc:
        raise GraphError(f"{path}: cannot write name index: {exc}") from exc
    return path
