"""Event head nouns, meetings and the verbs that say an event took place.

General Kazakh news vocabulary written for civkg; nothing here is taken from the
evaluation articles.
"""

from __future__ import annotations

#: Nouns that end the name of an event.
EVENT_HEADS: frozenset[str] = frozenset(
    {
        "форум",
        "конференция",
        "сессия",
        "съезд",
        "құрылтай",
        "конгресс",
        "саммит",
        "симпозиум",
        "фестиваль",
        "семинар",
        "көрме",
        "олимпиада",
        "чемпионат",
        "марафон",
        "акция",
        "байқау",
        "апталық",
        "басқосу",
        "отырыс",
        "күн",
    }
)

#: Organisation heads that also name a body's meeting: "X Ассамблеясының кеңесі өтті"
#: (the council was held) is an event.
SESSION_HEADS: frozenset[str] = frozenset({"кеңес", "ассамблея", "комиссия", "құрылтай"})

#: Verbs that say an event took place.
HELD_VERBS: frozenset[str] = frozenset({"өтті", "өтеді", "өткізілді", "өтуде", "өткізіледі"})

#: Event heads that name an event only in the possessive and with a name of their own
#: ("Ашық есік күні"; "форумның төртінші күні" is a day of the forum).
DAY_HEADS: frozenset[str] = frozenset({"күн"})
