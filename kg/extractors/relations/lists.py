"""People listed together share a membership: "В состав совета фонда X вошли A, B и C".

A claim found for one person of a list that nothing but commas and "and" joins
("A, B и C", "A, B және C", "A, B and C") holds for every person of it, when the claim
is plain membership (no role) or a member's role ("член", "мүше", "member"): a list
after a singular title ("председатель фонда A и B") gives the title to A alone.
The same in every language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.extractors.relations.affiliations import Pair, pair_key
from kg.extractors.relations.features import Sentence
from kg.model import EntityType, Mention, RoleClaim

#: Words that join the names of a list.
_JOINS = frozenset({",", "и", "және", "мен", "пен", "бен", "and", "&"})
#: Roles a list shares: membership without a role, or a member's.
_MEMBER_ROLES = frozenset({"член", "мүше", "member", "board member", "members"})


def listed_members(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    roles: Sequence[RoleClaim],
    claimed: set[Pair],
) -> list[RoleClaim]:
    """The claims the other people of a claimed person's list share."""
    sentence_of = {i: s for s in sentences for i in s.mentions}
    found: list[RoleClaim] = []
    for claim in roles:
        if claim.role is not None and claim.role.casefold() not in _MEMBER_ROLES:
            continue
        sentence = sentence_of.get(claim.person)
        if sentence is None:
            continue
        for other in _list_of(sentence, mentions, claim.person):
            key = pair_key(mentions, other, claim.organisation)
            if key in claimed:
                continue
            claimed.add(key)
            found.append(replace(claim, person=other))
    return found


def _list_of(sentence: Sentence, mentions: Sequence[Mention], person: int) -> list[int]:
    """The other people of the list ``person`` stands in, in text order."""
    people = sorted(
        (sentence.ranges[i], i) for i in sentence.mentions if mentions[i].type is EntityType.PERSON
    )
    position = next(n for n, (_, i) in enumerate(people) if i == person)
    members = {person}
    for step in (1, -1):
        n = position
        while 0 <= n + step < len(people):
            left, right = sorted((n, n + step))
            between = [
                t.text.casefold() for t in sentence.tokens[people[left][0][1] : people[right][0][0]]
            ]
            if not between or any(w not in _JOINS for w in between):
                break
            n += step
            members.add(people[n][1])
    return [i for _, i in people if i in members and i != person]
