"""Tests' one way to install a real extractor plug-in: a module and its dist-info on
``sys.path``, found through the ``civkg.extractors`` entry points like any package's
(spawned workers inherit the path, so they find it too)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.extractors import REGISTRY


@contextmanager
def extractor_plugin(
    folder: Path, monkeypatch: pytest.MonkeyPatch, module: str, source: str
) -> Iterator[Path]:
    """Install ``source`` as module ``module`` whose ``SPEC`` is an extractor entry point;
    yields the module's file and uninstalls it afterwards."""
    folder.mkdir()
    path = folder / f"{module}.py"
    path.write_text(source, encoding="utf-8")
    dist = folder / f"{module}-1.0.dist-info"
    dist.mkdir()
    name = module.replace("_", "-")
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        f"[civkg.extractors]\n{module} = {module}:SPEC\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(folder))
    REGISTRY.__dict__.pop("specs", None)  # re-read the entry points with the plug-in
    try:
        yield path
    finally:
        REGISTRY.__dict__.pop("specs", None)
        sys.modules.pop(module, None)
