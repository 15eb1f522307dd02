"""Named events ("XI Гражданский форум Казахстана"), with their date and place when stated."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extractors.common import Span, closing_quote
from kg.extractors.ru.base import SentenceBase
from kg.lang.months import RU_MONTHS_GENITIVE
from kg.lang.ru import lexicon, morph
from kg.model import EntityType

_ORDINAL = re.compile(r"^(?:[IVXLХІ]{1,6}|\d{1,3}(?:-[а-я]{1,3})?)$")
_LONG_TITLE = 300
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(RU_MONTHS_GENITIVE) + r")\s+(\d{4})\b")


class EventRules(SentenceBase):
    """Finds the named events of a sentence."""

    def _events(self) -> set[int]:
        """Add the sentence's named events; return the tokens of their quoted titles."""
        tokens = self.tokens
        titles: set[int] = set()
        k = 0
        while k < len(tokens):
            found = self._event_at(k)
            if found is None:
                k += 1
                continue
            first, last, name, end = found
            if tokens[k].lemma in lexicon.NUMBERED_EVENT_HEADS:
                titles.update(range(first, k + 1))  # "V Генеральная ассамблея": no body's head
            span = Span(EntityType.EVENT, tokens[first].start, end, name)
            index = self.builder.mention(span)
            mention = self.builder.mentions[index]
            self.builder.mentions[index] = replace(
                mention, date=self._event_date(), place=self._event_place()
            )
            titles.update(
                k for o, c in self.quotes.items() if first < o <= last for k in range(o, c + 1)
            )
            k = last + 1
        return titles

    def _event_at(self, k: int) -> tuple[int, int, str, int] | None:
        tokens = self.tokens
        head = tokens[k]
        numbered = head.lemma in lexicon.NUMBERED_EVENT_HEADS
        if head.pos != "NOUN" or head.plural or not (head.lemma in lexicon.EVENT_HEADS or numbered):
            return None
        if k in self.inside:
            return None
        first = k
        while first > 0 and morph.is_adjective(tokens[first - 1].text):
            first -= 1
        if numbered and not (first > 0 and _ORDINAL.match(tokens[first - 1].text)):
            return None  # "Ассамблея народа Казахстана": a body, unless numbered
        if head.lemma == "стол" and (first == k or tokens[k - 1].lemma != "круглый"):
            return None
        ordinal = first > 0 and _ORDINAL.match(tokens[first - 1].text) is not None
        if ordinal:
            first -= 1
        # a body's numbered meeting is named by the whole body: "... ассамблея Евразийской
        # ассоциации университетов"
        last = max(self.genitive_tail(k + 1), k) if numbered else self._named_tail(k)
        titled = self._titled_as(last)
        if titled is not None:
            phrase = self.text[tokens[first].start : tokens[last].end]
            name = morph.phrase_nominative(phrase, lexicon.EVENT_HEADS, titled_adjectives=True)
            shut = self.quotes[titled]
            name = f"{name[:1].upper()}{name[1:]} «{self.quoted_text(titled)}»"
            return first, shut, name, tokens[shut].end
        quoted = last + 1 in self.quotes
        if quoted:
            last = self.quotes[last + 1]
        elif last + 1 < len(tokens) and tokens[last + 1].text in "«“„":
            # a title running past the sentence ("«Голос степи. Новая политика»")
            close = closing_quote(self.text, tokens[last + 1].start, len(self.text))
            if close is not None and close - tokens[last + 1].start < _LONG_TITLE:
                start = tokens[first].start
                phrase = self.text[start : tokens[last].end]
                name = morph.phrase_nominative(phrase, lexicon.EVENT_HEADS, titled_adjectives=True)
                title = self.text[tokens[last + 1].start + 1 : close - 1].strip()
                return first, last, f"{name[:1].upper()}{name[1:]} «{title}»", close
        named = [t for t in tokens[first : last + 1] if t.titled or t.text.isupper()]
        if first == 0 and named and named[0] is tokens[0]:
            named = named[1:]  # a capital that only starts the sentence names nothing
        if not (quoted or ordinal or named):
            return None
        end = self.quotes.get(last + 1, last) if quoted else last
        opened = next((o for o in self.quotes if first < o <= end), None)
        phrase_end = tokens[opened - 1].end if opened is not None else tokens[end].end
        phrase = self.text[tokens[first].start : phrase_end]
        name = morph.phrase_nominative(phrase, lexicon.EVENT_HEADS, titled_adjectives=True)
        name = name[:1].upper() + name[1:]
        if opened is not None:
            name = f"{name} «{self.quoted_text(opened)}»"
        return first, last, name, tokens[last].end

    def _titled_as(self, last: int) -> int | None:
        """The opening quote of "форум под (ярким) названием «X»": the title is its name."""
        tokens = self.tokens
        j = last + 1
        if j >= len(tokens) or tokens[j].text.lower() != "под":
            return None
        j += 1
        while j < len(tokens) and tokens[j].pos == "ADJ":
            j += 1
        if j < len(tokens) and tokens[j].lemma in lexicon.TITLE_NOUNS and j + 1 in self.quotes:
            return j + 1
        return None

    def _named_tail(self, head: int) -> int:
        """The genitive words after an event's head, up to the first name among them.

        "VII Степного форума Актобе встречи проходят": the name ends at Актобе.
        """
        last = max(self.genitive_tail(head + 1), head)
        tokens = self.tokens
        for k in range(head + 1, last + 1):
            if tokens[k].titled and not (k + 1 <= last and tokens[k + 1].titled):
                if (
                    tokens[k].pos == "ADJ"
                    and k + 1 <= last
                    and tokens[k + 1].lemma in lexicon.PLACE_NOUNS
                ):
                    return k + 1  # "форум Западно-Казахстанской области": the region whole
                return k
        return last

    def _event_date(self) -> str | None:
        """A full date the sentence states ("12 июня 2019 года"); one without a year is none."""
        match = _DATE.search(self.text, self.bounds[0], self.bounds[1])
        if match is None:
            return None
        day, month, year = match.groups()
        return f"{year}-{RU_MONTHS_GENITIVE.index(month) + 1:02d}-{int(day):02d}"

    def _event_place(self) -> str | None:
        """The city "в Шымкенте" names: the first place after "в" in the sentence."""
        tokens = self.tokens
        for k in range(1, len(tokens)):
            token = tokens[k]
            if tokens[k - 1].text.lower() in ("в", "во") and token.ner == "LOC" and token.titled:
                if k + 1 < len(tokens) and tokens[k + 1].ner == "LOC":
                    continue  # "в Республике Казахстан": a country, not a city
                return morph.place_nominative(token.text)
        return None
