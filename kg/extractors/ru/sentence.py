"""The rules applied to one sentence, in order: people, positions, organisations, links."""

from __future__ import annotations

from kg.extractors.ru.agreements import AgreementRules
from kg.extractors.ru.events import EventRules
from kg.extractors.ru.orgs import OrgRules
from kg.extractors.ru.persons import PersonRules
from kg.extractors.ru.positions import PositionRules
from kg.extractors.ru.roles import RoleRules


class Sentence(PersonRules, PositionRules, OrgRules, RoleRules, AgreementRules, EventRules):
    """One sentence: its findings go to the article's builder."""

    def run(self) -> None:
        titles = self._events()
        persons = self._persons()
        positions = self._positions()
        taken = titles | {
            i for item in persons + positions for i in range(item.first, item.last + 1)
        }
        orgs = self._organisations(taken, positions)
        orgs += self._bare_heads(positions, orgs)
        # "Комиссия ... при Президенте РК": a title inside a body's name is no one's role
        positions = [
            p for p in positions if not any(o.first < p.first and p.last <= o.last for o in orgs)
        ]
        items = sorted(persons + positions + orgs, key=lambda item: item.first)
        used = self._roles(items)
        for item in orgs:
            assert item.span is not None
            if (not item.weak or item.first in used) and not self._news_site(item):
                self.builder.mention(item.span)
        for item in persons:
            assert item.span is not None
            self.builder.mention(item.span)
        self._agreements([o for o in orgs if o.span is not None])
