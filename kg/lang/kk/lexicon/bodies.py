"""Organisation head nouns and what they tell about a name: units, boards, legal forms.

General Kazakh news vocabulary written for civkg; nothing here is taken from the
evaluation articles.
"""

from __future__ import annotations

from kg.model import OrgClass


def _words(text: str) -> list[str]:
    """The words of a block of text: long word lists stay readable as paragraphs."""
    return text.split()


#: Nouns that end an organisation's name ("... қоры", "... министрлігі"), with the
#: class of organisation they suggest (None: any kind).
ORG_HEADS: dict[str, OrgClass | None] = {
    # civil society
    "альянс": OrgClass.NGO,
    "қор": OrgClass.NGO,
    "фонд": OrgClass.NGO,
    "қауымдастық": OrgClass.NGO,
    "ассоциация": OrgClass.NGO,
    "бірлестік": OrgClass.NGO,
    "одақ": None,
    "федерация": OrgClass.NGO,
    "клуб": OrgClass.NGO,
    "қозғалыс": OrgClass.NGO,
    "ұйым": None,
    "орталық": None,
    "серіктестік": None,
    "ассамблея": None,
    "палата": None,
    "лига": OrgClass.NGO,
    "желі": OrgClass.NGO,
    "партия": None,
    "кеңес": None,
    "коалиция": OrgClass.NGO,
    "достастық": OrgClass.INTERNATIONAL,
    "қоғам": OrgClass.NGO,
    # government
    "министрлік": OrgClass.GOVERNMENT,
    "әкімдік": OrgClass.GOVERNMENT,
    "әкімшілік": OrgClass.GOVERNMENT,
    "аппарат": OrgClass.GOVERNMENT,  # "аудан әкімі аппараты": an akim's office
    "агенттік": OrgClass.GOVERNMENT,
    "комитет": OrgClass.GOVERNMENT,
    "департамент": OrgClass.GOVERNMENT,
    "басқарма": OrgClass.GOVERNMENT,
    "қызмет": OrgClass.GOVERNMENT,  # "ветеринария қызметі"; see SERVICE_HEAD
    "бөлім": OrgClass.GOVERNMENT,
    "комиссия": OrgClass.GOVERNMENT,
    "мәслихат": OrgClass.GOVERNMENT,
    "парламент": OrgClass.GOVERNMENT,
    "мәжіліс": OrgClass.GOVERNMENT,
    "дума": OrgClass.GOVERNMENT,
    "сенат": OrgClass.GOVERNMENT,
    "үкімет": OrgClass.GOVERNMENT,
    "прокуратура": OrgClass.GOVERNMENT,
    "сот": OrgClass.GOVERNMENT,
    "инспекция": OrgClass.GOVERNMENT,
    "кеңсе": None,
    "хатшылық": None,
    "өкілдік": None,
    "филиал": None,
    "елшілік": OrgClass.GOVERNMENT,
    "консулдық": OrgClass.GOVERNMENT,
    "институт": None,
    # education and research
    "университет": OrgClass.EDUCATION,
    "академия": OrgClass.EDUCATION,
    "колледж": OrgClass.EDUCATION,
    "училище": OrgClass.EDUCATION,
    "техникум": OrgClass.EDUCATION,
    "мектеп": OrgClass.EDUCATION,
    "гимназия": OrgClass.EDUCATION,
    "лицей": OrgClass.EDUCATION,
    "аурухана": None,
    "емхана": None,
    "диспансер": None,
    "зертхана": None,
    # culture and public institutions
    "кітапхана": None,
    "мұражай": None,
    "музей": None,
    "қорық-музей": None,
    "мұрағат": None,
    "театр": None,
    "филармония": None,
    "үй": None,  # "Мәдениет үйі", "Достық үйі": only in the possessive
    "мекеме": None,
    "офис": None,
    "бюро": None,
    "алқа": None,  # "адвокаттар алқасы": a bar association
    "балабақша": OrgClass.EDUCATION,
    "кәсіподақ": OrgClass.NGO,
    "штаб": None,
    "редакция": OrgClass.MEDIA,
    "баспа": OrgClass.MEDIA,  # "«Кітап әлемі» баспасы": only in the possessive
    # business
    "компания": OrgClass.COMPANY,
    "корпорация": OrgClass.COMPANY,
    "холдинг": OrgClass.COMPANY,
    "банк": OrgClass.COMPANY,
    "концерн": OrgClass.COMPANY,
    "кооператив": OrgClass.COMPANY,
    "фабрика": OrgClass.COMPANY,
    "зауыт": OrgClass.COMPANY,
    "комбинат": OrgClass.COMPANY,
    "авиакомпания": OrgClass.COMPANY,
    "биржа": OrgClass.COMPANY,
    "консорциум": OrgClass.COMPANY,
    "технопарк": OrgClass.COMPANY,
    "трест": OrgClass.COMPANY,
    "платформа": None,  # "«X» азаматтық платформасы": only in the possessive
    # media
    "телеарна": OrgClass.MEDIA,
    "арна": OrgClass.MEDIA,
    "канал": OrgClass.MEDIA,
    "радио": OrgClass.MEDIA,
    "газет": OrgClass.MEDIA,
    "журнал": OrgClass.MEDIA,
    "басылым": OrgClass.MEDIA,
    "медиахолдинг": OrgClass.MEDIA,
    "телерадиокешен": OrgClass.MEDIA,
}

