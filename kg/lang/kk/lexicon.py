"""Kazakh vocabulary the rule extractor needs: positions, organisation heads, legal forms.

General Kazakh news vocabulary written for civkg; nothing here is taken from the
evaluation articles. Nouns are listed in their bare nominative form ("қор",
"төраға"); ``kg.lang.kk.morph.decline`` produces the forms met in text.
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
    "агенттік": OrgClass.GOVERNMENT,
    "комитет": OrgClass.GOVERNMENT,
    "департамент": OrgClass.GOVERNMENT,
    "басқарма": OrgClass.GOVERNMENT,
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
    "мектеп": OrgClass.EDUCATION,
    "гимназия": OrgClass.EDUCATION,
    "лицей": OrgClass.EDUCATION,
    "аурухана": None,
    "емхана": None,
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
    # media
    "телеарна": OrgClass.MEDIA,
    "арна": OrgClass.MEDIA,
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
POSSESSIVE_ONLY_HEADS: frozenset[str] = frozenset({"қоғам", "үй"})

#: Possessive forms the generic rule gets wrong (loanwords that keep a soft ending).
POSSESSIVE_OVERRIDES: dict[str, str] = {
    "банк": "банкі",
    "конгресс": "конгресі",
    "съезд": "съезі",
}

#: Heads whose name needs the parent it belongs to ("X партиясы Y облыстық филиалы").
DEPENDENT_HEADS: frozenset[str] = frozenset({"филиал", "өкілдік", "бөлімше"})

#: Heads of units a body sets up: in lower case right after the body's name in the
#: nominative they are part of it ("облыс әкімдігі ішкі саясат басқармасы").
UNIT_HEADS: frozenset[str] = frozenset(
    {"басқарма", "бөлім", "департамент", "комитет", "хатшылық", "кеңес", "кеңсе", "филиал"}
)

#: Heads of government offices that may be named by their function alone, in lower
#: case ("денсаулық сақтау басқармасы", "ішкі саясат бөлімі").
FUNCTION_OFFICES: frozenset[str] = frozenset({"басқарма", "бөлім", "департамент", "комитет"})

#: Words that make "кеңес" a body's governing board ("Директорлар кеңесі").
BOARD_WORDS: frozenset[str] = frozenset(
    {"директорлар", "басқарушылар", "қамқоршылар", "байқаушы", "байқаушылар", "сенімгерлер"}
)

#: Units inside an organisation: in lower case after a parent ("қоры өкілдігінің
#: басшысы") they say where in the parent a person works, not a new organisation.
SUBUNIT_HEADS: frozenset[str] = frozenset({"бөлім", "өкілдік", "бөлімше", "сектор", "кафедра"})

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
    }
)
#: Endings of adjectives that qualify a position ("аймақтық директор").
ROLE_MODIFIER_ENDINGS: tuple[str, ...] = ("лық", "лік", "дық", "дік", "тық", "тік")

#: Legal forms written before or after a name, upper-cased for comparison.
LEGAL_FORMS: frozenset[str] = frozenset(
    {
        "ҰК",
        "ҚБ",
        "ҚҚ",
        "АҚ",
        "КЕАҚ",
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

#: Upper-case words that are not organisations: countries, generic terms, page labels.
NON_ORG_ACRONYMS: frozenset[str] = frozenset(
    {
        "ҚР",
        "РФ",
        "АҚШ",
        "ҚХР",
        "ГФР",
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

#: Words that may join two parts of one name ("Азия және Африка елдері институты").
NAME_CONJUNCTIONS: frozenset[str] = frozenset({"және", "мен", "пен", "бен", "әрі"})

#: Lower-case words that may open an organisation name when nothing capitalised does.
ADMIN_ADJECTIVES: frozenset[str] = frozenset(
    {"облыстық", "аудандық", "қалалық", "ауылдық", "республикалық", "облыс", "аудан", "қала"}
)

#: Administrative nouns that keep a place name inside a name ("Қостанай облысының").
PLACE_NOUNS: frozenset[str] = frozenset(
    {"облыс", "қала", "аудан", "ауыл", "өңір", "аймақ", "кент", "республика"}
)

#: Capitalised words that open sentences but never names.
SENTENCE_ADVERBS: frozenset[str] = frozenset(
    _words(
        """
        бұл осы сол ол олар оның оған одан оны мұнда сонда биыл бүгін кеше ертең қазір кейін
        алдымен сондай-ақ сонымен сонымен қатар сондықтан сонда дегенмен бірақ алайда ал және
        енді әрине мысалы яғни себебі өйткені өз өзі біз біздің сіз мен менің жалпы негізінен
        атап айтқанда тағы барлық әр әрбір кейбір бірқатар көптеген түрлі екі үш бір соңғы
        алғашқы оның ішінде айта кетейік айтуынша пікірінше сөзінше сөйтіп мәселен ендеше сосын
        содан осылайша нәтижесінде жиында кездесуде шарада форумда іс-шарада осылай осыған
        биылғы бүгінгі кешегі аталған мұндай сондай осындай біздегі іс-шара
        """
    )
)

#: Words that are not name words even when capitalised inside a sentence.
FUNCTION_WORDS: frozenset[str] = frozenset(
    _words(
        """
        және мен пен бен да де та те ма ме ба бе па пе ғана қана тек әрі не немесе я болмаса
        үшін туралы жайлы жөнінде арқылы сияқты секілді дейін шейін кейін бері соң бұрын гөрі
        қарай қатысты байланысты бірге арасында арасындағы ішінде кезінде барысында аясында
        шеңберінде нәтижесінде жоқ деп деген болып болды болған болады болатын еді екен бойы
        сайын тарапынан
        """
    )
)

#: Memorials named after a person: "Абайдың ... мұражайы" names no actor.
NAMESAKE_NOUNS: tuple[str, ...] = (
    "мұражай",
    "ескерткіш",
    "кесене",
    "мемориал",
    "көше",
    "даңғыл",
    "саябақ",
    "алаң",
    "бейіт",
    "мешіт",
    "атындағы",
)

#: Honorifics inside or after a personal name, left out of the canonical name.
HONORIFICS: frozenset[str] = frozenset({"қажы", "мырза", "ханым", "ағай", "апай", "марқұм"})

#: Arabic articles that open a part of a personal name ("әл-Фараби", "Әл Али").
NAME_ARTICLES: frozenset[str] = frozenset(
    {"әл", "әд", "әз", "ән", "әр", "әс", "әт", "әш", "ал", "аль", "ад", "аз", "ан", "ар", "ас"}
    | {"ат", "аш", "эль", "ибн", "бин", "бен"}
)

#: Endings of surnames and patronymics: a capitalised word ending so is a person's.
SURNAME_ENDINGS: tuple[str, ...] = (
    "ов",
    "ев",
    "ёв",
    "ова",
    "ева",
    "ёва",
    "ин",
    "ина",
    "ын",
    "ына",
    "ский",
    "ская",
    "цкий",
    "цкая",
    "ұлы",
    "қызы",
    "енко",
    "ук",
    "юк",
    "вич",
    "ич",
    "ян",
    "янц",
    "швили",
    "дзе",
    "берг",
    "штейн",
)
#: Russian patronymics, dropped from canonical names ("Вера Андреевна Майкович").
PATRONYMIC_ENDINGS: tuple[str, ...] = ("овна", "евна", "ична", "инична", "ович", "евич", "ьич")

#: Common first names (Kazakh, Russian and international) as a cue that a
#: capitalised word opens a personal name. A cue only: names not listed are found
#: by position words and surname endings.
FIRST_NAMES: frozenset[str] = frozenset(
    _words(
        """
        абай абзал абылай ағжан адай әділ әділет әділжан әбдірахман әлібек әлихан әлия әмина
        әсел әсем әсет айбар айбек айбол айгерім айгүл айдана айдар айдос айжан айжарқын айзада
        айнұр айнаш айсұлу айсана айтжан ақбота ақерке ақмарал ақнұр ақтоты алмас алмагүл алия
        алтынай алтынбек амангелді аманжол анар анель арай арман арлан асан асель асқар асхат
        аслан асылбек асыл аружан ахмет бағдат бақыт бақытжан балнұр бауыржан бейбіт бекзат
        бекжан бекболат болат ботагөз гүлмира гүлнар гүлнара гүлжан гүлзат ғалым гүлшат дамир
        дана данияр дариға дархан дәулет дина динара дидар ербол ерғали ержан еркебұлан еркін
        ерлан ерлан ермек ернар ерболат ерік есболат жазира жайна жақсылық жандос жанар жанболат
        жанна жансая жұлдыз жұмабек зарина зарема зере зәуре ибрагим ильяс иса қайрат қанат
        қасым қуаныш қуандық қымбат ләззат лаура мадина мақсат марат мәди мағжан мейрам мерей
        меруерт мұхтар мұрат нұрбол нұрлан нұрсұлтан нұржан нұрлыбек нұргүл нәзира назгүл олжас
        омар өмірзақ раушан рахат роза рүстем сабина сағат сайлау салтанат самал сая сәуле
        сейітқали серік серікбол сұлтан сымбат сүлеймен талғат тамара тимур тоғжан төлеген ұлжан
        ұлан ұлболсын шолпан шыңғыс ырыс эльмира айман азамат айбын ақжол бибігүл гауһар жәнібек
        кенжебек қалдыбек мирас нұрым рауан сәкен тәңірберген шерхан шоқан шәмші мұхамеджан
        мұхаммед нұрсұлу алина карина александр алексей анатолий андрей антон аркадий артем
        артём борис вадим валентин валерий василий виктор виталий владимир владислав вячеслав
        геннадий георгий григорий даниил денис дмитрий евгений егор иван игорь илья кирилл
        константин леонид максим михаил никита николай олег павел петр пётр роман руслан сергей
        станислав степан тимофей федор фёдор юрий ярослав александра алёна алена алла анастасия
        анна валентина валерия вера виктория галина дарья евгения екатерина елена елизавета
        жанна инна ирина кира ксения лариса лидия любовь людмила маргарита марина мария надежда
        наталья наталия нина оксана ольга полина светлана софия татьяна ульяна юлия яна джон
        джеймс дэвид майкл роберт уильям ричард томас питер пол марк мартин кристиан кристина
        даниэль мануэль мария анна луиза элизабет сара эмма хелен джулия мохаммед мухаммад ахмед
        али хасан хусейн омар юсуф ибрагим мустафа фатима айша
        """
    )
)

#: Places that look inflected but are not ("Қызылорда" is no locative of "Қызылор"),
#: and the usual places of Kazakh news, to tell a place from a person's name.
PLACES: frozenset[str] = frozenset(
    _words(
        """
        қазақстан алматы астана нұр-сұлтан шымкент қарағанды ақтөбе тараз павлодар өскемен семей
        атырау қостанай қызылорда орал петропавл ақтау түркістан көкшетау талдықорған жезқазған
        екібастұз теміртау рудный байқоңыр жаңаөзен кентау балқаш сарыағаш қонаев есік талғар
        жаркент сәтбаев ақмола жамбыл маңғыстау абай жетісу ұлытау ресей мәскеу санкт-петербург
        қытай бейжің түркия анкара стамбұл өзбекстан ташкент қырғызстан бішкек тәжікстан душанбе
        түрікменстан ашхабад әзербайжан баку грузия тбилиси армения ереван беларусь минск
        украина киев германия берлин франция париж ұлыбритания лондон италия рим испания мадрид
        жапония токио корея сеул үндістан делий иран тегеран ауғанстан кабул пәкістан мысыр каир
        эр-рияд дубай катар доха израиль америка вашингтон нью-йорк канада оттава бразилия
        австралия швейцария женева австрия вена бельгия брюссель нидерланд польша варшава чехия
        прага моңғолия улан-батор еуропа азия африка кавказ сібір кеңестер
        """
    )
)
