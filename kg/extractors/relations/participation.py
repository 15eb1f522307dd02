"""Who took part in a named event: its speakers, delegates and organisers.

A person named in a sentence that names an event took part in it when the sentence
says so (a word of taking part, speaking or organising) or when it is the event's
only sentence about people. Reports mostly name the event once and then speak of
"the forum": so when an article names exactly one event, the people of any later
sentence that says someone took part, spoke or organised are its participants too.
An organisation takes part when the sentence says it organised or attended.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extractors.relations.affiliations import evidence
from kg.extractors.relations.cues import PARTICIPATION, mentions_any
from kg.extractors.relations.features import Sentence
from kg.iris import name_key
from kg.model import Article, EntityType, Mention, ParticipationClaim


def participations(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
) -> list[ParticipationClaim]:
    """The participation claims of one article, in text order, each pair once."""
    cues = PARTICIPATION.get(article.lang, frozenset())
    events = {
        name_key(mentions[i].name)
        for s in sentences
        for i in s.mentions
        if mentions[i].type is EntityType.EVENT
    }
    first_event: int | None = None
    found: list[ParticipationClaim] = []
    seen: set[tuple[str, str, str]] = set()
    for sentence in sentences:
        text = article.text[sentence.start : sentence.end]
        here = [i for i in sentence.mentions if mentions[i].type is EntityType.EVENT]
        if here and first_event is None:
            first_event = here[0]
        stated = mentions_any(text, cues)
        targets = here or ([first_event] if len(events) == 1 and first_event is not None else [])
        if not targets or not (stated or here):
            continue
        for index in sentence.mentions:
            mention = mentions[index]
            if mention.type is EntityType.EVENT or _inside_event(sentence, index, here):
                continue
            if mention.type is EntityType.ORGANISATION and not stated:
                continue
            if mention.type is EntityType.PERSON and not (stated or here):
                continue
            for event in targets:
                key = (mention.type.value, name_key(mention.name), name_key(mentions[event].name))
                if key in seen:
                    continue
                seen.add(key)
                found.append(ParticipationClaim(index, event, evidence(article, sentence)))
    return found


def _inside_event(sentence: Sentence, index: int, events: Sequence[int]) -> bool:
    """A name inside the event's own name ("the Union's Congress") is not a participant."""
    first, last = sentence.ranges[index]
    return any(sentence.ranges[e][0] <= first and last <= sentence.ranges[e][1] for e in events)