#: Heads so common that a sentence's capitalised first word before them makes no name
#: ("Биылғы жарыстың ұтыс қоры", "Біздегі банк").
GENERIC_HEADS: frozenset[str] = frozenset(
    _words(
        """
            қор фонд орталық банк кооператив желі сот ұйым кеңес комиссия одақ бірлестік
            қауымдастық серіктестік партия академия университет институт колледж клуб компания
            қоғам кеңсе палата арна басылым газет журнал радио мектеп кітапхана мұражай музей
            үй мекеме штаб театр
            """
    )
)

#: Heads that after a bare place name make a country's name ("Ресей Федерациясы").
STATE_HEADS: frozenset[str] = frozenset({"федерация", "одақ"})

#: Continents: a union of one is a body of states, not a country ("Африка Одағы").
CONTINENTS: frozenset[str] = frozenset({"еуропа", "азия", "африка", "америка"})

#: Bodies a country has one of: capitalised, the noun alone names them ("Мәжіліс").
UNIQUE_BODIES: frozenset[str] = frozenset({"мәжіліс", "сенат", "парламент"})

#: Heads that end a name only in the possessive: "«Қазақ тілі» қоғамы" is a society,
#: "азаматтық қоғам" is civil society.
POSSESSIVE_ONLY_HEADS: frozenset[str] = frozenset({"қоғам", "үй", "платформа", "баспа"})

#: Possessive forms the generic rule gets wrong (loanwords that keep a soft ending).
POSSESSIVE_OVERRIDES: dict[str, str] = {
    "банк": "банкі",
    "технопарк": "технопаркі",
    "конгресс": "конгресі",
    "съезд": "съезі",
}

#: Heads whose name needs the parent it belongs to ("X партиясы Y облыстық филиалы").
DEPENDENT_HEADS: frozenset[str] = frozenset({"филиал", "өкілдік", "бөлімше"})

#: A ministry, and the units it sets up that are bodies of their own beside it (the
#: conventions name both: "Мәдениет министрлігінің Тілдерді дамыту комитеті").
MINISTRY_HEADS: frozenset[str] = frozenset({"министрлік"})
MINISTRY_UNITS: frozenset[str] = frozenset({"комитет", "департамент", "агенттік"})

#: Heads of units a body sets up: in lower case right after the body's name in the
#: nominative they are part of it ("облыс әкімдігі ішкі саясат басқармасы").
UNIT_HEADS: frozenset[str] = frozenset(
    {"басқарма", "бөлім", "департамент", "комитет", "хатшылық", "кеңес", "кеңсе", "филиал"}
)

#: Heads of government offices that may be named by their function alone, in lower
#: case ("денсаулық сақтау басқармасы", "ішкі саясат бөлімі").
FUNCTION_OFFICES: frozenset[str] = frozenset({"басқарма", "бөлім", "департамент", "комитет"})

#: Heads of the office a post-holder has: "аудан әкімі аппараты" (the akim's office),
#: "Премьер-Министрі кеңсесі"; the post stays inside the name.
OFFICE_HEADS: frozenset[str] = frozenset({"аппарат", "кеңсе", "әкімшілік"})

#: Words that make "кеңес" a body's governing board ("Директорлар кеңесі").
BOARD_WORDS: frozenset[str] = frozenset(
    {
        "директорлар",
        "басқарушылар",
        "қамқоршылар",
        "қамқоршылық",
        "байқаушы",
        "байқаушылар",
        "сенімгерлер",
    }
)

#: Units inside an organisation: in lower case after a parent ("қоры өкілдігінің
#: басшысы") they say where in the parent a person works, not a new organisation.
SUBUNIT_HEADS: frozenset[str] = frozenset({"бөлім", "өкілдік", "бөлімше", "сектор", "кафедра"})

#: Legal forms written before or after a name, upper-cased for comparison.
LEGAL_FORMS: frozenset[str] = frozenset(
    {
        "ҰК",
        "ҚБ",
        "ҚҚ",
        "АҚ",
        "КЕАҚ",
        "ДББҰ",
        "ЖШС",
        "ҚҚБ",
        "ЗТБ",
        "ММ",
        "КММ",
        "РМК",
        "МКК",
        "МКҚК",
        "ШЖҚ",
        "ЖАҚ",
        "ААҚ",
        "ҰАҚ",
        "ЖК",
        "КЕ",
        "КЕҰ",
        "ҚЕҰ",
        "ТОО",
        "ОО",
        "ОФ",
        "АО",
        "НАО",
        "РОО",
        "ЧУ",
        "ОЮЛ",
        "ГУ",
        "КГУ",
        "LLP",
        "JSC",
        "NGO",
    }
)

