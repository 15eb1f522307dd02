"""The typer app every ``kg`` command registers on, and KGError -> exit code handling."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
import typer.core

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


class KgCommand(typer.core.TyperCommand):
    """A command whose help names its values the way people write them, as click does:
    ``kg build [OPTIONS] PATH...``, ``PATH...  Article files ...``, ``--out DIR``, never
    typer's type names (``{PATH}...``, ``PATH <list[Path]>``, ``--out <path>``).

    Every option that takes a value gives its ``metavar`` (tests/test_cli_experience.py
    checks each command's help); an argument is shown by its metavar, ``...`` when it
    takes several, in brackets when it may be left out.
    """

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_argument_name(param), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _argument_name(param: Any) -> str:
    name = str(param.metavar or param.name.upper())
    return f"{name}..." if param.nargs != 1 else name


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


#: What a debug line looks like on stderr: ``kg: DEBUG kg.build: extracted 3 articles ...``.
LOG_FORMAT = "kg: %(levelname)s %(name)s: %(message)s"


def debug_logging() -> Callable[[], None]:
    """Send the library's log (the ``kg`` logger), debug lines included, to stderr.

    Returns what undoes it, so a command run in-process (tests, notebooks) leaves the
    logging set-up as it found it. Other libraries' loggers are left alone.
    """
    logger = logging.getLogger("kg")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)

    def undo() -> None:
        logger.removeHandler(handler)
        logger.setLevel(level)

    return undo


@app.callback()
def _main(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            help="Log what the library does, debug lines included, on stderr "
            "(kg --verbose build ...).",
        ),
    ] = False,
) -> None:
    """Build knowledge graphs of civil-society networks from kk/ru/en news articles."""
    if verbose:
        ctx.call_on_close(debug_logging())
