"""The README's code runs: its Python blocks, each command of its command list, and the
``kg`` steps of its shell blocks (whose other steps, making a virtualenv and installing
the package, are checked against pyproject.toml rather than run).

As sqlite-utils does for its docs: a README whose examples have rotted is the first
thing a newcomer meets. Commands that serve forever (``kg serve``), need a second server
(``kg push``), the development corpus (``kg evaluate``) or stand for values of one's
own (``ID1``, ``DIR``, ``FILE``, ``"..."``) are checked for being real commands only.
"""

from __future__ import annotations

import re
import shlex
import shutil
import tomllib
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from kg.cli import app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
_BLOCK = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```", re.S | re.M)
_PLACEHOLDERS = re.compile(r"\b(ID1|ID2|ID|DIR|FILE)\b|\"\.\.\.\"")
_NOT_RUN = ("serve", "push", "evaluate")


def _blocks(lang: str) -> list[str]:
    return [m["body"] for m in _BLOCK.finditer(README) if m["lang"] == lang]


def _commands() -> list[str]:
    (listing,) = [b for b in _blocks("text") if b.startswith("kg build")]
    lines = [line.split("  #")[0].strip() for line in listing.splitlines()]
    return [line for line in lines if line]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out like a clone: examples/articles, and the build out/."""
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(REPO / "examples" / "articles", folder / "examples" / "articles")
    (folder / "my-query.rq").write_text(
        "SELECT ?p WHERE { ?p a foaf:Person } LIMIT 3\n", encoding="utf-8"
    )
    return folder


def test_the_command_list_is_there() -> None:
    assert len(_commands()) >= 15


@pytest.mark.parametrize("line", _commands())
def test_each_listed_command_runs(
    line: str, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = shlex.split(line)
    assert words[0] == "kg"
    group = typer.main.get_command(app)
    assert words[1] in group.commands, line  # type: ignore[attr-defined]
    if words[1] in _NOT_RUN or _PLACEHOLDERS.search(line):
        help_shown = CliRunner().invoke(app, [words[1], "--help"])
        assert help_shown.exit_code == 0
        for option in (w.split("=")[0] for w in words if w.startswith("--")):
            assert option in help_shown.output, (line, option)
        return
    monkeypatch.chdir(workdir)
    if words[1] != "build" and not (workdir / "out").is_dir():
        assert (
            CliRunner().invoke(app, ["build", "examples/articles", "--out", "out/"]).exit_code == 0
        )
    result = CliRunner().invoke(app, words[1:])
    assert result.exit_code == 0, (line, result.output)


def test_the_python_blocks_run(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _blocks("python")
    assert len(blocks) >= 2
    monkeypatch.chdir(workdir)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})  # our own README, nothing foreign


# The steps of the README's shell blocks that set up a clone rather than use civkg.
_SETUP = ("python3 -m venv .venv", ". .venv/bin/activate", "pytest")


def test_the_shell_blocks_set_up_a_clone_and_build(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = _blocks("bash")
    assert len(blocks) >= 2
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = set(project["optional-dependencies"])
    monkeypatch.chdir(workdir)
    built = 0
    for block in blocks:
        for step in (part.strip() for line in block.splitlines() for part in line.split("&&")):
            words = shlex.split(step)
            if words[0] == "kg":
                result = CliRunner().invoke(app, words[1:])
                assert result.exit_code == 0, (step, result.output)
                built += 1
            elif words[:2] == ["pip", "install"]:
                target = re.fullmatch(r"\.(?:\[(?P<extras>[\w,-]+)\])?", words[-1])
                assert target is not None, step  # this clone, with extras it declares
                assert set((target["extras"] or "").split(",")) - {""} <= extras, step
            else:
                assert step in _SETUP, step
    assert built >= 1
