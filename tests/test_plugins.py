"""Plug-in registries: built-ins, entry points from installed packages, clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.errors import ExportError, KGError, UnknownPluginError
from kg.exporters import _BUILTIN, ExporterSpec, load_exporter
from kg.extractors import load_extractor
from kg.plugins import Registry


def test_unknown_names_list_the_known_ones() -> None:
    with pytest.raises(UnknownPluginError) as error:
        load_extractor("xx.magic")
    assert "kk.rules" in str(error.value) and "ru.natasha" in str(error.value)
    with pytest.raises(UnknownPluginError) as error:
        load_exporter("xlsx")
    assert "turtle" in str(error.value)


def test_a_broken_target_is_a_one_line_error() -> None:
    registry = Registry(
        "format",
        [ExporterSpec("bad", "kg.no_such_module:Thing", "")],
        "civkg.none",
        ExporterSpec,
        ExportError,
    )
    with pytest.raises(ExportError, match="format 'bad' could not be loaded"):
        registry.create("bad")


def test_an_installed_package_adds_an_exporter_by_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "civkg_demo_plugin.py").write_text(
        "from kg.exporters import ExporterSpec\n"
        "SPEC = ExporterSpec('demo', 'civkg_demo_plugin:Demo', 'a demo')\n"
        "class Demo:\n"
        "    name = 'demo'\n",
        encoding="utf-8",
    )
    dist = tmp_path / "civkg_demo_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: civkg-demo-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[civkg.exporters]\ndemo = civkg_demo_plugin:SPEC\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry: Registry[ExporterSpec] = Registry(
        "format", _BUILTIN, "civkg.exporters", ExporterSpec, ExportError
    )
    assert "demo" in registry.specs and "turtle" in registry.specs
    assert type(registry.create("demo")).__name__ == "Demo"
    sys.modules.pop("civkg_demo_plugin", None)


def test_errors_share_one_root() -> None:
    assert issubclass(UnknownPluginError, KGError)


def test_an_entry_point_of_the_wrong_type_is_an_error_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "civkg_wrong_plugin.py").write_text(
        "SPEC = ('demo', 'civkg_wrong_plugin:Demo')\n", encoding="utf-8"
    )
    dist = tmp_path / "civkg_wrong_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: civkg-wrong-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[civkg.test-wrong]\ndemo = civkg_wrong_plugin:SPEC\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry: Registry[ExporterSpec] = Registry(
        "format", _BUILTIN, "civkg.test-wrong", ExporterSpec, ExportError
    )
    with pytest.raises(ExportError, match="gives a 'tuple' where a 'ExporterSpec' is expected"):
        registry.create("turtle")
