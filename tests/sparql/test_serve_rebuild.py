"""``kg serve`` while ``kg build`` rebuilds its folder: it follows the new build and says
which build answered (a real server subprocess, real builds)."""

from __future__ import annotations

from pathlib import Path

import httpx

from kg.build import build
from kg.output_folder import current_set
from kg.sparql.server import BUILD_HEADER
from tests.sparql.endpoint_helpers import kg_serve

ARTICLES = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?a civ:sourcePath ?p }"
TEXT = "Қазақстанның Азаматтық альянсы төрағасы Айгүл Сәрсенова Алматыда форум өткізді.\n"


def _articles(url: str) -> tuple[int, str]:
    response = httpx.get(url, params={"query": ARTICLES}, timeout=60)
    assert response.status_code == 200, response.text
    count = int(response.json()["results"]["bindings"][0]["n"]["value"])
    return count, response.headers[BUILD_HEADER]


def test_serve_follows_a_rebuild_and_names_the_build(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "kk-a.txt").write_text(f"A. {TEXT}", encoding="utf-8")
    out = tmp_path / "out"
    build([corpus], out_dir=out, formats=["store"], jobs=1)
    first = current_set(out)
    assert first is not None
    with kg_serve(out, "--workers", "2", "--timeout", "30") as served:
        assert _articles(served.url) == (1, first.name)
        (corpus / "kk-b.txt").write_text(f"B. {TEXT}", encoding="utf-8")
        build([corpus], out_dir=out, formats=["store"], jobs=1)
        second = current_set(out)
        assert second is not None and second != first
        # Every answer after the switch comes from the new build, from any worker.
        for _ in range(4):
            assert _articles(served.url) == (2, second.name)
        # A third build retires the first set; the server never used it again.
        build([corpus], out_dir=out, formats=["store"], jobs=1)
        third = current_set(out)
        assert third is not None
        assert not (first / "store").exists()
        assert _articles(served.url) == (2, third.name)
