"""The Kazakh language for spaCy: ``spacy.blank("kk")`` once this module is imported.

spaCy 3.8 ships no Kazakh. The package declares the ``spacy_languages`` entry point
``kk = "kg.lang.kk:Kazakh"`` for installed use, and importing this module registers the
language too, so a source checkout works the same. Importing it also registers the
``kk_sentencizer`` component.
"""

from __future__ import annotations

import re

from spacy.language import BaseDefaults, Language
from spacy.util import registry

from kg.lang.kk.lex_attrs import LEX_ATTRS
from kg.lang.kk.punctuation import (
    TOKEN_MATCH,
    TOKENIZER_INFIXES,
    TOKENIZER_PREFIXES,
    TOKENIZER_SUFFIXES,
)
from kg.lang.kk.sentences import kk_sentencizer
from kg.lang.kk.stop_words import STOP_WORDS
from kg.lang.kk.tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    """Tokenizer rules, stop words and lexical attributes for Kazakh."""

    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    token_match = re.compile(TOKEN_MATCH).match
    lex_attr_getters = LEX_ATTRS
    stop_words = set(STOP_WORDS)  # noqa: RUF012 (spaCy's Defaults are class attributes)
    writing_system = {  # noqa: RUF012
        "direction": "ltr",
        "has_case": True,
        "has_letters": True,
    }


@registry.languages("kk")
class Kazakh(Language):  # type: ignore[no-untyped-call]  # spaCy hook is untyped
    """Kazakh (Cyrillic script)."""

    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh", "KazakhDefaults", "kk_sentencizer"]
