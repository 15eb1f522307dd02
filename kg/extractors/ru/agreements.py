"""Agreements: a signing verb, an agreement noun and the organisations that are parties."""

from __future__ import annotations

from collections.abc import Sequence

from kg.extractors.common import ExtractionBuilder, Span
from kg.extractors.headlines import headline_agreement, in_capitals
from kg.extractors.ru.base import Item, SentenceBase
from kg.extractors.ru.org_forms import abbreviation
from kg.extractors.ru.tokens import Token
from kg.lang.ru import lexicon
from kg.model import AgreementKind

_MAX_REMEMBERED = 2


def _distinct(spans: list[Span]) -> list[Span]:
    """One span per name, in order."""
    seen: set[str] = set()
    result: list[Span] = []
    for span in spans:
        if span.name not in seen:
            seen.add(span.name)
            result.append(span)
    return result


class AgreementRules(SentenceBase):
    """Finds the agreements a sentence reports."""

    def _agreements(self, orgs: list[Item]) -> None:
        lemmas = [t.lemma for t in self.tokens]
        candidates = [o for o in orgs if o.span is not None and not o.parent]
        # Remembered for a next sentence that reports the signing without the parties.
        self.recent[:] = [o.span for o in candidates if o.span is not None]
        signing = [k for k, lemma in enumerate(lemmas) if lemma in lexicon.SIGNING]
        if not signing:
            return
        if all(self._intended(k) for k in signing):
            return  # "договорились о подписании меморандума": not signed yet
        kinds = [lexicon.AGREEMENT_NOUNS[lem] for lem in lemmas if lem in lexicon.AGREEMENT_NOUNS]
        between = next((k for k, t in enumerate(self.tokens) if t.text.lower() == "между"), None)
        if not kinds and between is not None and lexicon.DOCUMENT_NOUN in lemmas[:between]:
            # "Документ подписан между X и Y": a document signed between two parties
            kinds = [AgreementKind.OTHER]
        if not kinds and self.said and lexicon.DOCUMENT_NOUN in lemmas[: signing[0] + 2]:
            # "Стороны подписали дорожную карту. Документ подписали X и Y": that document
            kinds = list(self.said)
        if not kinds:
            return
        kind = AgreementKind.MEMORANDUM if AgreementKind.MEMORANDUM in kinds else kinds[0]
        self.said[:] = [kind]
        title = self._title(lemmas)
        opening, cut = self._attribution(lemmas)
        parties = [o for o in candidates if opening < o.first < cut and not self._no_signer(o)]
        if between is not None:
            after = [o for o in parties if o.first > between]
            if len(after) >= 2:
                parties = after
        spans = _distinct([o.span for o in parties if o.span is not None])
        if len(spans) < 2 and self.earlier:
            # "Стороны подписали меморандум": the parties are those of the sentence before.
            spans = _distinct(spans + self.earlier)
            if len(spans) > _MAX_REMEMBERED:
                return
        for span in spans:
            self.builder.mention(span)
        pairs = self._partners(parties, lemmas)
        if pairs:
            for pair in pairs:
                self.builder.agreement(pair, kind, title, self.bounds)
            return
        self.builder.agreement(spans, kind, title, self.bounds)

    def _attribution(self, lemmas: list[str]) -> tuple[int, int]:
        """The tokens between which the parties may stand: before "..., сообщает X"
        at the end, after "Как сообщает X," at the start (the source is no party)."""
        k = next((k for k, lem in enumerate(lemmas) if lem in lexicon.ATTRIBUTION), None)
        if k is None:
            return -1, len(lemmas)
        if k > 0 and self.tokens[k - 1].text.lower() == "как":
            comma = next((j for j in range(k, len(lemmas)) if self.tokens[j].text == ","), None)
            if comma is not None:
                return comma, len(lemmas)
        return -1, k

    def _intended(self, k: int) -> bool:
        """Whether the signing at ``k`` is only agreed or planned ("договорились о
        подписании", "планируют подписать", "намерены заключить")."""
        window = self.tokens[max(0, k - 3) : k]
        if self.tokens[k].text.lower() in lexicon.FUTURE_SIGNING:
            return True  # "подпишут меморандум в следующем месяце"
        if k >= 1 and self.tokens[k - 1].text.lower() in ("будет", "будут"):
            return True  # "будет подписан"
        return any(t.lemma in lexicon.INTENT_VERBS for t in window)

    def _no_signer(self, org: Item) -> bool:
        """A body the sentence names but that signs nothing: an agency credited in a
        dateline ("/Агентство/", "КазТАГ –"), or the body an election fills ("на выборах в Сенат",
        "выборах депутатов Сената")."""
        tokens = self.tokens
        before = tokens[org.first - 1].text if org.first else ""
        after = tokens[org.last + 1].text if org.last + 1 < len(tokens) else ""
        if before == "/" and after == "/":
            return True
        if after in ("–", "—") and org.first == org.last and abbreviation(tokens[org.first].text):
            return True  # "КазТАГ – Фонд X и Y подписали": the agency of a dateline

        window = tokens[max(0, org.first - 3) : org.first]
        return any(t.lemma in lexicon.ELECTION_NOUNS for t in window)

    def _partners(self, parties: list[Item], lemmas: list[str]) -> list[list[Span]]:
        """ "X подписал меморандумы с Y и Z": one agreement of X with each partner."""
        verb = next((k for k, lem in enumerate(lemmas) if lem in lexicon.SIGNING), None)
        with_at = next(
            (
                k
                for k, t in enumerate(self.tokens)
                if t.text.lower() in ("с", "со") and verb is not None and k > verb
            ),
            None,
        )
        if with_at is None or verb is None:
            return []
        subjects = _distinct([o.span for o in parties if o.last < verb and o.span is not None])
        partners = _distinct([o.span for o in parties if o.first > with_at and o.span is not None])
        if len(subjects) != 1 or len(partners) < 2:
            return []
        nouns = [
            t for t, lem in zip(self.tokens, lemmas, strict=True) if lem in lexicon.AGREEMENT_NOUNS
        ]
        if not any(t.plural for t in nouns):
            return []  # "подписал меморандум с Y и Z": one memorandum of three
        return [[subjects[0], partner] for partner in partners]

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


def headline_agreements(
    builder: ExtractionBuilder, tokens: Sequence[Token], sentence: tuple[int, int]
) -> None:
    """An agreement a headline in capitals reports ("ЖАЙЫКСКИЙ УНИВЕРСИТЕТ И ФОНД
    «САМАЛ» ПОДПИСАЛИ СОГЛАШЕНИЕ"), its parties the bodies the text names."""
    start, end = sentence
    if not in_capitals(builder.article.text[start:end]):
        return
    lemmas = [t.lemma for t in tokens if start <= t.start < end]
    kinds = [lexicon.AGREEMENT_NOUNS[lem] for lem in lemmas if lem in lexicon.AGREEMENT_NOUNS]
    if not kinds or not any(lemma in lexicon.SIGNING for lemma in lemmas):
        return
    if any(lemma in lexicon.INTENT_VERBS for lemma in lemmas):
        return  # "ДОГОВОРИЛИСЬ О ПОДПИСАНИИ": not signed yet
    kind = AgreementKind.MEMORANDUM if AgreementKind.MEMORANDUM in kinds else kinds[0]
    headline_agreement(builder, sentence, kind)
