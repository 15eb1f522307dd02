"""The embedded SPARQL store: an Oxigraph database in a build's ``store/`` folder.

Oxigraph answers our queries 10-100x faster than rdflib's in-memory graph and opens a
built store without re-parsing Turtle; rdflib stays the API that makes graphs. Beside
the database, ``store/names.sqlite`` indexes names for named queries (``kg.sparql.names``).
"""

from __future__ import annotations

import shutil
import tempfile
import time
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.atomic import shared_mode
from kg.errors import GraphError
from kg.output_folder import current_set
from kg.sparql.names import INDEX_FILE, NameIndex, write_name_index
from kg.sparql.results import PREFIXES, XSD_STRING, Answer, QueryDataset, Term

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Graph

    from kg.graph.quadstore import GraphStore
    from kg.sparql.queries import NamedQuery

#: The folder under a build directory that holds the store.
STORE_DIR = "store"
#: The Oxigraph database inside a store folder.
DATABASE_DIR = "oxigraph"

#: Graph files a build folder may hold, best first: the merged graph is all a query needs.
GRAPH_FILES: tuple[str, ...] = ("graph.ttl", "graph.nt", "graph.trig", "graph.nq")
_QUAD_FORMATS = ("TRIG", "N_QUADS")

_FORMATS = {".trig": "TRIG", ".nq": "N_QUADS", ".ttl": "TURTLE", ".nt": "N_TRIPLES"}
_FORMATS |= {".jsonld": "JSON_LD", ".rdf": "RDF_XML", ".owl": "RDF_XML", ".n3": "N3"}


class QueryTimeoutError(GraphError):
    """A query ran longer than it was allowed to."""


class TooManyRowsError(GraphError):
    """A query returned more rows than it was allowed to."""


def _rdf_format(path: Path) -> pyoxigraph.RdfFormat:
    import pyoxigraph

    name = _FORMATS.get(path.suffix.lower())
    if name is None:
        known = ", ".join(sorted(_FORMATS))
        raise GraphError(f"{path}: unknown graph file type; use one of {known}")
    fmt: pyoxigraph.RdfFormat = getattr(pyoxigraph.RdfFormat, name)
    return fmt


def _term(node: Any) -> Term | None:
    import pyoxigraph

    if node is None:
        return None
    if isinstance(node, pyoxigraph.NamedNode):
        return Term("uri", node.value)
    if isinstance(node, pyoxigraph.BlankNode):
        return Term("bnode", node.value)
    if isinstance(node, pyoxigraph.Literal):
        datatype = node.datatype.value
        if node.language:
            return Term("literal", node.value, node.language)
        return Term("literal", node.value, None, None if datatype == XSD_STRING else datatype)
    # RDF-star quoted triples: shown in N-Triples syntax.
    return Term("literal", str(node))


