"""Kazakh articles in Latin script, read by the Cyrillic rules and put back in Latin."""

from __future__ import annotations

from dataclasses import replace

from kg.lang.kk.latin import alphabet_of, to_cyrillic, to_latin
from kg.model import AgreementClaim, Article, Claim, Evidence, Extraction, Mention, RoleClaim


class LatinArticle:
    """A Latin-script article's Cyrillic twin, and the way back to the original."""

    def __init__(self, article: Article, alphabet: str) -> None:
        self.original = article
        self.alphabet = alphabet
        text, self._origin = to_cyrillic(article.text, alphabet)
        self.cyrillic = replace(article, text=text)

    @classmethod
    def of(cls, article: Article) -> LatinArticle | None:
        """The twin of ``article`` if it is Kazakh in a Latin alphabet, else None."""
        alphabet = alphabet_of(article.text)
        return cls(article, alphabet) if alphabet is not None else None

    def restore(self, extraction: Extraction) -> Extraction:
        """The twin's extraction on the original text, every name in the original script."""
        return Extraction(
            article=self.original,
            mentions=tuple(self._mention(m) for m in extraction.mentions),
            claims=tuple(self._claim(c) for c in extraction.claims),
        )

    def _span(self, start: int, end: int) -> tuple[int, int]:
        return self._origin[start], self._origin[end]

    def _latin(self, text: str | None) -> str | None:
        return to_latin(text, self.alphabet) if text is not None else None

    def _mention(self, mention: Mention) -> Mention:
        start, end = self._span(mention.start, mention.end)
        return replace(
            mention,
            text=self.original.text[start:end],
            start=start,
            end=end,
            name=to_latin(mention.name, self.alphabet),
            place=self._latin(mention.place),
        )

    def _evidence(self, evidence: Evidence) -> Evidence:
        start, end = self._span(evidence.start, evidence.end)
        return replace(evidence, sentence=self.original.text[start:end], start=start, end=end)

    def _claim(self, claim: Claim) -> Claim:
        evidence = self._evidence(claim.evidence)
        if isinstance(claim, RoleClaim):
            return replace(claim, role=self._latin(claim.role), evidence=evidence)
        if isinstance(claim, AgreementClaim):
            return replace(claim, title=self._latin(claim.title), evidence=evidence)
        return replace(claim, evidence=evidence)
