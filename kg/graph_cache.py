"""The build's graph kept between builds: a rebuild reloads only the articles that changed.

Loading every article's quads into a new store took as long as all the exports of a
1,000-article build, and a rebuild that adds one article changes few named graphs.
So with the cache on, the store lives in ``.civkg-cache/graph/`` with a state file
naming, for every article graph, a hash of the linked results it was made from (and
the base, the build activity and civkg's code, the only other inputs of its triples).
A rebuild keeps each article graph whose hash is the same, replaces the others, drops
those of removed articles, and takes out of the merged default graph every triple
that no named graph and no default-graph statement (the activity, linking's
decisions) still makes. The quads are then the very set a fresh build loads, and
Oxigraph's dumps depend on the set alone, so the files are byte-identical.

The state is removed before the store is touched and written once it is complete: a
build killed in between leaves no state, and the next one starts the store afresh.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from hashlib import sha256
from pathlib import Path
from typing import Any

from kg.cache import encode_result
from kg.errors import GraphError
from kg.graph.bridge import article_iri, dataset_statements
from kg.graph.quadstore import GraphStore, StatementQuad, to_oxigraph
from kg.graph.vocab import PREFIXES
from kg.model import ArticleResult, BuildActivity

_PREFIXES_TEXT = json.dumps({p: str(ns) for p, ns in PREFIXES.items()}, sort_keys=True)

#: The folder, under the cache folder, that holds the kept store and its state.
GRAPH_FOLDER = "graph"
_DATABASE = "oxigraph"
_STATE = "state.json"
_TRIG = "trig.sqlite"
#: Bump when what the state records changes: an older state starts the store afresh.
_SCHEMA = 2


def _digests(
    texts_of: Sequence[tuple[str, str]],
    activity: BuildActivity,
    base: str,
    fingerprint: str,
) -> tuple[dict[str, str], dict[str, list[int]]]:
    """A hash of each article graph's inputs, and the results (by number) of each graph,
    from each result's article id and a text that determines it."""
    # One file saved twice is one article node: its graph is made of both results.
    groups: dict[str, list[int]] = defaultdict(list)
    texts: dict[str, list[str]] = defaultdict(list)
    for number, (article_id, text) in enumerate(texts_of):
        name = str(article_iri(base, article_id))
        groups[name].append(number)
        texts[name].append(text)
    digests = {}
    for name, found in texts.items():
        digest = sha256(f"{_SCHEMA}\n{fingerprint}\n{base}\n{activity.id}\n".encode())
        for text in sorted(found):
            digest.update(text.encode("utf-8") + b"\n")
        digests[name] = digest.hexdigest()
    return digests, groups


class _KeptTrig:
    """Each article graph's block of graph.trig, by a hash of the graph's inputs.

    A graph with the same digest has the same quads, and its block depends on them (and
    on the writer and the prefixes, also hashed) alone, so a kept block is the block the
    writer would make. Blocks of graphs no longer in the build are dropped.
    """

    def __init__(self, path: Path, digests: Mapping[str, str]) -> None:
        import pyoxigraph

        self.path = path
        writer = json.dumps([_SCHEMA, pyoxigraph.__version__, _PREFIXES_TEXT], sort_keys=True)
        self._keys = {
            name: sha256(f"{writer}\n{digest}".encode()).hexdigest()
            for name, digest in digests.items()
        }

    def bodies(self, names: list[str], make: Callable[[str], bytes]) -> Iterator[bytes]:
        try:
            db = sqlite3.connect(self.path)
            db.execute(
                "CREATE TABLE IF NOT EXISTS blocks (name TEXT PRIMARY KEY, key TEXT, body BLOB)"
            )
        except sqlite3.Error:
            self.path.unlink(missing_ok=True)  # a damaged file: write every block again
            db = sqlite3.connect(self.path)
            db.execute(
                "CREATE TABLE IF NOT EXISTS blocks (name TEXT PRIMARY KEY, key TEXT, body BLOB)"
            )
        fresh: list[tuple[str, str, bytes]] = []
        try:
            for name in names:
                key = self._keys.get(name)
                row = db.execute("SELECT key, body FROM blocks WHERE name = ?", (name,)).fetchone()
                if key is not None and row is not None and row[0] == key:
                    yield bytes(row[1])
                    continue
                body = make(name)
                if key is not None:
                    fresh.append((name, key, body))
                yield body
            with db:
                db.executemany("INSERT OR REPLACE INTO blocks VALUES (?, ?, ?)", fresh)
                db.execute("CREATE TEMP TABLE IF NOT EXISTS used (name TEXT PRIMARY KEY)")
                db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((n,) for n in names))
                db.execute("DELETE FROM blocks WHERE name NOT IN (SELECT name FROM used)")
        finally:
            db.close()