class Store:
    """A SPARQL store whose default graph is the merged graph.

    Quads keep their named graphs (one per article) and are also merged into the default
    graph: Oxigraph's union-graph mode would repeat a triple once per graph stating it.
    """

    def __init__(self, inner: pyoxigraph.Store, *, location: Path | None = None) -> None:
        self._inner = inner
        self.location = location
        self._names: NameIndex | None = None

    @classmethod
    def memory(cls) -> Store:
        """An empty store in memory."""
        import pyoxigraph

        return cls(pyoxigraph.Store())

    @classmethod
    def create(cls, path: Path) -> Store:
        """A new (or existing, writable) store in the folder ``path``."""
        import pyoxigraph

        try:
            return cls(pyoxigraph.Store(str(path / DATABASE_DIR)), location=path)
        except OSError as exc:
            raise GraphError(f"{path}: cannot open store for writing: {exc}") from exc

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open an existing store folder read-only; many processes may read it at once."""
        import pyoxigraph

        if not (path / DATABASE_DIR).is_dir():
            if path.is_dir() and (path / "CURRENT").is_file():
                raise GraphError(f"{path}: store from an older civkg; run kg build again")
            raise GraphError(f"{path}: no store here; run kg build to make one")
        try:
            return cls(pyoxigraph.Store.read_only(str(path / DATABASE_DIR)), location=path)
        except OSError as exc:
            raise GraphError(f"{path}: cannot open store: {exc}") from exc

    @property
    def names(self) -> NameIndex:
        """The name index: the store folder's ``names.sqlite``, else built from the graph."""
        if self._names is None:
            index_file = None if self.location is None else self.location / INDEX_FILE
            if index_file is not None and index_file.is_file():
                self._names = NameIndex.open(index_file)
            else:
                self._names = NameIndex.from_query(self.query)
        return self._names

    def run(
        self,
        query: NamedQuery,
        values: Mapping[str, str] | None = None,
        *,
        max_rows: int | None = None,
        timeout: float | None = None,
    ) -> Answer:
        """Bind a named query's parameters (names through the name index) and run it."""
        return self.query(query.bind(values, names=self.names), max_rows=max_rows, timeout=timeout)

    def __len__(self) -> int:
        return len(self._inner)

    @property
    def oxigraph(self) -> pyoxigraph.Store:
        """The underlying ``pyoxigraph.Store``, for callers that need its own API."""
        return self._inner

    def load_file(self, path: Path) -> None:
        """Add the triples or quads of an RDF file (format from its suffix)."""
        fmt = _rdf_format(path)
        try:
            self._inner.bulk_load(path=str(path), format=fmt)
        except (OSError, SyntaxError, ValueError) as exc:
            raise GraphError(f"{path}: cannot load graph: {exc}") from exc
        if _FORMATS[path.suffix.lower()] in _QUAD_FORMATS:
            self._merge_named_graphs()

    def _merge_named_graphs(self) -> None:
        import pyoxigraph

        default = pyoxigraph.DefaultGraph()
        named = (
            pyoxigraph.Quad(q.subject, q.predicate, q.object, default)
            for q in self._inner.quads_for_pattern(None, None, None, None)
            if q.graph_name != default
        )
        # Collected first: writing while iterating would see our own inserts.
        self._inner.bulk_extend(list(named))

    def load_graph(self, graph: Graph) -> None:
        """Add an rdflib ``Graph`` or ``Dataset`` (named graphs are kept)."""
        import pyoxigraph
        from rdflib import Dataset

        # N-Quads is the one format both libraries stream quickly and losslessly.
        fmt = "nquads" if isinstance(graph, Dataset) else "nt"
        # rdflib's Dataset warns about its own deprecated internals while serialising.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            data = graph.serialize(format=fmt, encoding="utf-8")
        target = pyoxigraph.RdfFormat.N_QUADS if fmt == "nquads" else pyoxigraph.RdfFormat.N_TRIPLES
        try:
            self._inner.bulk_load(data, format=target)
        except (OSError, SyntaxError, ValueError) as exc:
            raise GraphError(f"cannot load graph into store: {exc}") from exc
        if fmt == "nquads":
            self._merge_named_graphs()

    def flush(self) -> None:
        """Make every write durable on disk."""
        self._inner.flush()

    def query(
        self,
        sparql: str,
        *,
        max_rows: int | None = None,
        timeout: float | None = None,
        dataset: QueryDataset | None = None,
    ) -> Answer:
        """Run a SPARQL query with the common prefixes predeclared.

        ``dataset`` replaces the store's dataset (see ``QueryDataset``). Raises
        ``TooManyRowsError`` past ``max_rows`` rows and ``QueryTimeoutError`` when
        reading the rows takes longer than ``timeout`` seconds.
        """
        import pyoxigraph

        started = time.monotonic()
        options: dict[str, Any] = {}
        if dataset is not None:
            options["default_graph"] = [pyoxigraph.NamedNode(g) for g in dataset.default_graphs]
            options["named_graphs"] = [pyoxigraph.NamedNode(g) for g in dataset.named_graphs]
        try:
            result: Any = self._inner.query(sparql, prefixes=PREFIXES, **options)
        except SyntaxError as exc:
            raise GraphError(f"query failed: {str(exc).splitlines()[0]}") from exc
        except OSError as exc:
            raise GraphError(f"query failed: {exc}") from exc
        if isinstance(result, pyoxigraph.QueryBoolean):
            return Answer(boolean=bool(result))
        if isinstance(result, pyoxigraph.QueryTriples):
            return Answer(turtle=_turtle(result))
        variables = tuple(v.value for v in result.variables)
        rows: list[tuple[Term | None, ...]] = []
        error: GraphError | None = None
        solution: Any = None
        try:
            for solution in result:
                if max_rows is not None and len(rows) >= max_rows:
                    error = TooManyRowsError(
                        f"query returns more than {max_rows} rows; add a LIMIT or narrow it"
                    )
                    break
                if timeout is not None and time.monotonic() - started > timeout:
                    break
                rows.append(tuple(_term(solution[i]) for i in range(len(variables))))
        except OSError as exc:
            error = GraphError(f"query failed: {exc}")
        # pyoxigraph's result objects must be freed on the thread that made them, so
        # they must not ride along in an exception's traceback to another thread.
        result = solution = None
        if error is not None:
            raise error
        if timeout is not None and time.monotonic() - started > timeout:
            raise QueryTimeoutError(f"query took longer than {timeout:g} s; narrow it")
        return Answer(variables=variables, rows=tuple(rows))


