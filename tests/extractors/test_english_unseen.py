"""English failure classes seen on a second set of unseen sites (round 2), pinned on
hand-written sentences. Every name here is made up; each test pins one pattern."""

from __future__ import annotations

from kg.extractors.english import EnglishExtractor
from kg.iris import article_id
from kg.model import Article, EntityType, Extraction, RoleClaim


def _extract(text: str) -> Extraction:
    article = Article(id=article_id(text), text=text, lang="en", source_path="test.txt")
    return next(EnglishExtractor().pipe([article]))


def _names(text: str, kind: EntityType) -> set[str]:
    return {m.name for m in _extract(text).mentions if m.type is kind}


def _roles(text: str) -> set[tuple[str, str, str | None]]:
    extraction = _extract(text)
    m = extraction.mentions
    return {
        (m[c.person].name, m[c.organisation].name, c.role)
        for c in extraction.claims
        if isinstance(c, RoleClaim)
    }


def test_two_initials_keep_the_first_when_the_second_is_a() -> None:
    # "A." is an initial there, not the article "a"
    text = "The hall was opened in 2008 by the President of Kazakhstan N. A. Temirov."
    assert _names(text, EntityType.PERSON) == {"N. A. Temirov"}


def test_a_title_of_a_country_then_the_person() -> None:
    # the country closes the title; it is no organisation of its own
    text = "The hall was opened by the President of Kazakhstan Aidos Temirov."
    assert _names(text, EntityType.PERSON) == {"Aidos Temirov"}
    assert _names(text, EntityType.ORGANISATION) == set()
