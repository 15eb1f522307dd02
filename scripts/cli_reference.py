"""Write docs/cli.md, the reference of every ``kg`` command, from the typer app itself.

Run ``python scripts/cli_reference.py`` after changing a command; ``--check`` exits 1 when
the file is out of date (tests/test_cli_reference.py does the same), as sqlite-utils keeps
its CLI reference honest.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from kg.cli import app

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
# A fixed width, so the file does not depend on the terminal it was made in.
WIDTH = 88

_HEADER = """\
# `kg` command-line reference

Every command's `--help`, generated from the code by `python scripts/cli_reference.py`
(a test fails when this file is out of date). `kg COMMAND --help` prints the same.
"""


# Typer carries its own copy of click, so commands are typed loosely here rather than
# through typer's private module.
def _context(command: Any, name: str, parent: typer.Context | None) -> typer.Context:
    return typer.Context(
        command, info_name=name, parent=parent, terminal_width=WIDTH, max_content_width=WIDTH
    )


def commands() -> Iterator[tuple[str, Any, typer.Context]]:
    """Every command with its full name ("kg", "kg build", ...), groups before their
    subcommands, in the order ``kg --help`` lists them."""
    root = typer.main.get_command(app)
    stack: list[tuple[str, Any, typer.Context | None]] = [("kg", root, None)]
    while stack:
        name, command, parent = stack.pop(0)
        ctx = _context(command, name.rsplit(" ", 1)[-1], parent)
        yield name, command, ctx
        if hasattr(command, "list_commands"):  # a group
            subcommands = []
            for sub in command.list_commands(ctx):
                found = command.get_command(ctx, sub)
                if found is not None and not found.hidden:
                    subcommands.append((f"{name} {sub}", found, ctx))
            stack[0:0] = subcommands


def _anchor(name: str) -> str:
    return name.replace(" ", "-")


def render() -> str:
    """The whole reference as Markdown."""
    found = list(commands())
    lines = [_HEADER]
    lines += [f"- [`{name}`](#{_anchor(name)})" for name, _, _ in found]
    for name, command, ctx in found:
        lines += ["", f"## {name}", "", "```", command.get_help(ctx).rstrip(), "```"]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/cli.md is stale")
    args = parser.parse_args()
    text = render()
    if args.check:
        current = REFERENCE.read_text(encoding="utf-8") if REFERENCE.is_file() else ""
        if current != text:
            print(f"{REFERENCE} is out of date: run python scripts/cli_reference.py")
            return 1
        return 0
    REFERENCE.write_text(text, encoding="utf-8")
    print(f"Wrote {REFERENCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
