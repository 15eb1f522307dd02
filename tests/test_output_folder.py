"""``kg build --out``: only civkg's own folders are written, one build at a time, and the
output set is switched in as a whole, even past a kill -9 (real builds, real processes)."""

from __future__ import annotations

import fcntl
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import UsageError
from kg.output_folder import (
    BUILDS,
    CURRENT,
    LOCK,
    MARKER,
    check_output_folder,
    current_set,
    output_sets,
)

FORMATS = ["turtle", "report", "store"]
KG_BUILD = (sys.executable, "-m", "kg", "build", "-q", "-j", "1", "--no-cache")
TEXT = (
    "Қазақстанның Азаматтық альянсы төрағасы Айгүл Сәрсенова Алматыда форум өткізді. "
    "Форумға «Жасыл Дала» қоғамдық қорының директоры Ерлан Мұратов қатысты.\n"
)


def _corpus(folder: Path, names: tuple[str, ...] = ("a", "b")) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"kk-{name}.txt").write_text(f"{name.upper()}. {TEXT}", encoding="utf-8")
    return folder


def _kg(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


# --- item 4: only civkg's own folders ----------------------------------------------


def test_a_folder_with_a_users_file_is_refused_in_one_line_before_any_work(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "d"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    (out / "graph.ttl").write_text("the user's own graph\n", encoding="utf-8")
    before = _tree(out)
    started = time.monotonic()
    result = _kg("build", str(corpus), "--out", str(out), "--quiet", "-j", "1")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert str(out) in result.stderr and MARKER in result.stderr
    assert "Traceback" not in result.stderr
    assert _tree(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "thesis.docx"]
    # refused before any work: no article was read, so no model was loaded
    assert time.monotonic() - started < 60


def test_an_older_output_folder_keeps_the_users_file_in_its_store(tmp_path: Path) -> None:
    """The issue's case: d/store/thesis.docx was deleted with the store/ subtree."""
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "d"
    (out / "store").mkdir(parents=True)
    (out / "store" / "thesis.docx").write_bytes(b"years of work")
    (out / "report.json").write_text("{}\n", encoding="utf-8")
    before = _tree(out)
    with pytest.raises(UsageError, match="not a civkg output folder"):
        build([corpus], out_dir=out, formats=FORMATS, jobs=1)
    assert _tree(out) == before


def test_a_users_file_in_store_survives_every_later_build(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "d"
    build([corpus], out_dir=out, formats=FORMATS, jobs=1)
    # Saved through the link into the set that was current then.
    (out / "store" / "thesis.docx").write_bytes(b"years of work")
    saved = (out / "store" / "thesis.docx").resolve()
    notices: list[str] = []
    for _ in range(3):
        build([corpus], out_dir=out, formats=FORMATS, jobs=1, on_notice=notices.append)
        assert check_output_folder(out) == []
    assert saved.read_bytes() == b"years of work"
    assert any("thesis.docx" in n and "not written by civkg" in n for n in notices)
    # What civkg wrote into that old set is gone; only the user's file and its folders stay.
    old = saved.parent.parent
    assert sorted(p.relative_to(old).as_posix() for p in old.rglob("*")) == [
        "store",
        "store/thesis.docx",
    ]
    assert len(list(output_sets(out))) == 2  # the current set and the one before


def test_a_users_file_where_an_output_goes_is_never_overwritten(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "d"
    build([corpus], out_dir=out, formats=FORMATS, jobs=1)
    (out / "report.json").unlink()  # the user replaced civkg's link with a file
    (out / "report.json").write_text("mine\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"report\.json is there and civkg did not write it"):
        build([corpus], out_dir=out, formats=FORMATS, jobs=1)
    assert (out / "report.json").read_text(encoding="utf-8") == "mine\n"
    assert check_output_folder(out) != []  # its report is the user's, not a link
    (out / "notes.txt").write_text("notes\n", encoding="utf-8")
    (out / "report.json").unlink()
    build([corpus], out_dir=out, formats=FORMATS, jobs=1)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "notes\n"
    assert check_output_folder(out) == []


def test_new_and_empty_folders_are_claimed_and_a_failed_build_leaves_them_as_found(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path / "in")
    empty = tmp_path / "empty"
    empty.mkdir()
    build([corpus], out_dir=empty, formats=["turtle"], jobs=1)
    marker = json.loads((empty / MARKER).read_text(encoding="utf-8"))
    assert marker["tool"] == "civkg" and marker["version"]
    assert (empty / "graph.ttl").is_file() and check_output_folder(empty) == []
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    for out in (tmp_path / "new" / "deeper", tmp_path / "empty2"):
        if out.name == "empty2":
            out.mkdir()
        with pytest.raises(Exception, match="no readable articles"):
            build([nothing], out_dir=out, formats=["turtle"], jobs=1)
        assert not out.exists() or list(out.iterdir()) == []


def test_outputs_the_new_build_does_not_make_lose_their_links(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "d"
    build([corpus], out_dir=out, formats=FORMATS, jobs=1)
    build([corpus], out_dir=out, formats=["turtle"], jobs=1)
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == ["graph.ttl"] and check_output_folder(out) == []


def test_store_is_shared_like_the_other_outputs(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "d"
    build([corpus], out_dir=out, formats=FORMATS, jobs=1)
    umask = os.umask(0)
    os.umask(umask)
    assert (out / "store").stat().st_mode & 0o777 == 0o777 & ~umask
    assert (out / "report.json").stat().st_mode & 0o777 == 0o666 & ~umask


# --- item 9: one build at a time ---------------------------------------------------


def test_a_second_build_into_a_locked_folder_fails_fast_naming_it(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "d"
    build([corpus], out_dir=out, formats=["turtle"], jobs=1)
    before = current_set(out)
    # Another process holds the build lock: a real kg build started first.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            f"f = open({str(out / LOCK)!r}, 'r+b')\n"
            "fcntl.flock(f, fcntl.LOCK_EX)\n"
            "f.seek(0); f.truncate(); f.write(b'%d\\n' % __import__('os').getpid()); f.flush()\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        result = _kg("build", str(corpus), "--out", str(out), "--quiet", "-j", "1")
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and str(out) in result.stderr
        assert f"another kg build is writing into this folder (pid {holder.pid})" in result.stderr
        assert current_set(out) == before
    finally:
        holder.communicate("", timeout=10)
    build([corpus], out_dir=out, formats=["turtle"], jobs=1)  # free again
    assert current_set(out) != before


def test_the_lock_is_held_for_the_whole_build(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "d"
    seen: list[bool] = []

    def probe(_: object) -> None:
        with (out / LOCK).open("rb") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                seen.append(True)
            else:
                seen.append(False)

    (corpus / "kk-broken.txt").write_bytes(b"")  # an empty file: a problem mid-build
    build([corpus], out_dir=out, formats=["turtle"], jobs=1, on_problem=probe)
    assert seen and all(seen)


# --- item 8: the set is atomic, past any kill -9 -----------------------------------


def _corpus_ids(out: Path) -> set[str]:
    """The article files a folder's current report, graph and store were built from."""
    from kg.sparql.store import open_store

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    from_report = {a["source_path"] for a in report["articles"]}
    graph = (out / "graph.ttl").read_text(encoding="utf-8")
    answer = open_store(out).query(
        "SELECT DISTINCT ?path WHERE { ?a civ:sourcePath ?path }",
    )
    from_store = {row[0].value for row in answer.rows if row[0] is not None}
    assert from_store == from_report, (from_store, from_report)
    assert all(f'"{p}"' in graph for p in from_report)
    return from_report


def test_kill_9_at_random_moments_leaves_one_complete_set(tmp_path: Path) -> None:
    """A handful of kills here; benchmarks/soak_kills.py makes 50 and reports them."""
    small = _corpus(tmp_path / "in", ("a", "b"))
    large = tmp_path / "in2"
    shutil.copytree(small, large)
    _corpus(large, ("c",))
    out = tmp_path / "d"
    build([small], out_dir=out, formats=FORMATS, jobs=1)
    expected = {frozenset(_corpus_ids(out))}
    rng = random.Random(12)
    for round_ in range(4):
        corpus = large if round_ % 2 == 0 else small
        process = subprocess.Popen(
            [*KG_BUILD, str(corpus), "--out", str(out), "--format", ",".join(FORMATS)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 6.0))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert check_output_folder(out) == []
        ids = frozenset(_corpus_ids(out))
        assert ids in expected | {frozenset(f"{n}" for n in ("kk-a.txt", "kk-b.txt", "kk-c.txt"))}
        expected.add(ids)
    build([small], out_dir=out, formats=FORMATS, jobs=1)  # sweeps what the kills left
    assert check_output_folder(out) == []
    left = sorted(p.name for p in (out / BUILDS).iterdir() if p.name != CURRENT)
    assert len(left) <= 2 and not [n for n in left if n.endswith(".tmp")]
    assert not [p for p in out.iterdir() if p.name.endswith(".link")]


def test_a_users_file_put_in_the_way_during_a_build_is_kept_and_nothing_switches(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path / "in")
    (corpus / "kk-empty.txt").write_bytes(b"")  # a problem mid-build, when the file appears
    out = tmp_path / "d"

    def meanwhile(_: object) -> None:
        (out / "graph.ttl").write_text("saved while it built\n", encoding="utf-8")

    with pytest.raises(UsageError, match=r"graph\.ttl is there and civkg did not write it"):
        build([corpus], out_dir=out, formats=FORMATS, jobs=1, on_problem=meanwhile)
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "saved while it built\n"
    assert current_set(out) is None and not list(output_sets(out))
    # The build's cache is there, so the folder stays civkg's: the next build may use it.
    assert (out / MARKER).is_file()
    (out / "graph.ttl").unlink()
    build([corpus], out_dir=out, formats=FORMATS, jobs=1)
    assert check_output_folder(out) == []
