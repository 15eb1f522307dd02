"""Kazakh nouns that look inflected (``kg/lang/kk/nominal_stems.txt``) and the script behind them.

The shipped list must be what ``scripts/build_kk_stems.py`` writes from KazNERD, byte
for byte; the rules read the listed words as nominative.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kg.lang.kk import lexicon
from tests.conftest import REPO

KAZNERD = REPO.parent / "shared" / "data" / "kaznerd"
SHIPPED = REPO / "kg" / "lang" / "kk" / "nominal_stems.txt"

sys.path.insert(0, str(REPO / "scripts"))
from build_kk_stems import nominal_stems  # noqa: E402


def test_a_noun_attested_with_endings_of_its_own_is_listed() -> None:
    counts = Counter(
        {
            "тамда": 5,  # a made-up noun ending like a locative, then inflected itself
            "тамданың": 2,
            "тамдаға": 1,
            "тамдасы": 1,
            "үйде": 9,  # a real locative: no ending is ever put on top of it
            "үйдегі": 3,
        }
    )
    assert nominal_stems(counts) == ["тамда"]


def test_a_listed_noun_is_read_as_nominative() -> None:
    assert "сауда" in lexicon.NOMINAL_STEMS


def test_rebuilding_writes_the_shipped_list(tmp_path: Path) -> None:
    if not KAZNERD.is_dir():
        pytest.skip(f"KazNERD is not at {KAZNERD} (../shared/data/kaznerd)")
    out = tmp_path / "stems.txt"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_kk_stems.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == SHIPPED.read_bytes()
