"""Writing files so that no reader ever sees half of one: temp file, fsync, rename.

Every file civkg writes goes through here (outputs, the output folder's marker and
manifest, the cache), so the rules for durability and permissions live once.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from kg.errors import ExportError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def shared_mode(directory: bool = False) -> int:
    """The mode the umask gives a new file (or folder): outputs are for sharing."""
    return (0o777 if directory else 0o666) & ~_umask()


def fsync_path(path: Path, *, directory: bool = False) -> None:
    """Flush a file's (or a folder's entries') data to the disk."""
    flags = os.O_RDONLY | (os.O_DIRECTORY if directory else 0)
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to a temp file beside ``path``, fsync it and rename it into place.

    An interrupted build (even a kill -9 or a power cut) therefore never leaves a
    half-written output file: the rename comes after the data is on disk, and the
    folder is fsynced so the rename itself survives.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return write_atomic_with(path, lambda tmp: tmp.write_bytes(payload))


def write_atomic_with(path: Path, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temp file beside ``path``, then rename it into place.

    For outputs written by a serialiser straight to a file, never whole in memory.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.close(fd)
        write(Path(tmp_name))
        fsync_path(Path(tmp_name))
        # mkstemp makes the file private; outputs are for sharing, so honour the umask.
        Path(tmp_name).chmod(shared_mode())
        Path(tmp_name).replace(path)
        fsync_path(path.parent, directory=True)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise ExportError(f"{path}: cannot write output: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path
