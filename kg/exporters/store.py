"""store/: the build's dataset in an embedded Oxigraph store, for fast ``kg query``/``serve``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ExportError, GraphError
from kg.sparql.store import STORE_DIR, write_store

if TYPE_CHECKING:
    from kg.exporters.base import Build


class StoreExporter:
    name = "store"
    description = "store/: embedded SPARQL store (Oxigraph) for kg query and kg serve"

    def export(self, build: Build, out_dir: Path) -> list[Path]:

        try:
            # The build's store already holds one named graph per article and their
            # union as the default graph, which is what queries see: a copy will do.
            return [write_store(None, out_dir / STORE_DIR, copy_of=build.store)]
        except GraphError as exc:
            raise ExportError(str(exc)) from exc
