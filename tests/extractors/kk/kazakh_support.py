"""Shared helpers for the Kazakh extractor tests: run ``kk.rules`` on a text, read results."""

from __future__ import annotations

from functools import cache

from kg.extractors.kk import KazakhRuleExtractor
from kg.model import AgreementClaim, Extraction
from tests.extractors.extraction_support import agreements, article, names, party_names, roles

__all__ = ["agreements", "extract", "extractor", "names", "parties", "roles"]


@cache
def extractor() -> KazakhRuleExtractor:
    """One extractor for the whole test session (its pipeline is built once)."""
    return KazakhRuleExtractor()


def extract(text: str, date: str | None = None) -> Extraction:
    """Run ``kk.rules`` on one made-up article."""
    return extractor().extract(article(text, "kk", date=date))


def parties(extraction: Extraction, claim: AgreementClaim) -> set[str]:
    """Canonical names of an agreement's parties."""
    return set(party_names(extraction, claim))
