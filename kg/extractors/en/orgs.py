"""Organisation names: heads and their tails, type words, quoted names, outlets."""

from __future__ import annotations

import re

from kg.extractors.common import Span
from kg.extractors.en.runs import Runs
from kg.extractors.en.tokens import (
    CONNECTORS,
    POSSESSIVE,
    Item,
    acronym_shaped,
    name_shaped,
    person_shaped,
)
from kg.lang.en import lexicon, places, shapes
from kg.model import EntityType, OrgClass
from kg.text import QUOTE_PAIRS

# A site's name as its outlet: "SteppeNews.kz", "UzDaily.com".
_SITE = re.compile(r"[A-Z][\w-]*\.(?:com|kz|uz|kg|tj|tm|az|ru|org|net|info|news|asia)$")


class OrgRules(Runs):
    """Rules that turn words of a run into an organisation item."""

    def _acronym_org(self, k: int) -> None:
        bare = POSSESSIVE.sub("", self.tokens[k].text)
        known = self.known.get(bare)
        name = known.name if known is not None else bare
        org_class = known.org_class if known is not None else None
        start = self.tokens[k].start
        span = Span(EntityType.ORGANISATION, start, start + len(bare), name, org_class)
        self.items.append(Item("org", k, k, span=span))

    def _heads_name(self, k: int, rest: list[int]) -> bool:
        """Whether the word at ``k`` heads an organisation's name in the run ``rest``.

        "civil society" is a concept, not a society; a state programme is a document,
        a UN programme a body.
        """
        tokens = self.tokens
        head = tokens[k].head
        if head is None:
            return False
        if tokens[rest[-1]].bare in lexicon.DOCUMENT_HEADS and rest[-1] > k:
            return False  # "Enhanced Partnership and Cooperation Agreement": a document
        before = [tokens[x] for x in rest if x < k]
        if head == "international":
            # "Amnesty International": a head only at the end of a name
            after = [tokens[x].text for x in rest if x > k][:1]
            return bool(before) and after in ([], ["and"], ["&"])
        if before and before[-1].bare in lexicon.CONCEPT_MODIFIERS.get(head, ()):
            return False
        if head in ("programme", "program"):
            defined = (
                k + 2 < len(tokens)
                and tokens[k + 1].text == "("
                and acronym_shaped(tokens[k + 2].text)
            )
            return defined or any(t.text.isupper() or t.bare in lexicon.BODY_WORDS for t in before)
        return True

    def _body_ends(self, k: int) -> bool:
        """An acronym or a legal form closes a body's name: "UNDP and ...", "X AO and ..."."""
        token = self.tokens[k]
        return token.bare in lexicon.LEGAL_FORMS or (
            acronym_shaped(token.text) and token.text.isalpha()
        )

    def _closed_org(self, indices: list[int]) -> None:
        while indices and self.tokens[indices[0]].text.lower() in CONNECTORS:
            indices = indices[1:]
        if not indices:
            return
        last = self.tokens[indices[-1]]
        org_class = OrgClass.COMPANY if last.bare in lexicon.LEGAL_FORMS else None
        if len(indices) == 1 and last.text in lexicon.KNOWN_ACRONYMS:
            org_class = OrgClass.INTERNATIONAL
        span = self._span(EntityType.ORGANISATION, indices, org_class)
        self.items.append(Item("org", indices[0], indices[-1], span=span))

    def _org(self, rest: list[int], heads: list[int]) -> int:
        """Add the organisation at the start of ``rest``; the number of words it took."""
        tokens = self.tokens
        head = heads[0]
        end = head
        # "Foundation Office", "Agency Representation": a unit of the body just named.
        while end + 1 < len(rest) and (
            tokens[rest[end + 1]].head is not None
            or tokens[rest[end + 1]].bare in lexicon.OFFICE_HEADS
        ):
            end += 1
        end = self._later_head(rest, end)
        joiners: tuple[str, ...] = ("of", "for", "and", "on", "the", "-", "under")
        if tokens[rest[end]].bare in lexicon.OFFICE_HEADS:
            joiners += ("in", "to")
        # "Foundation of the First Mayor of Aktau Daulet Serikov": the tail
        # after "of" runs until a title or a two-word name closes the run.
        while end + 1 < len(rest) and tokens[rest[end + 1]].text.lower() in joiners:
            nxt = end + 1
            while nxt < len(rest) and tokens[rest[nxt]].text.lower() in CONNECTORS | {"-"}:
                nxt += 1
            joiner = tokens[rest[end + 1]].text.lower()
            after_joiner = tokens[rest[end + 2]] if end + 2 < len(rest) else None
            if joiner == "and" and (
                after_joiner is None
                or after_joiner.text in ("the", "a", "an")
                or (after_joiner.text.isupper() and len(after_joiner.text) > 1)
                or not any(
                    tokens[x].text.lower() in ("of", "for", "on") for x in rest[head + 1 : end + 1]
                )
                or self._second_body(rest, end)
            ):
                break  # "X Foundation and the Y Foundation", "... and UNICEF": two bodies
            if nxt >= len(rest) or self._title_ends_name(rest, nxt):
                break
            stop = nxt
            while (
                stop + 1 < len(rest)
                and tokens[rest[stop + 1]].text.lower() not in CONNECTORS
                and not self._title_ends_name(rest, stop + 1)
            ):
                stop += 1
            remaining = len(rest) - stop - 1
            last_two = [tokens[x] for x in rest[stop - 1 : stop + 1]]
            if (
                remaining == 0
                and stop - nxt >= 2
                and all(name_shaped(t) for t in last_two)
                and person_shaped(last_two)
            ):
                stop -= 2  # "Ministry of Education Aigul Bekova": the last two are a name
            end = stop
        end = self._typed_name(rest, head, end)
        # A name after the head with nothing joining it starts the person.
        indices = rest[: end + 1]
        org_class = lexicon.ORG_HEADS.get(tokens[rest[head]].head or "")
        while indices and tokens[indices[0]].text.lower() in CONNECTORS:
            indices = indices[1:]
        if indices and self._name(indices):
            span = self._span(EntityType.ORGANISATION, indices, org_class)
            self.items.append(Item("org", indices[0], indices[-1], span=span))
        return end + 1

    def _later_head(self, rest: list[int], end: int) -> int:
        """ "Civic Initiative Support Center": a head a few plain words on is the
        name's head, the earlier one a word of the name."""
        tokens = self.tokens
        j = end + 1
        while j < len(rest) and j - end <= 3:
            token = tokens[rest[j]]
            if (
                not token.capitalised
                or token.text.lower() in CONNECTORS
                or self._position_at(rest[j], rest[-1]) is not None
            ):
                break
            if token.head is not None and self._heads_name(rest[j], rest):
                return j
            j += 1
        return end

    def _typed_name(self, rest: list[int], head: int, end: int) -> int:
        """ "Public Association Bright Steppe": generic words and a head, then the name."""
        tokens = self.tokens
        generic = [tokens[x].bare in lexicon.GENERIC_ORG_WORDS for x in rest[:head]]
        if end != head or not generic or not all(generic):
            return end
        name = end
        while (
            name + 1 < len(rest)
            and name - end < 3
            and name_shaped(tokens[rest[name + 1]])
            and self._position_at(rest[name + 1], rest[-1]) is None
        ):
            name += 1
        return name

    def _second_body(self, rest: list[int], end: int) -> bool:
        """Whether "and" after ``end`` starts a body of its own, not the name's second field.

        "Ministry of Labour and Social Protection" and "Office for Europe and Central
        Asia" are one name; "Council of Europe and Freedom House", "Union of Artists and
        Writers Union" are two: a place ends a name unless a place follows, and a body's
        head after "and" heads the second.
        """
        tokens = self.tokens
        n = end + 2
        second: list[str] = []
        while n < len(rest) and tokens[rest[n]].text.lower() not in CONNECTORS:
            if tokens[rest[n]].head is not None:
                return True
            second.append(tokens[rest[n]].bare)
            n += 1
        if tokens[rest[end]].bare in places.ANY_PLACE:
            return " ".join(second) not in places.ANY_PLACE_NAME
        return False

    def _title_ends_name(self, rest: list[int], n: int) -> bool:
        """A title inside a run ends the organisation, unless "of" continues it.

        "Foundation of the First Mayor of Aktau" keeps its "Mayor".
        """
        end = self._position_at(rest[n], rest[-1])
        if end is None:
            return False
        following = next((m for m, x in enumerate(rest) if x > end), None)
        return following is None or self.tokens[rest[following]].text.lower() != "of"

    def _typed_org(self, names: list[int]) -> bool:
        """ "political party the Free Steppe": a lower-case head types the name."""
        # Only with "the": in "public union Pavel Kornilov" the name is a person's.
        k = names[0] - 2
        head = self.tokens[k] if k >= 0 and self.tokens[k + 1].text == "the" else None
        before = self.tokens[names[0] - 1] if names[0] else None
        if before is not None and not before.capitalised and before.bare in lexicon.MEDIA_TYPES:
            head = before  # "the news agency Kazinform": a medium names its outlet directly
        if head is None or head.capitalised or head.bare not in lexicon.LOWER_HEADS:
            return False
        span = self._span(EntityType.ORGANISATION, names, lexicon.ORG_HEADS.get(head.bare))
        self.items.append(Item("org", names[0], names[-1], span=span))
        return True

    def _quoted_after_type(self, names: list[int]) -> bool:
        """ "the NGO “Bright Future”", "the public foundation “X”": a type, then the name."""
        tokens = self.tokens
        k = names[0]
        if k < 2 or tokens[k - 1].text not in QUOTE_PAIRS or names[-1] + 1 >= len(tokens):
            return False
        closed = tokens[names[-1] + 1].text == QUOTE_PAIRS[tokens[k - 1].text]
        kind = tokens[k - 2]
        typed = kind.bare in lexicon.TYPE_WORDS and (not kind.capitalised or kind.text.isupper())
        if not closed or not typed:
            return False
        org_class = lexicon.ORG_HEADS.get(kind.bare, OrgClass.NGO)
        span = self._span(EntityType.ORGANISATION, names, org_class)
        self.items.append(Item("org", names[0], names[-1], span=span))
        return True

    def _outlet(self, names: list[int]) -> bool:
        """A media outlet: a site name ("SteppeNews.kz") or a byline (", Steppe Daily reports.")."""
        tokens = self.tokens
        after = [t.text for t in tokens[names[-1] + 1 : names[-1] + 3]]
        byline = (
            names[0] > 0
            and tokens[names[0] - 1].text == ","
            and len(names) <= 3
            and after[:1] != []
            and after[0] in lexicon.REPORTING
            and after[1:2] in ([], ["."])
        )
        site = len(names) == 1 and bool(_SITE.match(tokens[names[0]].text))
        if not (byline or site):
            return False
        span = self._span(EntityType.ORGANISATION, names, OrgClass.MEDIA)
        self.items.append(Item("org", names[0], names[-1], span=span))
        return True

    def _government(self, names: list[int]) -> bool:
        """ "the United States government", "the Almaty city akimat": place, then body."""
        tokens = self.tokens
        k = names[-1] + 1
        if k < len(tokens) and tokens[k].bare in places.UNIT_WORDS | places.UNIT_ADJECTIVES:
            k += 1
        if k >= len(tokens) or tokens[k].text not in lexicon.GOVERNMENT_WORDS:
            return False
        start, end = tokens[names[0]].start, tokens[k].end
        name = " ".join(self.text[start:end].split())
        span = Span(EntityType.ORGANISATION, start, end, name, OrgClass.GOVERNMENT)
        self.items.append(Item("org", names[0], k, span=span))
        return True

    def _quoted_org(self, names: list[int]) -> bool:
        """A name before a lower-case head: "‘Zhana Kun’ party", "Ya-Semeyets (gloss) union"."""
        tokens = self.tokens
        if all(tokens[k].bare in places.PLACES for k in names):
            return False
        j = names[-1] + 1
        while j < len(tokens) and tokens[j].text in "’'\"”":
            j += 1
        if j < len(tokens) and tokens[j].text == "(":
            close = next(
                (c for c in range(j, min(j + 14, len(tokens))) if tokens[c].text == ")"), None
            )
            if close is None:
                return False
            j = close + 1
        quoted = j > names[-1] + 1
        if quoted and j < len(tokens) and tokens[j].bare in lexicon.LEGAL_FORMS:
            # "“Kazakhtelecom” JSC": the legal form after the quoted name is part of it
            open_quote = (
                names[0] - 1 if names[0] and tokens[names[0] - 1].text in QUOTE_PAIRS else None
            )
            first = open_quote if open_quote is not None else names[0]
            start, end = tokens[first].start, tokens[j].end
            name = " ".join(self.text[start:end].split())
            span = Span(EntityType.ORGANISATION, start, end, name, OrgClass.COMPANY)
            self.items.append(Item("org", first, j, span=span))
            return True
        for n in range(j, min(j + 3, len(tokens))):
            if not tokens[n].text[:1].isalpha() or tokens[n].bare in shapes.NOT_NAMES:
                break  # "X, the agency ...": the head after a comma is another phrase
            if tokens[n].bare in lexicon.LOWER_HEADS and not tokens[n].capitalised:
                org_class = lexicon.ORG_HEADS.get(tokens[n].bare)
                # "ZTA Smart IT company": a short capitalised sector word types the head.
                while (
                    len(names) > 1
                    and tokens[names[-1]].text.isupper()
                    and len(tokens[names[-1]].text) <= 2
                ):
                    names = names[:-1]
                span = self._span(EntityType.ORGANISATION, names, org_class)
                self.items.append(Item("org", names[0], n, span=span))
                return True
            if tokens[n].capitalised:
                break
        return False
