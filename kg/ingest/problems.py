"""The signal a reader raises when one file or line cannot become an article."""

from __future__ import annotations

from kg.errors import InputError


class UnreadableError(InputError):
    """This file (or JSONL line) is skipped; ``read_articles`` turns it into a ``Problem``."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
