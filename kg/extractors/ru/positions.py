"""Positions ("председатель правления") and the ministry a minister's title names."""

from __future__ import annotations

from kg.extractors.common import Span
from kg.extractors.ru.base import Item, SentenceBase
from kg.extractors.ru.names import org_name
from kg.extractors.ru.org_forms import head_lemma, known_body_at
from kg.extractors.ru.orgs import one_body_with_head
from kg.lang.ru import lexicon, morph
from kg.model import EntityType, OrgClass

# Words of the field an internal unit serves ("отдела внутренней политики"), at most.
_LONGEST_FIELD = 4


class PositionRules(SentenceBase):
    """Finds the positions of a sentence."""

    def _positions(self) -> list[Item]:
        items: list[Item] = []
        i = 0
        while i < len(self.tokens):
            token = self.tokens[i]
            plural = token.plural and token.lemma in lexicon.MEMBER_POSITIONS
            if (
                token.pos not in ("NOUN", "PROPN")
                or (token.plural and not plural)
                or token.lemma not in lexicon.POSITIONS
            ):
                i += 1
                continue
            first = i
            while first > 0 and self.tokens[first - 1].lemma in lexicon.POSITION_MODIFIERS:
                first -= 1
            last = i
            # "заместитель министра", "председатель правления": one position.
            while (
                last + 1 < len(self.tokens)
                and (
                    self.tokens[last + 1].lemma in lexicon.POSITIONS
                    or self.tokens[last + 1].lemma in lexicon.POSITION_BODIES
                )
                and self.tokens[last + 1].case == "gent"
                and self._body_of_position(last + 1)
                and not self._council_named_before(last + 1)
            ):
                last += 1
            # "координатор программ": a lower-case genitive that names no body is the
            # position's own object
            after = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
            if (
                after is not None
                and self.tokens[last].lemma not in lexicon.IMPLIED_BODIES
                and after.pos == "NOUN"
                and after.case == "gent"
                and not after.titled
                and after.ner is None
                and head_lemma(after.lemma) not in lexicon.ORG_HEADS
                and after.lemma not in lexicon.UNIT_HEADS
                and after.lemma not in lexicon.NOT_OBJECTS
                and known_body_at(self.tokens, last + 1) is None
            ):
                last += 1
                if self.tokens[last].lemma in lexicon.INTERNAL_UNITS:
                    last = self._unit_field(last)
            noun = (
                morph.singular_nominative(token.word)
                if plural
                else morph.inflect_nominative(token.word)
            )
            # "первого заместителя" -> "первый заместитель": modifiers agree with the noun
            head = [morph.agreeing_nominative(t.text, noun) for t in self.tokens[first:i]]
            head.append(noun)
            rest = [t.text for t in self.tokens[i + 1 : last + 1]]
            role = " ".join([*head, *rest]).lower()
            implied = None
            body = lexicon.IMPLIED_BODIES.get(self.tokens[last].lemma)
            if body is not None:
                implied, last = self._implied_body(last, body)
            items.append(Item("position", first, last, role=role, implied=implied, plural=plural))
            i = last + 1
        return items

    def _unit_field(self, unit: int) -> int:
        """The last token of the field a unit serves: "отдела внутренней политики"."""
        last = unit
        while last + 1 < len(self.tokens) and last - unit < _LONGEST_FIELD:
            token = self.tokens[last + 1]
            if (
                token.titled
                or token.case != "gent"
                or token.pos not in ("ADJ", "NOUN")
                or head_lemma(token.lemma) in lexicon.ORG_HEADS
                or token.ner is not None
            ):
                break
            last += 1
        while last > unit and self.tokens[last].pos != "NOUN":
            last -= 1  # the field ends in its noun
        return last

    def _council_named_before(self, k: int) -> bool:
        """ "Председатель совета Имя" after "Общественный совет X области" was named: the
        council is that body, not part of the title, when nothing names another after it."""
        token = self.tokens[k]
        lemma = head_lemma(token.lemma)
        if token.titled or lemma not in lexicon.ORG_HEADS:
            return False
        after = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        if after is not None and after.case == "gent" and after.pos in ("NOUN", "ADJ", "PROPN"):
            return False  # "председатель совета директоров", "... совета фонда X"
        bodies = [
            Span(m.type, m.start, m.end, m.name, m.org_class)
            for m in self.builder.mentions
            if m.type is EntityType.ORGANISATION and m.end <= token.start
        ]
        return one_body_with_head(lemma, bodies) is not None

    def _body_of_position(self, k: int) -> bool:
        """ "председатель правления": a lower-case body; a capitalised one ("Совета по
        делам молодёжи") is an organisation's name, unless the organisation follows
        ("Председатель Правления ОФ «X»")."""
        if not self.tokens[k].titled or self.tokens[k].lemma in lexicon.POSITIONS:
            return True
        after = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        return after is not None and (
            after.text in lexicon.LEGAL_FORMS or (after.ner == "ORG" and after.titled)
        )

    def _implied_body(self, at: int, body: str) -> tuple[Span | None, int]:
        """ "министра иностранных дел Казахстана": the ministry named by its minister."""
        end = self.genitive_tail(at + 1)
        if end == at:
            return None, at
        tail = self.text[self.tokens[at + 1].start : self.tokens[end].end]
        name = org_name(f"{body} {tail}", body.lower(), spell_state=True, keep_abbreviations=True)
        span = Span(
            EntityType.ORGANISATION,
            self.tokens[at].start,
            self.tokens[end].end,
            name,
            OrgClass.GOVERNMENT,
        )
        return span, end
