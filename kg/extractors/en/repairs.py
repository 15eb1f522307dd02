"""Repairs of a sentence's items once its runs are parsed: names that run past a run."""

from __future__ import annotations

from dataclasses import replace

from kg.extractors.common import Span
from kg.extractors.en.events import numbered_meeting
from kg.extractors.en.runs import Runs
from kg.extractors.en.tokens import Item, acronym_shaped, singular_head
from kg.lang.en import lexicon, places
from kg.model import EntityType, OrgClass
from kg.text import QUOTE_PAIRS

# A quoted name after a head ("Movement “Unity”") is at most this many tokens long.
_QUOTED_NAME = 8
# Words of ", a Shymkent-based public foundation" before the type word, at most.
_DESCRIBING_WORDS = 5


class Repairs(Runs):
    """Quoted names, dashed acronyms, offices, parents and ministries of found bodies."""

    def acronyms(self) -> dict[str, Span]:
        """Acronyms defined in brackets after an organisation: "... Programme (UNDP)"."""
        found: dict[str, Span] = {}
        for item in self.items:
            k = item.last + 1
            if item.kind != "org" or item.span is None or k + 2 >= len(self.tokens):
                continue
            acronym = self.tokens[k + 1].text
            bracketed = self.tokens[k].text == "(" and self.tokens[k + 2].text == ")"
            if bracketed and acronym_shaped(acronym) and acronym.isalpha():
                found[acronym] = item.span
        return found

    def _quoted_names(self) -> None:
        """ "National Movement “Unity”": a quoted name right after a body is part of it."""
        tokens = self.tokens
        for n, item in enumerate(self.items):
            k = item.last + 1
            if item.kind != "org" or item.span is None or k + 2 >= len(tokens):
                continue
            closer = QUOTE_PAIRS.get(tokens[k].text)
            window = range(k + 2, min(k + _QUOTED_NAME, len(tokens)))
            close = next((c for c in window if tokens[c].text == closer), None)
            if close is None or not tokens[k + 1].capitalised:
                continue
            quoted = self.text[tokens[k].start : tokens[close].end]
            span = replace(item.span, end=tokens[close].end, name=f"{item.span.name} {quoted}")
            self.items[n] = Item("org", item.first, close, span=span)
        # the words inside the quotes are no separate finding
        self.items = [
            item
            for item in self.items
            if not any(
                other.first < item.first <= other.last for other in self.items if other is not item
            )
        ]

    def _headed(self, item: Item) -> bool:
        """A body a headline's capitals cannot fake: it has a head or is an acronym."""
        words = self.tokens[item.first : item.last + 1]
        return any(t.head is not None for t in words) or (
            len(words) == 1 and acronym_shaped(words[0].text)
        )

    def _dashed_acronyms(self) -> None:
        """ "Rural Youth Development Association — RYDA": the acronym closes the name."""
        tokens = self.tokens
        for n, item in enumerate(self.items):
            k = item.last + 1
            if item.kind != "org" or item.span is None or k + 1 >= len(tokens):
                continue
            acronym = tokens[k + 1]
            if tokens[k].text not in ("—", "–") or not acronym_shaped(acronym.text):
                continue
            if k + 2 < len(tokens) and tokens[k + 2].capitalised:
                continue  # a dash between two names, not before an acronym
            name = f"{item.span.name} {tokens[k].text} {acronym.text}"
            span = replace(item.span, end=acronym.end, name=name)
            self.items[n] = Item("org", item.first, k + 1, span=span)
            self.known.setdefault(acronym.text, span)

    def _bracketed_units(self) -> None:
        """ "X Fund (XF) Regional Office for Asia": the office of the body just named,
        under its acronym ("XF Regional Office for Asia")."""
        tokens = self.tokens
        merged: list[Item] = []
        for item in self.items:
            body = merged[-1] if merged else None
            if (
                len(merged) >= 2
                and body is not None
                and body.kind == "org"
                and body.first == body.last
                and tokens[body.first - 1].text == "("
            ):
                # the acronym in the brackets may itself be a finding: look past it
                before = merged[-2]
                if before.last + 2 == body.first and item.first == before.last + 4:
                    merged.pop()
                    body = before
            if (
                body is not None
                and body.kind == "org"
                and body.span is not None
                and item.kind == "org"
                and item.span is not None
                and item.first == body.last + 4
                and [t.text for t in tokens[body.last + 1 : body.last + 4 : 2]] == ["(", ")"]
                and acronym_shaped(tokens[body.last + 2].text)
                and any(
                    tokens[k].bare in lexicon.OFFICE_HEADS for k in range(item.first, item.last + 1)
                )
            ):
                name = f"{tokens[body.last + 2].text} {item.span.name}"
                span = replace(body.span, end=item.span.end, name=name)
                merged[-1] = Item("org", body.first, item.last, span=span)
                self.known[tokens[body.last + 2].text] = span
                continue
            merged.append(item)
        self.items = merged

    def _internal_units(self) -> None:
        """ "Head of the Department of X of the Ministry of Y": a unit goes into the role,
        the ministry is the body (the conventions keep internal units out of the graph)."""
        tokens = self.tokens
        for n, item in enumerate(self.items):
            if item.kind != "org" or item.span is None:
                continue
            # "the Central Kazakhstan Unit of X": the unit's own name may come before its word
            unit_word = next(
                (
                    k
                    for k in range(item.first, min(item.first + 4, item.last))
                    if tokens[k].bare in lexicon.INTERNAL_UNITS
                ),
                None,
            )
            if unit_word is None or not all(
                t.capitalised for t in tokens[item.first : unit_word + 1]
            ):
                continue
            parent = next(
                (
                    k
                    for k in range(unit_word + 1, item.last)
                    if tokens[k].text == "of" and self._parent_at(k, item.last)
                ),
                None,
            )
            if parent is None:
                continue
            head = parent + 2 if tokens[parent + 1].text == "the" else parent + 1
            span = self._span(EntityType.ORGANISATION, list(range(head, item.last + 1)))
            position = self.items[n - 1] if n else None
            first = item.first
            # words of the unit's name the run left out ("Central" of "Central Kazakhstan Unit")
            while (
                position is not None
                and first - 1 > position.last
                and tokens[first - 1].capitalised
                and tokens[first - 1].text.lower() not in ("of", "the")
            ):
                first -= 1
            # the item keeps the unit's words, so the title before it still pairs
            self.items[n] = Item("org", first, item.last, span=span)
            if position is not None and position.kind == "position" and position.role:
                unit = " ".join(t.text.lower() for t in tokens[first:parent])
                role = f"{position.role} of the {unit}"
                self.items[n - 1] = Item("position", position.first, position.last, role=role)

    def _numbered_meetings(self) -> None:
        """ "the 5th General Assembly of the Eurasian Association of Universities": the
        meeting is an event (``events.numbered_meeting``); the body it is of stays one."""
        tokens = self.tokens
        kept: list[Item] = []
        for item in self.items:
            head = next(
                (k for k in range(item.first, item.last + 1) if numbered_meeting(tokens, k)), None
            )
            if item.kind != "org" or head is None:
                kept.append(item)
                continue
            k = head + 1
            if k < item.last and tokens[k].text == "of":
                k += 2 if tokens[k + 1].text == "the" else 1
                rest = list(range(k, item.last + 1))
                if rest and any(tokens[j].head is not None for j in rest):
                    span = self._span(
                        EntityType.ORGANISATION, rest, item.span.org_class if item.span else None
                    )
                    kept.append(Item("org", rest[0], rest[-1], span=span))
        self.items = kept

    def _typed_appositions(self) -> None:
        """ "Sana Sezim, a Shymkent-based public foundation, works ...": a name the
        sentence then calls a body is that body, not a person; the describing phrase
        names nothing."""
        phrases: list[tuple[int, int]] = []
        for n, item in enumerate(self.items):
            if item.kind != "person" or item.span is None:
                continue
            found = self._body_described_after(item.last + 1)
            if found is None:
                continue
            type_at, org_class = found
            span = replace(item.span, type=EntityType.ORGANISATION, org_class=org_class)
            self.items[n] = Item("org", item.first, item.last, span=span)
            phrases.append((item.last + 3, type_at))
        self.items = [
            i
            for i in self.items
            if not any(first <= i.first and i.last <= last for first, last in phrases)
        ]

    def _body_described_after(self, k: int) -> tuple[int, OrgClass] | None:
        """Where ", a [Shymkent-based public] foundation" after token ``k - 1`` ends
        (the type word) and the class it gives, if such a phrase follows."""
        tokens = self.tokens
        if k + 2 >= len(tokens) or tokens[k].text != "," or tokens[k + 1].bare not in ("a", "an"):
            return None
        for j in range(k + 2, min(k + 2 + _DESCRIBING_WORDS, len(tokens))):
            token = tokens[j]
            if token.bare in lexicon.TYPE_WORDS:
                return j, lexicon.ORG_HEADS.get(token.bare, OrgClass.NGO)
            describing = (
                token.bare in lexicon.GENERIC_ORG_WORDS
                or token.bare in lexicon.DESCRIBING_WORDS
                or token.bare in places.PLACES
                or token.bare.endswith("-based")
            )
            if not describing:
                return None  # "X, a professor at the university": a person described
        return None

    def _unit_titles(self) -> None:
        """ "head of the Youth Policy Department at the Ministry of X": a unit named
        between a title and its body goes into the role, which then reaches the body."""
        items = self.items
        for n in range(len(items) - 1):
            position, org = items[n], items[n + 1]
            if position.kind != "position" or org.kind != "org" or not position.role:
                continue
            if self.tokens[position.last + 1].text != "of":
                continue
            found = self.unit_before(position.last + 2, org.first)
            if found is not None:
                unit, last = found
                role = f"{position.role} of the {unit}"
                items[n] = Item("position", position.first, last, role=role)

    def unit_before(self, first: int, body: int) -> tuple[str, int] | None:
        """The internal unit named from token ``first`` up to a link to the body at token
        ``body`` ("the Youth Policy Department at the", "Department of Youth Policy of"):
        the unit's words in lower case and its last token."""
        tokens = self.tokens
        if first < len(tokens) and tokens[first].text == "the":
            first += 1
        link = body - 1
        if link > first and tokens[link].text == "the":
            link -= 1
        if link <= first or tokens[link].text not in ("at", "of", "in"):
            return None
        words = tokens[first:link]
        if not any(t.bare in lexicon.INTERNAL_UNITS for t in words) or not all(
            t.capitalised or t.text in ("of", "and", "for", "on") for t in words
        ):
            return None
        return " ".join(t.text.lower() for t in words), link - 1

    def _parent_at(self, k: int, last: int) -> bool:
        """Whether "of" at ``k`` opens a unit's parent: "of the Ministry of X", or a
        name with a head further on ("of the European Lake Service")."""
        tokens = self.tokens
        first = k + 2 if tokens[k + 1].text == "the" else k + 1
        if tokens[first].head in lexicon.PARENT_HEADS:
            return True
        words = tokens[first : last + 1]
        return (
            len(words) >= 2
            and all(t.capitalised for t in words)
            and words[-1].head is not None
            and words[-1].bare not in lexicon.INTERNAL_UNITS
        )

    def _bare_head(self, item: Item) -> bool:
        """A head alone ("Group of people ...", "the Foundation") names no body."""
        if item.kind != "org" or item.span is None or " " in item.span.name:
            return False
        word = item.span.name.lower()
        return word in lexicon.ORG_HEADS and word not in lexicon.SINGLE_BODIES

    def _parents(self, item: Item) -> None:
        """A unit's name names its parent too: "Committee X of the Ministry of Y" also
        mentions "Ministry of Y" (the conventions list a parent as its own body)."""
        assert item.span is not None
        tokens = self.tokens
        for k in range(item.first + 1, item.last):
            if tokens[k].text not in ("of", "under"):
                continue
            head = k + 2 if tokens[k + 1].text == "the" else k + 1
            if head <= item.last and tokens[head].head in lexicon.PARENT_HEADS:
                indices = list(range(head, item.last + 1))
                span = self._span(EntityType.ORGANISATION, indices, item.span.org_class)
                if span.end <= item.span.end:
                    self.builder.mention(span)

    def _shared_heads(self) -> None:
        """ "the Ministries of Health and Education": one plural head, a body per field.

        Each field is a run of capitalised words; commas and "and" part them. The first
        body's mention spans the head and its field, the others their field alone.
        """
        tokens = self.tokens
        k = 0
        while k + 3 < len(tokens):
            head = tokens[k]
            singular = singular_head(head.bare) if head.capitalised else None
            fields = self._fields(k + 2) if singular and tokens[k + 1].text == "of" else []
            if singular is None or len(fields) < 2:
                k += 1
                continue
            org_class = lexicon.ORG_HEADS.get(singular)
            end = fields[-1][1]
            self.items = [i for i in self.items if i.last < k or i.first > end]
            for n, (first, last) in enumerate(fields):
                field = self.text[tokens[first].start : tokens[last].end]
                name = f"{singular.capitalize()} of {field}"
                opening = k if n == 0 else first
                start = tokens[opening].start
                span = Span(EntityType.ORGANISATION, start, tokens[last].end, name, org_class)
                self.items.append(Item("org", opening, last, span=span))
            self.items.sort(key=lambda item: item.first)
            k = end + 1

    def _fields(self, k: int) -> list[tuple[int, int]]:
        """The capitalised fields from token ``k`` on, parted by commas and "and"."""
        tokens = self.tokens
        fields: list[tuple[int, int]] = []
        while k < len(tokens) and tokens[k].capitalised and tokens[k].text[:1].isalpha():
            last = k
            while last + 1 < len(tokens) and tokens[last + 1].capitalised:
                last += 1
            fields.append((k, last))
            k = last + 1
            if k < len(tokens) and tokens[k].text == ",":
                k += 1
            if k < len(tokens) and tokens[k].text == "and":
                k += 1
            elif fields and k < len(tokens) and tokens[k - 1].text != ",":
                break
        return fields

    def _ministries(self) -> None:
        """ "Minister of Religious Affairs": the ministry is "Ministry of Religious Affairs"."""
        for n, item in enumerate(self.items[:-1]):
            org = self.items[n + 1]
            if item.role is None or not item.role.endswith("minister") or org.kind != "org":
                continue
            gap = [t.text.lower() for t in self.tokens[item.last + 1 : org.first]]
            if gap != ["of"] or org.span is None or org.span.name.lower().startswith("ministry"):
                continue
            name = f"Ministry of {org.span.name}"
            span = Span(org.span.type, org.span.start, org.span.end, name, OrgClass.GOVERNMENT)
            self.items[n + 1] = Item("org", org.first, org.last, span=span)
