"""Linking across articles: one node per actor, however many articles and scripts name it.

Resolution (kg.resolve) works inside one article. Here the whole build is seen at once:
entities with the same id are unified (one preferred label, every spelling as an alias),
and people whose names are transliterations of each other (Нұрғазиева / Нургазиева /
Nurgazieva) become one node. Matching needs the whole name — first name and surname —
so two people who only share a surname are never merged.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from kg.iris import name_key
from kg.model import (
    Agreement,
    ArticleResult,
    Entity,
    EntityType,
    Evidence,
    Fact,
    Label,
    Membership,
    Participation,
)
from kg.resolve import agreement_id, membership_id, participation_id, with_evidence
from kg.translit import to_ascii

#: When spellings in several languages compete for the preferred label, this order wins,
#: so adding a Russian article never renames a node first seen in Kazakh.
_LANGUAGE_PRIORITY = {"kk": 0, "ru": 1, "en": 2}


def _fold(word: str) -> str:
    """Fold the spelling differences of Cyrillic-to-Latin romanisations of one name."""
    word = word.replace("dzh", "j").replace("zh", "j").replace("kh", "h").replace("y", "i")
    word = re.sub(r"(.)\1+", r"\1", word)  # Issabayev / Исабаев
    word = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", word)  # Bayev / Баев
    return re.sub(r"^ie", "e", word)  # Yelena / Елена


def person_key(name: str) -> str | None:
    """Script-independent key of a full personal name; None for a single word."""
    words = [_fold(word) for word in to_ascii(name).replace("-", " ").split()]
    if len(words) < 2:
        return None
    return " ".join(sorted(words))


def _preferred(labels: Iterable[tuple[Label, int]]) -> Label:
    """The label to show: highest-priority language, then most used, then alphabetical."""
    counts: Counter[Label] = Counter()
    for label, weight in labels:
        counts[label] += weight
    return min(
        counts,
        key=lambda lb: (_LANGUAGE_PRIORITY.get(lb.lang, 9), -counts[lb], lb.text, lb.lang),
    )


def _merge(entities: Sequence[Entity], new_id: str, name: Label) -> Entity:
    labels = {e.name for e in entities} | {a for e in entities for a in e.aliases}
    # One alias per spelling and language; the preferred label's text is not an alias
    # in its own language.
    aliases = sorted(
        (lb for lb in labels if not (lb.text == name.text and lb.lang == name.lang)),
        key=lambda lb: (lb.lang, lb.text),
    )
    classes = Counter(e.org_class for e in entities if e.org_class is not None)
    dates = sorted({e.date for e in entities if e.date})
    places = sorted({e.place for e in entities if e.place})
    return Entity(
        id=new_id,
        type=entities[0].type,
        name=name,
        aliases=tuple(aliases),
        org_class=min(classes, key=lambda c: (-classes[c], c)) if classes else None,
        date=dates[0] if dates else None,
        place=places[0] if places else None,
    )


def _plan(results: Sequence[ArticleResult]) -> dict[str, Entity]:
    """Map every entity id in the build to the entity it becomes."""
    by_id: dict[str, list[Entity]] = defaultdict(list)
    for result in results:
        for entity in result.entities:
            by_id[entity.id].append(entity)

    groups: dict[str, list[str]] = {}
    for ident, versions in sorted(by_id.items()):
        key = person_key(versions[0].name.text) if versions[0].type is EntityType.PERSON else None
        groups.setdefault(f"person:{key}" if key else f"id:{ident}", []).append(ident)

    plan: dict[str, Entity] = {}
    for idents in groups.values():
        versions = [e for ident in idents for e in by_id[ident]]
        name = _preferred((e.name, 1) for e in versions)
        # The surviving id is the one minted from the preferred name, so it is the same
        # id a build of only that article would give.
        survivor = next(
            (i for i in idents if by_id[i][0].name.text == name.text),
            next(i for i in idents if name_key(by_id[i][0].name.text) == name_key(name.text)),
        )
        merged = _merge(versions, survivor, name)
        for ident in idents:
            plan[ident] = merged
    return plan


def _relink(fact: Fact, plan: dict[str, Entity]) -> Fact:
    if isinstance(fact, Membership):
        person = plan[fact.person]
        org = plan[fact.organisation].id
        return Membership(
            membership_id(person, org, fact.role), person.id, org, fact.role, fact.evidence
        )
    if isinstance(fact, Agreement):
        parties = tuple(sorted({plan[p].id for p in fact.parties}))
        return Agreement(
            agreement_id(fact.kind, parties, fact.date),
            fact.kind,
            parties,
            fact.title,
            fact.date,
            fact.evidence,
        )
    who = plan[fact.participant]
    event = plan[fact.event].id
    return Participation(participation_id(who, event), who.id, event, fact.evidence)


def _union(facts: Iterable[Fact]) -> list[Fact]:
    merged: dict[str, Fact] = {}
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for fact in facts:
        merged.setdefault(fact.id, fact)
        evidence[fact.id].extend(fact.evidence)
    return [with_evidence(merged[ident], evidence[ident]) for ident in sorted(merged)]


def link(results: Sequence[ArticleResult]) -> list[ArticleResult]:
    """Unify entities across a build's results and rewrite facts to the unified ids."""
    plan = _plan(results)
    linked: list[ArticleResult] = []
    for result in results:
        entities = {plan[e.id].id: plan[e.id] for e in result.entities}
        facts = _union(_relink(f, plan) for f in result.facts)
        linked.append(
            ArticleResult(
                article=result.article,
                entities=tuple(entities[i] for i in sorted(entities)),
                facts=tuple(facts),
                extractors=result.extractors,
            )
        )
    return linked
