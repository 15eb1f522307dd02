"""Deterministic identifiers: the same input always gives the same id and IRI.

An id is ``<kind>/<readable-slug>-<hash>``: the slug is for people reading IRIs, the
hash of the normalised key is what makes it unique. IRIs are ``base + id``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.text import QUOTE_CHARACTERS, to_ascii

if TYPE_CHECKING:
    # Types only: kg.model builds fact ids with these recipes, so it imports this module.
    from kg.model import AgreementKind, Entity, Evidence, Label

DEFAULT_BASE = "https://w3id.org/civkg/id/"

_QUOTES = re.compile(f"[{re.escape(QUOTE_CHARACTERS)}]")
_SPACES = re.compile(r"\s+")
_MAX_SLUG = 48


# Extraction and resolution ask for the key of the same few names many times over (each
# candidate pair of the relation stage, each claim, each merge); a bounded cache keeps
# a long build's memory flat.
@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The matching key of a name: NFC, no quotes, case-folded, single spaces, ё→е."""
    text = unicodedata.normalize("NFC", name)
    text = _QUOTES.sub("", text).casefold().replace("ё", "е")
    return _SPACES.sub(" ", text).strip()


def digest(*parts: str, length: int = 12) -> str:
    """A short stable hex digest of the parts (order matters)."""
    joined = "\x1f".join(parts).encode("utf-8")
    return hashlib.sha256(joined).hexdigest()[:length]


def slug(text: str) -> str:
    """A lower-case ASCII slug for the readable part of an id."""
    words = to_ascii(text).split()
    return "-".join(words)[:_MAX_SLUG].strip("-") or "x"


# Linking makes each fact's id again from the entities it now names, for the plan, for
# what each graph was made from and for the graph itself: three times the same parts.
@lru_cache(maxsize=1 << 17)
def make_id(kind: str, readable: str, *key_parts: str) -> str:
    """``kind/slug-hash`` where the hash covers ``kind`` and ``key_parts``."""
    return f"{kind}/{slug(readable)}-{digest(kind, *key_parts)}"


def entity_id(entity_type: str, name: str) -> str:
    """Id of a person, organisation or event from its type and canonical name."""
    return make_id(entity_type, name, name_key(name))


def qualified_entity_id(entity_type: str, name: str, qualifier: str) -> str:
    """Id of one of several distinct entities that share a type and canonical name."""
    return make_id(entity_type, name, name_key(name), qualifier)


def article_id(text: str) -> str:
    """Id of an article: a hash of its cleaned text, so a re-scraped copy is one node."""
    return digest("article", text, length=16)


def iri(base: str, ident: str) -> str:
    """Full IRI of an id under ``base`` (which must end with ``/`` or ``#``)."""
    return base + ident


def article_node_id(article_id: str) -> str:
    """Id of an article's node (``article/`` + the article id)."""
    return f"article/{article_id}"


def membership_id(person: Entity, organisation_id: str, role: Label | None) -> str:
    """Same person, organisation and role: the same membership, whoever reports it."""
    role_key = name_key(role.text) if role else ""
    return make_id("membership", person.name.text, person.id, organisation_id, role_key)


def agreement_id(kind: AgreementKind, parties: Sequence[str], date: str | None) -> str:
    """Same kind, parties and date: the same agreement, whatever title reports give it."""
    return make_id("agreement", kind.value, kind.value, *sorted(parties), date or "")


def participation_id(participant: Entity, event_id: str) -> str:
    """Same participant and event: the same participation, whoever reports it."""
    return make_id("participation", participant.name.text, participant.id, event_id)


def role_id(role: Label) -> str:
    """Id of the ``org:Role`` named by ``role`` (same name and language, same role)."""
    return make_id("role", role.text, role.lang, name_key(role.text))


def evidence_id(fact_id: str, evidence: Evidence) -> str:
    """Id of the evidence node for one sentence supporting one fact."""
    kind = fact_id.partition("/")[0]
    key = (fact_id, evidence.article_id, str(evidence.start), str(evidence.end))
    return make_id("evidence", kind, *key)


def activity_id(version: str, extractors: Sequence[str]) -> str:
    """Id of a build run: the same version and (sorted) extractors, the same id."""
    return make_id("activity", f"civkg {version}", version, *extractors)


def agent_id(version: str) -> str:
    """Id of the civkg release that ran a build (``prov:SoftwareAgent``)."""
    return make_id("agent", f"civkg {version}", "civkg", version)
