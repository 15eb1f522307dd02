"""notebooks/explore.ipynb runs top to bottom, so it cannot silently rot."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "explore.ipynb"


def test_explore_notebook_runs(examples_dir: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from kg.build import build
    from kg.errors import ExtractionError

    try:
        build([examples_dir / "kk-zhasyl-dala-2024.txt"])
    except ExtractionError as exc:  # the extractors are still being wired in
        pytest.skip(f"the example build does not run yet: {exc}")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=240,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(str(o.get("text", "")) for o in outputs)
    assert "triples" in text and "quads in the store" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)
