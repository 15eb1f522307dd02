"""Exporters: named plug-ins that write a build's outputs (graph files, map, report).

Built-ins are listed here by name and imported on first use; third-party packages add
their own through the ``civkg.exporters`` entry-point group.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points

from kg.errors import ExportError, UnknownPluginError
from kg.exporters.base import Exporter, write_atomic


@dataclass(frozen=True, slots=True)
class ExporterSpec:
    name: str
    target: str  # "module:callable" returning an Exporter
    description: str


_BUILTIN: tuple[ExporterSpec, ...] = (
    ExporterSpec("turtle", "kg.exporters.rdf:TurtleExporter", "graph.ttl: the merged graph"),
    ExporterSpec(
        "trig", "kg.exporters.rdf:TrigExporter", "graph.trig: one named graph per article"
    ),
    ExporterSpec("jsonld", "kg.exporters.rdf:JsonLdExporter", "graph.jsonld + context.jsonld"),
    ExporterSpec("graphml", "kg.exporters.network:GraphmlExporter", "graph.graphml for Gephi/yEd"),
    ExporterSpec("gexf", "kg.exporters.network:GexfExporter", "graph.gexf for Gephi"),
    ExporterSpec("html", "kg.exporters.html:HtmlMapExporter", "map.html: interactive network map"),
    ExporterSpec("report", "kg.exporters.report:ReportExporter", "report.json: counts, timing"),
    ExporterSpec("store", "kg.exporters.store:StoreExporter", "store/: embedded SPARQL store"),
)

#: What ``kg build`` writes when ``--format`` is not given.
DEFAULT_FORMATS: tuple[str, ...] = tuple(spec.name for spec in _BUILTIN)


@cache
def _specs() -> dict[str, ExporterSpec]:
    specs = {spec.name: spec for spec in _BUILTIN}
    for entry in entry_points(group="civkg.exporters"):
        spec = entry.load()
        if isinstance(spec, ExporterSpec):
            specs[spec.name] = spec
    return specs


def exporter_specs() -> list[ExporterSpec]:
    """All registered exporters, in registration order."""
    return list(_specs().values())


def load_exporter(name: str) -> Exporter:
    """Instantiate the exporter registered as ``name``."""
    spec = _specs().get(name)
    if spec is None:
        raise UnknownPluginError("format", name, list(_specs()))
    module_name, _, attr = spec.target.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ExportError(f"exporter {name!r} could not be loaded: {exc}") from exc
    exporter: Exporter = factory()
    return exporter


__all__ = [
    "DEFAULT_FORMATS",
    "Exporter",
    "ExporterSpec",
    "exporter_specs",
    "load_exporter",
    "write_atomic",
]
