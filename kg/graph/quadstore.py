"""The build's graph on disk: an Oxigraph store filled article by article.

``kg build`` used to hold the whole graph twice in memory (an rdflib ``Dataset`` and
its union as a ``Graph``): 3.6 GB at 10,000 articles, and rdflib's serialisers took
longer than the extraction. Now each article's quads go straight into an on-disk
Oxigraph store (bulk loaded, memory flat), once in the article's named graph and once
in the default graph, which is therefore the merged graph (a set: a triple stated by
two articles is one triple). Turtle and TriG are written by Oxigraph's serialisers;
JSON-LD, the network files and the map read the merged graph through ``graph``, an
rdflib ``Graph`` whose triples are answered by the store.

Order: an on-disk Oxigraph store keeps quads sorted by its encoding of the terms
(hashes of their text), so dumping it gives the same bytes for the same set of quads
whatever order they were added in, with any number of workers, cached or not.
(Oxigraph's in-memory store does not, which is why a store without a folder is
still made on disk, in a temporary one.)
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.store import Store as RdflibStore

from kg.errors import GraphError
from kg.graph.vocab import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Dataset
    from rdflib.term import Node

#: A triple as rdflib terms, as ``kg.graph`` makes them.
GraphTriple = tuple[URIRef, URIRef, URIRef | Literal]

#: A quad as rdflib terms: the named graph (None: the default graph) and a triple.
GraphQuad = tuple[URIRef | None, GraphTriple]

#: A quad as ``kg.graph.bridge`` writes it: the named graph as an N-Triples IRI
#: (``<...>``; None: the default graph) and the triple as N-Triples text without the
#: final `` .`` (``<s> <p> "o"@kk``).
StatementQuad = tuple[str | None, str]

#: Quads per bulk load. Oxigraph's bulk loader buffers what it is given: all 480k quads
#: of 1,000 articles at once cost 570 MB at the peak, in chunks of 50k 60 MB (and the
#: load was faster).
LOAD_CHUNK = 50_000

#: Quads a store must have gained or lost since it was opened before ``backup``
#: compacts it: compaction rewrites the whole store (2.7 s of a 3,000-article build that
#: added one article), and a few changed graphs leave it nearly as compact as it was
#: (RocksDB compacts in the background as well).
COMPACT_AFTER = 100_000

#: Subjects whose triples the read-only graph keeps at once (see ``_ReadOnly``).
SUBJECT_CACHE = 4096

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


@lru_cache(maxsize=1 << 16)
def _named_node(iri: str) -> Any:
    # predicates, classes and the entities an article names recur in every article:
    # checking an IRI once (pyoxigraph parses it) made loading 1.5x faster
    import pyoxigraph

    return pyoxigraph.NamedNode(iri)


@lru_cache(maxsize=1 << 16)
def _uriref(iri: str) -> URIRef:
    return URIRef(iri)


def to_oxigraph(node: Node) -> Any:
    """An rdflib term as the pyoxigraph term of the same value."""
    import pyoxigraph

    if isinstance(node, URIRef):
        return _named_node(str(node))
    if isinstance(node, Literal):
        if node.language:
            return pyoxigraph.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return pyoxigraph.Literal(str(node), datatype=pyoxigraph.NamedNode(node.datatype))
        return pyoxigraph.Literal(str(node))
    if isinstance(node, BNode):
        return pyoxigraph.BlankNode(str(node))
    raise GraphError(f"not an RDF term: {node!r}")


def from_oxigraph(term: Any) -> Node:
    """A pyoxigraph term as the rdflib term ``kg.graph`` would have made."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return _uriref(term.value)
    if isinstance(term, pyoxigraph.Literal):
        return _literal(term.value, term.language, term.datatype.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    raise GraphError(f"not an RDF term: {term!r}")


@lru_cache(maxsize=1 << 15)
def _literal(value: str, language: str | None, datatype: str) -> Literal:
    # Making an rdflib Literal (it parses the value) was half of what exporters spent
    # reading the store, and the same sentences, names and offsets are read by each.
    if language:
        return Literal(value, lang=language)
    # kg.graph makes plain literals without a datatype, as RDF 1.1 reads them
    if datatype == _XSD_STRING:
        return Literal(value)
    return Literal(value, datatype=_uriref(datatype))


def rdflib_triples(statements: Iterable[str]) -> list[GraphTriple]:
    """Triples written as N-Triples text (``StatementQuad``) as rdflib terms, in order."""
    import pyoxigraph

    text = "".join(f"{statement} .\n" for statement in statements)
    try:
        return [
            cast(
                GraphTriple,
                (
                    from_oxigraph(quad.subject),
                    from_oxigraph(quad.predicate),
                    from_oxigraph(quad.object),
                ),
            )
            for quad in pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_TRIPLES)
        ]
    except SyntaxError as exc:
        raise GraphError(f"not valid N-Triples: {exc}") from exc


