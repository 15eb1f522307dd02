"""``kg build`` for a person at a terminal: progress on stderr, next steps, --verbose."""

from __future__ import annotations

import json
import logging
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from kg import __version__
from kg.cli import app

runner = CliRunner()
# Made-up people and bodies; no corpus text.
ARTICLE = (
    "Marta Olwen, chair of the Lindenfield Rowing Association, signed a memorandum with "
    "the Harbour Youth Council on Tuesday.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "en-rowing.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _build(*args: str, stderr: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", "build", *args],
        capture_output=stderr is None,
        stderr=stderr,
        stdout=subprocess.PIPE if stderr is not None else None,
        text=True,
        timeout=600,
    )


def test_summary_suggests_the_next_commands(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(article), "--out", str(out)])
    assert result.exit_code == 0, result.output
    hint = result.output.strip().splitlines()[-1]
    assert hint.startswith("Next: ")
    assert f"kg query {out} --list" in hint and f"kg serve {out}" in hint
    assert str(out / "map.html") in hint


def test_only_written_outputs_are_suggested(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(article), "--out", str(out), "-f", "turtle"])
    assert result.exit_code == 0, result.output
    assert "map.html" not in result.output and "kg serve" not in result.output
    assert f"kg query {out} --list" in result.output


def test_verbose_prints_each_stage(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(article), "-o", str(out), "-f", "turtle", "-v"])
    assert result.exit_code == 0, result.output
    for stage in ("extract", "link", "graph", "turtle"):
        assert any(line.split()[:1] == [stage] for line in result.output.splitlines()), stage


def test_no_progress_bar_when_stderr_is_not_a_terminal(article: Path, tmp_path: Path) -> None:
    result = _build(str(article), "--out", str(tmp_path / "out"), "-f", "turtle")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # nothing but problems would go there
    assert "Read 1 articles" in result.stdout


def _run_on_a_terminal(*args: str) -> tuple[int, str]:
    """Run ``kg build ARGS`` with stderr on a pseudo-terminal; return its code and output."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", *args],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    os.close(leader)
    return process.wait(timeout=60), seen.decode("utf-8", errors="replace")


def test_progress_bar_on_a_terminal_and_not_with_quiet(article: Path, tmp_path: Path) -> None:
    code, shown = _run_on_a_terminal(str(article), "-o", str(tmp_path / "a"), "-f", "turtle")
    assert code == 0, shown
    assert "reading and extracting" in shown and "writing turtle" in shown, shown
    assert "1 articles" in shown
    quiet_code, quiet = _run_on_a_terminal(
        str(article), "-o", str(tmp_path / "b"), "-f", "turtle", "--quiet"
    )
    assert quiet_code == 0 and quiet.strip() == "", quiet


def test_version_and_help_name_the_arguments() -> None:
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.strip() == f"civkg {__version__}"
    shown = runner.invoke(app, ["build", "--help"]).output
    assert "Usage: kg build [OPTIONS] PATH...\n" in shown
    assert re.search(r"^  PATH\.\.\.  Article files", shown, re.M), shown
    assert "-o, --out DIR " in shown and "-j, --jobs N " in shown
    query = runner.invoke(app, ["query", "--help"]).output
    assert "Usage: kg query [OPTIONS] [PATH] [QUERY]\n" in query
    assert "-p, --param NAME=VALUE " in query and "--output [table|csv|" in query


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _commands())
def test_help_shows_no_type_names(command: str) -> None:
    """No ``<list[Path]>``, ``<path>``, ``<int range>`` or ``{PATH}``: what a person would
    write in their place (``PATH...``, ``DIR``, ``N``)."""
    shown = runner.invoke(app, [command, "--help"], terminal_width=200).output
    assert shown.startswith(f"Usage: kg {command} [OPTIONS]"), shown
    assert not re.search(r"<[a-z][a-z\[\] |]*>|\{[A-Za-z_]+\}", shown), shown
    group = typer.main.get_command(app)
    params = group.commands[command].params  # type: ignore[attr-defined]
    for param in params:
        takes_a_value = param.param_type_name == "argument" or not param.is_flag
        if takes_a_value and not param.hidden:
            assert param.metavar, (command, param.name)  # a name chosen, not typer's


def test_verbose_turns_on_the_librarys_debug_log(article: Path, tmp_path: Path) -> None:
    # Without it stderr stays empty: test_no_progress_bar_when_stderr_is_not_a_terminal.
    command = ["--verbose", "build", str(article), "-o", str(tmp_path / "out"), "-f", "turtle"]
    loud = subprocess.run(
        [sys.executable, "-m", "kg", *command],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert loud.returncode == 0, loud.stderr
    debug = [line for line in loud.stderr.splitlines() if line.startswith("kg: DEBUG kg.")]
    assert "kg: DEBUG kg.ingest.articles: reading en-rowing.txt (read_text)" in debug
    assert any(line.startswith("kg: DEBUG kg.build: wrote turtle in ") for line in debug)
    assert loud.stdout.startswith("Read 1 articles")  # the summary stays on stdout


def test_verbose_in_process_leaves_logging_as_it_was(article: Path, tmp_path: Path) -> None:
    logger = logging.getLogger("kg")
    before = (list(logger.handlers), logger.level)
    result = runner.invoke(
        app, ["--verbose", "build", str(article), "-o", str(tmp_path / "out"), "-f", "turtle"]
    )
    assert result.exit_code == 0, result.output
    assert "kg: DEBUG kg.build: building from " in result.stderr
    assert (list(logger.handlers), logger.level) == before


def test_shell_completion_completes_commands_and_choices() -> None:
    def complete(words: str) -> list[str]:
        env = {
            **os.environ,
            "_KG_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
        # The installed console script: completion is keyed to the program's name.
        script = Path(sys.executable).with_name("kg")
        done = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60)
        return done.stdout.split()

    assert complete("kg bu") == ["build"]
    assert "jsonl" in complete("kg query out/ --output ")
    assert "--install-completion" in runner.invoke(app, ["--help"]).output


def test_an_output_folder_inside_the_input_is_never_read(article: Path) -> None:
    folder = article.parent
    out = folder / "out"
    for _ in range(2):  # the second build finds the first one's map.html in the input
        result = runner.invoke(app, ["build", str(folder), "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert "Read 1 articles (0 skipped" in result.output
    report = (out / "report.json").read_text(encoding="utf-8")
    assert "map.html" not in report


def test_a_url_seen_with_another_text_is_kept_and_named_on_stderr(tmp_path: Path) -> None:
    url = "https://example.org/rowing"
    records = [
        {"url": url, "text": ARTICLE},
        {"url": url, "text": ARTICLE.replace("on Tuesday", "on Friday, a day later")},
    ]
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = _build(str(feed), "--out", str(tmp_path / "out"), "-f", "turtle")
    assert result.returncode == 0, result.stderr
    assert "Read 2 articles (0 skipped" in result.stdout
    said = f"feed.jsonl:2: url {url!r} is also the url of feed.jsonl#L1, whose text differs"
    assert said in result.stderr, result.stderr
