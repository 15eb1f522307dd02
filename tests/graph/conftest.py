"""Fixtures for the RDF bridge tests: the hand-built sample articles as graphs."""

from __future__ import annotations

import pytest
from graph_sample import BASE, sample_activity, sample_results
from rdflib import Dataset, Graph

from kg.graph.bridge import to_dataset
from kg.model import ArticleResult, BuildActivity


@pytest.fixture
def results() -> tuple[ArticleResult, ...]:
    return sample_results()


@pytest.fixture
def activity() -> BuildActivity:
    return sample_activity()


@pytest.fixture
def built(results: tuple[ArticleResult, ...], activity: BuildActivity) -> tuple[Dataset, Graph]:
    return to_dataset(results, activity=activity, base=BASE)


@pytest.fixture
def graph(built: tuple[Dataset, Graph]) -> Graph:
    return built[1]
