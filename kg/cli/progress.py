"""The progress line of ``kg build``: stage, articles done and articles per second.

Drawn with rich (typer's own dependency) on stderr, and only when stderr is a terminal:
piped or logged output stays plain, and ``--quiet`` turns it off too.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

Progress = Callable[[str, int], None]

_STAGES = {"extracting": "reading and extracting", "linking": "linking", "graph": "graph"}


def _rate_column() -> ProgressColumn:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Articles per second over the last few seconds (rich keeps the samples)."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:.1f} articles/s", style="cyan")

    return RateColumn()


@contextlib.contextmanager
def build_progress(enabled: bool) -> Iterator[Progress | None]:
    """A callback for ``kg.build.build(on_progress=...)``, or None when off or not a TTY."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress as Bar
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Bar(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        TextColumn("{task.completed} articles"),
        _rate_column(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,  # the summary replaces it
    )
    task = bar.add_task(_STAGES["extracting"], total=None)

    def update(stage: str, articles: int) -> None:
        description = _STAGES.get(stage, stage)
        bar.update(task, advance=articles, description=description)

    with bar:
        yield update
