"""Shared helpers for the extractor tests: a made-up article, and an extraction's findings
read by canonical name."""

from __future__ import annotations

from kg.iris import article_id
from kg.model import (
    AgreementClaim,
    Article,
    EntityType,
    Extraction,
    Membership,
    Mention,
    RoleClaim,
)
from kg.pipeline import Pipeline


def article(text: str, lang: str, *, title: str | None = None, date: str | None = None) -> Article:
    """One made-up article of ``lang``."""
    return Article(
        id=article_id(text), text=text, lang=lang, source_path="test.txt", title=title, date=date
    )


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


def party_names(extraction: Extraction, claim: AgreementClaim) -> frozenset[str]:
    """Canonical names of an agreement's parties."""
    return frozenset(extraction.mentions[p].name for p in claim.parties)


def events(extraction: Extraction) -> list[Mention]:
    """The event mentions, in order."""
    return [m for m in extraction.mentions if m.type is EntityType.EVENT]


def posts(pipeline: Pipeline, text: str, lang: str) -> set[tuple[str, str, str | None]]:
    """(person, organisation, role) of every membership the whole pipeline states."""
    result = next(pipeline.pipe([article(text, lang)]))
    names = {e.id: e.name.text for e in result.entities}
    return {
        (names[f.person], names[f.organisation], f.role.text if f.role else None)
        for f in result.facts
        if isinstance(f, Membership)
    }