T = TypeVar("T")


class TrigBlocks(Protocol):
    """Each article graph's part of graph.trig as written before (``kg.graph_cache``)."""

    def bodies(self, names: list[str], make: Callable[[str], bytes]) -> Iterator[bytes]:
        """Each graph of ``names`` in order with its block: kept, or ``make(name)``."""
        ...


@lru_cache(maxsize=1)
def _trig_prefixes() -> bytes:
    """The ``@prefix`` lines Oxigraph's TriG writer starts a file with."""
    import pyoxigraph

    probe = pyoxigraph.NamedNode("urn:x")
    quad = pyoxigraph.Quad(probe, probe, probe, pyoxigraph.DefaultGraph())
    return _split_prefixes(_trig([quad]))[0]


def _trig(quads: list[pyoxigraph.Quad]) -> bytes:
    import pyoxigraph

    text = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=_PREFIXES)
    return text or b""


def _split_prefixes(text: bytes) -> tuple[bytes, bytes]:
    lines = text.split(b"\n")
    count = 0
    while count < len(lines) and lines[count].startswith(b"@prefix "):
        count += 1
    return b"".join(line + b"\n" for line in lines[:count]), b"\n".join(lines[count:])


def trig_block(quads: list[pyoxigraph.Quad]) -> bytes:
    """The TriG of one graph's ``quads`` without the prefix lines."""
    prefixes, body = _split_prefixes(_trig(quads))
    if quads and prefixes != _trig_prefixes():
        raise GraphError("Oxigraph's TriG writer no longer starts with every prefix")
    return body


def computed_once(graph: Graph, name: str, make: Callable[[], T]) -> T:
    """``make()``, computed once for a build's graph (``GraphStore.graph``); for any
    other graph, every time.

    A build's graph is read-only, so what one exporter read from it (the network, the
    map's data) stays true for the next; a graph that can change is read again.
    """
    store = graph.store
    if isinstance(store, _ReadOnly):
        return cast(T, store.memo(name, make))
    return make()


