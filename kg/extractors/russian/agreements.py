"""Agreements: a signing verb, an agreement noun and the organisations that are parties."""

from __future__ import annotations

from kg.extractors.russian.base import Item, SentenceBase
from kg.lang.ru import lexicon
from kg.model import AgreementKind


class AgreementRules(SentenceBase):
    """Finds the agreements a sentence reports."""

    def _agreements(self, orgs: list[Item]) -> None:
        lemmas = [t.lemma for t in self.tokens]
        if not any(lemma in lexicon.SIGNING for lemma in lemmas):
            return
        kinds = [lexicon.AGREEMENT_NOUNS[lem] for lem in lemmas if lem in lexicon.AGREEMENT_NOUNS]
        if not kinds:
            return
        kind = AgreementKind.MEMORANDUM if AgreementKind.MEMORANDUM in kinds else kinds[0]
        cut = next((k for k, lem in enumerate(lemmas) if lem in lexicon.ATTRIBUTION), len(lemmas))
        parties = [o for o in orgs if o.first < cut and not o.parent]
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
