"""Organisation names of special forms: quoted alone, typed by an abbreviation, sharing
a plural head, named in brackets, a parent inside a longer name, a bare head referring back."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from kg.extractors.common import Span
from kg.extractors.ru.base import Item, SentenceBase
from kg.extractors.ru.names import org_name
from kg.extractors.ru.tokens import Token
from kg.lang.ru import lexicon, morph
from kg.model import EntityType, OrgClass
from kg.text import camel_abbreviation


def head_lemma(lemma: str) -> str:
    """ "бизнес-ассоциация" is headed by "ассоциация"."""
    return lemma.rsplit("-", 1)[-1]


def abbreviation(word: str) -> bool:
    """ "МИД", "ЮНИСЕФ", "КазНУ": a word in capitals (or a mixed-case shortening) names
    a body without a case ending."""
    return len(word) > 1 and word.isalpha() and (word.isupper() or camel_abbreviation(word))


@cache
def _known_lemmas() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The well-known bodies' full names as lemmas, longest first, by their first lemma:
    a token is compared only with the names that can start at it."""
    known = [
        (tuple(morph.lemma(w).replace("ё", "е") for w in key.split()), name)
        for key, name in lexicon.KNOWN_BODIES.items()
    ]
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for lemmas, name in sorted(known, key=lambda item: -len(item[0])):
        by_first.setdefault(lemmas[0], []).append((lemmas, name))
    return {first: tuple(names) for first, names in by_first.items()}


def known_body_at(tokens: list[Token], first: int) -> tuple[int, str] | None:
    """Last token and name of a well-known body written out from ``first``, if any."""
    if first >= len(tokens):
        return None
    for lemmas, name in _known_lemmas().get(tokens[first].lemma.replace("ё", "е"), ()):
        window = tokens[first : first + len(lemmas)]
        if len(window) == len(lemmas) and all(
            t.lemma.replace("ё", "е") == lemma for t, lemma in zip(window, lemmas, strict=True)
        ):
            return first + len(lemmas) - 1, name
    return None


