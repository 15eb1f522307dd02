"""Russian extractor: natasha NER and morphology, pymorphy3 inflection, role and agreement rules."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kg.errors import ExtractionError
from kg.extractors.common import (
    OPENING_QUOTES,
    ExtractionBuilder,
    Span,
    closing_quote,
    sentence_spans,
)
from kg.iris import name_key
from kg.lang.ru import lexicon, morph
from kg.model import AgreementKind, Article, EntityType, Extraction, OrgClass

NAME = "ru.natasha"

_WEB_ADDRESS = re.compile(r"\.(?:kz|ru|com|org|net|info|kg|uz)\b", re.IGNORECASE)

# Tokens allowed between a position and its organisation or person: punctuation,
# prepositions and conjunctions ("глава представительства ЮНИСЕФ в Республике ...").
_GAP_POS = frozenset({"PUNCT", "ADP", "CCONJ"})
_MAX_GAP = 4
_WORD_POS = frozenset({"NOUN", "PROPN", "ADJ", "X", "NUM"})


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    pos: str
    case: str | None  # OpenCorporA grammeme, from natasha's tagger
    ner: str | None  # PER / ORG / LOC when a natasha span covers the token
    plural: bool

    @property
    def inflected(self) -> bool:
        """A noun, adjective or participle with a case (not a finite verb)."""
        return self.case is not None and (self.pos in _WORD_POS or self.pos == "VERB")

    @property
    def lemma(self) -> str:
        return morph.lemma(self.text, self.case)


@dataclass(frozen=True, slots=True)
class _Item:
    """A person, organisation or position found in a sentence, by token range."""

    kind: str  # "person" | "org" | "position"
    first: int
    last: int  # inclusive token index
    span: Span | None = None
    role: str | None = None
    implied: Span | None = None  # "министра иностранных дел" implies the ministry
    weak: bool = False  # a lower-case phrase, an organisation only if a role names it


class RussianExtractor:
    """Finds people, organisations, roles and agreements in Russian articles."""

    name = NAME

    def __init__(self) -> None:
        self._models: tuple[Any, Any, Any] | None = None

    def _load(self) -> tuple[Any, Any, Any]:
        # natasha ships its embeddings and taggers inside the wheel: loading is
        # offline but takes a second, so it happens once, on the first article.
        if self._models is None:
            try:
                from natasha import (  # type: ignore[import-untyped]
                    NewsEmbedding,
                    NewsMorphTagger,
                    NewsNERTagger,
                    Segmenter,
                )
            except ImportError as exc:
                raise ExtractionError(
                    f"{NAME}: natasha is not installed ({exc}); pip install natasha pymorphy3"
                ) from exc
            embedding = NewsEmbedding()
            self._models = (Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding))
        return self._models

    def pipe(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract from each article in order."""
        for article in articles:
            yield self.extract(article)

    def extract(self, article: Article) -> Extraction:
        """One article's mentions and claims."""
        tokens = self._tokens(article.text)
        builder = ExtractionBuilder(article, NAME)
        people: list[Span] = []
        starts = [t.start for t in tokens]
        for sentence in sentence_spans(article.text):
            first = bisect_left(starts, sentence[0])
            last = bisect_left(starts, sentence[1])
            inside = [t for t in tokens[first:last] if t.end <= sentence[1]]
            _Sentence(article.text, inside, sentence, builder, people).run()
        _name_surnames(tokens, builder, people)
        return builder.build()

    def _tokens(self, text: str) -> list[_Token]:
        from natasha import Doc

        segmenter, tagger, ner = self._load()
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(tagger)
        doc.tag_ner(ner)
        labels: dict[int, str] = {}
        for span in doc.spans:
            for token in span.tokens:
                labels[token.start] = span.type
        return [
            _Token(
                start=t.start,
                end=t.stop,
                text=t.text,
                pos=t.pos,
                case=morph.UD_CASES.get(t.feats.get("Case", "")),
                ner=labels.get(t.start),
                plural=t.feats.get("Number") == "Plur",
            )
            for t in doc.tokens
        ]


def _initials(name: str) -> str:
    """ "А Смагулова" -> "А. Смагулова": a one-letter word is an initial."""
    return " ".join(f"{w}." if len(w) == 1 and w.isupper() else w for w in name.split())


def _quoted_name(quoted: str) -> str:
    """The name inside «...», keeping a nested quote whose outer closer was dropped."""
    inner = quoted[1:]
    if inner.endswith(("»", "”", '"')) and inner.count("«") < inner.count("»"):
        inner = inner[:-1]
    return inner.strip()


