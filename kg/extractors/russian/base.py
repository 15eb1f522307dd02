"""What every sentence rule shares: the sentence's tokens and the items found in it."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extractors.common import ExtractionBuilder, Span
from kg.extractors.russian.tokens import Token
from kg.lang.ru import lexicon

# Tokens allowed between a position and its organisation or person: punctuation,
# prepositions and conjunctions ("глава представительства ЮНИСЕФ в Республике ...").
_GAP_POS = frozenset({"PUNCT", "ADP", "CCONJ"})
_MAX_GAP = 4


@dataclass(frozen=True, slots=True)
class Item:
    """A person, organisation or position found in a sentence, by token range."""

    kind: str  # "person" | "org" | "position"
    first: int
    last: int  # inclusive token index
    span: Span | None = None
    role: str | None = None
    implied: Span | None = None  # "министра иностранных дел" implies the ministry
    weak: bool = False  # a lower-case phrase, an organisation only if a role names it


class SentenceBase:
    """One sentence's tokens, where its findings go, and scans the rules share."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        bounds: tuple[int, int],
        builder: ExtractionBuilder,
        people: list[Span],
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.bounds = bounds
        self.builder = builder
        self.people = people

    def gap_ok(self, a: int, b: int) -> bool:
        """True when tokens strictly between ``a`` and ``b`` may separate linked items."""
        between = self.tokens[a + 1 : b]
        return len(between) <= _MAX_GAP and all(
            t.pos in _GAP_POS or t.ner == "LOC" for t in between
        )

    def genitive_tail(self, start: int) -> int:
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
