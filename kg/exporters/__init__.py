"""Exporters: named plug-ins that write a build's outputs (graph files, map, report).

Built-ins are listed here by name and imported on first use; third-party packages add
their own through the ``civkg.exporters`` entry-point group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from kg.atomic import write_atomic
from kg.errors import ExportError
from kg.exporters.base import Exporter, installed
from kg.plugins import Registry


@dataclass(frozen=True, slots=True)
class ExporterSpec:
    name: str
    target: str  # "module:callable" returning an Exporter
    description: str
    #: A module the exporter needs that civkg does not install by itself; without it the
    #: format is left out of the defaults (asking for it by name says what to install).
    requires: str = ""


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
    ExporterSpec(
        "tables", "kg.exporters.tables:TablesExporter", "nodes.csv, edges.csv (+ .parquet)"
    ),
    ExporterSpec(
        "ftm",
        "kg.exporters.ftm:FtmExporter",
        "graph.ftm.json: FollowTheMoney entities",
        requires="followthemoney",
    ),
    ExporterSpec("html", "kg.exporters.html:HtmlMapExporter", "map.html: interactive network map"),
    ExporterSpec("report", "kg.exporters.report:ReportExporter", "report.json: counts, timing"),
    ExporterSpec("store", "kg.exporters.store:StoreExporter", "store/: embedded SPARQL store"),
)

#: Every built-in format; ``default_formats()`` is what ``kg build`` writes by default.
DEFAULT_FORMATS: tuple[str, ...] = tuple(spec.name for spec in _BUILTIN)


def default_formats() -> tuple[str, ...]:
    """The built-in formats whose optional requirement (if any) is installed."""
    return tuple(spec.name for spec in _BUILTIN if not spec.requires or installed(spec.requires))


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
    "default_formats",
    "exporter_specs",
    "installed",
    "load_exporter",
    "write_atomic",
]
