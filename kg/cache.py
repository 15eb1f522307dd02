"""Per-article results kept between builds: a rebuild re-extracts only what changed.

A result is stored under a key that hashes the article (its cleaned text and every
metadata field) together with a fingerprint of everything that could change what
extraction makes of it: the civkg version, every file of the installed ``kg`` package
(code, lexicons, models), the extractors each language runs with the files of any
plug-in among them, and the relation model. Change any of these and every key
changes, so a stale result is never reused; nothing has to be invalidated by hand.

The cache is one SQLite file under the output folder. Values are JSON written from
the frozen ``kg.model`` dataclasses and read back only into them (never pickle: a
file in an output folder must not be able to run code).
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from functools import cache, lru_cache
from hashlib import sha256
from pathlib import Path
from typing import Any

import kg
import kg.model
from kg import __version__
from kg.extractors import REGISTRY
from kg.ingest.articles import Read
from kg.ingest.readers import Draft
from kg.link import link_input
from kg.link_codec import LinkInput, LinkInputDecoder, decode_link_input, encode_link_input
from kg.model import Article, ArticleResult
from kg.pipeline import Pipeline

#: The folder under a build's output that holds the cache.
CACHE_FOLDER = ".civkg-cache"
_FILE = "results.sqlite"
#: Bump when the stored JSON changes shape: older caches are then simply not read.
SCHEMA = 1
#: The same for the articles made from drafts (see ``ResultCache.article``); 2: their
#: JSON is ``encode_article``'s, which their cache keys hash.
ARTICLE_SCHEMA = 2

Run = Callable[[Iterable[Article]], Iterator[ArticleResult]]


@cache
def _package_digest() -> str:
    """A hash of every file of the installed ``kg`` package (sources, lexicons, models)."""
    root = Path(kg.__file__).parent
    digest = sha256()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _module_digest(target: str) -> str:
    """A hash of the file of a plug-in's module ("module:callable"); '' when not a file."""
    module = target.partition(":")[0]
    if module == "kg" or module.startswith("kg."):
        return ""  # inside the package digest already
    try:
        found = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return "missing"
    origin = found.origin if found is not None else None
    if origin is None or not Path(origin).is_file():
        return "unknown"
    return sha256(Path(origin).read_bytes()).hexdigest()


def pipeline_fingerprint(pipeline: Pipeline) -> str:
    """A hash of everything that decides what ``pipeline`` extracts from an article."""
    parts: dict[str, Any] = {
        "schema": SCHEMA,
        "version": __version__,
        "package": _package_digest(),
        "languages": {lang: list(names) for lang, names in sorted(pipeline.languages.items())},
        "relations": pipeline.relations,
        "plugins": {
            name: _module_digest(REGISTRY.specs[name].target)
            for name in pipeline.extractor_names
            if name in REGISTRY.specs
        },
    }
    model = pipeline.relation_model
    if model is not None:
        parts["relation_model"] = model.affiliation.to_json()
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False)
    return sha256(text.encode("utf-8")).hexdigest()


def article_key(article: Article, fingerprint: str, encoded: str | None = None) -> str:
    """The cache key of ``article`` under a pipeline ``fingerprint``; ``encoded`` is
    ``encode_article(article)`` when the caller has it."""
    text = encode_article(article) if encoded is None else encoded
    return sha256(f"{fingerprint}\n{text}".encode()).hexdigest()


def encode_article(article: Article) -> str:
    """``article`` as the JSON its cache key hashes (and the article memo keeps)."""
    return json.dumps(_encode(article), sort_keys=True, ensure_ascii=False)


# -- the JSON codec of the model ---------------------------------------------------------

_MODEL_TYPES: dict[str, type] = {
    name: value
    for name, value in vars(kg.model).items()
    if isinstance(value, type)
    and value.__module__ == kg.model.__name__
    and (is_dataclass(value) or issubclass(value, Enum))
}


