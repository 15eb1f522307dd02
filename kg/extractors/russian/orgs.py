"""Organisations: head nouns with their genitive tails, legal forms, quoted names, NER."""

from __future__ import annotations

import re

from kg.extractors.common import OPENING_QUOTES, Span, closing_quote
from kg.extractors.russian.base import Item, SentenceBase
from kg.extractors.russian.names import org_name, quoted_name
from kg.lang.ru import lexicon, morph
from kg.model import EntityType, OrgClass

_WEB_ADDRESS = re.compile(r"\.(?:kz|ru|com|org|net|info|kg|uz)\b", re.IGNORECASE)


class OrgRules(SentenceBase):
    """Finds the organisations of a sentence."""

    def _news_site(self, item: Item) -> bool:
        """ "сообщает Semeynews.kz": a site quoted as the source is the publisher, not an actor."""
        assert item.span is not None
        before = self.tokens[item.first - 1].lemma if item.first else ""
        return before in lexicon.ATTRIBUTION and _WEB_ADDRESS.search(item.span.name) is not None

    def _organisations(self, taken: set[int], positions: list[Item]) -> list[Item]:
        after_position = {p.last + 1 for p in positions}
        found: list[Item] = []
        i = 0
        while i < len(self.tokens):
            if i in taken:
                i += 1
                continue
            item = self._organisation_at(i, i in after_position, taken)
            if item is None:
                i += 1
                continue
            found.append(item)
            taken.update(range(item.first, item.last + 1))
            i = item.last + 1
        for position in positions:
            if position.implied is not None:
                implied = position.implied
                found.append(Item("org", position.first, position.last, span=implied, weak=True))
        return found

    def _organisation_at(self, i: int, in_role: bool, taken: set[int]) -> Item | None:
        tokens = self.tokens
        first = i
        if first > 0 and tokens[first - 1].text in OPENING_QUOTES:
            return None  # a quoted title on its own ("«Лучшая организация года»")
        while i < len(tokens) and tokens[i].pos in ("ADJ", "VERB") and tokens[i].inflected:
            i += 1
        if i >= len(tokens):
            return None
        head = tokens[i]
        legal = head.text in lexicon.LEGAL_FORMS
        is_head = (
            head.pos in ("NOUN", "PROPN") and not head.plural and head.lemma in lexicon.ORG_HEADS
        )
        natasha = tokens[first].ner == "ORG" and tokens[first].pos in ("NOUN", "PROPN", "X")
        if not (legal or is_head or natasha):
            return None
        if natasha and not (legal or is_head):
            first = i = first if tokens[first].ner == "ORG" else i
            while i + 1 < len(tokens) and tokens[i + 1].ner == "ORG":
                i += 1
        last = self.genitive_tail(i + 1)
        last = max(last, i)
        # An indeclinable name in apposition: "Фонда Дала-Инвест".
        apposition = last + 1
        if (
            last == i
            and head.text[:1].isupper()
            and apposition < len(tokens)
            and apposition not in taken
            and tokens[apposition].pos == "PROPN"
            and tokens[apposition].text[:1].isupper()
            and tokens[apposition].case in (None, "nomn")
            and not morph.is_first_name(tokens[apposition].text)
        ):
            last = apposition
        # natasha knows where an indeclinable name ends: "Фонда Сорос-Казахстан".
        while (
            last + 1 < len(tokens)
            and last + 1 not in taken
            and tokens[last].ner == tokens[last + 1].ner == "ORG"
        ):
            last += 1
        last = self._quoted(last)
        if is_head and head.lemma in lexicon.BRANCH_HEADS:
            last = self._place(last)
        while tokens[last].pos == "PUNCT" and tokens[last].text not in '»”"' and last > first:
            last -= 1
        return self._org_item(first, i, last, in_role)

    def _quoted(self, last: int) -> int:
        """Extend ``last`` over a quoted name that follows (or is open at) it."""
        tokens = self.tokens
        opened = next((k for k in range(last, -1, -1) if tokens[k].text in OPENING_QUOTES), None)
        j = last + 1
        if j < len(tokens) and tokens[j].text in OPENING_QUOTES:
            opened = j
        elif opened is None or any(tokens[k].text in "»”" for k in range(opened, last + 1)):
            return last
        close = closing_quote(self.text, tokens[opened].start, self.bounds[1])
        if close is None:
            return last
        return max(last, max(k for k, t in enumerate(tokens) if t.end <= close))

    def _place(self, last: int) -> int:
        """ "офис ЮНИСЕФ в Оше": a branch's place belongs to its name."""
        tokens = self.tokens
        j = last + 1
        if j + 1 >= len(tokens) or tokens[j].text.lower() not in ("в", "на"):
            return last
        if tokens[j + 1].case != "loct":
            return last
        end = j + 1
        while (
            end + 1 < len(tokens)
            and end < j + 3
            and tokens[end + 1].case in ("loct", "gent")
            and tokens[end + 1].ner != "PER"
        ):
            end += 1
        # Only when the person follows: otherwise "в Оше" may say where something happened.
        following = tokens[end + 1] if end + 1 < len(tokens) else None
        return end if following is not None and following.ner == "PER" else last

    def _org_item(self, first: int, head: int, last: int, in_role: bool) -> Item | None:
        tokens = self.tokens
        start, end = tokens[first].start, tokens[last].end
        lemmas = [t.lemma for t in tokens[first : head + 1]]
        quote = next(
            (k for k in range(head + 1, last + 1) if tokens[k].text in OPENING_QUOTES), None
        )
        org_class = lexicon.ORG_HEADS.get(tokens[head].lemma)
        legal = (
            tokens[head].text in lexicon.LEGAL_FORMS
            or all(lemma in lexicon.LEGAL_FORM_WORDS for lemma in lemmas)
            or tokens[head].lemma in lexicon.FORM_HEADS
        )
        if legal and quote == head + 1:
            # ОФ «X», общественный фонд «X», экологический фонд «X»: one organisation, X.
            name = quoted_name(self.text[tokens[quote].start : end])
            span = Span(EntityType.ORGANISATION, start, end, name, org_class or OrgClass.NGO)
            return Item("org", first, last, span=span)
        if tokens[head].text in lexicon.LEGAL_FORMS or (first == head == last and org_class):
            return None  # a bare "фонд" refers back; it names nothing new
        capitalised = any(t.text[:1].isupper() for t in tokens[first : last + 1])
        if not (capitalised or quote is not None or in_role):
            return None
        phrase = self.text[start:end]
        if tokens[first].text in lexicon.ORG_ABBREVIATIONS:
            expanded = lexicon.ORG_ABBREVIATIONS[tokens[first].text]
            phrase = expanded + phrase[len(tokens[first].text) :]
            org_class = org_class or OrgClass.GOVERNMENT
        name = org_name(
            morph.phrase_nominative(phrase, frozenset(lexicon.ORG_HEADS)), tokens[head].lemma
        )
        if name in lexicon.INTERNATIONAL_BODIES:
            org_class = OrgClass.INTERNATIONAL
        elif _WEB_ADDRESS.search(name):
            org_class = OrgClass.MEDIA
        span = Span(EntityType.ORGANISATION, start, end, name, org_class)
        weak = not capitalised and quote is None
        return Item("org", first, last, span=span, weak=weak)