def _remove_orphans(folder: Path) -> None:
    """Remove the copies that builds killed while they exported left behind."""
    for found in folder.glob("copy-*"):
        pid = found.name.split("-")[1]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(found, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _read_state(folder: Path) -> dict[str, Any] | None:
    try:
        state = json.loads((folder / _STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or state.get("schema") != _SCHEMA:
        return None
    if not isinstance(state.get("digests"), dict) or not isinstance(state.get("header"), str):
        return None
    return state


def _header_text(store: GraphStore) -> str:
    import pyoxigraph

    default = pyoxigraph.DefaultGraph()
    lines = sorted(
        str(pyoxigraph.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), default))
        for s, p, o in store.header
    )
    return "".join(f"{line} .\n" for line in lines)


def _header_triples(text: str) -> list[Any]:
    import pyoxigraph

    return [
        pyoxigraph.Triple(q.subject, q.predicate, q.object)
        for q in pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    ]


#: The share of article graphs out of date above which the store is made afresh (when
#: they are at least ``AFRESH_FROM``: a few graphs are cheap to replace either way).
AFRESH_ABOVE = 0.5
AFRESH_FROM = 100


def _mostly_stale(old: Mapping[str, str], digests: Mapping[str, str]) -> bool:
    """Whether more than ``AFRESH_ABOVE`` of the old graphs are stale or gone."""
    changed = sum(1 for name, digest in old.items() if digests.get(name) != digest)
    return changed >= AFRESH_FROM and changed > AFRESH_ABOVE * len(old)


def kept_store(
    results: Sequence[ArticleResult],
    *,
    folder: Path,
    fingerprint: str,
    activity: BuildActivity,
    base: str,
    made_from: Sequence[str] | None = None,
    article_ids: Sequence[str] | None = None,
    same_as: Mapping[str, Sequence[str]] | None = None,
    different: Sequence[tuple[str, str]] = (),
    alternates: Mapping[str, str] | None = None,
) -> tuple[GraphStore, int]:
    """The quads of ``kg.graph.bridge.to_store`` in the store kept in ``folder``, and how
    many article graphs were kept from the last build.

    ``fingerprint`` names the code that made the results and their triples (the
    cache's ``pipeline_fingerprint``): another civkg, another graph for every article.
    ``made_from`` gives, for each result, a text that determines it (the build gives
    the cache key of what was extracted and what linking changed in it, see
    ``kg.link.Linked.made_from``), which spares encoding every result to tell which
    changed; without it each result's JSON is hashed. With ``article_ids`` (each
    result's article id) and ``made_from``, only the results of changed graphs are read
    from ``results`` (by index: a build passes results decoded on demand). Returns a
    temporary copy for the build to read (the kept store itself is closed, so a later
    build in this process can open it again).
    """
    import pyoxigraph

    def quads(articles: Iterable[ArticleResult]) -> Iterator[StatementQuad]:
        return dataset_statements(
            articles,
            activity=activity,
            base=base,
            same_as=same_as,
            different=different,
            alternates=alternates,
        )

    if article_ids is not None and made_from is not None:
        texts_of = list(zip(article_ids, made_from, strict=True))
    elif made_from is not None:
        texts_of = [(r.article.id, text) for r, text in zip(results, made_from, strict=True)]
    else:
        texts_of = [(r.article.id, encode_result(r)) for r in results]
    digests, groups = _digests(texts_of, activity, base, fingerprint)
    _remove_orphans(folder)
    state = _read_state(folder)
    store: GraphStore | None = None
    candidates: list[Any] = []
    if state is not None and _mostly_stale(state["digests"], digests):
        # Taking most graphs out one by one (and checking each of their triples in the
        # merged graph) took 3.5 times as long as loading them all afresh.
        (folder / _STATE).unlink(missing_ok=True)
        state = None
    if state is not None:
        try:
            # Triples the merged graph may no longer hold: the old default-graph
            # statements, then (below) the stale article graphs'.
            candidates = _header_triples(state["header"])
            (folder / _STATE).unlink()
            store = GraphStore(folder / _DATABASE)
        except (OSError, SyntaxError, GraphError):
            store = None
    if state is None or store is None:
        # (copies that earlier builds of this process still read stay)
        shutil.rmtree(folder / _DATABASE, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        store = GraphStore(folder / _DATABASE)
        store.load_statements(quads(results))
        kept = 0
    else:
        old: dict[str, str] = state["digests"]
        stale = sorted(
            name for name in old.keys() | digests.keys() if old.get(name) != digests.get(name)
        )
        default = pyoxigraph.DefaultGraph()
        for name in stale:
            if name not in old:
                continue
            graph = pyoxigraph.NamedNode(name)
            removed = [
                pyoxigraph.Triple(q.subject, q.predicate, q.object)
                for q in store.oxigraph.quads_for_pattern(None, None, None, graph)
            ]
            candidates += removed
            store.oxigraph.remove_graph(graph)
            store.changed += len(removed)
        fresh = [results[number] for name in stale for number in groups.get(name, ())]
        store.load_statements(quads(fresh))
        stated = {(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in store.header}
        for triple in candidates:
            s, p, o = triple.subject, triple.predicate, triple.object
            if (s, p, o) in stated:
                continue
            found = store.oxigraph.quads_for_pattern(s, p, o, None)
            if not any(not isinstance(q.graph_name, pyoxigraph.DefaultGraph) for q in found):
                store.oxigraph.remove(pyoxigraph.Quad(s, p, o, default))
        kept = len(digests) - sum(1 for name in stale if name in digests)
    copy = store.copy(folder)
    copy.blocks = _KeptTrig(folder / _TRIG, digests)
    text = json.dumps({"schema": _SCHEMA, "digests": digests, "header": _header_text(store)})
    store.close()
    with contextlib.suppress(OSError):  # without a state the next build starts afresh
        (folder / _STATE).write_text(text, encoding="utf-8")
    return copy, kept
