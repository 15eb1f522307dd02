"""The typer app every ``kg`` command registers on, and KGError -> exit code handling."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

import typer

from kg import __version__
from kg.errors import KGError

app = typer.Typer(
    name="kg",
    help="Build knowledge graphs of civil-society networks from kk/ru/en news articles.\n\n"
    "Example: kg build examples/articles --out out/",
    no_args_is_help=True,
    add_completion=True,  # typer's --install-completion / --show-completion
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")


def fails_cleanly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a KGError into one line on stderr and the error's exit code (1 or 2)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except KGError as error:
            typer.echo(f"kg: error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"civkg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """Build knowledge graphs of civil-society networks from kk/ru/en news articles."""
