"""``read_articles``: walk files and folders, read each article, report what cannot be read."""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from kg.errors import InputError, KGError, UsageError
from kg.ingest.files import DEFAULT_MAX_BYTES, display_path
from kg.ingest.page import to_article
from kg.ingest.problems import UnreadableError
from kg.ingest.readers import READERS, Draft
from kg.model import Article, Problem

EXTENSIONS: tuple[str, ...] = tuple(READERS)
LOOKED_FOR = "(looked for " + " ".join(EXTENSIONS) + ")"
HIDDEN = "hidden (its name starts with '.'), not read"

_log = logging.getLogger(__name__)


#: One article a file read as: the article, its draft's JSONL line and record id.
Read = tuple[Article, int | None, str | None]


class ArticleMemo(Protocol):
    """Articles made from drafts before (a build's cache, see ``kg.cache.ResultCache``).

    ``to_article`` is a pure function of the draft and its source path, and the most
    costly part of reading (finding dates and the language): 18 of the 28 s a
    3,000-article rebuild spent on articles it had read before.
    """

    def article(self, draft: Draft, source_path: str) -> Article | None:
        """The article ``to_article(draft, source_path)`` made before, or None."""
        ...

    def keep(self, draft: Draft, source_path: str, article: Article) -> None:
        """Remember what ``to_article(draft, source_path)`` made."""
        ...

    def file_articles(self, path: str, stamp: str) -> list[Read] | None:
        """What the file at ``path`` read as when its ``file_stamp`` was ``stamp``, or None."""
        ...

    def keep_file(self, path: str, stamp: str, read: Sequence[tuple[Draft, Read]]) -> None:
        """Remember what the file at ``path`` with ``stamp`` read as, draft by draft."""
        ...


#: A file modified this recently is read even when its stamp is known: file times tick
#: coarsely (a few ms), so a file rewritten at the same size within a tick of being
#: stamped would look unchanged ("racy git"). Older files have ticked past it.
RACY_NS = 2_000_000_000


def file_stamp(path: str, max_bytes: int) -> str | None:
    """What says a file is unchanged without reading it, as git's index does: its
    device, inode, size, modification and status-change times (ctime moves on every
    write and cannot be set back), and the size limit it was read under. None when it
    cannot be told (no regular file, or modified too recently: see ``RACY_NS``)."""
    try:
        found = Path(path).stat()
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode) or time.time_ns() - found.st_mtime_ns < RACY_NS:
        return None
    return (
        f"{found.st_dev}:{found.st_ino}:{found.st_size}:{found.st_mtime_ns}:"
        f"{found.st_ctime_ns}:{max_bytes}"
    )


