"""Agreements: a signing verb and an agreement noun with the bodies that signed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.lang.en import lexicon
from kg.model import AgreementKind

if TYPE_CHECKING:
    from kg.extractors.english.sentence import Sentence

# -- agreements ----------------------------------------------------------------------


def find_agreements(sentence: Sentence) -> None:
    words = [t.text.lower() for t in sentence.tokens]
    if not any(w in lexicon.SIGNING for w in words):
        return
    kinds = [lexicon.AGREEMENT_WORDS[w] for w in words if w in lexicon.AGREEMENT_WORDS]
    if not kinds:
        return
    kind = AgreementKind.MEMORANDUM if any(kinds) else AgreementKind.AGREEMENT
    # "according to X", "X reported": the source of the news is no party.
    sources = [k for k, w in enumerate(words) if w in lexicon.ATTRIBUTION]
    orgs = [
        i
        for i in sentence.items
        if i.kind == "org" and i.span and not any(0 < i.first - k <= 4 for k in sources)
    ]
    between = next((k for k, w in enumerate(words) if w == "between"), None)
    if between is not None and len([o for o in orgs if o.first > between]) >= 2:
        orgs = [o for o in orgs if o.first > between][:2]
    sentence.builder.agreement(
        [o.span for o in orgs if o.span], kind, _title(sentence, words), sentence.bounds
    )


def _title(sentence: Sentence, words: list[str]) -> str | None:
    """ "memorandum ... on cooperation in culture": the subject after "on"."""
    noun = next((k for k, w in enumerate(words) if w in lexicon.AGREEMENT_WORDS), None)
    if noun is None:
        return None
    window = range(noun + 1, min(noun + 16, len(words)))
    on = next((k for k in window if words[k] == "on"), None)
    if on is None or on + 1 >= len(words) or words[on + 1] in lexicon.NOT_NAMES:
        return None  # "on Tuesday" dates the signing; it is no subject
    end = on
    while (
        end + 1 < len(words)
        and words[end + 1] not in (".", ";", "between", "with")
        and not (
            words[end + 1] == "in" and end + 2 < len(words) and sentence.tokens[end + 2].capitalised
        )
    ):
        end += 1
    return sentence.text[sentence.tokens[on].start : sentence.tokens[end].end]
