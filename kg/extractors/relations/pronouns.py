"""People named again by a pronoun: "X ... . Ранее он работал директором Y".

A biography names the person once and goes on with "он" / "she" / "ол". A sentence
that names nobody but opens with such a pronoun, right after a sentence that names
exactly one person, speaks of that person: the relation stage places them on the
pronoun, so the classifier and the other relation rules see the pair as if the name
stood there (the train corpus has too few such sentences for a feature of their own;
``Sentence.pronouns`` records which placements they are). No mention is added, so no
pronoun becomes a name or an alias.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.extractors.relations.cues import PRONOUNS
from kg.extractors.relations.features import Sentence
from kg.iris import name_key
from kg.model import EntityType, Mention

#: Tokens from a sentence's start within which its subject pronoun stands ("Ранее он",
#: "In 2019 she", "Prior to his appointment, he").
_SUBJECT_WINDOW = 7
#: Sentences back searched for the person a pronoun stands for.
_SENTENCES_BACK = 2


def with_pronouns(
    sentences: Sequence[Sentence], mentions: Sequence[Mention], lang: str
) -> list[Sentence]:
    """``sentences`` with the person a subject pronoun stands for placed on it."""
    pronouns = PRONOUNS.get(lang, frozenset())
    out = list(sentences)
    for number, sentence in enumerate(sentences):
        if not pronouns or _people(sentence, mentions):
            continue
        at = next(
            (
                k
                for k, token in enumerate(sentence.tokens[:_SUBJECT_WINDOW])
                if token.text.casefold() in pronouns
            ),
            None,
        )
        if at is None or not _opens_the_clause(sentence, at):
            continue
        person = _antecedent(sentences, mentions, number)
        if person is None:
            continue
        out[number] = replace(
            sentence,
            mentions=(*sentence.mentions, person),
            ranges={**sentence.ranges, person: (at, at + 1)},
            pronouns=sentence.pronouns | {person},
        )
    return out


#: Words that open a clause inside the sentence: a pronoun after them speaks of a noun
#: of the sentence ("Ценность ОБСЕ в том, что она дает ..."), not of the person before.
_CLAUSE_WORDS = frozenset({"что", "который", "которая", "that", "which", "who", "деп"})


def _opens_the_clause(sentence: Sentence, at: int) -> bool:
    """Whether the pronoun at token ``at`` is the sentence's subject: nothing named and no
    clause word before it ("Prior to his appointment, he ..." is; "X в том, что она" not)."""
    if any(first < at for first, _ in sentence.ranges.values()):
        return False
    return not any(t.text.casefold() in _CLAUSE_WORDS for t in sentence.tokens[:at])


def _people(sentence: Sentence, mentions: Sequence[Mention]) -> list[int]:
    return [i for i in sentence.mentions if mentions[i].type is EntityType.PERSON]


def _antecedent(
    sentences: Sequence[Sentence], mentions: Sequence[Mention], number: int
) -> int | None:
    """The one person the nearest earlier sentence naming anyone names (its first mention)."""
    for back in range(number - 1, max(number - 1 - _SENTENCES_BACK, -1), -1):
        people = _people(sentences[back], mentions)
        if not people:
            continue
        if len({name_key(mentions[i].name) for i in people}) != 1:
            return None  # two people: which one is meant is unknown
        return people[0]
    return None
