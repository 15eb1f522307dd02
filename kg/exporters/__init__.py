"""Exporters: named plug-ins that write a build's outputs (graph files, map, report).

Built-ins are listed here by name and imported on first use; third-party packages add
their own through the ``civkg.exporters`` entry-point group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from kg.errors import ExportError
from kg.exporters.base import Exporter, write_atomic
from kg.plugins import Registry


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
    ExporterSpec(
        "jsonld",
        "kg.exporters.rdf:JsonLdExporter",
        "graph.jsonld (self-contained) + context.jsonld",
    ),
    ExporterSpec(
        "graphml", "kg.exporters.network:GraphmlExporter", "graph.graphml for Gephi/yEd/Cytoscape"
    ),
    ExporterSpec("gexf", "kg.exporters.network:GexfExporter", "graph.gexf (GEXF 1.3) for Gephi"),
    ExporterSpec("html", "kg.exporters.html:HtmlMapExporter", "map.html: interactive network map"),
    ExporterSpec("report", "kg.exporters.report:ReportExporter", "report.json: counts, timing"),
    ExporterSpec("store", "kg.exporters.store:StoreExporter", "store/: embedded SPARQL store"),
)

#: What ``kg build`` writes when ``--format`` is not given.
DEFAULT_FORMATS: tuple[str, ...] = tuple(spec.name for spec in _BUILTIN)


REGISTRY: Registry[ExporterSpec] = Registry(
    "format", _BUILTIN, "civkg.exporters", ExporterSpec, ExportError
)


def exporter_specs() -> list[ExporterSpec]:
    """All registered exporters, in registration order."""
    return list(REGISTRY.specs.values())


def load_exporter(name: str) -> Exporter:
    """Instantiate the exporter registered as ``name``."""
    exporter = REGISTRY.create(name)
    return cast(Exporter, exporter)


__all__ = [
    "DEFAULT_FORMATS",
    "Exporter",
    "ExporterSpec",
    "exporter_specs",
    "load_exporter",
    "write_atomic",
]
