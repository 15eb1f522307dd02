"""What every exporter shares: the protocol and atomic file writing."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kg.errors import ExportError

if TYPE_CHECKING:
    from kg.build import Build


class Exporter(Protocol):
    """Writes one or more output files of a build into ``out_dir``."""

    name: str
    description: str

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        """Write the files and return their paths."""
        ...


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to a temp file beside ``path`` and rename it into place.

    An interrupted build therefore never leaves a half-written output file.
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
        # mkstemp makes the file private; outputs are for sharing, so honour the umask.
        Path(tmp_name).chmod(0o666 & ~_umask())
        Path(tmp_name).replace(path)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise ExportError(f"{path}: cannot write output: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path
