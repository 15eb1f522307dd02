"""The output folder of ``kg build``: claimed by a marker, locked, switched as one set.

Layout of an output folder ``DIR``::

    DIR/.civkg-output          marker: this folder is civkg's (tool, version, layout)
    DIR/.civkg-lock            fcntl lock: one build at a time
    DIR/.civkg-cache/          per-article results (kg.cache), the graph's store (kg.graph_cache)
    DIR/.civkg-builds/ID/      one complete output set, its manifest written last
    DIR/.civkg-builds/current  symlink to the set readers see
    DIR/graph.ttl              symlink to .civkg-builds/current/graph.ttl (one per output)

A build writes its set into ``.civkg-builds/ID.tmp``, fsyncs every file and folder,
writes the manifest, renames the folder to ``ID`` and then replaces ``current`` with a
rename: the one atomic step that switches every output at once. A kill -9 at any moment
leaves ``current`` naming a complete set (the old or the new), never a mix. The next
build removes what a killed one left behind.

civkg never deletes or overwrites a file it did not write: a folder that is neither
empty, new nor marked is refused before any work, a file in the way of an output link
is an error, and a retired set is removed file by file from its manifest, so anything
a user put into it (through the ``store`` link, say) stays and is reported.

Only standard-library imports: readers (``kg.sparql``) use this module too.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from kg import __version__
from kg.atomic import fsync_path, shared_mode, write_atomic
from kg.errors import ExportError, UsageError

MARKER = ".civkg-output"
LOCK = ".civkg-lock"
BUILDS = ".civkg-builds"
CURRENT = "current"
MANIFEST = ".civkg-manifest.json"
#: Bump when the layout above changes.
LAYOUT = 1
_STAGING = ".tmp"
_MARKER_MAX_BYTES = 4096

#: Names the built-in exporters write at the top of a set, checked before any work.
KNOWN_OUTPUTS: frozenset[str] = frozenset(
    {
        "graph.ttl",
        "graph.trig",
        "graph.jsonld",
        "context.jsonld",
        "graph.graphml",
        "graph.gexf",
        "map.html",
        "report.json",
        "store",
    }
)


def _fsync_tree(root: Path) -> dict[str, int]:
    """fsync every file and folder under ``root``; the files' relative paths and sizes.

    Plug-in exporters and the store engine write without fsync, so the whole set is
    flushed here before the manifest claims it complete.
    """
    files: dict[str, int] = {}
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        here = Path(folder)
        for name in sorted(names):
            path = here / name
            if path.is_symlink() or not path.is_file():
                continue
            fsync_path(path)
            files[path.relative_to(root).as_posix()] = path.stat().st_size
        fsync_path(here, directory=True)
    return files


def build_stamp(moment: float | None = None) -> str:
    """A build id that sorts by time: ``20261202T183512.123456Z-PID``."""
    when = datetime.fromtimestamp(time.time() if moment is None else moment, UTC)
    return f"{when:%Y%m%dT%H%M%S.%fZ}-{os.getpid()}"


# --- reading -----------------------------------------------------------------------


def is_marked(folder: Path) -> bool:
    """Whether ``folder`` carries civkg's own marker file."""
    marker = folder / MARKER
    try:
        if marker.is_symlink() or not marker.is_file():
            return False
        if marker.stat().st_size > _MARKER_MAX_BYTES:
            return False
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("tool") == "civkg"


def current_set(folder: Path) -> Path | None:
    """The folder of the output set readers of ``folder`` should see, resolved once.

    None for a folder without switched sets (a graph file, an older layout): readers
    then read ``folder`` as it is. Resolving once and reading only under the result
    keeps every file a reader opens from one build, even while the next one switches.
    """
    link = folder / BUILDS / CURRENT
    try:
        name = link.readlink()
    except OSError:
        return None
    target = (folder / BUILDS / name).resolve()
    return target if target.is_dir() else None


