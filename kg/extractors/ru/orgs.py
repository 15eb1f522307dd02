"""Organisations: head nouns with their genitive tails, legal forms, quoted names, NER."""

from __future__ import annotations

import re

from kg.extractors.common import Span
from kg.extractors.ru.base import Item, head_form
from kg.extractors.ru.names import org_name
from kg.extractors.ru.org_forms import OrgForms, abbreviation, head_lemma
from kg.extractors.ru.tokens import Token
from kg.lang.months import RU_MONTHS
from kg.lang.ru import lexicon, morph
from kg.model import EntityType, OrgClass
from kg.text import camel_abbreviation

_MONTH_LEMMAS = frozenset(RU_MONTHS)

_WEB_ADDRESS = re.compile(r"\.(?:kz|ru|com|org|net|info|kg|uz)\b", re.IGNORECASE)


#: Tokens a quoted name spans at most, quotes included.
_LONGEST_QUOTED_NAME = 14


class OrgRules(OrgForms):
    """Finds the organisations of a sentence."""

    def _news_site(self, item: Item) -> bool:
        """ "сообщает SteppeNews.kz": a site quoted as the source is the publisher, not an actor."""
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

    def _bare_heads(self, positions: list[Item], orgs: list[Item]) -> list[Item]:
        """ "председатель правления фонда Айгуль Бекова": a lower-case head right after a
        position refers back to the one body of that kind the article has named.

        Only when exactly one body with that head was named before (in this sentence
        or an earlier one); the item is weak, so it counts only if a role takes it.
        """
        tokens = self.tokens
        covered = {k for o in orgs for k in range(o.first, o.last + 1)}
        found: list[Item] = []
        # "Со стороны ассоциации документ подписала её председатель Имя": the side of
        # a signing is named by its bare head too
        sides = [
            k + 2
            for k in range(len(tokens) - 2)
            if f"{tokens[k].text.lower()} {tokens[k + 1].text.lower()}" in lexicon.SIDE_WORDS
        ]
        # "между управлением внутренней политики и альянсом был подписан меморандум":
        # the parties of a signing, in the instrumental
        between = self._between_parties()
        for k in [p.last + 1 for p in positions] + sides + between:
            if k >= len(tokens) or k in covered:
                continue
            token = tokens[k]
            lemma = head_lemma(token.lemma)
            if (
                token.titled
                or token.pos != "NOUN"
                or token.case != ("ablt" if k in between else "gent")
                or token.plural
                or lemma not in lexicon.ORG_HEADS
            ):
                continue
            antecedent = one_body_with_head(lemma, self._bodies_before(token.start, orgs))
            if antecedent is None:
                continue  # none, or two bodies of that kind: which one is unknown
            span = Span(
                EntityType.ORGANISATION,
                token.start,
                token.end,
                antecedent.name,
                antecedent.org_class,
            )
            found.append(Item("org", k, k, span=span, weak=True))
            covered.add(k)
        return found

    def _between_parties(self) -> list[int]:
        """The words that open the two sides of "между X и Y" in a sentence that signs."""
        tokens = self.tokens
        if not any(t.lemma in lexicon.SIGNING for t in tokens):
            return []
        opening = next((k for k, t in enumerate(tokens) if t.text.lower() == "между"), None)
        if opening is None:
            return []
        sides = [opening + 1]
        for k in range(opening + 2, min(len(tokens), opening + _BETWEEN_REACH)):
            if tokens[k].text.lower() == "и":
                sides.append(k + 1)
                break
        return sides

    def _bodies_before(self, start: int, orgs: list[Item]) -> list[Span]:
        """The organisations named before offset ``start``: earlier sentences', then this one's."""
        earlier = [
            Span(m.type, m.start, m.end, m.name, m.org_class)
            for m in self.builder.mentions
            if m.type is EntityType.ORGANISATION and m.end <= start
        ]
        here = [o.span for o in orgs if o.span is not None and o.span.end <= start]
        return earlier + here

    def _organisation_at(self, i: int, in_role: bool, taken: set[int]) -> Item | None:
        tokens = self.tokens
        first = i
        if first - 1 in self.quotes:
            return self._quoted_alone(first - 1)
        if first in self.inside:
            return None  # inside a quoted title: "«Общество и традиции»"
        known = self._known_body(first)
        if known is not None:
            return known
        if tokens[first].lemma in lexicon.HEADING_VERBS:
            return None  # "Имя, возглавлявшего управление X": the body starts after the verb
        if tokens[first].text.isdigit() or tokens[first].lemma in _MONTH_LEMMAS:
            return None  # "12 августа Kun.uz": a date before a name is no part of it
        if tokens[first].lemma in lexicon.DESCRIPTIVE and (not tokens[first].titled or first == 0):
            return None  # "казахстанская партия «Отан»": the name starts after it
        if (
            tokens[first].ner == "ORG"
            and tokens[first].plural
            and first + 1 < len(tokens)
            and tokens[first + 1].ner == "ORG"
            and not head_form(tokens[first])
            and morph.is_common_noun(tokens[first].text)
        ):
            return None  # "Волонтёры Красного Полумесяца": people of the body, not its name
        if tokens[first].text in lexicon.NOT_ORGANISATIONS and first + 1 not in self.quotes:
            return None  # "свобода СМИ": a common noun written in capitals
        if (
            not tokens[first].titled
            and first + 1 < len(tokens)
            and tokens[first + 1].titled
            and tokens[first].pos in ("ADJ", "VERB")
            and not head_form(tokens[first])
        ):
            return None  # "открытого Регионального центра": the name starts at the capital
        if tokens[first].pos == "VERB" and not tokens[first].titled:
            return None  # "организованный управлением X": who organised it starts after
        if (
            abbreviation(tokens[first].text)
            and first + 1 in self.quotes
            and tokens[first].text not in lexicon.LEGAL_FORMS
        ):
            return self._typed_byabbreviation(first)
        while i < len(tokens) and (
            (tokens[i].pos == "ADJ" and not self._head_before_quote(i) and not head_form(tokens[i]))
            or (tokens[i].pos == "VERB" and tokens[i].inflected)
        ):
            i += 1  # natasha leaves some adjectives without a case ("Алмалинского")
        if i >= len(tokens):
            return None
        head = tokens[i]
        if self._unit(first, i):
            return None  # "попечительский совет фонда X": the fund is the organisation
        legal = head.text in lexicon.LEGAL_FORMS
        tagged_noun = head.pos in ("NOUN", "PROPN") or self._head_before_quote(i) or head_form(head)
        is_head = tagged_noun and not head.plural and head_form(head)
        # "Красного Креста": a capitalised adjective opens the name natasha tagged
        opening_adjective = (
            tokens[first].pos == "ADJ" and tokens[first].titled and head.ner == "ORG"
        )
        natasha = (
            tokens[first].ner == "ORG"
            and (tokens[first].pos in ("NOUN", "PROPN", "X") or opening_adjective)
        ) or camel_abbreviation(tokens[first].text)  # "КазНУ", which natasha misses
        if not (legal or is_head or natasha):
            return None
        if natasha and not (legal or is_head) and self._venue(first):
            return None  # "во Дворце спорта и культуры": where it happened, not who
        if natasha and not (legal or is_head) and self._occasion_before(first):
            return None  # "Всемирный день Красного Креста": a day, not the movement
        if natasha and not (legal or is_head) and tokens[first].lemma in lexicon.EVENT_HEADS:
            return None  # "Форум гражданского общества": an event natasha calls a body
        if natasha and not (legal or is_head):
            first = i = first if tokens[first].ner == "ORG" else i
            while (
                i + 1 < len(tokens)
                and tokens[i + 1].ner == "ORG"
                and tokens[i + 1].text not in _ORG_RUN_STOPS
            ):
                i += 1
            if i == first and first == 0 and morph.is_common_noun(tokens[first].text):
                return None  # a one-word headline ("Итоги") natasha ran into the text
        last = self.genitive_tail(i + 1)
        last = max(last, i)
        last = self._dashed_epithet(last)
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
            and tokens[last + 1].text not in _ORG_RUN_STOPS
            and last + 1 not in self.quotes
            and not self._next_body(last + 1)
        ):
            last += 1
        last = self._quoted(last)
        last = self._named_after(last)
        if is_head and head.lemma in lexicon.BRANCH_HEADS:
            last = self._place(last)
        elif is_head and head.lemma in lexicon.MISSION_HEADS:
            last = self._place(last, always=True)
        closers = set(self.quotes.values())
        while tokens[last].pos == "PUNCT" and last not in closers and last > first:
            last -= 1
        return self._org_item(first, i, last, in_role)

    def _named_after(self, last: int) -> int:
        """ "КазНУ им. аль-Фараби", "университет имени Абая": whom it is named after."""
        tokens = self.tokens
        j = last + 1
        if tokens[last].text.lower() in ("им", "имени"):
            j = last  # the genitive tail took the word "им"/"имени" already
        if j < len(tokens) and tokens[j].text.lower() == "им":
            j += 2 if j + 1 < len(tokens) and tokens[j + 1].text == "." else 1
        elif j < len(tokens) and tokens[j].text.lower() == "имени":
            j += 1
        else:
            return last
        # initials, then one name: "им. Л. Н. Гумилева", "им. аль-Фараби", "имени Абая"
        end = j
        while end + 1 < len(tokens) and _initial(tokens[end]) and tokens[end + 1].text == ".":
            end += 2
        if end < len(tokens) and _name_word(tokens[end]):
            return end
        return last

    def _occasion_before(self, first: int) -> bool:
        """Whether a day's word opens the names before ``first``: "дню Красного креста и
        Красного полумесяца" names a day, both bodies inside it."""
        k = first - 1
        while k >= 0 and (self.tokens[k].ner == "ORG" or self.tokens[k].text == "и"):
            k -= 1
        return k >= 0 and self.tokens[k].lemma in lexicon.OCCASION_WORDS

    def _head_before_quote(self, i: int) -> bool:
        """A head noun natasha tagged as an adjective, before a quoted name: "посетили
        кооператив «Береке»" (the quote says it is a noun)."""
        token = self.tokens[i]
        return token.pos == "ADJ" and i + 1 in self.quotes and token.lemma in lexicon.ORG_HEADS

    def _dashed_epithet(self, last: int) -> int:
        """ "Фонда Первого Президента – Лидера": a one-word title after a dash ends the name.

        Only a capitalised word with no shape of a person's name, followed by lower case or
        punctuation (natasha tags such epithets as people).
        """
        tokens = self.tokens
        dash, word = last + 1, last + 2
        if word >= len(tokens) or tokens[dash].text not in ("–", "—", "-"):
            return last
        after = tokens[word + 1] if word + 1 < len(tokens) else None
        if (
            tokens[last].text[:1].isupper()
            # "КАЗИНФОРМ – Форум", "КазТАГ – Общественный фонд": an agency's dash ends a
            # dateline ("РК – Елбасы" not)
            and not (tokens[last].text.isupper() and len(tokens[last].text) > _SHORT_ABBREVIATION)
            and not camel_abbreviation(tokens[last].text)
            and tokens[word].titled
            and not morph.is_first_name(tokens[word].text)
            and not morph.looks_like_surname(tokens[word].text)
            and (after is None or after.pos == "PUNCT" or after.text[:1].islower())
        ):
            return word
        return last

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
        return tokens[after].case == "gent" or abbreviation(tokens[after].text)

    def _org_starts(self) -> set[int]:
        """Tokens an organisation name may start at: head nouns and their adjectives."""
        starts: set[int] = set()
        for k, token in enumerate(self.tokens):
            if token.lemma in lexicon.ORG_HEADS or token.text in lexicon.LEGAL_FORMS:
                j = k
                while j > 0 and self.tokens[j - 1].pos == "ADJ":
                    j -= 1
                starts.update(range(j, k + 1))
            elif token.ner == "ORG" or abbreviation(token.text):
                starts.add(k)
        return starts

    def _quoted(self, last: int) -> int:
        """Extend ``last`` over a quoted name that follows (or is open at) it."""
        if last + 1 in self.quotes:
            return self.quotes[last + 1]
        # a name is short; a quotation that runs on is speech ("«... гражданского
        # общества, МИСК создает молодежных лидеров ...»"), and the name ends in it
        open_at = [
            o for o, c in self.quotes.items() if o < last < c and c - o <= _LONGEST_QUOTED_NAME
        ]
        return max((self.quotes[o] for o in open_at), default=last)

    def _venue(self, first: int) -> bool:
        """A name without an organisation head, in the locative after "в"/"во"/"на"."""
        token = self.tokens[first]
        before = self.tokens[first - 1].text.lower() if first else ""
        return (
            token.case == "loct"
            and before in ("в", "во", "на")
            and not abbreviation(token.text)
            and morph.is_common_noun(token.text)  # "Дворце", not "Facebook" or "МИДе"
        )

    def _place(self, last: int, *, always: bool = False) -> int:
        """ "офис ЮНИСЕФ в Оше": a branch's place belongs to its name.

        With ``always`` (an embassy: "Посольство РК в Японии") a named place after it is
        part of the name whatever follows; a branch's when it is named (capitalised) or
        a person follows.
        """
        tokens = self.tokens
        j = last + 1
        if j + 1 >= len(tokens) or tokens[j].text.lower() not in ("в", "на"):
            return last
        if tokens[j + 1].case != "loct":
            return last
        if always:
            return j + 1 if tokens[j + 1].titled else last
        end = j + 1
        while (
            end + 1 < len(tokens)
            and end < j + 3
            and tokens[end + 1].case in ("loct", "gent")
            and tokens[end + 1].ner != "PER"
        ):
            end += 1
        # A named place right after a branch's name is where the branch is ("Бюро ЮНЕСКО
        # в Алматы и ..."); a common noun ("в регионах") only when its head follows.
        following = tokens[end + 1] if end + 1 < len(tokens) else None
        if tokens[j + 1].titled or (following is not None and following.ner == "PER"):
            return end
        return last

    def _org_item(self, first: int, head: int, last: int, in_role: bool) -> Item | None:
        tokens = self.tokens
        start, end = tokens[first].start, tokens[last].end
        quote = next((k for k in range(head + 1, last + 1) if k in self.quotes), None)
        org_class = lexicon.ORG_HEADS.get(head_lemma(tokens[head].lemma))
        org_class = lexicon.LEGAL_FORM_CLASSES.get(tokens[head].text, org_class)
        between = tokens[head + 1 : quote] if quote is not None else []
        of_country = all(t.lemma in lexicon.COUNTRY_NOUNS and not t.titled for t in between)
        if quote is not None and quote < last and of_country:
            # "крупнейшей партии страны «X»": "of the country" describes the party, no name part.
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
            return None  # a headline in capitals ("НПО — ШКОЛА ВЗАИМОПОМОЩИ")
        if not (capitalised or quote is not None or in_role or self._names_a_body(first, last)):
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
        if name in lexicon.INTERNATIONAL_BODIES or _of_an_international_body(
            name, head_lemma(tokens[head].lemma)
        ):
            org_class = OrgClass.INTERNATIONAL
        elif _WEB_ADDRESS.search(name):
            org_class = OrgClass.MEDIA
        span = Span(EntityType.ORGANISATION, start, end, name, org_class)
        weak = not capitalised and quote is None
        return Item("org", first, last, span=span, weak=weak)

    def _names_a_body(self, first: int, last: int) -> bool:
        """Whether lower-case words ("управление внутренней политики") begin the name of
        a body the article named before ("Управление внутренней политики области"):
        then they name it again, a party as any other name is."""
        words = [t.lemma for t in self.tokens[first : last + 1] if t.text[:1].isalpha()]
        if len(words) < 2:
            return False
        for mention in self.builder.mentions:
            if mention.type is not EntityType.ORGANISATION or mention.start >= self.bounds[0]:
                continue
            known = [morph.lemma(w) for w in _NAME_WORD.findall(mention.name.lower())]
            if known[: len(words)] == words and len(known) > len(words):
                return True
        return False