def _encode(value: object) -> Any:
    if isinstance(value, Enum):
        return {"@enum": type(value).__name__, "value": value.value}
    if is_dataclass(value) and not isinstance(value, type):
        encoded = {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
        return {"@": type(value).__name__, **encoded}
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    if isinstance(value, dict):
        if "@enum" in value:
            return _MODEL_TYPES[value["@enum"]](value["value"])
        kind = _MODEL_TYPES[value["@"]]
        return kind(**{k: _decode(v) for k, v in value.items() if k != "@"})
    return value


def _tupled(items: list[Any]) -> tuple[Any, ...]:
    return tuple(_tupled(item) if type(item) is list else item for item in items)


def _model_object(value: dict[str, Any]) -> Any:
    """``_decode`` of one JSON object whose own objects are decoded already (the
    ``object_hook`` of ``json.loads``: the parser builds each dataclass as it reads, three
    times faster than walking the parsed tree)."""
    if "@enum" in value:
        return _MODEL_TYPES[value["@enum"]](value["value"])
    kind = _MODEL_TYPES[value.pop("@")]
    for name, item in value.items():
        if type(item) is list:
            value[name] = _tupled(item)
    return kind(**value)


def encode_result(result: ArticleResult) -> str:
    """``result`` as compact JSON."""
    return json.dumps(_encode(result), ensure_ascii=False, separators=(",", ":"))


def decode_result(text: str) -> ArticleResult:
    """The ``ArticleResult`` that ``encode_result`` wrote; ValueError when it is not one."""
    try:
        result = json.loads(text, object_hook=_model_object)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a cached result: {exc}") from exc
    if not isinstance(result, ArticleResult):
        raise ValueError("not a cached result")
    return result


# -- the store ---------------------------------------------------------------------------


#: The libraries reading depends on besides civkg's own files: another version may
#: clean a page or guess an encoding otherwise.
_READING_LIBRARIES = ("trafilatura", "charset-normalizer")


@cache
def _reading_digest() -> str:
    """A hash of what decides how a file reads as articles (see ``ResultCache.file_articles``)."""
    versions = []
    for name in _READING_LIBRARIES:
        try:
            versions.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    parts = [str(ARTICLE_SCHEMA), __version__, _package_digest(), *versions]
    return sha256("\n".join(parts).encode()).hexdigest()


# A file's drafts are keyed twice, when their articles are looked up and when the file is
# remembered (see ``ResultCache.keep_file``): one draft's JSON is a whole article's text.
@lru_cache(maxsize=1024)
def draft_key(draft: Draft, source_path: str) -> str:
    """The key of the article ``kg.ingest.page.to_article(draft, source_path)`` makes.

    That function is pure, so its input and the code that reads it (every file of the
    package) decide its article.
    """
    parts = [ARTICLE_SCHEMA, __version__, _package_digest(), source_path, _encode(draft)]
    text = json.dumps(parts, ensure_ascii=False)
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _signature_key(text: str) -> str:
    # the package digest: another kg.duplicates may shingle or hash otherwise
    return sha256(f"{_package_digest()}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()


def _pairs_scheme(scheme: str) -> str:
    # the package digest: another kg.duplicates may find other pairs
    return sha256(f"{_package_digest()}\n{scheme}".encode()).hexdigest()


class ResultCache:
    """Results by key in one SQLite file; written in one transaction per build.

    The same file keeps the articles reading made (``article``, ``keep``: the
    ``kg.ingest.ArticleMemo`` a build reads with), so an unchanged file is not read
    into an article again. Nothing is created until ``save``: a build that fails
    before it leaves no cache (and no output folder) behind.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / _FILE
        self._db: sqlite3.Connection | None = None
        self._fresh: dict[str, str] = {}
        self._fresh_links: dict[str, str] = {}
        self._fresh_pairs: tuple[str, str] | None = None
        self._fresh_articles: dict[str, str] = {}
        self._used_articles: set[str] = set()
        self._fresh_signatures: dict[str, tuple[int, bytes]] = {}
        self._used_signatures: set[str] = set()
        self._fresh_files: dict[str, tuple[str, str]] = {}
        self._used_files: set[str] = set()
        #: the last build's files and articles, read at once on the first file asked for
        self._files: dict[str, tuple[str, str]] | None = None
        self._article_rows: dict[str, str] = {}
        self._signatures: dict[str, tuple[Any, ...]] | None = None
        #: the text of each article ``file_articles`` gave back, for its key (by the
        #: object's id, which the article itself keeps alive)
        self._encoded: dict[int, tuple[Article, str]] = {}
        self._unreadable = False

    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._db is None and (create or self.path.is_file()):
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path)
            try:
                db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE IF NOT EXISTS links (key TEXT PRIMARY KEY, value TEXT)")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS files"
                    " (key TEXT PRIMARY KEY, stamp TEXT, value TEXT)"
                )
                db.execute("CREATE TABLE IF NOT EXISTS duplicates (scheme TEXT, value TEXT)")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS signatures"
                    " (key TEXT PRIMARY KEY, count INTEGER, value BLOB)"
                )
            except sqlite3.Error:
                db.close()
                raise
            self._db = db
        return self._db

    def get(self, key: str) -> ArticleResult | None:
        row = self._row("SELECT value FROM results WHERE key = ?", key)
        if row is None:
            return None
        try:
            return decode_result(row[0])
        except ValueError:
            return None  # written by another version of the model: extract again

    def put(self, key: str, result: ArticleResult, link: LinkInput | None = None) -> None:
        """Store ``result`` (and what linking reads of it, ``link``) on ``save``."""
        self._fresh[key] = encode_result(result)
        self._fresh_links[key] = encode_link_input(link or link_input(result))

    def link_input(self, key: str) -> LinkInput | None:
        """What linking reads of the result kept under ``key`` (None: no such result).

        About 4 KB of JSON where the result is 14 KB (the benchmark corpus), and no
        evidence objects to make: a rebuild reads these for every article and whole
        results only where it needs them.
        """
        row = self._row(
            "SELECT l.value FROM links l JOIN results r ON r.key = l.key WHERE l.key = ?", key
        )
        if row is not None:
            try:
                return decode_link_input(row[0])
            except ValueError:
                pass  # another shape: made again from the result below
        result = self.get(key)
        if result is None:
            return None
        self._fresh_links[key] = encode_link_input(link_input(result))
        return decode_link_input(self._fresh_links[key])

    def kept_link_inputs(self) -> Callable[[str], LinkInput | None]:
        """``link_input`` for many keys: every kept one is read in one query first (one
        query per key cost a rebuild of 10,000 articles a second)."""
        rows = self._all("SELECT l.key, l.value FROM links l JOIN results r ON r.key = l.key")
        results = self._all("SELECT key FROM results")
        decoder = LinkInputDecoder()

        def kept(key: str) -> LinkInput | None:
            row = rows.pop(key, None)
            if row is not None:
                with contextlib.suppress(ValueError):  # another shape: made again below
                    return decoder.decode(row[0])
            if key in results:
                return self.link_input(key)  # kept before link inputs were
            return None

        return kept

    def article(self, draft: Draft, source_path: str) -> Article | None:
        """The article made from ``draft`` at ``source_path`` in an earlier build, or None."""
        key = draft_key(draft, source_path)
        self._used_articles.add(key)
        row = self._row("SELECT value FROM articles WHERE key = ?", key)
        if row is None:
            return None
        try:
            found = _decode(json.loads(row[0]))
        except (KeyError, TypeError, AttributeError, ValueError):
            return None
        return found if isinstance(found, Article) else None

    def keep(self, draft: Draft, source_path: str, article: Article) -> None:
        """Store ``article`` as what ``draft`` at ``source_path`` reads as (on ``save``)."""
        key = draft_key(draft, source_path)
        self._used_articles.add(key)
        self._fresh_articles[key] = encode_article(article)

    def file_articles(self, path: str, stamp: str) -> list[Read] | None:
        """What the file at ``path`` read as in an earlier build when its
        ``kg.ingest.file_stamp`` was ``stamp`` (and reading was done by the same code and
        libraries), or None.

        The first call reads every remembered file and article in one query each: one
        query per file took as long as reading the files.
        """
        if self._files is None:
            self._files, self._article_rows = self._remembered()
        known = self._files.get(path)
        if known is None or known[0] != f"{stamp}|{_reading_digest()}":
            return None
        found: list[Read] = []
        try:
            for key, line, record_id in json.loads(known[1]):
                text = self._article_rows[key]
                article = _decode(json.loads(text))
                if not isinstance(article, Article):
                    return None
                found.append((article, line, record_id))
                self._used_articles.add(key)
                self._encoded[id(article)] = (article, text)
        except (KeyError, TypeError, AttributeError, ValueError):
            return None  # an article no longer kept, or another shape: read the file
        self._used_files.add(path)
        return found

    def keep_file(self, path: str, stamp: str, read: Sequence[tuple[Draft, Read]]) -> None:
        """Store what the file at ``path`` with ``stamp`` read as (on ``save``); its
        articles are kept by ``keep`` or were made before."""
        self._used_files.add(path)
        drafts = [
            [draft_key(draft, article.source_path), line, record_id]
            for draft, (article, line, record_id) in read
        ]
        self._fresh_files[path] = (f"{stamp}|{_reading_digest()}", json.dumps(drafts))

    def key_of(self, article: Article, fingerprint: str) -> str:
        """``article_key``, from the memo's text of it when it gave the article back
        (encoding every article again cost a rebuild of 10,000 a second)."""
        known = self._encoded.pop(id(article), None)
        if known is not None and known[0] is article:
            return article_key(article, fingerprint, known[1])
        return article_key(article, fingerprint)

    def _remembered(self) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
        files = self._all("SELECT key, stamp, value FROM files")
        articles = self._all("SELECT key, value FROM articles") if files else {}
        return (
            {path: (stamp, value) for path, (stamp, value) in files.items()},
            {key: value for key, (value,) in articles.items()},
        )

    def _all(self, query: str) -> dict[str, tuple[Any, ...]]:
        """The rows of ``query`` by their first column; none when the file is damaged."""
        if self._unreadable:
            return {}
        try:
            db = self._connect(create=False)
            return {} if db is None else {row[0]: row[1:] for row in db.execute(query)}
        except sqlite3.Error:
            self._unreadable = True
            return {}

    def _row(self, query: str, key: str) -> tuple[Any, ...] | None:
        """The row ``query`` finds for ``key``; None when there is none or the file is
        damaged (then nothing more is read from it)."""
        if self._unreadable:
            return None
        try:
            db = self._connect(create=False)
            row: tuple[Any, ...] | None = (
                None if db is None else db.execute(query, (key,)).fetchone()
            )
        except sqlite3.Error:
            self._unreadable = True  # a damaged cache file: compute again, the build goes on
            return None
        return row

    def signature(self, text: str) -> tuple[int, bytes] | None:
        """``kg.duplicates``'s shingle count and MinHash values of ``text``, or None."""
        key = _signature_key(text)
        self._used_signatures.add(key)
        fresh = self._fresh_signatures.get(key)
        if fresh is not None:
            return fresh
        if self._signatures is None:  # all at once: a query per text cost more than MinHash
            self._signatures = self._all("SELECT key, count, value FROM signatures")
        row = self._signatures.get(key)
        if row is None or not isinstance(row[0], int) or not isinstance(row[1], bytes):
            return None
        return row[0], row[1]

    def keep_signature(self, text: str, count: int, values: bytes) -> None:
        """Store ``text``'s signature (on ``save``)."""
        key = _signature_key(text)
        self._used_signatures.add(key)
        self._fresh_signatures[key] = (count, values)

    def duplicate_pairs(self, scheme: str) -> tuple[set[str], dict[tuple[str, str], float]] | None:
        """``kg.duplicates``'s articles of the last build and their near-duplicate pairs."""
        row = self._row("SELECT value FROM duplicates WHERE scheme = ?", _pairs_scheme(scheme))
        if row is None:
            return None
        try:
            members, pairs = json.loads(row[0])
            return set(members), {(a, b): float(s) for a, b, s in pairs}
        except (TypeError, ValueError):
            return None

    def keep_duplicate_pairs(
        self, scheme: str, members: set[str], pairs: dict[tuple[str, str], float]
    ) -> None:
        """Store this build's articles and pairs (on ``save``, in place of the last's)."""
        rows = sorted([a, b, s] for (a, b), s in pairs.items())
        self._fresh_pairs = (_pairs_scheme(scheme), json.dumps([sorted(members), rows]))

    def save(self, used: Iterable[str]) -> None:
        """Store the new results and forget every key this build did not use.

        Raises ``sqlite3.Error`` when the file cannot be written (a full disk, a file
        that is not a database); the caller decides what that costs.
        """
        db = self._connect(create=True)
        assert db is not None
        used = list(used)
        fresh_files = ((path, *row) for path, row in self._fresh_files.items())
        fresh_signatures = ((key, *row) for key, row in self._fresh_signatures.items())
        with db:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            _replace(db, "results", self._fresh.items(), used)
            _replace(db, "links", self._fresh_links.items(), used)
            _replace(db, "articles", self._fresh_articles.items(), self._used_articles)
            _replace(db, "files", fresh_files, self._used_files)
            _replace(db, "signatures", fresh_signatures, self._used_signatures)
            if self._fresh_pairs is not None:
                db.execute("DELETE FROM duplicates")
                db.execute("INSERT INTO duplicates VALUES (?, ?)", self._fresh_pairs)
        self._fresh.clear()
        self._fresh_links.clear()
        self._fresh_pairs = None
        self._fresh_articles.clear()
        self._fresh_signatures.clear()
        self._fresh_files.clear()
        self._files, self._article_rows, self._signatures = None, {}, None
        self._encoded.clear()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _replace(
    db: sqlite3.Connection, table: str, rows: Iterable[tuple[Any, ...]], used: Iterable[str]
) -> None:
    """Put ``rows`` into ``table`` (replacing rows of the same key, its first column) and
    drop every row whose key is not ``used``; inside ``save``'s transaction."""
    rows = sorted(rows)
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", rows)
    db.execute("DELETE FROM used")
    db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((key,) for key in used))
    db.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM used)")


