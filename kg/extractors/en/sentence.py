"""The rules applied to one sentence: capitalised runs split into titles, bodies, people."""

from __future__ import annotations

from kg.extractors.common import Span
from kg.extractors.en.agreements import find_agreements
from kg.extractors.en.events import find_events
from kg.extractors.en.orgs import OrgRules
from kg.extractors.en.repairs import Repairs
from kg.extractors.en.roles import find_roles
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

# Words that open a noun phrase, not a unit's name.
_ARTICLES = frozenset({"the", "a", "an", "its", "their", "his", "her"})
# Endings of adjectives, which a name's first word may be ("Eurasian National University")
# but a body's short name is not.
_ADJECTIVE_ENDINGS = ("an", "ish", "ese", "ic", "al", "ern")


class Sentence(OrgRules, Repairs):
    """The rules applied to one sentence."""

    def run(self) -> None:
        if self._all_capitals():
            return  # "FORUM HELD IN ASTANA": capitals mark nothing; known acronyms still do
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
        self._internal_units()
        self._unit_titles()
        self._typed_appositions()
        self._numbered_meetings()
        self.items = [item for item in self.items if not self._bare_head(item)]
        self._shared_heads()
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

    def _person_of_acronym(self, first: int, last: int) -> int | None:
        """Where a person's two or three names open, when a run ends "..., and X Y of
        ACRONYM" or is "X Y of ACRONYM"."""
        tokens = self.tokens
        k = last - 1
        if k - first < 2 or tokens[k].text != "of" or not acronym_shaped(tokens[last].text):
            return None
        for size in (2, 3):
            j = k - size
            if j < first or (j > first and tokens[j - 1].text != "and"):
                continue
            name = list(tokens[j:k])
            if all(name_shaped(t) for t in name) and person_shaped(name):
                return j
        return None

    def _person_then_and(self, first: int, last: int) -> int | None:
        """The "and" of a run that follows a person's name and precedes a body's head."""
        tokens = self.tokens
        for k in range(first + 2, last):
            if tokens[k].text != "and":
                continue
            name = tokens[k - 2 : k]
            if not (all(name_shaped(t) for t in name) and person_shaped(list(name))):
                continue
            if any(t.head is not None for t in tokens[first:k]):
                return None  # "Ministry of Science and Higher Education"
            if any(t.head is not None for t in tokens[k + 1 : last + 1]):
                return k
        return None

    def _parse_run(self, first: int, last: int) -> None:
        """Split a capitalised run into titles, organisations and a person."""
        tokens = self.tokens
        joint = next(
            (
                k
                for k in range(first + 1, last)
                if tokens[k].text in ("and", "&") and tokens[k + 1].text == "the"
            ),
            None,
        )
        if joint is not None:
            # "the United Nations and the Kazakh government", "the Civic Hub and the
            # Bilim Foundation": two phrases, each parsed on its own
            self._parse_run(first, joint - 1)
            self._parse_run(joint + 2, last)
            return
        typed = next(
            (k for k in range(first, last) if tokens[k].text in lexicon.NGO_ACRONYMS), None
        )
        if typed is not None and tokens[typed + 1].capitalised:
            # "the French NGO Solidarités": no person is called an NGO; what follows names it
            if any(tokens[k].bare not in places.PLACES for k in range(first, typed)):
                self._parse_run(first, typed - 1)
            span = self._span(
                EntityType.ORGANISATION, list(range(typed + 1, last + 1)), OrgClass.NGO
            )
            self.items.append(Item("org", typed + 1, last, span=span))
            return
        name_first = self._person_of_acronym(first, last)
        if name_first is not None:
            # "Dana Bekova of UNDP", "A and Dana Bekova of UNDP": the person, then the
            # body she is of
            if name_first > first:
                self._parse_run(first, name_first - 2)
            self._parse_run(name_first, last - 2)
            self._parse_run(last, last)
            return
        person_and = self._person_then_and(first, last)
        if person_and is not None:
            # "Senator Bekbolat Orynbekov and Mazhilis deputy Aidos Sarym": a person,
            # then the next phrase, never one body's name
            self._parse_run(first, person_and - 1)
            self._parse_run(person_and + 1, last)
            return
        words = self._words(first, last)
        w = 0
        while w < len(words):
            k = words[w]
            if tokens[k].text.lower() in CONNECTORS:
                w += 1
                continue
            if tokens[k].bare in places.PLACES and POSSESSIVE.search(tokens[k].text):
                w += 1  # "Kazakhstan’s Ministry of ...": the country is no part of it
                continue
            field = self._minister_field(words, w, last)
            if field is not None:
                w = field  # "Foreign Minister": the ministry, then the title
                continue
            # "Kazakh President", "Former Minister", "Aktobe Region Akim": qualifiers of a
            # title, no name's words ("Kyzylorda Oblast Akimat" names a body)
            titled = self._qualified_title(words, w, last)
            if titled is not None:
                w = titled
                continue
            if (
                acronym_shaped(tokens[k].text)
                and w + 1 < len(words)
                and self._position_at(words[w + 1], last) is not None
            ):
                # "StepAID Chairman Marat Oskenov": the body, its title, the person.
                self._acronym_org(k)
                w += 1
                continue
            if (
                w + 1 < len(words)
                and (self._position_at(words[w + 1], last) or 0) > words[w + 1]
                and self._body_before_title(k)
            ):
                # "Internews Regional Director Olga Pak": a one-word body, its title of
                # two or more words, the person ("Special Representative" is one title)
                self._unheaded_org([k])
                w += 1
                continue
            if self._acronym_before_name(words, w):
                # "secretary general of UST Dauren Omarov": the body, then its person
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
                role = lexicon.SINGULAR_TITLES.get(role, role)
                self.items.append(Item("position", k, end, role=role))
                w = next((n for n, x in enumerate(words) if x > end), len(words))
                if w + 1 < len(words) and tokens[words[w]].text == "to":
                    w += 2  # "Ambassador to Georgia": the country is part of the title
                continue
            rest = words[w:]
            if self._after_minister_of(w, words):
                used = self._minister_of(rest)
                if used:
                    w += used
                    continue
            heads = [n for n, x in enumerate(rest) if self._heads_name(x, rest)]
            of = next((n for n, x in enumerate(rest) if tokens[x].text == "of"), None)
            if heads and of in (2, 3) and all(name_shaped(tokens[x]) for x in rest[:of]):
                # "Saule Nurova of Steppe University": a name, then her body.
                self._person(rest[:of])
                w += of + 1
                continue
            if tokens[rest[0]].bare in places.PLACE_HEADS or any(
                tokens[x].bare in places.PLACE_HEADS for x in rest
            ):
                return
            if self._venue(rest):
                return
            joint = next((n for n, x in enumerate(rest) if tokens[x].text == "and"), None)
            if joint and all(tokens[x].bare in places.PLACES for x in rest[:joint]):
                w += joint + 1  # "Kazakhstan and the European Union": a country is no body
                continue
            if (
                joint is not None
                and heads
                and joint < heads[0]
                and self._body_ends(rest[joint - 1])
            ):
                # "USAID and Steppe Water Foundation": two bodies, not one name with "and".
                self._closed_org(rest[:joint])
                w += joint + 1
                continue
            if (
                joint is not None
                and not any(n < joint for n in heads)
                and (not heads or self._position_in(rest[joint:]))
                and joint >= 2
                and all(self._name_word(x) for x in rest[:joint])
                and person_shaped([tokens[x] for x in rest[:joint]])
            ):
                # "Daulet Serikov and Kazakh Ambassador ...": a name, then a new start.
                self._person(rest[:joint])
                w += joint + 1
                continue
            if heads:
                used = self._org(rest, heads)
                w += used
                continue
            if w and tokens[words[w - 1]].text == "of" and len(rest) >= 3:
                if tokens[rest[0]].bare in places.PLACES:
                    # "Rector of Uzbekistan N. A. Temirov": a country is no body
                    n = next(
                        (n for n, x in enumerate(rest) if tokens[x].bare not in places.PLACES), 0
                    )
                    if 0 < n < len(rest) - 1 and tokens[rest[n]].text in ("-", "–", "—"):
                        w += n + 1  # "Rector of Uzbekistan - Leader of the Nation X"
                        continue
                    self._person(rest)
                    return
                self._unheaded_org(rest)
                return
            if len(rest) == 2 and self._after_title_of(rest[0]):
                self._unheaded_org(rest)  # "editor-in-chief of Steppe Daily": a body
                return
            self._person(rest)
            return

    def _body_before_title(self, k: int) -> bool:
        """Whether the one capitalised word before a title is a body's name, not a word
        of the title ("Senior Advisor", "Honorary Consul") or a person's."""
        token = self.tokens[k]
        if not name_shaped(token) or token.bare in lexicon.TITLE_MODIFIERS:
            return False
        # "Olga Pak Regional Director" is no English order; a name word before a title
        # that follows a name word ("Marat Director") is no body either
        return not (k > 0 and name_shaped(self.tokens[k - 1]))

    def _after_title_of(self, k: int) -> bool:
        """Whether "TITLE of" stands right before token ``k``: what a title is "of" is a
        body ("director of Steppe Daily"), never a person."""
        if k < 2 or self.tokens[k - 1].text != "of":
            return False
        return any(i.kind == "position" and i.last == k - 2 for i in self.items)

    def _after_minister_of(self, w: int, words: list[int]) -> bool:
        """Whether ``words[w]`` follows "Minister of" (the ministry's field starts there)."""
        if not w or self.tokens[words[w - 1]].text != "of" or not self.items:
            return False
        title = self.items[-1]
        return title.kind == "position" and (title.role or "").endswith("minister")

    def _minister_of(self, rest: list[int]) -> int:
        """The field after "Minister of", when a name or the run's end closes it.

        "Gani Beisembayev, Minister of Education, said": the run ends with the field.
        "Minister of Education Gani Bekov and UNICEF Representative X": the field and
        the minister's name end before "and", where a new item starts. "Minister of
        Labour and Social Protection X" keeps its "and": no name stands before it.
        Returns how many words of ``rest`` were used (0: leave it to the general parse).
        """
        tokens = self.tokens
        joint = next((n for n, x in enumerate(rest) if tokens[x].text == "and"), len(rest))
        part = rest[:joint]
        last_two = [tokens[k] for k in part[-2:]]
        named = len(part) >= 3 and all(name_shaped(t) for t in last_two) and person_shaped(last_two)
        if named and joint < len(rest):
            self._unheaded_org(part)
            return joint + 1
        if joint == len(rest) and 1 <= len(rest) <= 4:
            self._unheaded_org(rest)
            return len(rest)
        return 0

    def _name_word(self, k: int) -> bool:
        """A word of a personal name: a capitalised word, or an initial and its stop."""
        if name_shaped(self.tokens[k]) or self._initial(k):
            return True
        return self.tokens[k].text == "." and k > 0 and self._initial(k - 1)

    def _minister_field(self, words: list[int], w: int, last: int) -> int | None:
        """ "Education Minister X": the title names the Ministry of Education.

        Adds the ministry and returns the index (into ``words``) of "Minister", if the
        words from ``w`` are a field before it.
        """
        tokens = self.tokens
        start = w
        while start < len(words) and tokens[words[start]].bare in places.PLACES:
            start += 1
        m = start
        while m < len(words) and m - start < 4 and tokens[words[m]].bare != "minister":
            word = tokens[words[m]]
            if not (word.capitalised or word.text == "and") or word.bare in lexicon.POSITIONS:
                return None
            if word.bare in lexicon.TITLE_PREFIXES:
                return None
            if word.bare in shapes.NOT_NAMES and not self._field_and(words[start:m]):
                return None
            m += 1
        if m == start or m >= len(words) or tokens[words[m]].bare != "minister":
            return None
        field = [tokens[k].text for k in words[start:m]]
        if field[0].lower() in lexicon.NOT_MINISTRIES or field[-1].lower() == "and":
            return None
        name = lexicon.MINISTRY_FIELDS.get(" ".join(field).lower(), " ".join(field))
        first, end = tokens[words[start]], tokens[words[m - 1]]
        span = Span(
            EntityType.ORGANISATION,
            first.start,
            end.end,
            f"Ministry of {name}",
            OrgClass.GOVERNMENT,
        )
        self.items.append(Item("org", words[start], words[m - 1], span=span))
        return m

    def _acronym_before_name(self, words: list[int], w: int) -> bool:
        """An acronym the article uses for a body (or after "of"), then a person's name."""
        tokens = self.tokens
        k = words[w]
        text = POSSESSIVE.sub("", tokens[k].text)
        name = [tokens[x] for x in words[w + 1 :]]
        return (
            acronym_shaped(text)
            and text.isalpha()
            and tokens[k].bare not in places.PLACES
            and (text in self.known or text in lexicon.KNOWN_ACRONYMS or tokens[k - 1].text == "of")
            and 2 <= len(name) <= 3
            and all(name_shaped(t) for t in name)
            and person_shaped(name)
        )

    def _field_and(self, before: list[int]) -> bool:
        """ "Transport and Road Development Minister": an "and" inside a minister's
        field, after a field word; "Bolat Nurov and Education Minister" joins a name."""
        word = self.tokens[before[-1] + 1] if before else None
        return (
            word is not None
            and word.text == "and"
            and not person_shaped([self.tokens[k] for k in before])
        )

    def _qualified_title(self, words: list[int], w: int, last: int) -> int | None:
        """Where the title starts after the qualifiers from word ``w``, if they qualify one."""
        tokens = self.tokens
        qualifiers = places.PLACES | places.CITIES | places.UNIT_WORDS | lexicon.TITLE_PREFIXES
        n = w
        while n < len(words) and tokens[words[n]].bare in qualifiers:
            n += 1
        if n == w or n >= len(words):
            return None
        if self._position_at(words[n], last) is not None:
            return n
        # "Former UNDP Resident Representative X"
        acronym = acronym_shaped(tokens[words[n]].text)
        if acronym and n + 1 < len(words) and self._position_at(words[n + 1], last) is not None:
            return n
        return None

    def _short_name(self, k: int) -> Span | None:
        """ "director of Internews" after "Internews Network": a name's own first word,
        alone, is the one body the article named with it (not a place, a nationality or
        an adjective: "Kazakh" of "Kazakh National University" names nothing)."""
        token = self.tokens[k]
        word = token.bare
        if (
            k == 0
            or word in places.PLACES
            or word in places.DEMONYMS
            or word in lexicon.ORG_HEADS
            or word.endswith(_ADJECTIVE_ENDINGS)
        ):
            return None
        bodies: dict[str, OrgClass | None] = {}
        for m in self.builder.mentions:
            words = m.name.lower().split()
            if m.end > token.start or len(words) < 2 or words[0] != word:
                continue
            if m.type is EntityType.PERSON:
                return None  # a first name
            bodies.setdefault(m.name, m.org_class)
        if len(bodies) != 1:
            return None
        ((name, org_class),) = bodies.items()
        end = token.start + len(POSSESSIVE.sub("", token.text))
        return Span(EntityType.ORGANISATION, token.start, end, name, org_class)

    def _unheaded_org(self, rest: list[int]) -> None:
        """ "Minister of Water and Forest Resources Serik Dauletov": body, then name."""
        last_two = [self.tokens[k] for k in rest[-2:]]
        named = len(rest) >= 3 and all(name_shaped(t) for t in last_two) and person_shaped(last_two)
        indices = rest[:-2] if named else rest
        if not all(
            self.tokens[k].capitalised or self.tokens[k].text in CONNECTORS for k in indices
        ):
            return
        span = self._span(EntityType.ORGANISATION, indices)
        self.items.append(Item("org", indices[0], indices[-1], span=span))
        if named:
            self._person(rest[-2:])

    def _person(self, rest: list[int]) -> None:
        tokens = self.tokens
        names = [k for k in rest if tokens[k].text.lower() not in CONNECTORS]
        # "Kazakh Bolat Nurov" is a person; "Kazakhstan Temir Zholy" names a company
        named_by_place = False
        # "Representative in Kazakhstan Arthur Lee": the place ends the title before it
        after_title = (
            bool(names)
            and (
                tokens[names[0] - 1].text in ("in", "to", "of")
                or (tokens[names[0] - 1].text == "the" and tokens[names[0] - 2].text == "of")
            )
            and any(
                i.kind in ("position", "org")
                and names[0] - i.last > 0
                and (names[0] - i.last <= 8 or self._title_words(i.last + 1, names[0]))
                for i in self.items
            )
            and any(i.kind == "position" for i in self.items)
        )
        while len(names) > 2 and tokens[names[0]].bare in places.PLACES:
            named_by_place = named_by_place or (
                tokens[names[0]].bare not in places.DEMONYMS and not after_title
            )
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
            if bare in self.known:
                self._acronym_org(names[0])  # "Chairman of the SLC": the body it stands for
                return
            if bare in lexicon.KNOWN_ACRONYMS:
                span = self._span(EntityType.ORGANISATION, names, OrgClass.INTERNATIONAL)
                self.items.append(Item("org", names[0], names[0], span=span))
                return
            short = self._short_name(names[0])
            if short is not None:
                self.items.append(Item("org", names[0], names[0], span=short))
                return
            self.singles.append(tokens[names[0]])
            return
        words = [k for k in names if tokens[k].text != "."]  # "A. Bekova": initials
        if (
            2 <= len(words) <= 4
            and all(
                name_shaped(tokens[k]) or self._particle(k, names) or self._initial(k)
                for k in words
            )
            and not all(self._initial(k) for k in words)
            and names == rest
            and person_shaped([tokens[k] for k in words])
            and not named_by_place
            and names[0] not in self.quoted
            # "of the Eco Steppe board": after an article, capitalised words name a thing
            and not (names[0] > 0 and tokens[names[0] - 1].text.lower() == "the")
        ):
            self.items.append(
                Item("person", names[0], names[-1], span=self._span(EntityType.PERSON, names))
            )
            return

    def _venue(self, rest: list[int]) -> bool:
        """ "held at the Steppe Museum": an institution named as where something happened
        is a place there; "director of the Steppe Museum" is the body."""
        tokens = self.tokens
        k = rest[0] - 1
        if k >= 0 and tokens[k].bare == "the":
            k -= 1
        return (
            k >= 0
            and tokens[k].bare in ("at", "in")
            and any(tokens[x].bare in places.VENUE_HEADS for x in rest)
        )

    def _title_words(self, first: int, end: int) -> bool:
        """Tokens ``first`` up to ``end`` continue a long title ("of the Department of
        Trade of Japan in"): capitalised words and the small words between them."""
        return all(
            t.capitalised or t.text in CONNECTORS or t.text in ("in", "to")
            for t in self.tokens[first:end]
        )

    def _particle(self, k: int, names: list[int]) -> bool:
        """ "Arthur van Diesen": a lower-case particle inside a person's name."""
        return names[0] < k < names[-1] and self.tokens[k].text in shapes.NAME_PARTICLES

    def _lower_position(self, k: int) -> None:
        """Lower-case titles ("head of Steppe Bank") are positions too."""
        if self.tokens[k].capitalised:
            return
        end = self._position_at(k, len(self.tokens) - 1)
        if end is not None:
            end = self._unit_of_title(end)
            role = " ".join(t.bare for t in self.tokens[k : end + 1])
            role = lexicon.SINGULAR_TITLES.get(role, role)
            self.items.append(Item("position", k, end, role=role))

    def _unit_of_title(self, end: int) -> int:
        """ "director of programmes at X", "head of communications of X": the unit after
        "of" belongs to the title (the conventions put internal units in the role)."""
        tokens = self.tokens
        if end + 3 >= len(tokens) or tokens[end + 1].text != "of":
            return end
        unit, after = tokens[end + 2], tokens[end + 3]
        if unit.capitalised or not unit.text.isalpha() or unit.bare in _ARTICLES:
            return end
        return end + 2 if after.text in ("at", "of") else end