_NAME_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BETWEEN_REACH = 8  # "между X ... и Y": how far the second side may open
_SHORT_ABBREVIATION = 4  # "РК", "ООН": an abbreviation inside a name, not an agency

#: Heads of a unit an international body runs in a country or a region.
_OFFICE_OF_HEADS = frozenset({"центр", "офис", "бюро", "представительство", "миссия", "программа"})


def _of_an_international_body(name: str, head: str) -> bool:
    """ "Региональный центр ООН по ЦУР", "Бюро ... ОБСЕ": an international body's unit."""
    words = set(name.replace("«", " ").replace("»", " ").split())
    return head in _OFFICE_OF_HEADS and bool(words & lexicon.INTERNATIONAL_BODIES)


# Where natasha's ORG run is cut: a bracket opens a gloss, a dash ends a dateline
# ("АСТАНА. КАЗИНФОРМ – Форум ...").
_ORG_RUN_STOPS = frozenset({"(", "–", "—"})

_QUOTED = re.compile(r"«([^»]+)»")


def one_body_with_head(lemma: str, bodies: list[Span]) -> Span | None:
    """The one body among ``bodies`` whose head is ``lemma`` (its longest name), if one.

    "Фонд «X»" in the headline and "Общественный фонд «X»" are one body, and so are a
    headline's "Общественный совет" and the text's "Общественный совет X области".
    """
    named: dict[str, Span] = {}
    for span in bodies:
        if lemma in heads_of(span.name):
            key = _identity(span.name)
            if key not in named or len(span.name) > len(named[key].name):
                named[key] = span
    longest = [
        span
        for key, span in named.items()
        if not any(other.startswith(key + " ") for other in named if other != key)
    ]
    return longest[0] if len(longest) == 1 else None


