"""Who holds which position in which organisation: chains of items around a person."""

from __future__ import annotations

from kg.extractors.russian.base import Item, SentenceBase


class RoleRules(SentenceBase):
    """Links people to the positions and organisations next to them."""

    def _roles(self, items: list[Item]) -> set[int]:
        used: set[int] = set()
        for index, item in enumerate(items):
            if item.kind != "person":
                continue
            assert item.span is not None
            chain: list[tuple[Item | None, Item]] = []
            chain += self._chain_before(items, index)
            chain += self._chain_after(items, index)
            chain += self._bracketed(items, index)
            for position, org in chain:
                assert org.span is not None
                role = position.role if position is not None else None
                self.builder.role(item.span, org.span, role, self.bounds)
                used.add(org.first)
        return used

    def _bracketed(self, items: list[Item], index: int) -> list[tuple[Item | None, Item]]:
        """ "Айгуль Смагулова (ОФ «Шапагат»)": a person representing the organisation."""
        k = index + 1
        if k >= len(items) or items[k].kind != "org":
            return []
        between = [t.text for t in self.tokens[items[index].last + 1 : items[k].first]]
        closing = items[k].last + 1
        closed = closing < len(self.tokens) and self.tokens[closing].text == ")"
        return [(None, items[k])] if between == ["("] and closed else []

    def _chain_before(self, items: list[Item], index: int) -> list[tuple[Item, Item]]:
        """Positions and organisations right before a person: "директор X Имя Фамилия"."""
        run: list[Item] = []
        k = index - 1
        right = items[index].first
        while k >= 0 and items[k].kind != "person" and self.gap_ok(items[k].last, right):
            run.insert(0, items[k])
            right = items[k].first
            k -= 1
        return _pairs(run)

    def _chain_after(self, items: list[Item], index: int) -> list[tuple[Item, Item]]:
        """ ", директор X": positions after a person and a comma."""
        k = index + 1
        if k >= len(items) or items[k].kind != "position":
            return []
        between = self.tokens[items[index].last + 1 : items[k].first]
        if not between or between[0].text not in (",", "–", "—", "-"):
            return []
        run: list[Item] = []
        left = items[index].last
        while k < len(items) and items[k].kind != "person" and self.gap_ok(left, items[k].first):
            run.append(items[k])
            left = items[k].last
            k += 1
        if k < len(items) and items[k].kind == "person" and self.gap_ok(left, items[k].first):
            return []  # ", директор X Имя Фамилия": the title belongs to the next person
        return _pairs(run)


def _pairs(run: list[Item]) -> list[tuple[Item, Item]]:
    """Each position with the first organisation after it (before the next position)."""
    pairs: list[tuple[Item, Item]] = []
    for k, item in enumerate(run):
        if item.kind != "position":
            continue
        if item.implied is not None:
            pairs.append((item, Item("org", item.first, item.last, span=item.implied)))
            continue
        for other in run[k + 1 :]:
            if other.kind == "position":
                break
            if other.kind == "org":
                pairs.append((item, other))
                break
    return pairs
