"""Organisations: head nouns with their genitive tails, legal forms, quoted names, NER."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extractors.common import Span
from kg.extractors.russian.base import Item, SentenceBase
from kg.extractors.russian.names import org_name
from kg.lang.ru import lexicon, morph
from kg.model import EntityType, OrgClass

_WEB_ADDRESS = re.compile(r"\.(?:kz|ru|com|org|net|info|kg|uz)\b", re.IGNORECASE)


def _head_lemma(lemma: str) -> str:
    """ "бизнес-ассоциация" is headed by "ассоциация"."""
    return lemma.rsplit("-", 1)[-1]


def _abbreviation(word: str) -> bool:
    """ "МИД", "ЮНИСЕФ": a word in capitals names a body without a case ending."""
    return len(word) > 1 and word.isupper() and word.isalpha()


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
            shared = self._shared_head(i)
            if shared:
                found.extend(shared)
                taken.update(range(i, shared[-1].last + 1))
                i = shared[-1].last + 1
                continue
            item = self._organisation_at(i, i in after_position, taken)
            if item is None:
                i += 1
                continue
            found.append(item)
            parent = self._parent(item)
            if parent is not None:
                found.append(parent)
            taken.update(range(item.first, item.last + 1))
            i = item.last + 1
        found = self._bracketed_aliases(found, taken)
        for position in positions:
            if position.implied is not None:
                implied = position.implied
                found.append(Item("org", position.first, position.last, span=implied, weak=True))
        return found

    def _bracketed_aliases(self, found: list[Item], taken: set[int]) -> list[Item]:
        """ "Детским фондом ООН (ЮНИСЕФ)": the bracketed word is another name of the same body."""
        tokens = self.tokens
        by_first = {o.first: o for o in found}
        result: list[Item] = []
        replaced: set[int] = set()
        for item in found:
            result.append(item)
            k = item.last + 1
            if item.span is None or not (
                k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")"
            ):
                continue
            word = tokens[k + 1]
            own = by_first.get(k + 1)
            if not word.titled or (own is None and (k + 1 in taken or not word.text.isupper())):
                continue
            if word.text.isupper():
                self.aliases.setdefault(word.text, item.span.name)
            span = replace(item.span, start=word.start, end=word.end)
            result.append(Item("org", k + 1, k + 1, span=span))
            taken.add(k + 1)
            if own is not None:
                replaced.add(id(own))
        return [o for o in result if id(o) not in replaced]

    def _organisation_at(self, i: int, in_role: bool, taken: set[int]) -> Item | None:
        tokens = self.tokens
        first = i
        if first - 1 in self.quotes:
            return self._quoted_alone(first - 1)
        if first in self.inside:
            return None  # inside a quoted title: "«Гражданское общество и культура»"
        if tokens[first].text.isdigit() or tokens[first].lemma in lexicon.MONTH_LEMMAS:
            return None  # "12 августа Kun.uz": a date before a name is no part of it
        if tokens[first].lemma in lexicon.DESCRIPTIVE and (not tokens[first].titled or first == 0):
            return None  # "казахстанская партия «Отан»": the name starts after it
        if tokens[first].text in lexicon.NOT_ORGANISATIONS and first + 1 not in self.quotes:
            return None  # "свобода СМИ": a common noun written in capitals
        if (
            not tokens[first].titled
            and first + 1 < len(tokens)
            and tokens[first + 1].titled
            and tokens[first].pos in ("ADJ", "VERB")
        ):
            return None  # "открытого Регионального центра": the name starts at the capital
        if (
            _abbreviation(tokens[first].text)
            and first + 1 in self.quotes
            and tokens[first].text not in lexicon.LEGAL_FORMS
        ):
            return self._typed_by_abbreviation(first)
        while i < len(tokens) and (
            tokens[i].pos == "ADJ" or (tokens[i].pos == "VERB" and tokens[i].inflected)
        ):
            i += 1  # natasha leaves some adjectives without a case ("Алмалинского")
        if i >= len(tokens):
            return None
        head = tokens[i]
        if self._unit(first, i):
            return None  # "попечительский совет фонда X": the fund is the organisation
        legal = head.text in lexicon.LEGAL_FORMS
        is_head = (
            head.pos in ("NOUN", "PROPN")
            and not head.plural
            and _head_lemma(head.lemma) in lexicon.ORG_HEADS
        )
        natasha = tokens[first].ner == "ORG" and tokens[first].pos in ("NOUN", "PROPN", "X")
        if not (legal or is_head or natasha):
            return None
        if natasha and not (legal or is_head):
            first = i = first if tokens[first].ner == "ORG" else i
            while i + 1 < len(tokens) and tokens[i + 1].ner == "ORG" and tokens[i + 1].text != "(":
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
            and tokens[last + 1].text != "("
            and last + 1 not in self.quotes
        ):
            last += 1
        last = self._quoted(last)
        if is_head and head.lemma in lexicon.BRANCH_HEADS:
            last = self._place(last)
        closers = set(self.quotes.values())
        while tokens[last].pos == "PUNCT" and last not in closers and last > first:
            last -= 1
        return self._org_item(first, i, last, in_role)

    def _shared_head(self, i: int) -> list[Item]:
        """ "Мэрии Каракола и Манаса": one plural head, two bodies named by their places."""
        tokens = self.tokens
        head = tokens[i]
        if not (
            (head.plural or morph.is_plural_nominative(head.text))
            and head.titled
            and head.pos in ("NOUN", "PROPN")
            and _head_lemma(head.lemma) in lexicon.ORG_HEADS
            and i + 3 < len(tokens)
        ):
            return []
        a, conj, b = tokens[i + 1], tokens[i + 2], tokens[i + 3]
        if conj.text != "и" or not all(
            t.titled and t.pos == "PROPN" and not morph.is_first_name(t.text) for t in (a, b)
        ):
            return []
        singular = morph.singular_nominative(head.text)
        items: list[Item] = []
        for k in (i + 1, i + 3):
            start = head.start if k == i + 1 else tokens[k].start
            name = f"{singular} {tokens[k].text}"
            org_class = lexicon.ORG_HEADS[_head_lemma(head.lemma)]
            span = Span(EntityType.ORGANISATION, start, tokens[k].end, name, org_class)
            items.append(Item("org", i if k == i + 1 else k, k, span=span))
        return items

    def _parent(self, item: Item) -> Item | None:
        """ "Комитет ... Министерства культуры РК": the ministry is a second organisation."""
        tokens = self.tokens
        if item.span is None or item.first in self.quotes:
            return None
        if item.span.name in lexicon.KNOWN_ALIASES.values():
            return None  # "Детского фонда Организации Объединенных Наций" is one known body
        heads = [
            k
            for k in range(item.first, item.last + 1)
            if _head_lemma(tokens[k].lemma) in lexicon.ORG_HEADS
            or tokens[k].text in lexicon.LEGAL_FORMS
        ]
        for k in range(heads[0] + 1 if heads else item.last + 1, item.last + 1):
            token = tokens[k]
            if k in self.inside or k in self.quotes:
                return None
            if k + 1 in self.quotes and self.quotes[k + 1] != item.last:
                return None  # the quoted name is not the end of this one
            lemma = _head_lemma(token.lemma)
            if (
                (token.titled or k + 1 in self.quotes)
                and token.case == "gent"
                and lemma in lexicon.ORG_HEADS
                and lemma not in lexicon.NAME_PARTS
            ):
                # "филиала партии «Аманат»": the party is named too
                start, end = token.start, tokens[item.last].end
                if k + 1 in self.quotes:
                    kind = morph.phrase_nominative(token.text, frozenset(lexicon.ORG_HEADS))
                    name = f"{kind[:1].upper()}{kind[1:]} «{self.quoted_text(k + 1)}»"
                else:
                    name = org_name(
                        morph.phrase_nominative(self.text[start:end], frozenset(lexicon.ORG_HEADS))
                    )
                org_class = lexicon.ORG_HEADS[lemma]
                span = Span(EntityType.ORGANISATION, start, end, name, org_class)
                return Item("org", k, item.last, span=span, parent=True)
        return None

    def _named_before(self, head: int) -> Item | None:
        """ "Ассамблея выступает ...": a capitalised bare head names the one such body before."""
        token = self.tokens[head]
        names = {
            m.name
            for m in self.builder.mentions
            if m.type is EntityType.ORGANISATION
            and m.start < token.start
            and morph.lemma(m.name.split()[0]) == token.lemma
            and len(m.name.split()) > 1
        }
        if not names and head > 0 and token.lemma in lexicon.SINGLE_BODIES:
            names = {morph.inflect_nominative(token.text)}  # "на рассмотрение Сената"
        if len(names) != 1:
            return None
        span = Span(EntityType.ORGANISATION, token.start, token.end, names.pop())
        return Item("org", head, head, span=span)

    def _unit(self, first: int, head: int) -> bool:
        """True for a body inside an organisation named after it in the genitive."""
        tokens = self.tokens
        markers = lexicon.UNIT_HEADS.get(tokens[head].lemma)
        if markers is None or head + 1 >= len(tokens):
            return False
        after = head + 1
        if markers and tokens[after].lemma in markers:
            after += 1
        elif markers and not any(t.lemma in markers for t in tokens[max(0, head - 2) : head]):
            return False
        if after in self.quotes:
            return True  # "Попечительский совет «X»": the council of X
        if after >= len(tokens) or after not in self._org_starts():
            return False
        return tokens[after].case == "gent" or _abbreviation(tokens[after].text)

    def _org_starts(self) -> set[int]:
        """Tokens an organisation name may start at: head nouns and their adjectives."""
        starts: set[int] = set()
        for k, token in enumerate(self.tokens):
            if token.lemma in lexicon.ORG_HEADS or token.text in lexicon.LEGAL_FORMS:
                j = k
                while j > 0 and self.tokens[j - 1].pos == "ADJ":
                    j -= 1
                starts.update(range(j, k + 1))
            elif token.ner == "ORG" or _abbreviation(token.text):
                starts.add(k)
        return starts

    def _typed_by_abbreviation(self, first: int) -> Item:
        """ "МТРК «Мир»": an abbreviated kind of body before a quoted name is part of it."""
        close = self.quotes[first + 1]
        start, end = self.tokens[first].start, self.tokens[close].end
        name = f"{self.tokens[first].text} «{self.quoted_text(first + 1)}»"
        return Item("org", first, close, span=Span(EntityType.ORGANISATION, start, end, name))

    def _quoted(self, last: int) -> int:
        """Extend ``last`` over a quoted name that follows (or is open at) it."""
        if last + 1 in self.quotes:
            return self.quotes[last + 1]
        open_at = [o for o, c in self.quotes.items() if o < last < c]
        return max((self.quotes[o] for o in open_at), default=last)

    def _quoted_alone(self, opened: int) -> Item | None:
        """ "`Единая Россия` и `Отан` подписали": a quoted name natasha calls an organisation.

        Other quoted titles on their own ("«Лучшая организация года»") name no actor.
        """
        tokens = self.tokens
        close = self.quotes[opened]
        inner = tokens[opened + 1 : close]
        if not inner or len(inner) > 6 or not inner[0].titled:
            return None
        if close + 1 < len(tokens) and tokens[close + 1].text in "–—-":
            return None  # "«Родной край» – ...": a title listed with what won it
        if not any(t.ner == "ORG" for t in inner) and not self._agreement_party(opened, close):
            return None
        start, end = tokens[opened].start, tokens[close].end
        name = self.quoted_text(opened)
        span = Span(EntityType.ORGANISATION, start, end, name)
        return Item("org", opened, close, span=span)

    def _agreement_party(self, opened: int, close: int) -> bool:
        """A quoted name joined by "и" to another, before a signing verb."""
        k = close + 1
        quoted = set(self.quotes) | set(self.quotes.values()) | self.inside
        while k < len(self.tokens) and (k in quoted or self.tokens[k].text in ("и", ",")):
            k += 1  # "«X», «Y» и «Z» подписали"
        signing = k < len(self.tokens) and self.tokens[k].lemma in lexicon.SIGNING
        return signing or (
            opened > 1
            and self.tokens[opened - 1].text == "и"
            and opened - 2 in self.quotes.values()
        )

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
        quote = next((k for k in range(head + 1, last + 1) if k in self.quotes), None)
        org_class = lexicon.ORG_HEADS.get(_head_lemma(tokens[head].lemma))
        if quote == head + 1 and quote < last:
            # ОФ «X», Корейское культурное объединение «X»: the type words belong to the name.
            kind = self.text[start : tokens[head].end]
            if tokens[head].text not in lexicon.LEGAL_FORMS:
                kind = morph.phrase_nominative(kind, frozenset(lexicon.ORG_HEADS))
            inner = self.quoted_text(quote)
            name = f"{kind[:1].upper()}{kind[1:]} «{inner}»"
            span = Span(EntityType.ORGANISATION, start, end, name, org_class or OrgClass.NGO)
            return Item("org", first, last, span=span)
        if first == head == last and org_class and tokens[head].titled:
            return self._named_before(head)
        if tokens[head].text in lexicon.LEGAL_FORMS or (first == head == last and org_class):
            return None  # a bare "фонд" refers back; it names nothing new
        capitalised = any(t.text[:1].isupper() for t in tokens[first : last + 1])
        words = [t.text for t in tokens[first : last + 1] if t.text[:1].isalpha()]
        shouting = len(words) >= 2 and all(w.isupper() for w in words)
        if (shouting or self.shouting) and max(map(len, words)) > 5:
            return None  # a headline in capitals ("НПО — ШКОЛА ИНИЦИАТИВНОСТИ")
        if not (capitalised or quote is not None or in_role):
            return None
        phrase = self.text[start:end]
        # "МИД РК" is written out, and so is the state: neither is the article's own form.
        expanded = lexicon.ORG_ABBREVIATIONS.get(morph.bare_abbreviation(tokens[first].text))
        if expanded is not None:
            phrase = expanded + phrase[len(tokens[first].text) :]
            org_class = org_class or OrgClass.GOVERNMENT
        name = org_name(
            morph.phrase_nominative(phrase, frozenset(lexicon.ORG_HEADS)),
            "министерство" if expanded else tokens[head].lemma,
            spell_state=expanded is not None,
        )
        if name in lexicon.INTERNATIONAL_BODIES:
            org_class = OrgClass.INTERNATIONAL
        elif _WEB_ADDRESS.search(name):
            org_class = OrgClass.MEDIA
        span = Span(EntityType.ORGANISATION, start, end, name, org_class)
        weak = not capitalised and quote is None
        return Item("org", first, last, span=span, weak=weak)