class GraphStore:
    """A build's quads in an Oxigraph store on disk, in ``folder`` or a temporary one.

    ``header`` keeps the triples of the dataset's own default graph (the build activity
    and what linking decided), which TriG writes before the articles' named graphs.
    """

    def __init__(self, folder: Path | None = None, *, temporary: bool = False) -> None:
        """A store in ``folder`` (None: a new temporary one); ``temporary``: ``folder``
        is removed when the store is closed or dropped."""
        import pyoxigraph

        if folder is None:
            folder, temporary = Path(tempfile.mkdtemp(prefix="civkg-graph-")), True
        if temporary:
            # a temporary store lives as long as the Build that holds it
            self._cleanup: weakref.finalize[Any, GraphStore] | None = weakref.finalize(
                self, shutil.rmtree, folder, True
            )
        else:
            self._cleanup = None
        self.folder = folder
        try:
            self.oxigraph: pyoxigraph.Store = pyoxigraph.Store(str(folder))
        except OSError as exc:
            raise GraphError(f"{folder}: cannot open a store for the graph: {exc}") from exc
        self.header: tuple[tuple[URIRef, URIRef, URIRef | Literal], ...] = ()
        self._graph: Graph | None = None
        #: quads loaded or removed since the store was opened (see ``COMPACT_AFTER``)
        self.changed = 0
        #: each article graph's part of graph.trig, kept between builds (kg.graph_cache)
        self.blocks: TrigBlocks | None = None

    def load(self, quads: Iterable[GraphQuad]) -> None:
        """Add ``kg.graph``'s quads: each named-graph triple also goes to the default graph.

        The quads are consumed lazily and bulk loaded ``LOAD_CHUNK`` at a time, so memory
        stays flat whatever the size of the build.
        """
        import pyoxigraph

        default = pyoxigraph.DefaultGraph()
        header: list[tuple[URIRef, URIRef, URIRef | Literal]] = []

        def converted() -> Iterator[pyoxigraph.Quad]:
            for name, (s, p, o) in quads:
                triple = (to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                yield pyoxigraph.Quad(*triple, default)
                if name is None:
                    header.append((s, p, o))
                else:
                    yield pyoxigraph.Quad(*triple, _named_node(str(name)))

        quads_left = converted()
        try:
            while chunk := list(islice(quads_left, LOAD_CHUNK)):
                self.oxigraph.bulk_extend(chunk)
                self.changed += len(chunk)
        except OSError as exc:
            raise GraphError(f"{self.folder}: cannot write the graph: {exc}") from exc
        self.header = (*self.header, *header)
        self._graph = None  # what a reader kept of the old triples is stale now

    def load_statements(self, quads: Iterable[StatementQuad]) -> None:
        """``load`` for quads written as N-Triples text (``kg.graph.bridge``): each
        named-graph triple also goes to the default graph.

        The text of ``LOAD_CHUNK`` quads at a time is handed to Oxigraph's N-Quads bulk
        loader: parsing in Rust took a tenth of the time of making a pyoxigraph term of
        each rdflib term. Memory stays flat whatever the size of the build.
        """
        import pyoxigraph

        header: list[str] = []
        lines: list[str] = []
        count = 0
        # Oxigraph lets go of the GIL while it loads, so a chunk is loaded in a thread
        # while the next one is written here (at most one of each at a time).
        pending: Future[None] | None = None

        def flush(pool: ThreadPoolExecutor) -> None:
            nonlocal count, pending
            text = "".join(lines)
            lines.clear()
            if pending is not None:
                pending.result()
            pending = pool.submit(
                self.oxigraph.bulk_load, text, format=pyoxigraph.RdfFormat.N_QUADS
            )
            self.changed += count
            count = 0

        try:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="civkg-load") as pool:
                for name, triple in quads:
                    if name is None:
                        header.append(triple)
                        lines.append(f"{triple} .\n")
                        count += 1
                    else:
                        lines.append(f"{triple} .\n{triple} {name} .\n")
                        count += 2
                    if count >= LOAD_CHUNK:
                        flush(pool)
                if lines:
                    flush(pool)
                if pending is not None:
                    pending.result()
        except OSError as exc:
            raise GraphError(f"{self.folder}: cannot write the graph: {exc}") from exc
        except SyntaxError as exc:
            raise GraphError(f"{self.folder}: a quad is not valid N-Quads: {exc}") from exc
        self.header = (*self.header, *rdflib_triples(header))
        self._graph = None  # what a reader kept of the old triples is stale now

    @property
    def graph(self) -> Graph:
        """The merged graph as a read-only rdflib ``Graph`` answered by the store."""
        if self._graph is None:
            graph = Graph(store=_ReadOnly(self.oxigraph), bind_namespaces="none")
            for prefix, namespace in PREFIXES.items():
                graph.bind(prefix, namespace, override=True, replace=True)
            self._graph = graph
        return self._graph

    def whole_graph(self) -> Graph:
        """``graph``, with every subject's triples read into memory in one scan first.

        For readers of the whole graph (the exporters): reading the store costs about
        15 µs a triple, and asking it about each subject in turn read the evidence
        twice (the map and FollowTheMoney) at a query per node. Kept in memory, the
        merged graph of 1,000 articles is about 40 MB.
        """
        graph = self.graph
        reader = graph.store
        assert isinstance(reader, _ReadOnly)
        if reader.everything is None:
            reader.everything = dict(self.about_each())
        return graph

    def about_all(self) -> Iterator[tuple[Node, list[tuple[Node, Node]]]]:
        """``about_each``, from memory (see ``whole_graph``)."""
        reader = self.whole_graph().store
        assert isinstance(reader, _ReadOnly) and reader.everything is not None
        return iter(reader.everything.items())

    def named_graphs(self) -> list[str]:
        """The IRIs of the articles' named graphs, sorted."""
        return sorted(g.value for g in self.oxigraph.named_graphs())

    def dataset(self) -> Dataset:
        """The quads as an in-memory rdflib ``Dataset`` (small builds and tests only)."""
        from rdflib import Dataset

        dataset = Dataset()
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace, override=True, replace=True)
        for triple in self.header:
            dataset.default_graph.add(triple)
        for name in self.named_graphs():
            named = dataset.graph(URIRef(name))
            for quad in self._quads(name):
                named.add(
                    (
                        from_oxigraph(quad.subject),
                        from_oxigraph(quad.predicate),
                        from_oxigraph(quad.object),
                    )
                )
        return dataset

    def _quads(self, name: str) -> Iterator[pyoxigraph.Quad]:
        import pyoxigraph

        return iter(self.oxigraph.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(name)))

    def about_each(self) -> Iterator[tuple[Node, list[tuple[Node, Node]]]]:
        """Every subject of the merged graph with its (predicate, object)s, in one scan.

        The store keeps the default graph's quads ordered by subject, so one pass groups
        them; each subject comes once.
        """
        import pyoxigraph

        subject: Any = None
        pairs: list[tuple[Node, Node]] = []
        seen: set[Any] = set()
        for quad in self.oxigraph.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()):
            if quad.subject != subject:
                if subject is not None:
                    yield from_oxigraph(subject), pairs
                subject, pairs = quad.subject, []
                if subject in seen:  # never seen: Oxigraph's index is by subject first
                    raise GraphError(f"{self.folder}: the store's quads are not by subject")
                seen.add(subject)
            pairs.append((from_oxigraph(quad.predicate), from_oxigraph(quad.object)))
        if subject is not None:
            yield from_oxigraph(subject), pairs

    def write_turtle(self, path: Path) -> None:
        """The merged graph as Turtle, in the store's order."""
        import pyoxigraph

        self.oxigraph.dump(
            str(path),
            format=pyoxigraph.RdfFormat.TURTLE,
            from_graph=pyoxigraph.DefaultGraph(),
            prefixes=_PREFIXES,
        )

    def write_trig(self, path: Path) -> None:
        """TriG: the dataset's default graph, then each article's graph sorted by IRI.

        With ``blocks`` (a kept store's: see ``kg.graph_cache``), each article graph's
        part of the file is taken from there when its graph is unchanged.
        """
        import pyoxigraph

        default = pyoxigraph.DefaultGraph()
        header = [
            pyoxigraph.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), default)
            for s, p, o in sorted(set(self.header), key=lambda t: [term.n3() for term in t])
        ]
        if self.blocks is None:

            def quads() -> Iterator[pyoxigraph.Quad]:
                yield from header
                for name in self.named_graphs():
                    yield from self._quads(name)

            with path.open("wb") as handle:
                pyoxigraph.serialize(
                    quads(), handle, format=pyoxigraph.RdfFormat.TRIG, prefixes=_PREFIXES
                )
            return
        # The serialiser writes the prefixes once, before the first quad, then one
        # block per graph that depends on that graph's quads alone (a test checks the
        # file is the same as the one written in one go).
        names = self.named_graphs()
        with path.open("wb") as handle:
            if header or names:
                handle.write(_trig_prefixes())
            if header:
                handle.write(trig_block(header))
            for body in self.blocks.bodies(names, self._trig_body):
                handle.write(body)

    def _trig_body(self, name: str) -> bytes:
        return trig_block(list(self._quads(name)))

    def copy(self, parent: Path | None = None) -> GraphStore:
        """A temporary copy of the store (hard links where it can: in ``parent``, on the
        store's own disk; None: the system's temporary folder), with its header."""
        folder = Path(tempfile.mkdtemp(prefix=f"copy-{os.getpid()}-", dir=parent))
        folder.rmdir()  # a backup makes its own folder
        self.backup(folder)
        copied = GraphStore(folder, temporary=True)
        copied.header = self.header
        return copied

    def backup(self, folder: Path) -> None:
        """A copy of the store in ``folder`` (hard links where it can), compacted first
        when it changed much (``COMPACT_AFTER``)."""
        if self.changed >= COMPACT_AFTER:
            self.oxigraph.optimize()
            self.changed = 0
        self.oxigraph.flush()
        self.oxigraph.backup(str(folder))

    def close(self) -> None:
        """Release the store; a temporary one is deleted."""
        self._graph = None
        del self.oxigraph
        if self._cleanup is not None:
            self._cleanup()


