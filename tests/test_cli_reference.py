"""docs/cli.md is generated from the typer app, documents every command and is current.

As sqlite-utils does for its CLI reference: when a command, option or help text changes,
this fails until ``python scripts/cli_reference.py`` is run and the file committed.
"""

from __future__ import annotations

import re

from typer.testing import CliRunner

from kg.cli import app
from scripts.cli_reference import REFERENCE, commands, render


def test_the_reference_is_up_to_date() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == render(), (
        "docs/cli.md is out of date: run python scripts/cli_reference.py"
    )


def test_every_command_is_documented_with_help_and_an_example() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    documented = re.findall(r"^## (kg(?: \S+)*)$", text, flags=re.MULTILINE)
    names = [name for name, _, _ in commands()]
    assert documented == names
    listed = CliRunner().invoke(app, ["--help"]).output
    top_level = re.findall(r"^  (\S+)  ", listed.split("Commands:")[1], flags=re.MULTILINE)
    assert sorted(top_level) == sorted(n.split()[1] for n in names if n != "kg")
    for name, command, _ in commands():
        assert (command.help or "").strip(), f"{name} has no help text"
        assert "Example: " in command.help, f"{name} --help shows no example"
