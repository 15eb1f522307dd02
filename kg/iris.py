"""Deterministic identifiers: the same input always gives the same id and IRI.

An id is ``<kind>/<readable-slug>-<hash>``: the slug is for people reading IRIs, the
hash of the normalised key is what makes it unique. IRIs are ``base + id``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from kg.text import QUOTE_CHARACTERS, to_ascii

DEFAULT_BASE = "https://w3id.org/civkg/id/"

_QUOTES = re.compile(f"[{re.escape(QUOTE_CHARACTERS)}]")
_SPACES = re.compile(r"\s+")
_MAX_SLUG = 48


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


def make_id(kind: str, readable: str, *key_parts: str) -> str:
    """``kind/slug-hash`` where the hash covers ``kind`` and ``key_parts``."""
    return f"{kind}/{slug(readable)}-{digest(kind, *key_parts)}"


def entity_id(entity_type: str, name: str) -> str:
    """Id of a person, organisation or event from its type and canonical name."""
    return make_id(entity_type, name, name_key(name))


def article_id(text: str) -> str:
    """Id of an article: a hash of its cleaned text, so a re-scraped copy is one node."""
    return digest("article", text, length=16)


def iri(base: str, ident: str) -> str:
    """Full IRI of an id under ``base`` (which must end with ``/`` or ``#``)."""
    return base + ident