class _ReadOnly(RdflibStore):
    """rdflib's store interface over an Oxigraph default graph, for reading only."""

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, inner: pyoxigraph.Store) -> None:
        super().__init__()
        self._inner = inner
        self._subjects: OrderedDict[URIRef, list[tuple[Node, Node]]] = OrderedDict()
        #: every subject's (predicate, object)s in the store's order, once read whole
        self.everything: dict[Node, list[tuple[Node, Node]]] | None = None
        self._memo: dict[str, Any] = {}
        self._namespaces: dict[str, URIRef] = {}
        self._prefixes: dict[URIRef, str] = {}

    def triples(
        self, triple_pattern: tuple[Node | None, Node | None, Node | None], context: Any = None
    ) -> Iterator[tuple[tuple[Node, Node, Node], Iterator[Any]]]:
        s, p, o = triple_pattern
        if isinstance(s, URIRef):
            if o is not None:
                o = from_oxigraph(to_oxigraph(o))  # the form the store gives back
            for predicate, value in self._about(s):
                if (p is None or predicate == p) and (o is None or value == o):
                    yield (s, predicate, value), iter(())
            return
        yield from self._matches(triple_pattern)

    def _matches(
        self, triple_pattern: tuple[Node | None, Node | None, Node | None]
    ) -> Iterator[tuple[tuple[Node, Node, Node], Iterator[Any]]]:
        import pyoxigraph

        s, p, o = (None if t is None else to_oxigraph(t) for t in triple_pattern)
        for quad in self._inner.quads_for_pattern(s, p, o, pyoxigraph.DefaultGraph()):
            triple = (
                from_oxigraph(quad.subject),
                from_oxigraph(quad.predicate),
                from_oxigraph(quad.object),
            )
            yield triple, iter(())

    def _about(self, subject: URIRef) -> list[tuple[Node, Node]]:
        """Every (predicate, object) of ``subject``, in the store's order.

        Readers ask one subject many questions in a row (its types, its labels, each
        property), each a store lookup and a conversion of every term: one lookup per
        subject, kept for the next few thousand subjects, made exporters 2x faster. For a
        fixed subject the store orders triples by predicate, then object, whichever of
        them is bound, so filtering this list gives the store's own answer and order.
        """
        if self.everything is not None:
            return self.everything.get(subject, [])
        found = self._subjects.get(subject)
        if found is not None:
            self._subjects.move_to_end(subject)
            return found
        found = [(p, o) for (_, p, o), _ in self._matches((subject, None, None))]
        self._subjects[subject] = found
        if len(self._subjects) > SUBJECT_CACHE:
            self._subjects.popitem(last=False)
        return found

    def memo(self, name: str, make: Callable[[], Any]) -> Any:
        """``make()``, computed once for this read-only graph (views several exporters read)."""
        if name not in self._memo:
            self._memo[name] = make()
        return self._memo[name]

    def __len__(self, context: Any = None) -> int:
        found: Any = self._inner.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(found))[0].value)

    def add(self, triple: Any, context: Any = None, quoted: bool = False) -> None:
        raise GraphError("the build's graph is read-only")

    def remove(self, triple: Any, context: Any = None) -> None:
        raise GraphError("the build's graph is read-only")

    def bind(self, prefix: str, namespace: Any, override: bool = True) -> None:
        namespace = URIRef(namespace)
        if not override and (prefix in self._namespaces or namespace in self._prefixes):
            return
        self._namespaces[prefix] = namespace
        self._prefixes[namespace] = prefix

    def namespace(self, prefix: str) -> URIRef | None:
        return self._namespaces.get(prefix)

    def prefix(self, namespace: Any) -> str | None:
        return self._prefixes.get(URIRef(namespace))

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        yield from sorted(self._namespaces.items())
