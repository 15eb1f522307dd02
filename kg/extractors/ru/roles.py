"""Who holds which position in which organisation: chains of items around a person."""

from __future__ import annotations

from collections.abc import Sequence

from kg.extractors.common import Span
from kg.extractors.ru.base import Item, SentenceBase
from kg.extractors.ru.tokens import Token
from kg.lang.ru import lexicon, morph
from kg.model import EntityType


class RoleRules(SentenceBase):
    """Links people to the positions and organisations next to them."""

    def _roles(self, items: list[Item]) -> set[int]:
        used: set[int] = set()
        claimed: list[tuple[Item, Item]] = []  # (position, organisation) linked so far
        listed: list[tuple[Item, Item]] = []  # the pairs of a member list's first person
        for index, item in enumerate(items):
            if item.kind != "person":
                continue
            assert item.span is not None
            chain: list[tuple[Item | None, Item]] = []
            before = self._chain_before(items, index)
            if self._listed_after(items, index):
                chain += listed  # "члены правления X А, Б и В": Б and В too
            else:
                listed = self._member_list(items, index, claimed)
                listed += [(p, o) for p, o in before if p.plural]
                chain += listed
            chain += before
            chain += self._chain_after(items, index)
            chain += self._appointed(items, index)
            chain += self._appointed_by_body(items, index)
            chain += self._appointed_before(items, index)
            chain += self._bracketed(items, index)
            if not chain:
                chain += self._composition(items, index)
            if not chain:
                chain += self._possessive(items, index, claimed)
            if not chain:
                chain += self._for_the_side(items, index)
            claimed += [(p, o) for p, o in chain if p is not None]
            for position, org in chain:
                assert org.span is not None
                role = position.role if position is not None else None
                self.builder.role(item.span, org.span, role, self.bounds)
                used.add(org.first)
        if not used:
            used |= self._heads_verb(items)
        if not used:
            used |= self._works_in(items)
        return used

    def _works_in(self, items: list[Item]) -> set[int]:
        """ "Имя много лет работала в объединении X": the person works for the body.

        One person before a form of "работать" / "трудиться" and the body right after
        its "в"; a title in the instrumental ("работает координатором в X") is the rules'
        before this one.
        """
        tokens = self.tokens
        verb = next((k for k, t in enumerate(tokens) if t.lemma in lexicon.WORKING_VERBS), None)
        if verb is None:
            return set()
        people = [i for i in items if i.kind == "person" and i.last < verb]
        k = verb + 1
        if k < len(tokens) and tokens[k].pos == "ADV":
            k += 1  # "работала там в ...", "работает сейчас в"
        if k + 1 >= len(tokens) or tokens[k].text.lower() not in ("в", "во"):
            return set()
        org = next((i for i in items if i.kind == "org" and i.first == k + 1), None)
        if len(people) != 1 or org is None or org.span is None:
            return set()
        person = people[0]
        assert person.span is not None
        self.builder.role(person.span, org.span, None, self.bounds)
        return {org.first}

    def _heads_verb(self, items: list[Item]) -> set[int]:
        """ "Имя возглавил фонд X", "Фонд X возглавляет Имя": the person heads the body.

        Only with one person and one organisation on either side of the verb; the words
        naming a unit between the verb and the organisation go into the role ("возглавил
        попечительский совет фонда X" -> "глава попечительского совета").
        """
        tokens = self.tokens
        verb = next((k for k, t in enumerate(tokens) if t.lemma in lexicon.HEADING_VERBS), None)
        if verb is None:
            return set()
        people = [i for i in items if i.kind == "person"]
        orgs = [i for i in items if i.kind == "org" and not i.parent]
        before = [p for p in people if p.last < verb], [o for o in orgs if o.last < verb]
        after = [p for p in people if p.first > verb], [o for o in orgs if o.first > verb]
        nearest = self._participle_subject(verb, before[0])
        if nearest is not None and after[1]:
            # "Имя Фамилию, ранее возглавлявшего управление X": the participle's person
            person, org = nearest, after[1][0]
            unit = [morph.genitive(t.text) for t in tokens[verb + 1 : org.first]]
        elif len(before[0]) == 1 and not before[1] and after[1] and not after[0]:
            person, org = before[0][0], after[1][0]
            unit = [morph.genitive(t.text) for t in tokens[verb + 1 : org.first]]
        elif len(before[1]) == 1 and not before[0] and len(after[0]) == 1 and not after[1]:
            person, org, unit = after[0][0], before[1][0], []
        elif (
            not orgs
            and len(after[0]) == 1
            and not before[0]
            and verb > 0
            and tokens[verb - 1].text.lower() in ("его", "её", "ее")
            and (earlier := self._last_body()) is not None
        ):
            # "Фонд X создан в 2015 году. Его возглавляет Имя": the body named before
            person, org, unit = after[0][0], Item("org", -1, -1, span=earlier), []
        elif not people and not before[1] and after[1] and self._elided_subject(verb):
            # "Также (он) возглавлял фонд X": the person of the sentences before
            person = Item("person", -1, -1, span=self.people[-1])
            org = after[1][0]
            unit = [morph.genitive(t.text) for t in tokens[verb + 1 : org.first]]
        else:
            return set()
        parents = [i for i in items if i.kind == "org" and i.parent and i.first > org.first]
        if org.first > verb and parents and self._lower_branch(org):
            # "возглавлял областной филиал партии X": the party, the branch in the role
            org = parents[0]
            unit = [morph.genitive(t.text) for t in tokens[verb + 1 : org.first]]
        if any(t.pos in ("VERB", "PUNCT") for t in tokens[verb + 1 : org.first]):
            return set()
        assert person.span is not None and org.span is not None
        role = " ".join(["глава", *unit]).lower()
        self.builder.role(person.span, org.span, role, self.bounds)
        return {org.first}

    def _last_body(self) -> Span | None:
        """The organisation the article named last before this sentence."""
        bodies = [
            m
            for m in self.builder.mentions
            if m.type is EntityType.ORGANISATION and m.end <= self.bounds[0]
        ]
        if not bodies:
            return None
        m = bodies[-1]
        return Span(m.type, m.start, m.end, m.name, m.org_class)

    def _participle_subject(self, verb: int, people: list[Item]) -> Item | None:
        """The person a heading participle follows ("Имя, ранее возглавлявший ...")."""
        if not people or not self.tokens[verb].inflected:
            return None
        person = people[-1]
        between = self.tokens[person.last + 1 : verb]
        if all(t.pos in ("ADV", "PUNCT") for t in between):
            return person
        return None

    def _lower_branch(self, org: Item) -> bool:
        """A branch named by a lower-case common noun ("областной филиал партии X")."""
        words = self.tokens[org.first : org.last + 1]
        return any(t.lemma in lexicon.BRANCH_HEADS and not t.titled for t in words[:3])

    def _elided_subject(self, verb: int) -> bool:
        """A finite heading verb whose subject is left out or a pronoun ("Также он
        возглавлял ..."), with a person named earlier in the article to stand for it."""
        words = [t for t in self.tokens[:verb] if t.pos != "PUNCT"]
        return (
            bool(self.people)
            and self.tokens[verb].pos == "VERB"
            and all(t.pos in ("ADV", "PRON", "CCONJ", "PART") for t in words)
        )

    def _possessive(
        self, items: list[Item], index: int, claimed: list[tuple[Item, Item]]
    ) -> list[tuple[Item | None, Item]]:
        """ "Кемаль Озен и его заместитель Имя", "Фонд X представлял его директор Имя".

        The title is held in the body of the person linked last, or else in the last
        organisation named before it in the sentence.
        """
        k = index - 1
        if k < 0 or items[k].kind != "position" or items[k].implied is not None:
            return []
        position = items[k]
        if position.first == 0 or self.tokens[position.first - 1].text.lower() not in (
            lexicon.POSSESSIVES
        ):
            return []
        if not self.gap_ok(position.last, items[index].first):
            return []
        if claimed:
            return [(position, claimed[-1][1])]
        orgs = [o for o in items[:k] if o.kind == "org" and not o.parent]
        if orgs:
            return [(position, orgs[-1])]
        # "Фонд X провел встречу. Его председатель Имя рассказал ...": the body before
        earlier = self._last_body() if position.first == 1 else None
        return [(position, Item("org", -1, -1, span=earlier))] if earlier is not None else []

    def _for_the_side(self, items: list[Item], index: int) -> list[tuple[Item | None, Item]]:
        """ "Со стороны альянса документ подписала председатель Имя": the title is held in
        the side the sentence opens with, when no other body comes between."""
        k = index - 1
        if k < 1 or items[k].kind != "position" or items[k].implied is not None:
            return []
        position = items[k]
        if not self.gap_ok(position.last, items[index].first):
            return []
        tokens = self.tokens
        for j in range(k - 1, -1, -1):
            item = items[j]
            if item.kind != "org":
                continue
            opening = " ".join(t.text.lower() for t in tokens[max(0, item.first - 2) : item.first])
            return [(position, item)] if opening in lexicon.SIDE_WORDS else []
        return []

    def _listed_after(self, items: list[Item], index: int) -> bool:
        """True when the person follows another person with only "," or "и" between."""
        if index == 0 or items[index - 1].kind != "person":
            return False
        between = self.tokens[items[index - 1].last + 1 : items[index].first]
        return bool(between) and all(t.text in (",", "и") for t in between)

    def _member_list(
        self, items: list[Item], index: int, claimed: list[tuple[Item, Item]]
    ) -> list[tuple[Item, Item]]:
        """ "члены совета директоров А, Б": a plural position heads a list of people.

        Without an organisation of its own, the position belongs to the one an earlier
        position of the sentence with the same body words was linked to ("председатель
        совета директоров X, и члены совета директоров А, Б").
        """
        k = index - 1
        if k < 0 or items[k].kind != "position" or not items[k].plural:
            return []
        if not self.gap_ok(items[k].last, items[index].first):
            return []
        position = items[k]
        assert position.role is not None
        body = position.role.split()[1:]
        for earlier, org in reversed(claimed):
            assert earlier.role is not None
            if body and earlier.role.split()[1:] == body:
                return [(position, org)]
        return []

    def _composition(self, items: list[Item], index: int) -> list[tuple[Item | None, Item]]:
        """ "В состав попечительского совета фонда X вошли А, Б": each is a member of
        the body's board, which goes into the role ("член попечительского совета")."""
        tokens = self.tokens
        opening = next(
            (
                k
                for k in range(len(tokens) - 1)
                if tokens[k].text.lower() == "в" and tokens[k + 1].lemma == _COMPOSITION
            ),
            None,
        )
        if opening is None:
            return []
        board = opening + 2
        org = next((i for i in items if i.kind == "org" and i.first > board), None)
        person = items[index]
        if org is None or org.span is None or not org.last < person.first:
            return []
        words = tokens[board : org.first]
        if not words or any(t.titled or t.case != "gent" for t in words):
            return []  # "в состав вошли": the body itself, no board of it
        between = tokens[org.last + 1 : person.first]
        if not any(t.lemma in _JOINING for t in between):
            return []
        role = " ".join([_MEMBER, *(t.text.lower() for t in words)])
        return [(Item("position", board, org.first - 1, role=role), org)]

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
            if (
                items[k].plural
                and any(i.kind == "position" for i in run)
                and not self._one_of(k, items)
            ):
                break  # "представители фонда X и депутат Сената Имя": others, unnamed
            run.insert(0, items[k])
            right = items[k].first
            if items[k].plural:
                break  # "председатель X, и члены правления А": the list starts here
            k -= 1
        return _pairs(run)

    def _one_of(self, k: int, items: list[Item]) -> bool:
        """ "один из заместителей председателя X": a plural title that names one person."""
        first = items[k].first
        return first > 0 and self.tokens[first - 1].text.lower() == "из"

    def _chain_after(self, items: list[Item], index: int) -> list[tuple[Item, Item]]:
        """ ", директор X", " (директор X)": positions after a person and a comma, a dash
        or a bracket."""
        k = index + 1
        if k >= len(items) or items[k].kind != "position":
            return []
        between = self.tokens[items[index].last + 1 : items[k].first]
        if not between or between[0].text not in (",", "–", "—", "-", "("):
            return []
        run: list[Item] = []
        left = items[index].last
        while k < len(items) and items[k].kind != "person" and self.gap_ok(left, items[k].first):
            if items[k].plural:
                return _pairs(run)  # ", и члены правления А, Б": a list of others begins
            run.append(items[k])
            left = items[k].last
            k += 1
        if k < len(items) and items[k].kind == "person" and self.gap_ok(left, items[k].first):
            return []  # ", директор X Имя Фамилия": the title belongs to the next person
        return _pairs(run)

    def _appointed(self, items: list[Item], index: int) -> list[tuple[Item, Item]]:
        """ "Имя был назначен директором X", "избрана председателем X", "является
        членом X": a position in the instrumental after the verb that gives or holds it."""
        k = index + 1
        if k >= len(items) or items[k].kind != "position":
            return []
        position = items[k]
        between = self.tokens[items[index].last + 1 : position.first]
        if not self._given_by_verb(between, position):
            return []
        run = [position]
        left = position.last
        k += 1
        while k < len(items) and items[k].kind == "org" and self.gap_ok(left, items[k].first):
            run.append(items[k])
            left = items[k].last
            k += 1
        return _pairs(run)

    def _appointed_by_body(self, items: list[Item], index: int) -> list[tuple[Item, Item]]:
        """ "Фонд X назначил Имя своим директором", "Правление фонда X избрало Имя
        председателем": the body that gives the post, the post in the instrumental."""
        k = index + 1
        if k >= len(items) or items[k].kind != "position" or index == 0:
            return []
        position, body = items[k], items[index - 1]
        if body.kind != "org" or (k + 1 < len(items) and items[k + 1].kind == "org"):
            return []  # "... директором фонда Y": the post is in the body named after it
        after = self.tokens[items[index].last + 1 : position.first]
        if not all(t.text.lower() in ("своим", "своей") for t in after):
            return []
        before = self.tokens[body.last + 1 : items[index].first]
        if not before or not all(_appointing(t.text.lower()) for t in before):
            return []
        if not any(t.case == "ablt" for t in self.tokens[position.first : position.last + 1]):
            return []
        return [(position, body)]

    def _given_by_verb(self, between: Sequence[Token], position: Item) -> bool:
        """Whether only a verb that gives or holds a post stands in ``between`` and the
        position is in the instrumental ("был назначен директором", "избран председателем")."""
        if between and between[0].text == ",":
            between = between[1:]  # "Имя, ранее работавший директором X": a participle
        if not between or not all(_appointing(t.text.lower()) for t in between):
            return False
        return any(
            t.case == "ablt" and t.lemma in lexicon.POSITIONS
            for t in self.tokens[position.first : position.last + 1]
        )

    def _appointed_before(self, items: list[Item], index: int) -> list[tuple[Item, Item]]:
        """ "Председателем совета фонда X избран Имя": the position in the instrumental,
        its body, then the verb and the person."""
        k = index - 1
        while k >= 0 and items[k].kind == "org":
            k -= 1
        if k < 0 or k == index - 1 or items[k].kind != "position":
            return []
        position, last_org = items[k], items[index - 1]
        between = self.tokens[last_org.last + 1 : items[index].first]
        if not self._given_by_verb(between, position):
            return []
        if any(
            not self.gap_ok(a.last, b.first)
            for a, b in zip(items[k : index - 1], items[k + 1 : index], strict=True)
        ):
            return []
        return _pairs(items[k:index])


_COMPOSITION = "состав"  # "в состав ... вошли": joined the body's membership
_JOINING = frozenset({"войти", "входить", "включить"})
_MEMBER = "член"


def _appointing(word: str) -> bool:
    """A word of the verb group that gives or holds a position ("был назначен", "ранее
    являлась", "вновь избран")."""
    return word in lexicon.APPOINTING_WORDS or word.startswith(lexicon.APPOINTING_STEMS)


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
        else:
            # "председатель X в Казахстане, координатор программ Имя": the last title
            # without an organisation of its own is held in the one named before it;
            # an occupation is not ("член совета X, адвокат Имя")
            if k == len(run) - 1 and pairs and not item.plural and not _occupation(item):
                pairs.append((item, pairs[-1][1]))
    return pairs


def _occupation(position: Item) -> bool:
    """Whether a title is an occupation ("адвокат", "журналист"), held in no body unnamed."""
    return position.role is not None and position.role.split()[0] in lexicon.PEOPLE_POSITIONS