#: What a legal form says about the organisation it ends.
LEGAL_FORM_CLASSES: dict[str, OrgClass] = {
    **dict.fromkeys(("ҚБ", "ҚҚ", "ЗТБ", "ҚҚБ", "ОО", "ОФ", "РОО", "ОЮЛ", "NGO"), OrgClass.NGO),
    **dict.fromkeys(("ЖШС", "АҚ", "ЖАҚ", "ААҚ", "ТОО", "АО", "LLP", "JSC", "ЖК"), OrgClass.COMPANY),
    **dict.fromkeys(("ММ", "КММ", "РМК", "МКК", "МКҚК", "ШЖҚ", "ГУ", "КГУ"), OrgClass.GOVERNMENT),
}

#: "қызмет" (service) heads a body's name only after the field it serves ("мемлекеттік
#: ветеринария қызметі", "Өңірлік коммуникациялар қызметі"); after a genitive it is
#: what the owner does ("кітапхананың қызметі": the library's work), and "баспасөз
#: қызметі" is a press office, an internal unit.
SERVICE_HEAD = "қызмет"
NOT_SERVICES: frozenset[str] = frozenset({"баспасөз"})

#: Abbreviations of states that open a body's name ("ҚР Білім министрлігі").
STATE_ACRONYMS: frozenset[str] = frozenset({"ҚР", "РФ", "АҚШ", "ҚХР", "ГФР"})

#: Upper-case words that are not organisations: countries, generic terms, page labels.
NON_ORG_ACRONYMS: frozenset[str] = frozenset(
    STATE_ACRONYMS
    | {
        "КСРО",
        "ЖИТС",
        "АСП",
        "ҰБТ",
        "ЕНТ",
        "ЖАО",
        "АИТВ",
        "ҚҚС",
        "ЖТП",
        "ҮЕҰ",
        "ҰЕҰ",
        "БАҚ",
        "ЖОО",
        "ЖІӨ",
        "ЖҰӨ",
        "ТЖ",
        "ҚТ",
        "ШҚО",
        "СҚО",
        "БҚО",
        "ОҚО",
        "ФОТО",
        "ВИДЕО",
        "ТВ",
        "IT",
        "ІТ",
        "АТ",
        "ЖИ",
        "COVID",
        "ДНҚ",
        "РНҚ",
        "ХХ",
        "ХХІ",
        "XX",
        "XXI",
        "ІІ",
        "ІІІ",
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "XII",
        "Х",
        "X",
        "ТОП",
        "ДЖ",
        "USD",
        "EUR",
        "RUB",
        "KZT",
        "ОК",
        "PR",
        "ИИ",
        "SMS",
        "CEO",
        "PhD",
        "MBA",
    }
)

#: Latin abbreviations of international bodies, organisations wherever they stand.
#: The United Nations' abbreviations, whose programmes are bodies ("БҰҰ Даму бағдарламасы").
UN_ACRONYMS: frozenset[str] = frozenset({"БҰҰ", "UN", "ООН"})

INTERNATIONAL_ACRONYMS: frozenset[str] = frozenset(
    _words(
        """
            UN UNDP UNICEF UNESCO UNHCR UNFPA UNODC UNAIDS UNEP OHCHR USAID OSCE ODIHR OECD NATO
            WHO IMF EBRD ADB AIIB OPEC WTO FAO ILO IOM EU EC EEU CIS SCO CICA ICRC IFRC GIZ JICA
            KOICA TIKA EBRD IDB ISDB WWF
            """
    )
)

#: Words that link a phrase into an organisation's name ("X жөніндегі Y комиссиясы").
NAME_LINKS: frozenset[str] = frozenset(
    {"жөніндегі", "атындағы", "жанындағы", "бойынша", "қарасты", "қарамағындағы"}
)

#: Words that may join two parts of one name ("Еуропа және Америка елдері институты").
NAME_CONJUNCTIONS: frozenset[str] = frozenset({"және", "мен", "пен", "бен", "әрі"})

#: Lower-case words that may open an organisation name when nothing capitalised does.
ADMIN_ADJECTIVES: frozenset[str] = frozenset(
    {"облыстық", "аудандық", "қалалық", "ауылдық", "республикалық", "облыс", "аудан", "қала"}
)

#: Compass words that open a place's name ("Батыс Қазақстан облысы", "Солтүстік
#: Қазақстан"), even as a sentence's first word.
COMPASS_WORDS: frozenset[str] = frozenset({"батыс", "шығыс", "солтүстік", "оңтүстік", "орталық"})

#: Administrative nouns that keep a place name inside a name ("Қостанай облысының").
PLACE_NOUNS: frozenset[str] = frozenset(
    {"облыс", "қала", "аудан", "ауыл", "өңір", "аймақ", "кент", "республика"}
)
