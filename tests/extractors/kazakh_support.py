"""Shared helpers for the Kazakh extractor tests: run ``kk.rules`` on a text, read results."""

from __future__ import annotations

from functools import cache

from kg.extractors.kazakh import KazakhRuleExtractor
from kg.iris import article_id
from kg.model import AgreementClaim, Article, EntityType, Extraction, RoleClaim


@cache
def extractor() -> KazakhRuleExtractor:
    """One extractor for the whole test session (its pipeline is built once)."""
    return KazakhRuleExtractor()


def extract(text: str, date: str | None = None) -> Extraction:
    """Run ``kk.rules`` on one made-up article."""
    article = Article(id=article_id(text), text=text, lang="kk", source_path="test.txt", date=date)
    return extractor().extract(article)


def names(extraction: Extraction, kind: EntityType) -> set[str]:
    """Canonical names of the mentions of one type."""
    return {m.name for m in extraction.mentions if m.type is kind}


def roles(extraction: Extraction) -> set[tuple[str, str, str | None]]:
    """(person, organisation, role) of every role claim, by canonical names."""
    m = extraction.mentions
    return {
        (m[c.person].name, m[c.organisation].name, c.role)
        for c in extraction.claims
        if isinstance(c, RoleClaim)
    }


def agreements(extraction: Extraction) -> list[AgreementClaim]:
    """The agreement claims, in order."""
    return [c for c in extraction.claims if isinstance(c, AgreementClaim)]


def parties(extraction: Extraction, claim: AgreementClaim) -> set[str]:
    """Canonical names of an agreement's parties."""
    return {extraction.mentions[p].name for p in claim.parties}
