"""Runs of capitalised words in one sentence, and the titles and names inside them."""

from __future__ import annotations

import re
from itertools import pairwise

from kg.extractors.common import ExtractionBuilder, Span
from kg.extractors.en.events import EventFinding
from kg.extractors.en.tokens import (
    CONNECTORS,
    POSSESSIVE,
    Item,
    Token,
    name_shaped,
    person_shaped,
)
from kg.lang.en import lexicon, places, shapes
from kg.model import EntityType, OrgClass
from kg.text import QUOTE_PAIRS

# "Chargé d’Affaires": a French particle inside a capitalised title.
_PARTICLE = re.compile(r"d['’][A-Z]")
_HEADLINE_SMALL = frozenset(
    {"a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "by", "as", "vs", "via"}
)
# Lower-case plurals that end a body's name after a capitalised adjective: "Council of
# the Turkic-speaking states".
_PLURAL_TAILS = frozenset({"countries", "states", "nations", "peoples"})
# A quotation this short (in tokens) is a title, not speech.
_SHORT_QUOTE = 16

#: The words a title can begin with: most tokens begin none, and are passed at once.
_TITLE_FIRST_WORDS = frozenset(title.split()[0] for title in lexicon.POSITIONS)


#: "Almaty-based", "Shymkent-based": where a body sits, before its name.
_PLACE_BASED = re.compile(r"[A-Z][\w'’-]*-based$")


class Runs:
    """One sentence's tokens and what the rules have found in it so far."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        bounds: tuple[int, int],
        builder: ExtractionBuilder,
        acronyms: dict[str, Span] | None = None,
        after_title: bool = False,
        previous_start: int | None = None,
    ) -> None:
        self.text = text
        # Where the sentence before this one starts: a signing stated after its parties
        # ("X and Y agreed to cooperate. The memorandum was signed ...") looks back there.
        self.previous_start = previous_start
        # Acronyms the article has defined so far: "StepAID Chairman X" names the agency.
        self.known = acronyms if acronyms is not None else {}
        self.tokens = tokens
        self.bounds = bounds
        self.builder = builder
        self.items: list[Item] = []
        self.singles: list[Token] = []
        self.quoted = self._short_quotes()
        self.after_title = after_title
        self.events: list[EventFinding] = []

    def _short_quotes(self) -> frozenset[int]:
        """Token indices inside a short quotation: a title ("“A Careful Look”"), no person."""
        inside: set[int] = set()
        tokens = self.tokens
        k = 0
        while k < len(tokens):
            closer = QUOTE_PAIRS.get(tokens[k].text)
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

    def _all_capitals(self) -> bool:
        """A headline in capitals: three or more words, every one upper case."""
        words = [t.text for t in self.tokens if t.text[:1].isalpha()]
        return len(words) >= 3 and all(w.isupper() for w in words)

    def _title_case(self) -> bool:
        """A headline In Title Case: capitals say nothing about names there."""
        words = [t for t in self.tokens if t.text[:1].isalpha() and len(t.text) > 3]
        # a short lower-case word that headlines keep small ("of", "and"); "met" is a verb
        small = all(
            t.capitalised or t.text in _HEADLINE_SMALL
            for t in self.tokens
            if t.text[:1].isalpha() and len(t.text) <= 3
        )
        return len(words) >= 4 and all(t.capitalised for t in words) and small

    def _after_of(self, i: int, j: int) -> bool:
        """Whether "of" opens the words before ``j``: "Network of Volunteers", "Association
        of Young Leaders" name their people; "Leaders said" opens a sentence."""
        words = [t.text for t in self.tokens[i:j]]
        if words[-1:] == ["of"]:
            return True
        if "of" not in words:
            return False
        return all(t.capitalised for t in self.tokens[i + words.index("of") + 1 : j])

    def _after_particles(self, j: int) -> int | None:
        """Where the surname starts after one or two name particles from ``j`` ("van
        der Berg"), if a capitalised word follows them."""
        tokens = self.tokens
        k = j
        while k < len(tokens) and k - j < 2 and tokens[k].text in shapes.NAME_PARTICLES:
            k += 1
        return k if j < k < len(tokens) and tokens[k].capitalised else None

    def _run_end(self, i: int) -> int:
        """Last index of the capitalised run starting at ``i`` (i - 1 if none starts)."""
        tokens = self.tokens
        if not tokens[i].capitalised or (tokens[i].function_word and not self._initial(i)):
            return i - 1
        if i == 0 and self._opening_participle():
            return i - 1  # "Representing the Ministry of Health, ...": a verb, not a name
        end = i
        j = i + 1
        while j < len(tokens):
            token = tokens[j]
            if token.text.lower() in CONNECTORS and j + 1 < len(tokens):
                j += 1  # "Ministry Of Culture" in a Title Case headline
            elif (token.capitalised and token.text[:1].isalpha()) or _PARTICLE.match(token.text):
                # "N. A. Temirov": the initial "A." is no article; "Network of
                # Volunteers" goes on
                if (
                    token.function_word
                    and token.bare != "the"
                    and not self._initial(j)
                    and not (token.bare in shapes.PEOPLE_GROUPS and self._after_of(i, j))
                ):
                    break
                if token.bare in lexicon.SIGNING or token.bare in lexicon.HEADLINE_VERBS:
                    break  # "Steppe Fund Signs Memorandum": a headline's verb ends the name
                end = j
                j += 1
            elif tokens[j - 1].capitalised and (surname := self._after_particles(j)):
                j = surname  # "Arthur van Diesen", "Jan van der Berg"
            elif token.text == "." and self._initial(j - 1) and tokens[j + 1 :][:1] != []:
                if not tokens[j + 1].capitalised:
                    break
                j += 1  # "A. Bekova": an initial's full stop
            elif token.text.lower() in CONNECTORS or token.text == "-":
                j += 1
            elif token.bare in lexicon.LEGAL_FORMS:
                end = j  # "Konrad-Adenauer-Stiftung e.V."
                j += 1
            elif (
                token.bare in places.UNIT_WORDS
                and tokens[j - 1].capitalised
                and "of" in [t.text for t in tokens[i:j]]
            ):
                end = j  # "Akimat of the Zhasyl district of Aktau"
                j += 1
            elif (
                token.text in _PLURAL_TAILS
                and tokens[j - 1].capitalised
                and "of" in [t.text for t in tokens[i:j]]
            ):
                end = j  # "Council of the Steppe-speaking peoples"
                j += 1
            elif token.text == "to" and tokens[j - 1].bare == "ambassador":
                j += 1  # "Ambassador to Georgia Arman Yessimov" is one run
            elif token.text == "to" and self._adviser_to(j) is not None:
                j += 1  # "Adviser to the Speaker of the Senate" is one run
            elif self._name_goes_on(i, j):
                j += 1
            elif token.text == "(" and (close := self._gloss_end(j)) is not None:
                end = close
                j = close + 1
            elif token.text == "," and (last := self._field_list_end(i, j)) is not None:
                end = last  # "Ministry of Culture, Information, Sports and Youth Policy"
                j = last + 1
            else:
                break
        return end

    def _field_list_end(self, i: int, j: int) -> int | None:
        """The last word of a comma list of fields that goes on a body's name at ``j``.

        "Ministry of Culture, Information, Sports and Youth Policy": after a head and
        "of"/"for", capitalised fields joined by commas up to a final "and" field; a
        list that does not end in "and" is a list of bodies ("Ministry of Culture,
        UNDP and ...").
        """
        tokens = self.tokens
        opened = any(
            tokens[k].head == "ministry" and tokens[k + 1].text in ("of", "for")
            for k in range(i, j - 1)
        )
        if not opened:
            return None
        k = j
        while k < len(tokens) and tokens[k].text == ",":
            k += 1
            field = k
            while k < len(tokens) and tokens[k].capitalised and tokens[k].head is None:
                k += 1
            if k == field or tokens[field].function_word:
                return None
        if k + 1 >= len(tokens) or tokens[k].text != "and" or not tokens[k + 1].capitalised:
            return None
        k += 1
        last = k
        while k < len(tokens) and tokens[k].capitalised and tokens[k].head is None:
            last = k
            k += 1
        return last

    def _opening_participle(self) -> bool:
        """Whether the sentence opens with "-ing" before an article: "Speaking at the",
        "Representing the", "Following a"."""
        tokens = self.tokens
        first = tokens[0].bare
        return (
            len(tokens) > 1
            and len(first) > 5
            and first.endswith("ing")
            and tokens[1].text in ("the", "a", "an", "at", "on", "to", "for", "with")
        )

    def _initial(self, k: int) -> bool:
        """ "A." of "A. Bekova", "Zh." of "K. Zh. Nurov": an initial and its full stop."""
        tokens = self.tokens
        text = tokens[k].text
        shaped = (len(text) == 1 and text.isupper()) or text in shapes.DIGRAPH_INITIALS
        return shaped and k + 1 < len(tokens) and tokens[k + 1].text == "."

    def _name_goes_on(self, i: int, j: int) -> bool:
        """A lower-case word inside a long name: "Embassy in Kazakhstan", "Council under
        the Senate", "Fund for Assistance to Farmers in Drought"."""
        tokens = self.tokens
        word = tokens[j].text
        if j + 1 >= len(tokens) or word not in ("in", "under", "to"):
            return False
        after = tokens[j + 2] if tokens[j + 1].text == "the" and j + 2 < len(tokens) else None
        following = after or tokens[j + 1]
        if not following.capitalised or following.function_word:
            return False
        if word in ("in", "to") and tokens[j - 1].bare in lexicon.OFFICE_HEADS:
            return True  # a country office keeps its country: "Delegation to Kazakhstan"
        if word == "in" and following.bare in places.ANY_PLACE:
            # "Embassy of Japan in Kazakhstan": a mission is named by where it is too
            mission = any(
                tokens[k].bare in lexicon.OFFICE_HEADS and tokens[k + 1].text == "of"
                for k in range(i, j - 1)
            )
            if mission:
                return True
        if word == "under":
            return following.head is not None  # "Council under the Senate"
        # "for Assistance to Children": a head's "for" tail takes "to" and "in" on
        for_tail = any(
            tokens[k].head is not None and tokens[k + 1].text == "for" for k in range(i, j - 1)
        )
        return for_tail and following.bare not in places.PLACES

    def _gloss_end(self, j: int) -> int | None:
        """ "Jasyl El (Green Land) Fund": a translation inside a name."""
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
        """The words at ``indices`` as written: spaced where the text spaces them."""
        tokens = self.tokens
        while indices and tokens[indices[0]].text.lower() in ("the", "of", "and"):
            indices = indices[1:]
        while indices and tokens[indices[-1]].text.lower() in CONNECTORS:
            indices = indices[:-1]
        parts: list[str] = []
        for n, k in enumerate(indices):
            text = tokens[k].text if n + 1 < len(indices) else POSSESSIVE.sub("", tokens[k].text)
            prev = indices[n - 1] if n else None
            joined = prev is not None and prev + 1 == k and tokens[prev].end == tokens[k].start
            parts.append(text if joined or not parts else " " + text)
        return "".join(parts)

    def _span(
        self, kind: EntityType, indices: list[int], org_class: OrgClass | None = None
    ) -> Span:
        while len(indices) > 1 and self.tokens[indices[0]].text.lower() in CONNECTORS:
            indices = indices[1:]
        if kind is EntityType.ORGANISATION:
            # "the Almaty-based Center for X": where a body sits opens no part of its name
            # ("Evidence-Based Policy Institute" writes its own word in capitals)
            based = [n for n, k in enumerate(indices) if _PLACE_BASED.match(self.tokens[k].text)]
            if based and based[0] + 1 < len(indices):
                indices = indices[based[0] + 1 :]
        start = self.tokens[indices[0]].start
        last = self.tokens[indices[-1]]
        end = last.start + len(POSSESSIVE.sub("", last.text))
        if kind is EntityType.ORGANISATION:
            org_class = self._international(indices, org_class)
        return Span(kind, start, end, self._name(indices), org_class)

    def _international(self, indices: list[int], org_class: OrgClass | None) -> OrgClass | None:
        """An office or bank of an international body is international: "UNDP Country
        Office in Kazakhstan", "Asian Development Bank"."""
        words = [self.tokens[k] for k in indices]
        pairs = {f"{a.bare} {b.bare}" for a, b in pairwise(words)}
        if (
            any(t.text in lexicon.KNOWN_ACRONYMS for t in words)
            or pairs & lexicon.SPELT_ACRONYMS.keys()
            or (
                any(t.head == "bank" for t in words)
                and any(t.bare in lexicon.INTERNATIONAL_BANK_WORDS for t in words)
            )
        ):
            return OrgClass.INTERNATIONAL
        return org_class

    def _position_body(self, end: int, limit: int) -> int:
        """ "Chairman of the Board": the board is part of the title, not an organisation."""
        tokens = self.tokens
        k = end + 1
        if k <= limit and tokens[k].text == "of":
            k += 1
            if k <= limit and tokens[k].text == "the":
                k += 1
            if k < limit and tokens[k].bare in lexicon.BOARD_KINDS:
                k += 1  # "Chairman of the Management Board"
            if k <= limit and tokens[k].bare in lexicon.POSITION_BODIES:
                if (
                    k + 2 <= limit
                    and tokens[k + 1].text == "of"
                    and tokens[k + 2].bare in lexicon.POSITION_BODIES
                ):
                    return k + 2  # "Chairman of the Board of Directors"
                return k
        return end

    def _position_field(self, end: int, limit: int) -> int:
        """ "Vice President for Social Programs of X": the field is part of the title,
        as is the title served in "Adviser to the Speaker"."""
        tokens = self.tokens
        served = self._adviser_to(end + 1) if end + 1 <= limit else None
        if served is not None and served <= limit:
            return served
        if end + 2 > limit or tokens[end + 1].text != "for":
            return end
        for k in range(end + 2, min(end + 6, limit + 1)):
            if tokens[k].text == "of":
                return k - 1 if k - 1 > end + 1 else end
            if not tokens[k].capitalised or tokens[k].head not in (None, "international"):
                return end
        # "Vice-Rector for International Relations Aigul Bekova": the run's last two
        # words are the person, the words before them the field
        words = tokens[end + 2 : limit + 1]
        name = words[-2:]
        if (
            3 <= len(words) <= 6
            and all(t.capitalised for t in words)
            and all(name_shaped(t) for t in name)
            and person_shaped(name)
            # the field may be a region ("for Central Asia"), which a name could be
            and (not person_shaped(words[:-2]) or all(t.bare in places.PLACES for t in words[:-2]))
        ):
            return limit - 2
        return end

    def _adviser_to(self, j: int) -> int | None:
        """ "Adviser to the Speaker": the index of the title served, after "to" at ``j``."""
        tokens = self.tokens
        if j < 1 or tokens[j - 1].bare not in lexicon.SERVING_TITLES:
            return None
        k = j + 2 if j + 1 < len(tokens) and tokens[j + 1].text == "the" else j + 1
        if k < len(tokens) and tokens[k].bare in lexicon.POSITIONS:
            return k
        return None

    def _position_at(self, k: int, limit: int) -> int | None:
        """Last index of a title starting at ``k`` (longest first), if any."""
        if self.tokens[k].bare not in _TITLE_FIRST_WORDS:
            return None
        if k + 2 <= limit and " ".join(t.bare for t in self.tokens[k : k + 3]) in lexicon.POSITIONS:
            return k + 2
        if (
            k + 1 <= limit
            and f"{self.tokens[k].bare} {self.tokens[k + 1].bare}" in lexicon.POSITIONS
        ):
            return k + 1
        return k if self.tokens[k].bare in lexicon.POSITIONS else None

    def _position_in(self, indices: list[int]) -> bool:
        return any(self._position_at(k, indices[-1]) is not None for k in indices)