def _org_name(phrase: str, head: str | None = None) -> str:
    """Canonical organisation name: capitalised, abbreviations written out, aliases known."""
    words = phrase.split(" ")
    if head in lexicon.STATE_BODIES:
        words = [lexicon.STATE_GENITIVES.get(w, w) if i else w for i, w in enumerate(words)]
    words = [lexicon.ABBREVIATIONS.get(w, w) if i else w for i, w in enumerate(words)]
    # "МИДа Кыргызстана": an abbreviation takes no case ending in a name.
    name = " ".join(morph.bare_abbreviation(w) for w in words)
    name = name[:1].upper() + name[1:]
    return lexicon.KNOWN_ALIASES.get(name_key(name), name)


class _Sentence:
    """The rules applied to one sentence."""

    def __init__(
        self,
        text: str,
        tokens: list[_Token],
        bounds: tuple[int, int],
        builder: ExtractionBuilder,
        people: list[Span],
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.bounds = bounds
        self.builder = builder
        self.people = people

    def run(self) -> None:
        persons = self._persons()
        positions = self._positions()
        taken = {i for item in persons + positions for i in range(item.first, item.last + 1)}
        orgs = self._organisations(taken, positions)
        items = sorted(persons + positions + orgs, key=lambda item: item.first)
        used = self._roles(items)
        for item in orgs:
            assert item.span is not None
            if (not item.weak or item.first in used) and not self._news_site(item):
                self.builder.mention(item.span)
        for item in persons:
            assert item.span is not None
            self.builder.mention(item.span)
        self._agreements([o for o in orgs if o.span is not None])

    def _news_site(self, item: _Item) -> bool:
        """ "сообщает Semeynews.kz": a site quoted as the source is the publisher, not an actor."""
        assert item.span is not None
        before = self.tokens[item.first - 1].lemma if item.first else ""
        return before in lexicon.ATTRIBUTION and _WEB_ADDRESS.search(item.span.name) is not None

    # -- people -------------------------------------------------------------------------

    def _persons(self) -> list[_Item]:
        items: list[_Item] = []
        i = 0
        while i < len(self.tokens):
            j = i
            if self.tokens[i].ner == "PER":
                while j + 1 < len(self.tokens) and self.tokens[j + 1].ner == "PER":
                    j += 1
            elif (end := self._missed_name(i)) is not None:
                j = end
            else:
                i += 1
                continue
            # "Фонда Дала-Инвест Арман Касенов" tagged as one person: the name starts at
            # the first name when the run opens with a word that is none.
            while (
                j - i >= 2
                and not morph.is_first_name(self.tokens[i].text)
                and (morph.is_first_name(self.tokens[i + 1].text))
            ):
                i += 1
            run = self.tokens[i : j + 1]
            words = [t.text for t in run if t.pos != "PUNCT"]
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                name = _initials(" ".join(morph.person_nominative(words, run[-1].case)))
                span = Span(EntityType.PERSON, run[0].start, run[-1].end, name)
                items.append(_Item("person", i, j, span=span))
                self.people.append(span)
            i = j + 1
        return items

    def _missed_name(self, i: int) -> int | None:
        """End of a name natasha missed: "Арман Касенов", "Иван Петрович Сидоров"."""
        tokens = self.tokens
        if (
            i + 1 >= len(tokens)
            or tokens[i].ner == "LOC"
            or not morph.is_first_name(tokens[i].text)
        ):
            return None
        j = i + 1
        if j + 1 < len(tokens) and morph.is_patronymic(tokens[j].text):
            j += 1
        last = tokens[j]
        if last.ner == "LOC" or not last.text[:1].isupper():
            return None
        return j if morph.looks_like_surname(last.text) else None

    # -- positions ----------------------------------------------------------------------

    def _positions(self) -> list[_Item]:
        items: list[_Item] = []
        i = 0
        while i < len(self.tokens):
            token = self.tokens[i]
            if (
                token.pos not in ("NOUN", "PROPN")
                or token.plural
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
            ):
                last += 1
            head = [morph.inflect_nominative(t.text) for t in self.tokens[first : i + 1]]
            rest = [t.text for t in self.tokens[i + 1 : last + 1]]
            role = " ".join([*head, *rest]).lower()
            implied = None
            body = lexicon.IMPLIED_BODIES.get(self.tokens[last].lemma)
            if body is not None:
                implied, last = self._implied_body(last, body)
            items.append(_Item("position", first, last, role=role, implied=implied))
            i = last + 1
        return items

    def _implied_body(self, at: int, body: str) -> tuple[Span | None, int]:
        """ "министра иностранных дел Казахстана": the ministry named by its minister."""
        end = self._genitive_tail(at + 1)
        if end == at:
            return None, at
        tail = self.text[self.tokens[at + 1].start : self.tokens[end].end]
        name = _org_name(f"{body} {tail}", body.lower())
        span = Span(
            EntityType.ORGANISATION,
            self.tokens[at].start,
            self.tokens[end].end,
            name,
            OrgClass.GOVERNMENT,
        )
        return span, end

    # -- organisations ------------------------------------------------------------------

    def _genitive_tail(self, start: int) -> int:
        """Last token index of the genitive words from ``start`` (start - 1 if none).

        Two joins belong to names: "по делам молодёжи" (по + dative) and a lower-case
        "и" ("информации и общественного развития"); a capitalised word after "и"
        starts another organisation instead.
        """
        tokens = self.tokens
        end = start - 1
        j = start
        while j < len(tokens):
            token = tokens[j]
            if token.text in ("по", "и") and j + 1 < len(tokens):
                after = tokens[j + 1]
                wanted = "datv" if token.text == "по" else "gent"
                if after.case == wanted and after.inflected and after.text[:1].islower():
                    j += 1
                    token = after
                    if token.case == "datv":
                        end = j
                        j += 1
                        continue
                else:
                    break
            abbreviation = token.text.isupper() and len(token.text) > 1 and token.ner != "PER"
            if token.ner == "PER" or not (token.inflected or abbreviation):
                break
            if token.case != "gent" and not abbreviation:
                break
            if token.lemma in lexicon.POSITIONS:
                break
            end = j
            j += 1
        return end

    def _organisations(self, taken: set[int], positions: list[_Item]) -> list[_Item]:
        after_position = {p.last + 1 for p in positions}
        found: list[_Item] = []
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
                found.append(_Item("org", position.first, position.last, span=implied, weak=True))
        return found

    def _organisation_at(self, i: int, in_role: bool, taken: set[int]) -> _Item | None:
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
        last = self._genitive_tail(i + 1)
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

    def _org_item(self, first: int, head: int, last: int, in_role: bool) -> _Item | None:
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
            name = _quoted_name(self.text[tokens[quote].start : end])
            span = Span(EntityType.ORGANISATION, start, end, name, org_class or OrgClass.NGO)
            return _Item("org", first, last, span=span)
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
        name = _org_name(
            morph.phrase_nominative(phrase, frozenset(lexicon.ORG_HEADS)), tokens[head].lemma
        )
        if name in lexicon.INTERNATIONAL_BODIES:
            org_class = OrgClass.INTERNATIONAL
        elif _WEB_ADDRESS.search(name):
            org_class = OrgClass.MEDIA
        span = Span(EntityType.ORGANISATION, start, end, name, org_class)
        weak = not capitalised and quote is None
        return _Item("org", first, last, span=span, weak=weak)

    # -- roles --------------------------------------------------------------------------

    def _gap_ok(self, a: int, b: int) -> bool:
        """True when tokens strictly between ``a`` and ``b`` may separate linked items."""
        between = self.tokens[a + 1 : b]
        return len(between) <= _MAX_GAP and all(
            t.pos in _GAP_POS or t.ner == "LOC" for t in between
        )

    def _roles(self, items: list[_Item]) -> set[int]:
        used: set[int] = set()
        for index, item in enumerate(items):
            if item.kind != "person":
                continue
            assert item.span is not None
            chain: list[tuple[_Item | None, _Item]] = []
            chain += self._chain_before(items, index)
            chain += self._chain_after(items, index)
            chain += self._bracketed(items, index)
            for position, org in chain:
                assert org.span is not None
                role = position.role if position is not None else None
                self.builder.role(item.span, org.span, role, self.bounds)
                used.add(org.first)
        return used

    def _bracketed(self, items: list[_Item], index: int) -> list[tuple[_Item | None, _Item]]:
        """ "Айгуль Смагулова (ОФ «Шапагат»)": a person representing the organisation."""
        k = index + 1
        if k >= len(items) or items[k].kind != "org":
            return []
        between = [t.text for t in self.tokens[items[index].last + 1 : items[k].first]]
        closing = items[k].last + 1
        closed = closing < len(self.tokens) and self.tokens[closing].text == ")"
        return [(None, items[k])] if between == ["("] and closed else []

    def _chain_before(self, items: list[_Item], index: int) -> list[tuple[_Item, _Item]]:
        """Positions and organisations right before a person: "директор X Имя Фамилия"."""
        run: list[_Item] = []
        k = index - 1
        right = items[index].first
        while k >= 0 and items[k].kind != "person" and self._gap_ok(items[k].last, right):
            run.insert(0, items[k])
            right = items[k].first
            k -= 1
        return _pairs(run)

    def _chain_after(self, items: list[_Item], index: int) -> list[tuple[_Item, _Item]]:
        """ ", директор X": positions after a person and a comma."""
        k = index + 1
        if k >= len(items) or items[k].kind != "position":
            return []
        between = self.tokens[items[index].last + 1 : items[k].first]
        if not between or between[0].text not in (",", "–", "—", "-"):
            return []
        run: list[_Item] = []
        left = items[index].last
        while k < len(items) and items[k].kind != "person" and self._gap_ok(left, items[k].first):
            run.append(items[k])
            left = items[k].last
            k += 1
        if k < len(items) and items[k].kind == "person" and self._gap_ok(left, items[k].first):
            return []  # ", директор X Имя Фамилия": the title belongs to the next person
        return _pairs(run)

    # -- agreements ---------------------------------------------------------------------

    def _agreements(self, orgs: list[_Item]) -> None:
        lemmas = [t.lemma for t in self.tokens]
        if not any(lemma in lexicon.SIGNING for lemma in lemmas):
            return
        kinds = [lexicon.AGREEMENT_NOUNS[lem] for lem in lemmas if lem in lexicon.AGREEMENT_NOUNS]
        if not kinds:
            return
        kind = AgreementKind.MEMORANDUM if AgreementKind.MEMORANDUM in kinds else kinds[0]
        cut = next((k for k, lem in enumerate(lemmas) if lem in lexicon.ATTRIBUTION), len(lemmas))
        parties = [o for o in orgs if o.first < cut]
        between = next((k for k, t in enumerate(self.tokens) if t.text.lower() == "между"), None)
        if between is not None:
            after = [o for o in parties if o.first > between]
            if len(after) >= 2:
                parties = after[:2]
        spans = [o.span for o in parties if o.span is not None]
        for span in spans:
            self.builder.mention(span)
        self.builder.agreement(spans, kind, self._title(lemmas), self.bounds)

    def _title(self, lemmas: list[str]) -> str | None:
        """ "меморандум о сотрудничестве в сфере ...": the subject after "о"."""
        noun = next((k for k, lem in enumerate(lemmas) if lem in lexicon.AGREEMENT_NOUNS), None)
        if (
            noun is None
            or noun + 1 >= len(self.tokens)
            or self.tokens[noun + 1].text.lower() not in ("о", "об")
        ):
            return None
        end = noun + 1
        while (
            end + 1 < len(self.tokens)
            and self.tokens[end + 1].pos not in ("PUNCT", "VERB")
            and self.tokens[end + 1].text.lower() != "между"
        ):
            end += 1
        return self.text[self.tokens[noun + 1].start : self.tokens[end].end]


def _pairs(run: list[_Item]) -> list[tuple[_Item, _Item]]:
    """Each position with the first organisation after it (before the next position)."""
    pairs: list[tuple[_Item, _Item]] = []
    for k, item in enumerate(run):
        if item.kind != "position":
            continue
        if item.implied is not None:
            pairs.append((item, _Item("org", item.first, item.last, span=item.implied)))
            continue
        for other in run[k + 1 :]:
            if other.kind == "position":
                break
            if other.kind == "org":
                pairs.append((item, other))
                break
    return pairs


def _name_surnames(tokens: list[_Token], builder: ExtractionBuilder, people: list[Span]) -> None:
    """A lone surname ("Сыдыков рассказал") names the person mentioned in full."""
    by_surname: dict[str, Span] = {}
    for person in people:
        by_surname.setdefault(person.name.split()[-1].casefold(), person)
    spans = sorted((p.start, p.end) for p in people)
    starts = [start for start, _ in spans]
    for token in tokens:
        if token.ner != "PER" or token.pos == "PUNCT":
            continue
        k = bisect_right(starts, token.start) - 1
        if k >= 0 and token.start < spans[k][1]:
            continue  # part of a full name already
        surname = morph.person_nominative([token.text], token.case)[0]
        full = by_surname.get(surname.casefold())
        if full is not None:
            builder.mention(Span(EntityType.PERSON, token.start, token.end, full.name))
