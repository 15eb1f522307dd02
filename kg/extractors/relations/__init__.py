"""The relation stage: facts between the mentions every language's extractor found.

It runs after the extractors of an article's language and before resolution, on the
merged extraction, and is the same for every language: the relation logic that is
not language knowledge lives here once.

- **Affiliations** (``affiliations``): a trained linear classifier over every
  person–organisation pair of a sentence that the language's rules did not claim.
- **Ministers** (``ministers``): a bare minister's title ("vice minister X") in the
  article's one ministry.
- **Pronouns** (``pronouns``): a sentence that goes on about the person just named
  with "он" / "she" / "ол" sees that person on the pronoun.
- **Participation** (``participation``): the people named at a named event, and the
  bodies that organised it, took part in it.

The classifier ships as ``kg/models/relations.json`` and is rebuilt by
``scripts/train_relations.py`` from the gold corpus (seeded, byte-reproducible).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from kg.extractors.common import sentence_spans
from kg.extractors.relations.affiliations import classify, pair_key
from kg.extractors.relations.features import Sentence, sentence_view
from kg.extractors.relations.linear import LinearModel, RelationModel
from kg.extractors.relations.lists import listed_members
from kg.extractors.relations.ministers import ministers
from kg.extractors.relations.offices import office_holders
from kg.extractors.relations.participation import participations
from kg.extractors.relations.pronouns import with_pronouns
from kg.model import Extraction, Mention, RoleClaim

__all__ = ["MODEL_PATH", "NAME", "LinearModel", "RelationModel", "default_model", "relate"]

#: The stage's name, as evidence and the build activity credit it.
NAME = "relations"
MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "relations.json"


@cache
def default_model() -> RelationModel:
    """The shipped relation model, loaded once."""
    return RelationModel.load(MODEL_PATH)


def sentences_of(text: str, mentions: Sequence[Mention], lang: str = "") -> list[Sentence]:
    """The article's sentences with the mentions that start inside each, and in
    ``lang`` the person a subject pronoun stands for (``pronouns``)."""
    spans = sentence_spans(text)
    starts = [start for start, _ in spans]
    inside: list[list[int]] = [[] for _ in spans]
    for index, mention in enumerate(mentions):
        position = bisect_right(starts, mention.start) - 1
        if position >= 0 and mention.end <= spans[position][1]:
            inside[position].append(index)
    sentences = [
        sentence_view(text, span, mentions, found)
        for span, found in zip(spans, inside, strict=True)
    ]
    return with_pronouns(sentences, mentions, lang)


def relate(extraction: Extraction, model: RelationModel | None = None) -> Extraction:
    """``extraction`` with the relation stage's claims in place of the rules' role claims."""
    model = model or default_model()
    article, mentions = extraction.article, extraction.mentions
    sentences = sentences_of(article.text, mentions, article.lang)
    rules = [c for c in extraction.claims if isinstance(c, RoleClaim)]
    others = [c for c in extraction.claims if not isinstance(c, RoleClaim)]
    roles = classify(article, sentences, mentions, rules, model.affiliation)
    claimed = {pair_key(mentions, c.person, c.organisation) for c in roles}
    roles = [*roles, *office_holders(article, sentences, mentions, claimed)]
    roles = [*roles, *ministers(article, sentences, mentions, roles, claimed)]
    roles = [*roles, *listed_members(sentences, mentions, roles, claimed)]
    joined = participations(article, sentences, mentions)
    return replace(extraction, claims=(*roles, *others, *joined))
