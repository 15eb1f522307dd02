"""Organisation names: from a head noun leftwards over the words of the name.

A Kazakh name ends in its head noun ("... қоры", "... министрлігі", "... форумы") and
runs left over capitalised words, quoted names, abbreviations, genitive attributes
and linked phrases ("X жөніндегі", "X атындағы", "X жанындағы"). It stops at a
punctuation mark, a verb, a word in a case no name word takes (locative, dative,
ablative), a person, or the end of another name ("... университеті Азия және ...").

Modules: ``span`` (``OrgSpan`` and nesting), ``words`` (shared word classes),
``openings`` (where a name's first word is), ``finder`` (``NameFinder``: from a head
leftwards), ``kinds`` (quoted names, legal forms, implied bodies, abbreviations) and
``find`` (``find_orgs``: a sentence's names, units and boards).
"""

from __future__ import annotations

from kg.extractors.kk.orgs.find import find_orgs, numbered_session
from kg.extractors.kk.orgs.finder import NameFinder
from kg.extractors.kk.orgs.span import OrgSpan, outermost
from kg.extractors.kk.orgs.words import place_word

__all__ = ["NameFinder", "OrgSpan", "find_orgs", "numbered_session", "outermost", "place_word"]
