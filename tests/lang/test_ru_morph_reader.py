"""pymorphy3 reads its dictionaries through the C DAWG reader the package depends on."""

from __future__ import annotations


def test_pymorphy_uses_the_compiled_dawg_reader() -> None:
    # Without it pymorphy3 silently falls back to pure Python, three times slower.
    import pymorphy3.dawg  # type: ignore[import-untyped]

    assert pymorphy3.dawg.EXTENSION_AVAILABLE