@dataclass
class CacheUse:
    """How many articles a build took from the cache, and the keys it looked up."""

    reused: int = 0
    extracted: int = 0
    keys: list[str] = field(default_factory=list)
    #: the key of each result yielded, in order (articles the pipeline skipped have none)
    result_keys: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Entry:
    """One article of a cached build: its cache key, what linking reads of its result,
    and the result itself when it was extracted in this build (None: it is in the
    cache, read with ``ResultCache.get`` when needed)."""

    key: str
    article: Article
    link: LinkInput
    result: ArticleResult | None


def extract_cached(
    articles: Iterable[Article],
    run: Run,
    cache: ResultCache,
    fingerprint: str,
    use: CacheUse,
) -> list[Entry]:
    """Each article's entry in input order: cached results are not read, only what
    linking needs of them; the others come from ``run``.

    ``run`` sees only the articles missing from the cache (and may skip some, having
    reported them); its results, in any order, are stored when ``cache.save`` is
    called. It is handed the articles as they are read, so reading goes on while they
    are extracted, and each result is encoded as it comes, while the others are.
    """
    kept = cache.kept_link_inputs()
    listed: list[Article] = []
    keys: list[str] = []
    known: list[LinkInput | None] = []
    key_of: dict[tuple[str, str], str] = {}

    def missing(read: Iterable[Article]) -> Iterator[Article]:
        for article in read:
            key = cache.key_of(article, fingerprint)
            found = kept(key)
            listed.append(article)
            keys.append(key)
            known.append(found)
            if found is None:
                key_of[(article.source_path, article.id)] = key
                yield article

    fresh: dict[tuple[str, str], tuple[ArticleResult, LinkInput]] = {}

    def keep(results: Iterable[ArticleResult]) -> None:
        for result in results:
            where = (result.article.source_path, result.article.id)
            found = link_input(result)
            cache.put(key_of[where], result, found)
            fresh[where] = (result, found)

    waiting = missing(articles)
    keep(run(waiting))
    left = list(waiting)  # what a runner that stopped early did not ask for
    if left:
        keep(run(left))
    use.keys.extend(keys)
    entries: list[Entry] = []
    for article, key, link in zip(listed, keys, known, strict=True):
        if link is not None:
            use.reused += 1
            use.result_keys.append(key)
            entries.append(Entry(key, article, link, None))
            continue
        made = fresh.get((article.source_path, article.id))
        if made is None:
            continue  # the pipeline skipped it and said why; try again next build
        use.extracted += 1
        use.result_keys.append(key)
        entries.append(Entry(key, article, made[1], made[0]))
    return entries
