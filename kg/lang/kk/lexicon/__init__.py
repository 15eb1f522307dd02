"""Kazakh vocabulary the rule extractor needs: positions, organisation heads, legal forms.

General Kazakh news vocabulary written for civkg; nothing here is taken from the
evaluation articles. Nouns are listed in their bare nominative form ("қор",
"төраға"); ``kg.lang.kk.morph.decline`` produces the forms met in text.

The lists live in ``bodies`` (organisation heads, legal forms, abbreviations),
``events``, ``positions``, ``people`` (personal names) and ``words`` (function words,
places); every name is importable from here.
"""

from __future__ import annotations

from kg.lang.kk.lexicon.bodies import (
    ADMIN_ADJECTIVES,
    BOARD_WORDS,
    CONTINENTS,
    DEPENDENT_HEADS,
    FUNCTION_OFFICES,
    GENERIC_HEADS,
    INTERNATIONAL_ACRONYMS,
    LEGAL_FORM_CLASSES,
    LEGAL_FORMS,
    NAME_CONJUNCTIONS,
    NAME_LINKS,
    NON_ORG_ACRONYMS,
    OFFICE_HEADS,
    ORG_HEADS,
    PLACE_NOUNS,
    POSSESSIVE_ONLY_HEADS,
    POSSESSIVE_OVERRIDES,
    STATE_HEADS,
    SUBUNIT_HEADS,
    UN_ACRONYMS,
    UNIQUE_BODIES,
    UNIT_HEADS,
)
from kg.lang.kk.lexicon.events import (
    DAY_HEADS,
    EVENT_HEADS,
    HELD_VERBS,
    SESSION_HEADS,
)
from kg.lang.kk.lexicon.people import (
    FIRST_NAMES,
    HONORIFICS,
    KAZAKH_PATRONYMIC_ENDINGS,
    NAME_ARTICLES,
    NAMESAKE_NOUNS,
    PATRONYMIC_ENDINGS,
    SURNAME_ENDINGS,
)
from kg.lang.kk.lexicon.positions import (
    IMPLIED_ORGS,
    POSITIONS,
    ROLE_MODIFIER_ENDINGS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    STAFF_NOUNS,
    STAFF_POSITIONS,
)
from kg.lang.kk.lexicon.words import (
    FUNCTION_WORDS,
    NOMINAL_STEMS,
    NOUNS_LIKE_VERBS,
    PLACES,
    PROPER_ROOTS,
    SENTENCE_ADVERBS,
)

__all__ = [
    "ADMIN_ADJECTIVES",
    "BOARD_WORDS",
    "CONTINENTS",
    "DAY_HEADS",
    "DEPENDENT_HEADS",
    "EVENT_HEADS",
    "FIRST_NAMES",
    "FUNCTION_OFFICES",
    "FUNCTION_WORDS",
    "GENERIC_HEADS",
    "HELD_VERBS",
    "HONORIFICS",
    "IMPLIED_ORGS",
    "INTERNATIONAL_ACRONYMS",
    "KAZAKH_PATRONYMIC_ENDINGS",
    "LEGAL_FORMS",
    "LEGAL_FORM_CLASSES",
    "NAMESAKE_NOUNS",
    "NAME_ARTICLES",
    "NAME_CONJUNCTIONS",
    "NAME_LINKS",
    "NOMINAL_STEMS",
    "NON_ORG_ACRONYMS",
    "NOUNS_LIKE_VERBS",
    "OFFICE_HEADS",
    "ORG_HEADS",
    "PATRONYMIC_ENDINGS",
    "PLACES",
    "PLACE_NOUNS",
    "POSITIONS",
    "POSSESSIVE_ONLY_HEADS",
    "POSSESSIVE_OVERRIDES",
    "PROPER_ROOTS",
    "ROLE_MODIFIERS",
    "ROLE_MODIFIER_ENDINGS",
    "ROLE_NOUNS",
    "SENTENCE_ADVERBS",
    "SESSION_HEADS",
    "STAFF_NOUNS",
    "STAFF_POSITIONS",
    "STATE_HEADS",
    "SUBUNIT_HEADS",
    "SURNAME_ENDINGS",
    "UNIQUE_BODIES",
    "UNIT_HEADS",
    "UN_ACRONYMS",
]
