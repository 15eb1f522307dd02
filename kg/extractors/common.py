"""Language-neutral helpers for rule extractors: sentences, quotes, mentions, evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from kg.iris import name_key
from kg.model import (
    AgreementClaim,
    AgreementKind,
    Article,
    Claim,
    EntityType,
    Evidence,
    Extraction,
    Mention,
    OrgClass,
    RoleClaim,
)
from kg.text import QUOTE_PAIRS

OPENING_QUOTES = "«“„‘"
CLOSING_QUOTES = "»”“’"

# A sentence ends at . ! ? or … followed by space and an upper-case letter, a quote or
# a dash, or at a line break; initials ("А. Б. Иванов") are not sentence ends.
_SENTENCE_END = re.compile(r"(?<!\b\w)[.!?…]+[»”\"]?(?=\s+[\"«“–—-]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])|\n+")


# Abbreviations and two-letter initials ("K. Zh. Nurov") whose full stop ends no sentence.
_ABBREVIATION_END = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Prof|St|No|Nos|Gen|Col|Sen|Rep|Amb"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
    r"|Zh|Sh|Ch|Kh|Ts|Yu|Ya|Ye|Yo)\.$"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of ``text``, stripped of surrounding white space.

    Every stage that reads sentences (the extractors, the relation stage) cuts them
    here, so they agree on where a sentence ends.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        spans.extend(_strip_span(text, start, end))
        start = match.end()
    spans.extend(_strip_span(text, start, len(text)))
    return _rejoin_abbreviations(text, spans)


def _rejoin_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences rejoined where the cut fell after an abbreviation ("Mr. X", "Oct. 16")."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _ABBREVIATION_END.search(text, joined[-1][0], joined[-1][1]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _strip_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def closing_quote(text: str, start: int, limit: int) -> int | None:
    """Index just past the quote closing the one at ``start``, nested quotes counted.

    Scraped text often drops the outer closing quote of a nested name
    («Центр «Самрук»); then the last closing quote before ``limit`` closes it.
    """
    opener = text[start]
    closer = QUOTE_PAIRS.get(opener)
    if closer is None:
        return None
    depth = 0
    last: int | None = None
    for i in range(start + 1, limit):
        char = text[i]
        if char == closer and (opener != closer or depth == 0):
            last = i + 1
            if depth == 0:
                return last
            depth -= 1
        elif char == opener and opener != closer:
            depth += 1
    return last


def strip_quotes(name: str) -> str:
    """``name`` without one pair of enclosing quotes."""
    if len(name) >= 2 and QUOTE_PAIRS.get(name[0]) == name[-1]:
        return name[1:-1].strip()
    return name


@dataclass(frozen=True, slots=True)
class Span:
    """A candidate mention before it is numbered: offsets, canonical name, type."""

    type: EntityType
    start: int
    end: int
    name: str
    org_class: OrgClass | None = None


@dataclass
class ExtractionBuilder:
    """Collects one article's mentions (numbered once) and claims."""

    article: Article
    extractor: str
    # English and Russian put the head first ("the Civil Alliance [of Kazakhstan]"), so a
    # name that begins a longer one is its short form; Kazakh puts the head last, where
    # the same test would fold a branch into its parent.
    complete_prefixes: bool = True
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    _index: dict[tuple[EntityType, int, int], int] = field(default_factory=dict)
    _seen: set[Claim] = field(default_factory=set)

    def mention(self, span: Span) -> int:
        """Index of the mention for ``span``, adding it on first sight."""
        key = (span.type, span.start, span.end)
        if key not in self._index:
            self._index[key] = len(self.mentions)
            self.mentions.append(
                Mention(
                    type=span.type,
                    text=self.article.text[span.start : span.end],
                    start=span.start,
                    end=span.end,
                    name=span.name,
                    extractor=self.extractor,
                    org_class=span.org_class,
                )
            )
        return self._index[key]

    def evidence(self, sentence: tuple[int, int]) -> Evidence:
        """Evidence pointing at the sentence ``sentence`` of the article."""
        start, end = sentence
        return Evidence(
            article_id=self.article.id,
            sentence=self.article.text[start:end],
            start=start,
            end=end,
            extractor=self.extractor,
        )

    def role(
        self, person: Span, organisation: Span, role: str | None, sentence: tuple[int, int]
    ) -> None:
        """Record that ``person`` holds ``role`` in ``organisation``."""
        self.claim(
            RoleClaim(
                person=self.mention(person),
                organisation=self.mention(organisation),
                role=role,
                evidence=self.evidence(sentence),
            )
        )

    def claim(self, claim: Claim) -> None:
        """Record ``claim`` once."""
        if claim not in self._seen:
            self._seen.add(claim)
            self.claims.append(claim)

    def agreement(
        self,
        parties: list[Span],
        kind: AgreementKind,
        title: str | None,
        sentence: tuple[int, int],
    ) -> None:
        """Record that ``parties`` signed an agreement (needs two distinct names)."""
        names = {p.name.casefold() for p in parties}
        if len(names) < 2:
            return
        self.claims.append(
            AgreementClaim(
                parties=tuple(self.mention(p) for p in parties),
                kind=kind,
                title=title,
                evidence=self.evidence(sentence),
            )
        )

    def build(self) -> Extraction:
        """The frozen extraction, short organisation names completed by longer ones."""
        organisations = [m.name for m in self.mentions if m.type is EntityType.ORGANISATION]
        names = complete_prefixes(organisations) if self.complete_prefixes else {}
        mentions = tuple(
            replace(m, name=names.get(m.name, m.name)) if m.type is EntityType.ORGANISATION else m
            for m in self.mentions
        )
        claims = _share_titles(self.claims, mentions)
        return Extraction(article=self.article, mentions=mentions, claims=claims)


