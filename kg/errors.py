"""One root exception, one subclass per stage that can fail.

The CLI turns any ``KGError`` into a one-line message and an exit code; messages say
what went wrong, where, and how to fix it.
"""

from __future__ import annotations


class KGError(Exception):
    """Root of every error civkg raises on purpose."""

    exit_code = 1


class UsageError(KGError):
    """The caller asked for something that cannot be done as asked."""

    exit_code = 2


class InputError(KGError):
    """An article file or folder could not be read."""


class ExtractionError(KGError):
    """An extractor failed or could not be loaded."""


class UnknownPluginError(UsageError):
    """A registry was asked for a name it does not have."""

    def __init__(self, kind: str, name: str, known: list[str]) -> None:
        listing = ", ".join(sorted(known)) or "none"
        super().__init__(f"unknown {kind} {name!r}; known {kind}s: {listing}")


class GraphError(KGError):
    """A graph file could not be read, or a query could not run."""


class ExportError(KGError):
    """An output file could not be written."""
