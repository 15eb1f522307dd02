"""What linking reads of one article's result, and its compact JSON for the build cache.

Linking sees the whole build at once, but of each article only its entities, the key
each one is matched by and the ends of its facts; the rest of a result (the evidence
sentences, the article's text) is most of its size. A rebuild reads these small
records for every article from the cache (``kg.cache.ResultCache.link_input``) and the
whole results only of the articles whose graph changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kg.model import (
    Agreement,
    AgreementKind,
    Entity,
    EntityType,
    Fact,
    Label,
    Membership,
    OrgClass,
    Participation,
)

#: Bump when the JSON changes shape: records of another shape are then not read.
SCHEMA = 1

#: The cross-article key of an entity and the rules that made it (``kg.link``).
Key = tuple[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class LinkInput:
    """One article's part of linking: what ``kg.link`` needs and nothing more.

    ``keys[i]`` is the key ``entities[i]`` is matched by across articles (None: it is
    matched by its id alone); ``facts`` are the result's facts without their evidence;
    ``extractors`` ran on the article.
    """

    article_id: str
    source_path: str
    entities: tuple[Entity, ...]
    keys: tuple[Key | None, ...]
    facts: tuple[Fact, ...]
    extractors: tuple[str, ...] = ()


def _label(label: Label | None) -> list[str] | None:
    return None if label is None else [label.text, label.lang]


def _unlabel(value: list[str] | None) -> Label | None:
    return None if value is None else Label(value[0], value[1])


def _entity(entity: Entity) -> list[Any]:
    return [
        entity.id,
        entity.type.value,
        entity.name.text,
        entity.name.lang,
        [[a.text, a.lang] for a in entity.aliases],
        None if entity.org_class is None else entity.org_class.value,
        entity.date,
        entity.place,
    ]


def _fact(fact: Fact) -> list[Any]:
    if isinstance(fact, Membership):
        return ["m", fact.id, fact.person, fact.organisation, _label(fact.role)]
    if isinstance(fact, Agreement):
        return ["a", fact.id, fact.kind.value, list(fact.parties), _label(fact.title), fact.date]
    return ["p", fact.id, fact.participant, fact.event]


def _unfact(value: list[Any]) -> Fact:
    kind = value[0]
    if kind == "m":
        return Membership(value[1], value[2], value[3], _unlabel(value[4]), ())
    if kind == "a":
        return Agreement(
            value[1], AgreementKind(value[2]), tuple(value[3]), _unlabel(value[4]), value[5], ()
        )
    if kind == "p":
        return Participation(value[1], value[2], value[3], ())
    raise ValueError(f"not a fact: {kind!r}")


def encode_link_input(found: LinkInput) -> str:
    """``found`` as compact JSON."""
    data = [
        SCHEMA,
        found.article_id,
        found.source_path,
        [_entity(e) for e in found.entities],
        [None if key is None else [key[0], list(key[1])] for key in found.keys],
        [_fact(f) for f in found.facts],
        list(found.extractors),
    ]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode_link_input(text: str) -> LinkInput:
    """The ``LinkInput`` ``encode_link_input`` wrote; ValueError when it is not one."""
    return LinkInputDecoder().decode(text)


_ENTITY_TYPES = {kind.value: kind for kind in EntityType}
_ORG_CLASSES = {kind.value: kind for kind in OrgClass}


class LinkInputDecoder:
    """``decode_link_input`` for many records: an entity named alike in many articles
    (the same id, name, aliases and details) is decoded once and shared.

    A rebuild decodes every article's record; most of that time went into making the
    same entities again, and holding them once is most of the records' memory.
    """

    def __init__(self) -> None:
        self._entities: dict[tuple[Any, ...], Entity] = {}

    def decode(self, text: str) -> LinkInput:
        """The ``LinkInput`` ``encode_link_input`` wrote; ValueError when it is not one."""
        try:
            schema, article_id, source_path, entities, keys, facts, extractors = json.loads(text)
            if schema != SCHEMA:
                raise ValueError(f"link input of schema {schema!r}, not {SCHEMA}")
            return LinkInput(
                article_id=article_id,
                source_path=source_path,
                entities=tuple(self._entity(e) for e in entities),
                keys=tuple(None if k is None else (k[0], tuple(k[1])) for k in keys),
                facts=tuple(_unfact(f) for f in facts),
                extractors=tuple(extractors),
            )
        except (TypeError, KeyError, IndexError) as exc:
            raise ValueError(f"not a link input: {exc}") from exc

    def _entity(self, value: list[Any]) -> Entity:
        ident, kind, text, lang, aliases, org_class, date, place = value
        key = (ident, kind, text, lang, tuple(map(tuple, aliases)), org_class, date, place)
        found = self._entities.get(key)
        if found is None:
            found = self._entities[key] = Entity(
                id=ident,
                type=_ENTITY_TYPES[kind],
                name=Label(text, lang),
                aliases=tuple(Label(t, lg) for t, lg in aliases),
                org_class=None if org_class is None else _ORG_CLASSES[org_class],
                date=date,
                place=place,
            )
        return found