def _turtle(triples: Iterable[Any]) -> str:
    import pyoxigraph

    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES)
    return data.decode("utf-8") if isinstance(data, bytes) else ""


def graph_files(build_dir: Path) -> list[Path]:
    """The graph file a build folder should be loaded from (the best one present)."""
    for name in GRAPH_FILES:
        if (build_dir / name).is_file():
            return [build_dir / name]
    return []


def open_store(target: Path) -> Store:
    """A store for a build folder or graph file, preferring the folder's ``store/``.

    Without a ``store/`` the folder's graph file (or the given file) is loaded into memory.
    In an output folder the current set is resolved once, so the store and any graph
    file read are from one build even while another build switches in.
    """
    if target.is_dir():
        target = current_set(target) or target
        if (target / STORE_DIR).is_dir():
            return Store.open(target / STORE_DIR)
        files = graph_files(target)
        if not files:
            raise GraphError(f"{target}: no store/ and no graph file; run kg build first")
    elif target.is_file():
        files = [target]
    else:
        raise GraphError(f"{target}: no such build folder or graph file")
    store = Store.memory()
    for path in files:
        store.load_file(path)
    return store


def write_store(
    graph: Graph | None,
    dest: Path,
    *,
    files: Iterable[Path] = (),
    copy_of: GraphStore | None = None,
) -> Path:
    """Write an on-disk store at ``dest`` from a graph and/or files, atomically.

    ``copy_of``: a build's graph store, copied as it is (named graphs and merged
    default graph; hard links where it can) instead of loading ``graph`` and ``files``.
    The store is built in a temporary folder beside ``dest`` and renamed into place, so
    readers never see a half-written store; an older store at ``dest`` is replaced.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent))
    try:
        # mkdtemp makes the folder private; the store is shared like the other outputs.
        tmp.chmod(shared_mode(directory=True))
        if copy_of is not None:
            copy_of.backup(tmp / DATABASE_DIR)  # compacted first if it changed much
            store = Store.open(tmp)
        else:
            store = Store.create(tmp)
            if graph is not None:
                store.load_graph(graph)
            for path in files:
                store.load_file(path)
            # Compaction makes later reads 15-40% faster, for about 2 s per 1M triples.
            store.oxigraph.optimize()
            store.flush()
        write_name_index(store.query, tmp / INDEX_FILE)
        del store  # release the database lock before the rename
        old = dest.with_name(f".{dest.name}.old")
        if dest.exists():
            shutil.rmtree(old, ignore_errors=True)
            dest.rename(old)
        tmp.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise GraphError(f"{dest}: cannot write store: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dest
