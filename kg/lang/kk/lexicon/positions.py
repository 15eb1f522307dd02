"""Positions held in an organisation, their modifiers and compound titles.

General Kazakh news vocabulary written for civkg; nothing here is taken from the
evaluation articles.
"""

from __future__ import annotations

#: Positions held in an organisation, bare nominative.
POSITIONS: frozenset[str] = frozenset(
    {
        "президент",
        "вице-президент",
        "төраға",
        "төрайым",
        "директор",
        "өкіл",
        "басшы",
        "жетекші",
        "бастық",
        "орынбасар",
        "хатшы",
        "министр",
        "вице-министр",
        "премьер-министр",
        "елбасы",
        "әкім",
        "меңгеруші",
        "үйлестіруші",
        "координатор",
        "менеджер",
        "мүше",
        "профессор",
        "доцент",
        "оқытушы",
        "мұғалім",
        "дәрігер",  # "бас дәрігері": chief doctor of a hospital or clinic
        "заңгер",
        "жүргізуші",  # a television or radio presenter
        "көмекші",
        "ұйымдастырушы",
        "бапкер",
        "ректор",
        "проректор",
        "декан",
        "елші",
        "консул",
        "атташе",
        "модератор",
        "кеңесші",
        "депутат",
        "сенатор",
        "мүфти",
        "имам",
        "құрылтайшы",
        "қалаушы",  # "негізін қалаушы": the founder
        "редактор",
        "тілші",
        "сарапшы",
        "маман",
        "талдаушы",
        "зерттеуші",
        "ғалым",
        "бақылаушы",
        "журналист",
        "уәкіл",
        "омбудсмен",
        "аудитор",
        "инспектор",
        "прокурор",
        "судья",
        "спикер",
        "қызметкер",
        "белсенді",
        "волонтер",
        "ерікті",
        "серіктес",
        "доктор",
        "академик",
        "басқарушы",
        "жаттықтырушы",
        "продюсер",
        "дипломат",
    }
)

#: Staff of whoever runs an activity: with no organisation named beside them, they work
#: for the one organisation that is the sentence's subject ("«X» ҚҚ ұйымдастырып, оны
#: жоба жетекшісі Y жүргізді").
STAFF_POSITIONS: frozenset[str] = frozenset(
    {"жетекші", "кеңесші", "үйлестіруші", "координатор", "менеджер", "маман", "қызметкер"}
)

#: Beginnings of nouns for the people of a body ("университетінің басшылығы", "қорының
#: өкілдері"): after a name in the genitive they end it.
STAFF_NOUNS: tuple[str, ...] = (
    "басшылы",
    "ұжым",
    "делегация",
    "өкіл",
    "қызметкер",
    "ғалым",
    "маман",
    "студент",
    "оқушы",
    "түлек",
    "мүше",
    "меймандар",
    "қонақ",
)

#: Positions whose holder implies a body: "X вице-министрі" works in "X министрлігі".
IMPLIED_ORGS: dict[str, str] = {"министр": "министрлігі", "вице-министр": "министрлігі"}

#: Bare nouns that form a compound title with the position after them.
ROLE_NOUNS: frozenset[str] = frozenset(
    {
        "басқарма",
        "аппарат",
        "жоба",
        "бағдарлама",
        "баспасөз",
        "бөлім",
        "өкілдік",
        "кафедра",
        "зертхана",
        "сектор",
        "топ",
        "кеңес",
        "штаб",
        "филиал",
    }
)

#: Words that qualify a position ("атқарушы директор", "Бас директор", "бірінші орынбасар").
ROLE_MODIFIERS: frozenset[str] = frozenset(
    {
        "бас",
        "аға",
        "кіші",
        "бірінші",
        "екінші",
        "тұрақты",
        "уақытша",
        "құрметті",
        "атқарушы",
        "жауапты",
        "тәуелсіз",
        "төтенше",
        "өкілетті",
        "ғылыми",
        "саяси",
        "штаттан",
        "мемлекеттік",
        "арнайы",
        "негізін",  # "негізін қалаушы"
    }
)

#: Endings of adjectives that qualify a position ("аймақтық директор").
ROLE_MODIFIER_ENDINGS: tuple[str, ...] = ("лық", "лік", "дық", "дік", "тық", "тік")
