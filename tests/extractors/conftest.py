"""Fixtures the extractor tests share."""

from __future__ import annotations

import pytest

from kg.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The whole pipeline (every extractor and the relation stage), loaded once a module."""
    return Pipeline()