class OrgForms(SentenceBase):
    """Organisation names that are not a head noun with its genitive tail."""

    def _known_body(self, first: int) -> Item | None:
        """ "программы развития ООН": a well-known body written out, whatever its head."""
        found = known_body_at(self.tokens, first)
        if found is None:
            return None
        last, name = found
        start, stop = self.tokens[first].start, self.tokens[last].end
        span = Span(EntityType.ORGANISATION, start, stop, name, OrgClass.INTERNATIONAL)
        return Item("org", first, last, span=span)

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

    def _shared_head(self, i: int) -> list[Item]:
        """ "Мэрии Талгара и Есика": one plural head, two bodies named by their places;
        "министерства энергетики и экологии": one plural head, a body per field."""
        fields = self._shared_fields(i)
        if fields:
            return fields
        tokens = self.tokens
        head = tokens[i]
        if not (
            (head.plural or morph.is_plural_nominative(head.text))
            and head.titled
            and head.pos in ("NOUN", "PROPN")
            and head_lemma(head.lemma) in lexicon.ORG_HEADS
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
            org_class = lexicon.ORG_HEADS[head_lemma(head.lemma)]
            span = Span(EntityType.ORGANISATION, start, tokens[k].end, name, org_class)
            items.append(Item("org", i if k == i + 1 else k, k, span=span))
        return items

    def _shared_fields(self, i: int) -> list[Item]:
        """ "Министерства здравоохранения и просвещения подписали", "министерств
        энергетики, экологии и сельского хозяйства": a body per lower-case genitive field.

        Only a head that is surely plural: natasha says so, or an ambiguous
        "Министерства" opens the sentence as the subject of a plural verb. A singular
        head keeps its "и" ("Министерство науки и высшего образования" is one body).
        """
        tokens = self.tokens
        head = tokens[i]
        if not (
            head.pos in ("NOUN", "PROPN")
            and head_lemma(head.lemma) in lexicon.ORG_HEADS
            and (head.plural or (i == 0 and morph.is_plural_nominative(head.text)))
        ):
            return []
        fields: list[tuple[int, int]] = []
        k = i + 1
        while k < len(tokens):
            first = k
            while k < len(tokens) and tokens[k].pos == "ADJ" and tokens[k].case == "gent":
                k += 1
            if k >= len(tokens) or tokens[k].pos != "NOUN" or tokens[k].case != "gent":
                break
            if tokens[k].titled or tokens[first].titled:
                return []  # a name of its own ("Министерства Культуры"): not a field list
            fields.append((first, k))
            k += 1
            if k < len(tokens) and tokens[k].text in (",", "и"):
                k += 1
                continue
            break
        verb = next((t for t in tokens[k:] if t.pos == "VERB"), None)
        if len(fields) < 2 or (not head.plural and (verb is None or not verb.plural)):
            return []
        singular = morph.singular_nominative(head.text).lower()
        org_class = lexicon.ORG_HEADS[head_lemma(head.lemma)]
        items: list[Item] = []
        for n, (first, last) in enumerate(fields):
            opening = i if n == 0 else first
            field = self.text[tokens[first].start : tokens[last].end]
            name = f"{singular.capitalize()} {field}"
            span = Span(
                EntityType.ORGANISATION, tokens[opening].start, tokens[last].end, name, org_class
            )
            items.append(Item("org", opening, last, span=span))
        return items

    def _parent(self, item: Item) -> Item | None:
        """ "Комитет ... Министерства культуры РК": the ministry is a second organisation."""
        tokens = self.tokens
        if item.span is None or item.first in self.quotes:
            return None
        if item.span.name in lexicon.KNOWN_BODIES.values():
            return None  # "Детского фонда Организации Объединенных Наций" is one known body
        heads = [
            k
            for k in range(item.first, item.last + 1)
            if head_lemma(tokens[k].lemma) in lexicon.ORG_HEADS
            or tokens[k].text in lexicon.LEGAL_FORMS
        ]
        for k in range(heads[0] + 1 if heads else item.last + 1, item.last + 1):
            token = tokens[k]
            if k in self.inside or k in self.quotes:
                return None
            if k + 1 in self.quotes and self.quotes[k + 1] != item.last:
                return None  # the quoted name is not the end of this one
            lemma = head_lemma(token.lemma)
            if (
                (token.titled or k + 1 in self.quotes)
                and token.case == "gent"
                and lemma in lexicon.ORG_HEADS
                and lemma not in lexicon.NAME_PARTS
                and not token.plural  # "федерация Обществ X": its members, no one body
                and token.ner != "LOC"  # "палаты Российской Федерации": a country, no body
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

    def _typed_byabbreviation(self, first: int) -> Item:
        """ "МТРК «Мир»": an abbreviated kind of body before a quoted name is part of it."""
        close = self.quotes[first + 1]
        start, end = self.tokens[first].start, self.tokens[close].end
        name = f"{self.tokens[first].text} «{self.quoted_text(first + 1)}»"
        return Item("org", first, close, span=Span(EntityType.ORGANISATION, start, end, name))

    def _quoted_alone(self, opened: int) -> Item | None:
        """ "`Новая Степь` и `Жарық` подписали": a quoted name natasha calls an organisation.

        Other quoted titles on their own ("«Лучший проект года»") name no actor.
        """
        tokens = self.tokens
        close = self.quotes[opened]
        inner = tokens[opened + 1 : close]
        if not inner or len(inner) > 6 or not inner[0].titled:
            return None
        if close + 1 < len(tokens) and tokens[close + 1].text in "–—-":
            return None  # "«Зелёный двор» – ...": a title listed with what won it
        kind = tokens[opened - 1].lemma if opened else ""
        if kind in lexicon.NAMED_THINGS or kind in lexicon.EVENT_HEADS:
            return None  # "премии «Алтын Жүрек»", "Стратегия «Казахстан-2050»": a title
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