def read_articles(
    inputs: Sequence[Path],
    *,
    root: Path | None = None,
    strict: bool = False,
    on_problem: Callable[[Problem], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    exclude: Sequence[Path] = (),
    memo: ArticleMemo | None = None,
) -> Iterator[Article]:
    """Articles from files and folders, lazily, one file at a time, in a stable order.

    Folders are walked recursively in sorted order; files of other types in them are
    ignored, hidden files and folders and links to folders are skipped with a problem.
    A file (or JSONL line) that cannot be read becomes a ``Problem`` passed to
    ``on_problem`` (logged when there is none) and reading goes on; with ``strict`` the
    first problem raises ``InputError``. Only regular files of at most ``max_bytes``
    bytes are read (a JSONL file may be larger; each of its lines may not), and a text of
    the same content as an earlier article is skipped as a duplicate (a problem). A
    record whose JSONL ``id`` or whose URL an earlier one had, with another text, is
    kept with a note naming the earlier one. ``source_path`` is relative to ``root``,
    which defaults to each input folder (or a file's parent folder). What reading
    repaired or remarked in an article it kept (bad bytes, a bad URL, a URL seen before)
    is in its ``notes`` and logged as a warning. Folders in ``exclude`` (a build's output
    folder inside an input folder: its map.html is not an article) are not walked into.
    ``memo`` gives back the articles made from the same drafts before.

    Raises ``InputError`` at once when an input does not exist, and when the inputs held
    no readable article at all once they have been read.
    """
    if max_bytes < 1:
        raise UsageError(f"max_bytes must be a positive number of bytes, not {max_bytes}")
    paths = [Path(p) for p in inputs]
    if not paths:
        raise InputError("no input files or folders given")
    for path in paths:
        if not path.exists() and not path.is_symlink():  # a link loop is a bad file
            raise InputError(f"{display_path(path)}: no such file or folder")
    reading = _Reading(root, strict, on_problem, max_bytes)
    reading.memo = memo
    reading.exclude = frozenset(p.resolve() for p in exclude)
    return reading.all(paths)


@dataclass
class _FileRead:
    """What one file read as, to remember; ``whole`` is False once a record of it could
    not be read (such a file is read again next time, to report it again)."""

    drafts: list[tuple[Draft, Read]] = field(default_factory=list)
    whole: bool = True


class _Reading:
    """One pass over the inputs: what was seen, and where problems go."""

    def __init__(
        self,
        root: Path | None,
        strict: bool,
        on_problem: Callable[[Problem], None] | None,
        max_bytes: int,
    ) -> None:
        self.root = root
        self.strict = strict
        self.on_problem = on_problem
        self.max_bytes = max_bytes
        self.seen_files: set[str] = set()
        self.seen_texts: dict[str, str] = {}  # article id -> source_path that had it first
        self.seen_urls: dict[str, str] = {}  # url -> source_path of the first text with it
        self.exclude: frozenset[Path] = frozenset()
        self.memo: ArticleMemo | None = None

    def report(self, problem: Problem, *, notice: bool = False) -> None:
        """Pass on a problem; with ``strict`` raise instead, unless it is only a notice."""
        if self.strict and not notice:
            raise InputError(str(problem))
        if self.on_problem is not None:
            self.on_problem(problem)
        else:
            _log.warning("%s", problem)

    def all(self, paths: list[Path]) -> Iterator[Article]:
        count = 0
        for given in paths:
            base = self.root or (given if given.is_dir() else given.parent)
            if given.is_dir():
                found = False
                for file in self.walk(given, base):
                    found = True
                    for article in self.file(file, base):
                        count += 1
                        yield article
                if not found:
                    where = display_path(given.as_posix())
                    self.report(Problem(where, f"no articles in this folder {LOOKED_FOR}"))
            elif given.suffix.lower() not in READERS:
                kind = display_path(given.suffix) or "no extension"
                message = f"unknown file type {kind!r} {LOOKED_FOR}"
                self.report(Problem(_relative(given, base), message))
            else:
                for article in self.file(given, base):
                    count += 1
                    yield article
        if count == 0:
            names = ", ".join(display_path(p) for p in paths)
            raise InputError(f"{names}: no readable articles found {LOOKED_FOR}")

    def walk(self, folder: Path, base: Path) -> Iterator[Path]:
        """Article files under ``folder`` in sorted path order, depth first.

        A stack, not recursion: folders nested a thousand deep are no RecursionError.
        """
        stack: list[Iterator[os.DirEntry[str]]] = []
        entries = self.entries(folder, base)
        if entries is not None:
            stack.append(iter(entries))
        while stack:
            entry = next(stack[-1], None)
            if entry is None:
                stack.pop()
                continue
            path = Path(entry.path)
            is_folder = _is_dir(entry)
            if entry.name.startswith("."):
                if is_folder or path.suffix.lower() in READERS:
                    kind = "folder" if is_folder else "file"
                    self.report(Problem(_relative(path, base), f"{kind} {HIDDEN}"), notice=True)
                continue
            if entry.is_symlink() and is_folder:
                # Links to folders are not followed: a link cycle would never end.
                message = "link to a folder, not followed (name the folder itself to read it)"
                self.report(Problem(_relative(path, base), message), notice=True)
            elif is_folder and self.exclude and path.resolve() in self.exclude:
                continue  # our own output, silently: it is there on every rebuild
            elif is_folder:
                inner = self.entries(path, base)
                if inner is not None:
                    stack.append(iter(inner))
            elif path.suffix.lower() in READERS:
                yield path

    def entries(self, folder: Path, base: Path) -> list[os.DirEntry[str]] | None:
        """The entries of one folder sorted by name, or None (reported) when unreadable."""
        try:
            with os.scandir(folder) as scan:
                return sorted(scan, key=lambda e: os.fsencode(e.name))
        except OSError as error:
            where = _relative(folder, base)
            self.report(Problem(where, f"cannot read folder: {_reason(error)}"))
            return None

    def to_article(self, draft: Draft, source: str) -> Article:
        if self.memo is None:
            return to_article(draft, source)
        article = self.memo.article(draft, source)
        if article is None:
            article = to_article(draft, source)
            self.memo.keep(draft, source, article)
        return article

    def file(self, path: Path, base: Path) -> Iterator[Article]:
        """The articles of one file; whatever goes wrong costs that file (or line) only."""
        resolved = os.path.realpath(path)  # never raises, even on a link loop
        if resolved in self.seen_files:  # named twice, or also inside a named folder
            return
        self.seen_files.add(resolved)
        where = _relative(path, base)
        # An unchanged file is not read again: a rebuild of 10,000 articles spent 7 s
        # reading and decoding files only to find the articles it had made before.
        memo_path = f"{where}\0{resolved}"  # the source path is part of each article
        stamp = None if self.memo is None else file_stamp(resolved, self.max_bytes)
        if self.memo is not None and stamp is not None:
            known = self.memo.file_articles(memo_path, stamp)
            if known is not None:
                yield from self.admitted(known, where)
                return
        read = _FileRead()
        try:
            yield from self.admitted(self.drafts(path, where, read), where)
            if read.whole and self.memo is not None and stamp is not None:
                self.memo.keep_file(memo_path, stamp, read.drafts)
        except UnreadableError as skip:
            self.report(Problem(where, skip.message, skip.line))
        except OSError as error:
            self.report(Problem(where, f"cannot read: {_reason(error)}"))
        except KGError:
            raise
        except Exception as error:  # a bug on one file must cost that file only
            self.report(Problem(where, _crashed(error)))

    def drafts(self, path: Path, where: str, read: _FileRead) -> Iterator[Read]:
        """Each article of the file as its reader and ``to_article`` make it, noted in
        ``read`` as well; a problem with a record costs that record."""
        reader = READERS[path.suffix.lower()]
        _log.debug("reading %s (%s)", where, reader.__name__)
        for draft in reader(path, self.max_bytes):
            if isinstance(draft, UnreadableError):
                self.report(Problem(where, draft.message, draft.line))
                read.whole = False
                continue
            source = where if draft.line is None else f"{where}#L{draft.line}"
            try:
                article = self.to_article(draft, source)
            except UnreadableError as skip:
                self.report(Problem(where, skip.message, skip.line))
                read.whole = False
                continue
            except KGError:
                raise
            except Exception as error:  # a bug on one record must cost that record only
                self.report(Problem(where, _crashed(error), draft.line))
                read.whole = False
                continue
            found = (article, draft.line, draft.record_id)
            read.drafts.append((draft, found))
            yield found

    def admitted(self, found: Iterable[Read], where: str) -> Iterator[Article]:
        """The file's articles that are no copy of an earlier one, with notes on ids and
        URLs that earlier ones had."""
        record_ids: dict[str, int] = {}
        for article, line, record_id in found:
            source = article.source_path
            first = self.seen_texts.get(article.id)
            if first is not None:
                message = f"the same text as {first}; skipped as a duplicate"
                self.report(Problem(where, message, line))
                continue
            self.seen_texts[article.id] = source
            if record_id is not None:
                earlier = record_ids.setdefault(record_id, line or 0)
                if earlier != (line or 0):
                    note = f"id {record_id!r} is also the id of line {earlier}"
                    article = replace(article, notes=(*article.notes, note))
            if article.url is not None:
                had = self.seen_urls.setdefault(article.url, source)
                if had != source:  # a site's corrected or updated story, or a bad feed
                    note = (
                        f"url {article.url!r} is also the url of {had}, whose text "
                        "differs; both kept"
                    )
                    article = replace(article, notes=(*article.notes, note))
            for note in article.notes:
                _log.warning("%s", Problem(where, note, line))
            yield article


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link loop, or a folder we may not look into
        return False


def _relative(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` in POSIX form (``..`` when it lies outside)."""
    try:
        relative = Path(os.path.relpath(path.absolute(), base.absolute())).as_posix()
    except ValueError:  # another drive on Windows
        relative = path.absolute().as_posix()
    return display_path(relative)


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _crashed(error: Exception) -> str:
    message = str(error).strip().split("\n", 1)[0][:200]
    name = type(error).__name__
    return f"could not be read ({name}: {message})" if message else f"could not be read ({name})"