def _share_titles(claims: list[Claim], mentions: tuple[Mention, ...]) -> tuple[Claim, ...]:
    """A headline reports an agreement without its subject; the body names it.

    Claims of one kind between the same parties are one agreement, so the untitled ones
    take the first title stated (resolution keeps the first claim's title).
    """
    titles: dict[tuple[AgreementKind, frozenset[str]], str] = {}
    for claim in claims:
        if isinstance(claim, AgreementClaim) and claim.title:
            titles.setdefault(_agreement_key(claim, mentions), claim.title)
    return tuple(
        replace(claim, title=titles.get(_agreement_key(claim, mentions)))
        if isinstance(claim, AgreementClaim) and not claim.title
        else claim
        for claim in claims
    )


def _agreement_key(
    claim: AgreementClaim, mentions: tuple[Mention, ...]
) -> tuple[AgreementKind, frozenset[str]]:
    return claim.kind, frozenset(name_key(mentions[p].name) for p in claim.parties)


def _name_words(name: str) -> list[str]:
    return [w for w in name_key(name).replace("-", " ").split() if w not in _ARTICLES]


_ARTICLES = frozenset({"the", "a", "an"})


def complete_prefixes(names: list[str]) -> dict[str, str]:
    """Map each name that begins exactly one longer name of the article to that name.

    An article names "the Civil Alliance of Kazakhstan" once and "the Civil Alliance"
    after; both are one organisation. Names of one word are left alone (too vague).
    """
    unique = sorted(set(names))
    words = {name: _name_words(name) for name in unique}
    result: dict[str, str] = {}
    for name in unique:
        short = words[name]
        if len(short) < 2:
            continue
        longer = [
            other
            for other in unique
            if len(words[other]) > len(short) and words[other][: len(short)] == short
        ]
        longest = max(longer, key=lambda other: (len(words[other]), other), default=None)
        if longest is not None and all(
            words[longest][: len(words[other])] == words[other] for other in longer
        ):
            result[name] = longest
    return result


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Offsets of word-like tokens (letters, digits, inner hyphens and apostrophes)."""
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        yield match.start(), match.end()


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