def read_manifest(set_folder: Path) -> dict[str, Any] | None:
    """A set's manifest; None when it is missing or incomplete."""
    try:
        data = json.loads((set_folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return None
    return data


# --- writing -----------------------------------------------------------------------


def _refuse(out: Path, why: str) -> UsageError:
    return UsageError(f"--out {out}: {why}")


def _entries(folder: Path) -> set[str]:
    try:
        return {entry.name for entry in folder.iterdir()}
    except OSError as exc:
        raise _refuse(folder, f"cannot read folder: {exc.strerror or exc}") from exc


def check_claimable(out: Path) -> None:
    """Refuse (one line, before any work) a folder civkg may not write into."""
    if out.is_symlink() and not out.exists():
        raise _refuse(out, "is a broken symbolic link")
    if out.exists() and not out.is_dir():
        raise _refuse(out, "exists and is not a folder")
    if not out.exists():
        return
    entries = _entries(out)
    if is_marked(out) or entries <= {LOCK}:
        return
    raise _refuse(
        out,
        f"not empty and not a civkg output folder (no {MARKER}); give a new or empty "
        "folder, or one an earlier kg build wrote",
    )


def _check_in_the_way(out: Path, names: Iterable[str]) -> None:
    for name in sorted(names):
        path = out / name
        if os.path.lexists(path) and not _is_our_link(out, name):
            raise _refuse(
                out,
                f"{name} is there and civkg did not write it; move it away or give another folder",
            )


def _link_target(name: str) -> str:
    return f"{BUILDS}/{CURRENT}/{name}"


def _is_our_link(out: Path, name: str) -> bool:
    try:
        return (out / name).readlink().as_posix() == _link_target(name)
    except OSError:
        return False


@dataclass
class OutputFolder:
    """An output folder claimed and locked for one build; use as a context manager.

    ``stage()`` gives the folder exporters write into; ``publish()`` makes it the
    current set. Leaving without ``publish`` (an error, Ctrl+C) removes the staging
    folder, and in a folder this build made or found empty, the marker and lock too.
    """

    path: Path
    on_notice: Callable[[str, str], None] | None = None
    stamp: str = field(default_factory=build_stamp)
    _lock: IO[bytes] | None = None
    _created: bool = False
    _had_marker: bool = False
    _staging: Path | None = None
    _published: bool = False

    def __enter__(self) -> OutputFolder:
        out = self.path
        check_claimable(out)
        self._created = not out.exists()
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _refuse(out, f"cannot make folder: {exc.strerror or exc}") from exc
        self._lock = self._take_lock()
        try:
            # Checked again under the lock: another build may have claimed it meanwhile.
            self._had_marker = is_marked(out)
            if not self._had_marker:
                check_claimable(out)
                self._write_marker()
            _check_in_the_way(out, KNOWN_OUTPUTS & _entries(out))
            self._sweep()
        except BaseException:
            self._release(give_back=True)
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._release(give_back=not self._published)

    # the lock -------------------------------------------------------------------

    def _take_lock(self) -> IO[bytes]:
        path = self.path / LOCK
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, shared_mode())
        except OSError as exc:
            raise _refuse(self.path, f"cannot open {LOCK}: {exc.strerror or exc}") from exc
        handle = os.fdopen(fd, "r+b")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = handle.read(32).decode("ascii", "replace").strip()
            handle.close()
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                who = f" (pid {holder})" if holder.isdigit() else ""
                raise _refuse(
                    self.path,
                    f"another kg build is writing into this folder{who}; wait for it or "
                    "give another --out",
                ) from None
            raise _refuse(self.path, f"cannot lock: {exc.strerror or exc}") from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        return handle

    def _release(self, *, give_back: bool) -> None:
        if self._staging is not None and not self._published:
            shutil.rmtree(self._staging, ignore_errors=True)
        if give_back and not self._had_marker:
            with contextlib.suppress(OSError):
                (self.path / BUILDS).rmdir()
            # Nothing was published: leave the folder as it was found (or not at all),
            # unless this build wrote something else there (its cache): then it stays ours.
            with contextlib.suppress(OSError):
                give_back = not (_entries(self.path) - {MARKER, LOCK})
        if give_back and not self._had_marker:
            with contextlib.suppress(OSError):
                (self.path / MARKER).unlink()
        if self._lock is not None:
            if give_back and not self._had_marker:
                with contextlib.suppress(OSError):
                    (self.path / LOCK).unlink()
            self._lock.close()
            self._lock = None
        if give_back and self._created:
            with contextlib.suppress(OSError):
                self.path.rmdir()

    def _write_marker(self) -> None:
        data = {"tool": "civkg", "version": __version__, "layout": LAYOUT}
        write_atomic(self.path / MARKER, json.dumps(data, sort_keys=True) + "\n")

    # cleaning up ----------------------------------------------------------------

    def _notice(self, path: Path, message: str) -> None:
        if self.on_notice is not None:
            self.on_notice(str(path), message)

    def _sweep(self) -> None:
        """Remove what killed builds left and every set but the current one."""
        for entry in self.path.glob(".*.link"):  # a killed build's half-made output link
            if entry.is_symlink() and entry.readlink().as_posix().startswith(f"{BUILDS}/"):
                entry.unlink()
        builds = self.path / BUILDS
        if not builds.is_dir():
            return
        keep = current_set(self.path)
        for entry in sorted(builds.iterdir()):
            if entry.name == CURRENT:
                continue
            if entry.is_symlink():  # a half-made ``current`` of a killed build
                entry.unlink()
            elif entry.name.endswith(_STAGING) and entry.is_dir():
                # A staging folder was never linked from anywhere: only civkg wrote it.
                shutil.rmtree(entry, ignore_errors=True)
            elif entry.is_dir() and (keep is None or entry.resolve() != keep):
                self._retire(entry)

    def _retire(self, set_folder: Path) -> None:
        """Delete the files a set's manifest lists; keep (and report) anything else."""
        manifest = read_manifest(set_folder)
        if manifest is None:
            self._notice(set_folder, "no manifest, so not removed (civkg cannot tell it wrote it)")
            return
        for name in [*manifest["files"], MANIFEST]:
            if not isinstance(name, str) or name.startswith("/") or ".." in name.split("/"):
                continue  # never a path outside the set, whatever the manifest says
            with contextlib.suppress(OSError):
                (set_folder / name).unlink()
        for folder, _, _ in sorted(os.walk(set_folder), key=lambda w: -len(w[0])):
            with contextlib.suppress(OSError):
                Path(folder).rmdir()
        if set_folder.exists():
            for left in sorted(p for p in set_folder.rglob("*") if not p.is_dir()):
                self._notice(left, "not written by civkg, so kept (from a replaced build)")

    # staging and switching ------------------------------------------------------

    def stage(self) -> Path:
        """The empty staging folder exporters write this build's outputs into."""
        builds = self.path / BUILDS
        builds.mkdir(mode=shared_mode(directory=True), exist_ok=True)
        staging = builds / f"{self.stamp}{_STAGING}"
        staging.mkdir(mode=shared_mode(directory=True))
        self._staging = staging
        return staging

    def publish(self) -> Path:
        """Switch the readers of the folder to the staged set, all outputs at once."""
        staging = self._staging
        if staging is None:
            raise ExportError(f"{self.path}: nothing staged")
        out, builds = self.path, self.path / BUILDS
        names = {p.name for p in staging.iterdir() if not p.name.startswith(".")}
        _check_in_the_way(out, names)
        files = _fsync_tree(staging)
        previous = current_set(out)
        manifest = {
            "tool": "civkg",
            "version": __version__,
            "build": self.stamp,
            "finished": f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ}",
            "outputs": sorted(names),
            "files": files,
        }
        write_atomic(staging / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        final = builds / self.stamp
        staging.rename(final)
        self._staging = None
        fsync_path(builds, directory=True)
        # Links for new outputs first: until the switch they lead nowhere, as the old
        # set had no such output.
        for name in sorted(names):
            if not os.path.lexists(out / name):
                _replace_link(out / name, _link_target(name))
        fsync_path(out, directory=True)
        _replace_link(builds / CURRENT, self.stamp)  # the switch
        fsync_path(builds, directory=True)
        self._published = True
        # Outputs the old set had and this one has not: their links now lead nowhere.
        if previous is not None:
            old = read_manifest(previous)
            for name in sorted(set((old or {}).get("outputs", [])) - names):
                if _is_our_link(out, name):
                    with contextlib.suppress(OSError):
                        (out / name).unlink()
            fsync_path(out, directory=True)
        return final


def _replace_link(path: Path, target: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.link")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    tmp.symlink_to(target)
    tmp.replace(path)


def check_output_folder(folder: Path) -> list[str]:
    """What is wrong with an output folder's current set (empty: complete, one build).

    Every output link must lead into the current set, every output of the set must have
    its link, and every file the manifest lists must be there with its size. For tests
    and the soak benchmark; readers need not call it.
    """
    found = current_set(folder)
    if found is None:
        return [f"{folder}: no current set"]
    manifest = read_manifest(found)
    if manifest is None:
        return [f"{found}: current set without a complete manifest"]
    wrong: list[str] = []
    outputs = set(manifest.get("outputs", []))
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink() and not entry.name.startswith("."):
            if not _is_our_link(folder, entry.name):
                wrong.append(f"{entry}: a link that does not lead into the current set")
            elif entry.name not in outputs:
                wrong.append(f"{entry}: a link to an output the current set does not have")
    for name in sorted(outputs):
        if not _is_our_link(folder, name) or not (folder / name).exists():
            wrong.append(f"{folder / name}: output of the current set not reachable")
    for name, size in sorted(manifest["files"].items()):
        path = found / name
        if not path.is_file():
            wrong.append(f"{path}: listed in the manifest, missing")
        elif path.stat().st_size != size:
            wrong.append(f"{path}: {path.stat().st_size} bytes, the manifest says {size}")
    return wrong


def output_sets(folder: Path) -> Iterator[Path]:
    """The complete sets kept in an output folder (for tests and the soak benchmark)."""
    builds = folder / BUILDS
    if builds.is_dir():
        for entry in sorted(builds.iterdir()):
            if entry.is_dir() and not entry.is_symlink() and read_manifest(entry) is not None:
                yield entry


__all__ = [
    "BUILDS",
    "CURRENT",
    "KNOWN_OUTPUTS",
    "LOCK",
    "MANIFEST",
    "MARKER",
    "OutputFolder",
    "build_stamp",
    "check_claimable",
    "check_output_folder",
    "current_set",
    "fsync_path",
    "is_marked",
    "output_sets",
    "read_manifest",
    "shared_mode",
]
