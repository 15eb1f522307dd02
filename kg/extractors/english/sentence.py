"""The rules applied to one sentence: capitalised runs split into titles, bodies, people."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extractors.common import ExtractionBuilder, Span
from kg.extractors.english.agreements import find_agreements
from kg.extractors.english.events import EventFinding, find_events
from kg.extractors.english.roles import find_roles
from kg.extractors.english.tokens import (
    CONNECTORS,
    POSSESSIVE,
    Item,
    Token,
    acronym_shaped,
    name_shaped,
    person_shaped,
)
from kg.lang.en import lexicon
from kg.model import EntityType, OrgClass

# "Chargé d’Affaires": a French particle inside a capitalised title.
_PARTICLE = re.compile(r"d['’][A-Z]")
# A site's name as its outlet: "SteppeNews.kz", "UzDaily.com".
_SITE = re.compile(r"[A-Z][\w-]*\.(?:com|kz|uz|kg|tj|tm|az|ru|org|net|info|news|asia)$")
_QUOTES = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“"}
# A quotation this short (in tokens) is a title, not speech.
_SHORT_QUOTE = 16
# A quoted name after a head ("Movement “Unity”") is at most this many tokens long.
_QUOTED_NAME = 8


class Sentence:
    """The rules applied to one sentence."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        bounds: tuple[int, int],
        builder: ExtractionBuilder,
        acronyms: dict[str, Span] | None = None,
        after_title: bool = False,
    ) -> None:
        self.text = text
        # Acronyms the article has defined so far: "KazAID Chairman X" names the agency.
        self.known = acronyms if acronyms is not None else {}
        self.tokens = tokens
        self.bounds = bounds
        self.builder = builder
        self.items: list[Item] = []
        self.singles: list[Token] = []
        self.quoted = self._short_quotes()
        self.after_title = after_title
        self.events: list[EventFinding] = []

    def run(self) -> None:
        headline = self._title_case()
        i = 0
        while i < len(self.tokens):
            end = self._run_end(i)
            if end < i:
                self._lower_position(i)
                i += 1
                continue
            self._parse_run(i, end)
            i = end + 1
        self.items.sort(key=lambda item: item.first)
        if headline:
            # Capitals say nothing about people in a headline; a body's head still does.
            self.items = [i for i in self.items if i.kind == "org" and self._headed(i)]
            self.singles = []
        self._quoted_names()
        self._dashed_acronyms()
        self._bracketed_units()
        self.items = [item for item in self.items if not self._bare_head(item)]
        self._ministries()
        for item in self.items:
            if item.span is not None:
                self.builder.mention(item.span)
                self._parents(item)
        find_roles(self)
        find_agreements(self, self.after_title)
        self.events = find_events(self.text, self.tokens, self.bounds)
        for event in self.events:
            self.builder.mention(event.span)

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
            closer = _QUOTES.get(tokens[k].text)
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
        return any(self.tokens[k].head is not None for k in range(item.first, item.last + 1))

    def _dashed_acronyms(self) -> None:
        """ "Civil Society Development Association — CSDA": the acronym closes the name."""
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

    def _bare_head(self, item: Item) -> bool:
        """A head alone ("Group of people ...", "the Foundation") names no body."""
        if item.kind != "org" or item.span is None or " " in item.span.name:
            return False
        return item.span.name.lower() in lexicon.ORG_HEADS

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

    def _short_quotes(self) -> frozenset[int]:
        """Token indices inside a short quotation: a title ("“An Analytical Look”"), no person."""
        inside: set[int] = set()
        tokens = self.tokens
        k = 0
        while k < len(tokens):
            closer = _QUOTES.get(tokens[k].text)
            close = None
            if closer is not None:
                window = range(k + 1, min(k + _SHORT_QUOTE, len(tokens)))
                close = next((c for c in window if tokens[c].text == closer), None)
            if close is None:
                k += 1
                continue
            inside.update(range(k + 1, close))
            k = close + 1
        return frozenset(inside)

    def _title_case(self) -> bool:
        """A headline In Title Case: capitals say nothing about names there."""
        words = [t for t in self.tokens if t.text[:1].isalpha() and len(t.text) > 3]
        return len(words) >= 4 and all(t.capitalised for t in words)

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

    # -- runs of capitalised words -------------------------------------------------------

    def _run_end(self, i: int) -> int:
        """Last index of the capitalised run starting at ``i`` (i - 1 if none starts)."""
        tokens = self.tokens
        if not tokens[i].capitalised or tokens[i].function_word:
            return i - 1
        end = i
        j = i + 1
        while j < len(tokens):
            token = tokens[j]
            if (token.capitalised and token.text[:1].isalpha()) or _PARTICLE.match(token.text):
                if token.function_word and token.bare != "the":
                    break
                end = j
                j += 1
            elif token.text.lower() in CONNECTORS or token.text == "-":
                j += 1
            elif token.bare in lexicon.LEGAL_FORMS:
                end = j  # "Konrad-Adenauer-Stiftung e.V."
                j += 1
            elif (
                token.bare in lexicon.UNIT_WORDS
                and tokens[j - 1].capitalised
                and "of" in [t.text for t in tokens[i:j]]
            ):
                end = j  # "Akimat of the Yessil district of Astana"
                j += 1
            elif token.text == "to" and tokens[j - 1].bare == "ambassador":
                j += 1  # "Ambassador to Georgia Arman Yessimov" is one run
            elif self._name_goes_on(i, j):
                j += 1
            elif token.text == "(" and (close := self._gloss_end(j)) is not None:
                end = close
                j = close + 1
            else:
                break
        return end

    def _name_goes_on(self, i: int, j: int) -> bool:
        """A lower-case word inside a long name: "Embassy in Kazakhstan", "Council under
        the Senate", "Foundation for Assistance to Children in Need"."""
        tokens = self.tokens
        word = tokens[j].text
        if j + 1 >= len(tokens) or word not in ("in", "under", "to"):
            return False
        after = tokens[j + 2] if tokens[j + 1].text == "the" and j + 2 < len(tokens) else None
        following = after or tokens[j + 1]
        if not following.capitalised or following.function_word:
            return False
        if word == "in" and tokens[j - 1].bare in lexicon.OFFICE_HEADS:
            return True  # a country office keeps its country
        if word == "under":
            return following.head is not None  # "Council under the Senate"
        # "for Assistance to Children": a head's "for" tail takes "to" and "in" on
        for_tail = any(
            tokens[k].head is not None and tokens[k + 1].text == "for" for k in range(i, j - 1)
        )
        return for_tail and following.bare not in lexicon.PLACES

    def _gloss_end(self, j: int) -> int | None:
        """ "Biz Birgemiz (We Are Together) Fund": a translation inside a name."""
        close = next(
            (k for k in range(j + 1, min(j + 14, len(self.tokens))) if self.tokens[k].text == ")"),
            None,
        )
        if close is None or close + 1 >= len(self.tokens):
            return None
        after = self.tokens[close + 1]
        if after.capitalised and after.bare in lexicon.ORG_HEADS:
            return close
        words = [t.bare for t in self.tokens[close + 1 : close + 4]]
        if any(w in lexicon.LOWER_HEADS for w in words) or after.bare == "charity":
            return close
        return None

    def _words(self, first: int, last: int) -> list[int]:
        """Indices of the words of a run, outside any gloss in brackets."""
        result: list[int] = []
        depth = 0
        for k in range(first, last + 1):
            text = self.tokens[k].text
            if text == "(":
                depth += 1
            elif text == ")":
                depth -= 1
            elif depth == 0:
                result.append(k)
        return result

    def _name(self, indices: list[int]) -> str:
        words = [self.tokens[k].text for k in indices]
        while words and words[0].lower() in ("the", "of", "and"):
            words = words[1:]
        while words and words[-1].lower() in CONNECTORS:
            words = words[:-1]
        if words:
            words[-1] = POSSESSIVE.sub("", words[-1])
        return re.sub(
            r"\s+-\s+|\s*-\s*(?=[A-Z])", lambda m: m.group().strip() or "-", " ".join(words)
        )

    def _span(
        self, kind: EntityType, indices: list[int], org_class: OrgClass | None = None
    ) -> Span:
        while len(indices) > 1 and self.tokens[indices[0]].text.lower() in CONNECTORS:
            indices = indices[1:]
        start = self.tokens[indices[0]].start
        last = self.tokens[indices[-1]]
        end = last.start + len(POSSESSIVE.sub("", last.text))
        return Span(kind, start, end, self._name(indices), org_class)

    def _position_body(self, end: int, limit: int) -> int:
        """ "Chairman of the Board": the board is part of the title, not an organisation."""
        tokens = self.tokens
        k = end + 1
        if k <= limit and tokens[k].text == "of":
            k += 1
            if k <= limit and tokens[k].text == "the":
                k += 1
            if k <= limit and tokens[k].bare in lexicon.POSITION_BODIES:
                return k
        return end

    def _position_field(self, end: int, limit: int) -> int:
        """ "Vice President for Medical Activities of X": the field is part of the title."""
        tokens = self.tokens
        if end + 2 > limit or tokens[end + 1].text != "for":
            return end
        for k in range(end + 2, min(end + 6, limit + 1)):
            if tokens[k].text == "of":
                return k - 1 if k - 1 > end + 1 else end
            if not tokens[k].capitalised or tokens[k].head is not None:
                return end
        return end

    def _position_at(self, k: int, limit: int) -> int | None:
        """Last index of a title starting at ``k`` (two words before one), if any."""
        if (
            k + 1 <= limit
            and f"{self.tokens[k].bare} {self.tokens[k + 1].bare}" in lexicon.POSITIONS
        ):
            return k + 1
        return k if self.tokens[k].bare in lexicon.POSITIONS else None

    def _parse_run(self, first: int, last: int) -> None:
        """Split a capitalised run into titles, organisations and a person."""
        tokens = self.tokens
        words = self._words(first, last)
        w = 0
        while w < len(words):
            k = words[w]
            if tokens[k].text.lower() in CONNECTORS:
                w += 1
                continue
            if tokens[k].bare in lexicon.PLACES and POSSESSIVE.search(tokens[k].text):
                w += 1  # "Kazakhstan’s Ministry of ...": the country is no part of it
                continue
            qualifiers = lexicon.PLACES | lexicon.TITLE_PREFIXES
            if (
                tokens[k].bare in qualifiers
                and w + 1 < len(words)
                and (
                    self._position_at(words[w + 1], last) is not None
                    or tokens[words[w + 1]].bare in qualifiers
                )
            ):
                w += 1
                continue
            if (
                acronym_shaped(tokens[k].text)
                and w + 1 < len(words)
                and self._position_at(words[w + 1], last) is not None
            ):
                # "KazAID Chairman Arken Arystanov": the body, its title, the person.
                self._acronym_org(k)
                w += 1
                continue
            end = self._position_at(k, last)
            if end is not None:
                end = self._position_body(end, last)
                end = self._position_field(end, last)
                # "First Deputy Minister" keeps its rank; "Kazakh", "former" do not
                start = k - 1 if k > first and tokens[k - 1].bare in lexicon.RANKS else k
                role = " ".join(t.text.lower() for t in tokens[start : end + 1])
                self.items.append(Item("position", k, end, role=role))
                w = next((n for n, x in enumerate(words) if x > end), len(words))
                if w + 1 < len(words) and tokens[words[w]].text == "to":
                    w += 2  # "Ambassador to Georgia": the country is part of the title
                continue
            rest = words[w:]
            heads = [n for n, x in enumerate(rest) if self._heads_name(x, rest)]
            of = next((n for n, x in enumerate(rest) if tokens[x].text == "of"), None)
            if heads and of in (2, 3) and all(name_shaped(tokens[x]) for x in rest[:of]):
                # "Saule Omarova of Nazarbayev University": a name, then her body.
                self._person(rest[:of])
                w += of + 1
                continue
            if tokens[rest[0]].bare in lexicon.PLACE_HEADS or any(
                tokens[x].bare in lexicon.PLACE_HEADS for x in rest
            ):
                return
            joint = next((n for n, x in enumerate(rest) if tokens[x].text == "and"), None)
            if (
                joint is not None
                and heads
                and joint < heads[0]
                and self._body_ends(rest[joint - 1])
            ):
                # "USAID and Friedrich Ebert Foundation": two bodies, not one name with "and".
                self._closed_org(rest[:joint])
                w += joint + 1
                continue
            if (
                joint is not None
                and not any(n < joint for n in heads)
                and (not heads or self._position_in(rest[joint:]))
                and joint >= 2
                and all(name_shaped(tokens[x]) for x in rest[:joint])
                and person_shaped([tokens[x] for x in rest[:joint]])
            ):
                # "Kanat Jumabayev and Kazakh Ambassador ...": a name, then a new start.
                self._person(rest[:joint])
                w += joint + 1
                continue
            if heads:
                used = self._org(rest, heads)
                w += used
                continue
            if w and tokens[words[w - 1]].text == "of" and len(rest) >= 3:
                self._unheaded_org(rest)
                return
            self._person(rest)
            return

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
        before = [tokens[x] for x in rest if x < k]
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
            len(token.text) >= 2 and token.text.isupper() and token.text.isalpha()
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

    def _position_in(self, indices: list[int]) -> bool:
        return any(self._position_at(k, indices[-1]) is not None for k in indices)

    def _unheaded_org(self, rest: list[int]) -> None:
        """ "Minister of Ecology and Natural Resources Serik Dauletov": body, then name."""
        named = len(rest) >= 4 and all(name_shaped(self.tokens[k]) for k in rest[-2:])
        indices = rest[:-2] if named else rest
        if not all(
            self.tokens[k].capitalised or self.tokens[k].text in CONNECTORS for k in indices
        ):
            return
        span = self._span(EntityType.ORGANISATION, indices)
        self.items.append(Item("org", indices[0], indices[-1], span=span))
        if named:
            self._person(rest[-2:])

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
        joiners: tuple[str, ...] = ("of", "for", "and", "on", "the", "-", "under")
        if tokens[rest[end]].bare in lexicon.OFFICE_HEADS:
            joiners += ("in",)
        # "Foundation of the First President of Kazakhstan Kanat Jumabayev": the tail
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
                    tokens[x].text.lower() in ("of", "for") for x in rest[head + 1 : end + 1]
                )
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
            if remaining == 0 and stop - nxt >= 2 and tokens[rest[stop - 2]].bare in lexicon.PLACES:
                stop -= 2  # the last two words are the person's name
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

    def _title_ends_name(self, rest: list[int], n: int) -> bool:
        """A title inside a run ends the organisation, unless "of" continues it.

        "Foundation of the First President of Kazakhstan" keeps its "President".
        """
        end = self._position_at(rest[n], rest[-1])
        if end is None:
            return False
        following = next((m for m, x in enumerate(rest) if x > end), None)
        return following is None or self.tokens[rest[following]].text.lower() != "of"

    def _person(self, rest: list[int]) -> None:
        tokens = self.tokens
        names = [k for k in rest if tokens[k].text.lower() not in CONNECTORS]
        while len(names) > 2 and tokens[names[0]].bare in lexicon.PLACES:
            names = names[1:]
        rest = [k for k in rest if k >= names[0]] if names else rest
        if not names:
            return
        if self._quoted_after_type(names) or self._government(names) or self._outlet(names):
            return
        if self._quoted_org(names) or self._typed_org(rest):
            return
        if len(names) == 1:
            bare = POSSESSIVE.sub("", tokens[names[0]].text)
            if bare in lexicon.KNOWN_ACRONYMS:
                span = self._span(EntityType.ORGANISATION, names, OrgClass.INTERNATIONAL)
                self.items.append(Item("org", names[0], names[0], span=span))
                return
            self.singles.append(tokens[names[0]])
            return
        if (
            2 <= len(names) <= 4
            and all(name_shaped(tokens[k]) for k in names)
            and names == rest
            and person_shaped([tokens[k] for k in names])
            and names[0] not in self.quoted
        ):
            self.items.append(
                Item("person", names[0], names[-1], span=self._span(EntityType.PERSON, names))
            )
            return

    def _typed_org(self, names: list[int]) -> bool:
        """ "political party the Democratic Choice": a lower-case head types the name."""
        # Only with "the": in "public union Konstantin Avershin" the name is a person's.
        k = names[0] - 2
        head = self.tokens[k] if k >= 0 and self.tokens[k + 1].text == "the" else None
        if head is None or head.capitalised or head.bare not in lexicon.LOWER_HEADS:
            return False
        span = self._span(EntityType.ORGANISATION, names, lexicon.ORG_HEADS.get(head.bare))
        self.items.append(Item("org", names[0], names[-1], span=span))
        return True

    def _quoted_after_type(self, names: list[int]) -> bool:
        """ "the NGO “Bright Future”", "the public foundation “X”": a type, then the name."""
        tokens = self.tokens
        k = names[0]
        if k < 2 or tokens[k - 1].text not in _QUOTES or names[-1] + 1 >= len(tokens):
            return False
        closed = tokens[names[-1] + 1].text == _QUOTES[tokens[k - 1].text]
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
        if k < len(tokens) and tokens[k].bare in lexicon.UNIT_WORDS:
            k += 1
        if k >= len(tokens) or tokens[k].text not in lexicon.GOVERNMENT_WORDS:
            return False
        start, end = tokens[names[0]].start, tokens[k].end
        name = " ".join(self.text[start:end].split())
        span = Span(EntityType.ORGANISATION, start, end, name, OrgClass.GOVERNMENT)
        self.items.append(Item("org", names[0], k, span=span))
        return True

    def _quoted_org(self, names: list[int]) -> bool:
        """A name before a lower-case head: "‘Alga’ party", "Ya-Almaatinets (gloss) union"."""
        tokens = self.tokens
        if all(tokens[k].bare in lexicon.PLACES for k in names):
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
        for n in range(j, min(j + 3, len(tokens))):
            if tokens[n].bare in lexicon.LOWER_HEADS and not tokens[n].capitalised:
                org_class = lexicon.ORG_HEADS.get(tokens[n].bare)
                # "BTS Digital IT company": a short capitalised sector word types the head.
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

    def _lower_position(self, k: int) -> None:
        """Lower-case titles ("head of Kaspi Bank") are positions too."""
        if self.tokens[k].capitalised:
            return
        end = self._position_at(k, len(self.tokens) - 1)
        if end is not None:
            role = " ".join(t.bare for t in self.tokens[k : end + 1])
            self.items.append(Item("position", k, end, role=role))
