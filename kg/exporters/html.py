"""map.html: the interactive network map, one self-contained file that works offline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.atomic import write_atomic
from kg.exporters.map.page import MapOptions
from kg.exporters.map.render import render_map

if TYPE_CHECKING:
    from kg.exporters.base import Build


class HtmlMapExporter:
    """Writes ``map.html`` (see ``kg.exporters.map``): search, filters, evidence panel, exports."""

    name = "html"
    description = "map.html: interactive network map of people, organisations, agreements"

    def export(self, build: Build, out_dir: Path) -> list[Path]:

        page = render_map(build.graph, options=MapOptions(base=build.base))
        return [write_atomic(out_dir / "map.html", page)]
