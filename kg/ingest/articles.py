"""``read_articles``: walk files and folders, read each article, report what cannot be read."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from kg.errors import InputError
from kg.ingest.page import to_article
from kg.ingest.problems import UnreadableError
from kg.ingest.readers import READERS
from kg.model import Article, Problem

EXTENSIONS: tuple[str, ...] = tuple(READERS)
LOOKED_FOR = "(looked for " + " ".join(EXTENSIONS) + ")"

_log = logging.getLogger(__name__)


def read_articles(
    inputs: Sequence[Path],
    *,
    root: Path | None = None,
    strict: bool = False,
    on_problem: Callable[[Problem], None] | None = None,
) -> Iterator[Article]:
    """Articles from files and folders, lazily, one file at a time, in a stable order.

    Folders are walked recursively in sorted order; files of other types in them are
    ignored. A file (or JSONL line) that cannot be read becomes a ``Problem`` passed to
    ``on_problem`` (logged when there is none) and reading goes on; with ``strict`` the
    first problem raises ``InputError``. ``source_path`` is relative to ``root``, which
    defaults to each input folder (or a file's parent folder).

    Raises ``InputError`` at once when an input does not exist, and when the inputs held
    no readable article at all once they have been read.
    """
    paths = [Path(p) for p in inputs]
    if not paths:
        raise InputError("no input files or folders given")
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
    return _read_all(paths, root, strict, on_problem)


def _read_all(
    paths: list[Path],
    root: Path | None,
    strict: bool,
    on_problem: Callable[[Problem], None] | None,
) -> Iterator[Article]:
    def report(problem: Problem) -> None:
        if strict:
            raise InputError(str(problem))
        if on_problem is not None:
            on_problem(problem)
        else:
            _log.warning("%s", problem)

    seen: set[Path] = set()
    count = 0
    for given in paths:
        base = root if root is not None else (given if given.is_dir() else given.parent)
        if given.is_dir():
            found = False
            for file in _walk(given, base, report):
                found = True
                for article in _read_file(file, base, seen, report):
                    count += 1
                    yield article
            if not found:
                report(Problem(given.as_posix(), f"no articles in this folder {LOOKED_FOR}"))
        elif given.suffix.lower() not in READERS:
            kind = given.suffix or "no extension"
            report(Problem(_relative(given, base), f"unknown file type {kind!r} {LOOKED_FOR}"))
        else:
            for article in _read_file(given, base, seen, report):
                count += 1
                yield article
    if count == 0:
        names = ", ".join(str(p) for p in paths)
        raise InputError(f"{names}: no readable articles found {LOOKED_FOR}")


def _walk(folder: Path, base: Path, report: Callable[[Problem], None]) -> Iterator[Path]:
    """Article files under ``folder`` in sorted path order; hidden entries are skipped."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as error:
        report(Problem(_relative(folder, base), f"cannot read folder: {_reason(error)}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        # Symlinked folders are not followed: a link cycle would never end.
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, base, report)
        elif path.suffix.lower() in READERS:
            yield path


def _read_file(
    path: Path, base: Path, seen: set[Path], report: Callable[[Problem], None]
) -> Iterator[Article]:
    resolved = path.resolve()
    if resolved in seen:  # named twice, or also inside a named folder
        return
    seen.add(resolved)
    where = _relative(path, base)
    reader = READERS[path.suffix.lower()]
    try:
        for draft in reader(path):
            if isinstance(draft, UnreadableError):
                report(Problem(where, draft.message, draft.line))
                continue
            source = where if draft.line is None else f"{where}#L{draft.line}"
            try:
                yield to_article(draft, source)
            except UnreadableError as skip:
                report(Problem(where, skip.message, skip.line))
    except UnreadableError as skip:
        report(Problem(where, skip.message, skip.line))
    except OSError as error:
        report(Problem(where, f"cannot read: {_reason(error)}"))


def _relative(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` in POSIX form (``..`` when it lies outside)."""
    try:
        return Path(os.path.relpath(path.absolute(), base.absolute())).as_posix()
    except ValueError:  # another drive on Windows
        return path.absolute().as_posix()


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