def _identity(name: str) -> str:
    """What names one body: its quoted name when it has one, else the whole name."""
    quoted = _QUOTED.search(name)
    return quoted.group(1).casefold() if quoted else name.casefold()


def heads_of(name: str) -> set[str]:
    """The head nouns' lemmas a bare head may refer back to a name by.

    "Общественный фонд «X»" -> фонд; "ОФ «Центр X»" -> фонд (its legal form) and центр
    (the quoted name's own head): "юрист центра" and "директор фонда" both mean it.
    """
    heads: set[str] = set()
    quoted = False
    for word in name.split():
        if word in lexicon.LEGAL_FORMS:
            heads.update(w for w in lexicon.LEGAL_FORMS[word] if w in lexicon.ORG_HEADS)
            continue
        if word[:1] in '«"(':
            if quoted:
                break
            quoted, word = True, word[1:]
        lemma = head_lemma(morph.lemma(word.lower()))
        if lemma in lexicon.ORG_HEADS:
            heads.add(lemma)
            break
        if quoted:
            break  # the quoted part opens with no head: nothing more to find
    return heads


def _name_word(token: Token) -> bool:
    """A word of a person's name: capitalised, or "аль-Фараби"."""
    return token.titled or token.text.lower().startswith(("аль-", "ал-", "әл-"))


def _initial(token: Token) -> bool:
    return len(token.text) == 1 and token.text.isupper()
