"""Open article files safely: regular files only, never more than ``max_bytes`` at once.

A FIFO named ``x.txt`` would block the build forever and a link to ``/dev/zero`` would be
read until memory runs out, so a file is opened without blocking and checked with
``fstat`` before a byte is read; only regular files are read, and no read takes more than
the size limit.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from kg.ingest.problems import UnreadableError
from kg.limits import DEFAULT_MAX_BYTES

__all__ = [
    "DEFAULT_MAX_BYTES",
    "display_path",
    "open_regular",
    "read_limited",
    "size_text",
    "too_large",
]

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)  # Windows
)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def size_text(size: int) -> str:
    """``5 MB``, ``7.3 MB``, ``900 KB``, ``12 bytes``: how big, for a message."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def too_large(size: int | None, max_bytes: int, what: str = "file") -> str:
    """The one-line reason a file or line over the size limit is skipped."""
    found = f"{size_text(size)}, " if size is not None else ""
    return f"{what} too large ({found}the limit is {size_text(max_bytes)})"


@contextmanager
def open_regular(path: Path) -> Iterator[BinaryIO]:
    """``path`` opened for binary reading; ``UnreadableError`` unless it is a regular file.

    Raises ``OSError`` when it cannot be opened (missing, no permission, a link loop).
    """
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise UnreadableError(f"{kind}, not a regular file; not read")
        stream = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with stream:
        yield stream


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The whole content of a regular file of at most ``max_bytes`` bytes."""
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > max_bytes:
            raise UnreadableError(too_large(size, max_bytes))
        data = stream.read(max_bytes + 1)  # the file may have grown since fstat
    if len(data) > max_bytes:
        raise UnreadableError(too_large(None, max_bytes))
    return data


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as valid Unicode: bytes that are not UTF-8 in a file name become ``\\xff``.

    Python keeps such bytes as lone surrogates, which no UTF-8 writer (report, graph,
    terminal) accepts.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")
