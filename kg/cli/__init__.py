"""The ``kg`` command line: a thin layer that parses arguments and calls the library.

Every module in this package registers its commands on ``kg.cli.app.app``; they are
all imported here, so a new command module needs no other wiring. Command modules keep
heavy imports inside the command functions, so ``kg --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil

from kg.cli.app import app

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module != "app":
        importlib.import_module(f"{__name__}.{_module}")


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
