"""Each kind of claim and fact carries what the stages ask of it, so none switches on type.

A new kind that lacks one of these fails here, not deep inside a build.
"""

from __future__ import annotations

from typing import get_args

import pytest

from kg.graph.bridge import article_graph
from kg.iris import entity_id
from kg.model import (
    Agreement,
    AgreementClaim,
    AgreementKind,
    Article,
    ArticleResult,
    BuildActivity,
    Claim,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Fact,
    Label,
    Mention,
    ParticipationClaim,
    RoleClaim,
)
from kg.pipeline import merge_extractions
from kg.resolve import resolve

TEXT = "Айгүл Сәрсенова, Жасыл Көпір қорының төрағасы, Дала форумына қатысты."
ARTICLE = Article("a1", TEXT, "kk", "kk/a1.txt", date="2025-03-01")
EVIDENCE = Evidence("a1", TEXT, 0, len(TEXT), "test")
ACTIVITY = BuildActivity("activity/test", "0", ("test",))


def _entity(kind: EntityType, name: str) -> Entity:
    return Entity(entity_id(kind.value, name), kind, Label(name, "kk"))


PERSON = _entity(EntityType.PERSON, "Айгүл Сәрсенова")
FUND = _entity(EntityType.ORGANISATION, "Жасыл Көпір")
OTHER = _entity(EntityType.ORGANISATION, "Ақ Жол")
FORUM = _entity(EntityType.EVENT, "Дала форумы")
BY_MENTION = {0: PERSON, 1: FUND, 2: FORUM, 3: OTHER}
CLAIMS: tuple[Claim, ...] = (
    RoleClaim(0, 1, "төраға", EVIDENCE),
    AgreementClaim((1, 3), AgreementKind.MEMORANDUM, None, EVIDENCE),
    ParticipationClaim(0, 2, EVIDENCE),
)


def test_every_claim_kind_is_covered() -> None:
    assert {type(c) for c in CLAIMS} == set(get_args(Claim))


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: type(c).__name__)
def test_a_claim_resolves_to_a_fact_naming_its_entities(claim: Claim) -> None:
    fact = claim.resolved(BY_MENTION, ARTICLE)
    assert fact is not None and type(fact) in get_args(Fact)
    assert set(fact.entity_ids) <= {e.id for e in BY_MENTION.values()}
    assert claim.shifted(10).resolved({k + 10: v for k, v in BY_MENTION.items()}, ARTICLE) == fact
    assert claim.resolved({}, ARTICLE) is None


def test_an_agreement_takes_the_article_date_and_needs_two_parties() -> None:
    fact = CLAIMS[1].resolved(BY_MENTION, ARTICLE)
    assert isinstance(fact, Agreement) and fact.date == "2025-03-01"
    assert CLAIMS[1].resolved({1: FUND}, ARTICLE) is None


def test_a_membership_needs_a_person() -> None:
    assert RoleClaim(1, 3, None, EVIDENCE).resolved(BY_MENTION, ARTICLE) is None


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: type(c).__name__)
def test_a_fact_is_repointed_and_given_evidence(claim: Claim) -> None:
    fact = claim.resolved(BY_MENTION, ARTICLE)
    assert fact is not None
    assert fact.repointed({e.id: e for e in BY_MENTION.values()}) == fact
    merged = _entity(EntityType.ORGANISATION, "Жасыл Көпір қоры")
    moved = fact.repointed({**{e.id: e for e in BY_MENTION.values()}, FUND.id: merged})
    assert (FUND.id in fact.entity_ids) == (moved.id != fact.id)
    assert (FUND.id in fact.entity_ids) == (merged.id in moved.entity_ids)
    assert fact.with_evidence(()).evidence == () and fact.with_evidence(()).id == fact.id


def test_every_fact_kind_becomes_rdf() -> None:
    facts = tuple(f for c in CLAIMS if (f := c.resolved(BY_MENTION, ARTICLE)) is not None)
    assert {type(f) for f in facts} == set(get_args(Fact))
    result = ArticleResult(ARTICLE, tuple(BY_MENTION.values()), facts)
    graph = article_graph(result, activity=ACTIVITY, base="https://example.org/id/")
    subjects = {str(s) for s in graph.subjects()}
    assert all("https://example.org/id/" + f.id in subjects for f in facts)


def test_merged_extractions_point_at_the_same_mentions() -> None:
    mention = Mention(EntityType.PERSON, "Айгүл Сәрсенова", 0, 15, "Айгүл Сәрсенова", "test")
    org = Mention(EntityType.ORGANISATION, "Жасыл Көпір", 17, 28, "Жасыл Көпір", "test")
    one = Extraction(ARTICLE, (mention, org), (RoleClaim(0, 1, "төраға", EVIDENCE),))
    merged = merge_extractions(ARTICLE, [one, one])
    assert merged.claims[1] == RoleClaim(2, 3, "төраға", EVIDENCE)
    assert resolve(merged).facts == resolve(one).facts
