"""Russian words that signal positions, organisations, legal forms and agreements (lemmas)."""

from __future__ import annotations

from kg.model import AgreementKind, OrgClass

#: Lemmas of words naming a position held in an organisation.
POSITIONS: frozenset[str] = frozenset(
    {
        "адвокат",
        "аким",
        "активист",
        "аналитик",
        "атташе",
        "вице-министр",
        "вице-мэр",
        "вице-президент",
        "вице-премьер",
        "вице-спикер",
        "волонтер",
        "волонтёр",
        "генсек",
        "глава",
        "декан",
        "депутат",
        "директор",
        "доцент",
        "журналист",
        "заведующий",
        "заместитель",
        "инженер",
        "исследователь",
        "казначей",
        "консул",
        "консультант",
        "координатор",
        "корреспондент",
        "лидер",
        "менеджер",
        "министр",
        "педагог",
        "пресс-секретарь",
        "психолог",
        "сенатор",
        "учитель",
        "юрист",
        "врач",  # "главный врач больницы"
        "мэр",
        "начальник",
        "омбудсмен",
        "основатель",
        "помощник",
        "посол",
        "председатель",
        "представитель",
        "президент",
        "премьер-министр",
        "преподаватель",
        "проректор",
        "профессор",
        "редактор",
        "ректор",
        "руководитель",
        "секретарь",
        "советник",
        "сопредседатель",
        "сотрудник",
        "соучредитель",
        "специалист",
        "спецпредставитель",
        "спикер",
        "уполномоченный",
        "управляющий",
        "учредитель",
        "член",
        "эксперт",
    }
)

#: Occupations that, in the plural, name a body's members inside its name ("съезд
#: учителей", "Союз журналистов", "Ассоциация юристов"), not a title.
PEOPLE_POSITIONS: frozenset[str] = frozenset(
    {
        "адвокат", "журналист", "педагог", "психолог", "учитель", "юрист", "аналитик",
        "волонтер", "волонтёр", "активист", "исследователь", "инженер", "эксперт",
        "преподаватель", "профессор", "менеджер", "консультант", "корреспондент",
        "предприниматель", "врач",
    }
)  # fmt: skip

#: Positions that, in the plural, head a list of their holders ("члены правления А, Б и В").
MEMBER_POSITIONS: frozenset[str] = frozenset(
    {"депутат", "заместитель", "представитель", "сопредседатель", "учредитель", "член"}
)

#: Adjectives that belong to a position ("исполнительный директор").
POSITION_MODIFIERS: frozenset[str] = frozenset(
    {
        "ведущий",
        "вице",
        "временно",
        "генеральный",
        "главный",
        "исполнительный",
        "научный",
        "ответственный",
        "первый",
        "полномочный",
        "постоянный",
        "почетный",
        "почётный",
        "председательствующий",
        "региональный",
        "старший",
        "чрезвычайный",
    }
)

#: Nouns that continue a position in the genitive ("председатель правления").
POSITION_BODIES: frozenset[str] = frozenset(
    {"правление", "представительство", "совет", "наблюдательный", "попечительский"}
)

#: Head nouns of organisation names, with the class they suggest.
ORG_HEADS: dict[str, OrgClass] = {
    "агентство": OrgClass.GOVERNMENT,
    "администрация": OrgClass.GOVERNMENT,
    "академия": OrgClass.EDUCATION,
    "акимат": OrgClass.GOVERNMENT,
    "альянс": OrgClass.NGO,
    "аппарат": OrgClass.GOVERNMENT,
    "ассамблея": OrgClass.NGO,
    "ассоциация": OrgClass.NGO,
    "банк": OrgClass.COMPANY,
    "библиотека": OrgClass.NGO,
    "биржа": OrgClass.COMPANY,
    "больница": OrgClass.NGO,
    "бюро": OrgClass.NGO,
    "газета": OrgClass.MEDIA,
    "гимназия": OrgClass.EDUCATION,
    "госпиталь": OrgClass.NGO,
    "гостиница": OrgClass.COMPANY,
    "движение": OrgClass.NGO,
    "департамент": OrgClass.GOVERNMENT,
    "диспансер": OrgClass.NGO,
    "дума": OrgClass.GOVERNMENT,
    "журнал": OrgClass.MEDIA,
    "завод": OrgClass.COMPANY,
    "издательство": OrgClass.MEDIA,
    "инспекция": OrgClass.GOVERNMENT,
    "институт": OrgClass.EDUCATION,
    "казначейство": OrgClass.GOVERNMENT,
    "кенеш": OrgClass.GOVERNMENT,
    "клиника": OrgClass.NGO,
    "клуб": OrgClass.NGO,
    "колледж": OrgClass.EDUCATION,
    "комбинат": OrgClass.COMPANY,
    "комиссия": OrgClass.GOVERNMENT,
    "комитет": OrgClass.GOVERNMENT,
    "компания": OrgClass.COMPANY,
    "консерватория": OrgClass.EDUCATION,
    "консорциум": OrgClass.COMPANY,
    "консульство": OrgClass.GOVERNMENT,
    "конфедерация": OrgClass.NGO,
    "концерн": OrgClass.COMPANY,
    "кооператив": OrgClass.COMPANY,
    "корпорация": OrgClass.COMPANY,
    "курултай": OrgClass.GOVERNMENT,
    "лига": OrgClass.NGO,
    "лицей": OrgClass.EDUCATION,
    "мажилис": OrgClass.GOVERNMENT,
    "маслихат": OrgClass.GOVERNMENT,
    "министерство": OrgClass.GOVERNMENT,
    "миссия": OrgClass.INTERNATIONAL,
    "музей": OrgClass.NGO,
    "мэрия": OrgClass.GOVERNMENT,
    "общество": OrgClass.NGO,
    "объединение": OrgClass.NGO,
    "организация": OrgClass.NGO,
    "отделение": OrgClass.NGO,
    "отель": OrgClass.COMPANY,
    "офис": OrgClass.INTERNATIONAL,
    "палата": OrgClass.NGO,
    "парламент": OrgClass.GOVERNMENT,
    "партия": OrgClass.NGO,
    "поликлиника": OrgClass.NGO,
    "полпредство": OrgClass.GOVERNMENT,
    "посольство": OrgClass.GOVERNMENT,
    "правительство": OrgClass.GOVERNMENT,
    "предприятие": OrgClass.COMPANY,
    "представительство": OrgClass.INTERNATIONAL,
    "прокуратура": OrgClass.GOVERNMENT,
    "редакция": OrgClass.MEDIA,
    "секретариат": OrgClass.GOVERNMENT,
    "сенат": OrgClass.GOVERNMENT,
    "сеть": OrgClass.NGO,
    "служба": OrgClass.GOVERNMENT,
    "совет": OrgClass.NGO,
    "союз": OrgClass.NGO,
    "суд": OrgClass.GOVERNMENT,
    "театр": OrgClass.NGO,
    "телеканал": OrgClass.MEDIA,
    "телерадиокомпания": OrgClass.MEDIA,
    "техникум": OrgClass.EDUCATION,
    "товарищество": OrgClass.COMPANY,
    "трест": OrgClass.COMPANY,
    "университет": OrgClass.EDUCATION,
    "управление": OrgClass.GOVERNMENT,
    "училище": OrgClass.EDUCATION,
    "учреждение": OrgClass.NGO,
    "фабрика": OrgClass.COMPANY,
    "федерация": OrgClass.NGO,
    "филармония": OrgClass.NGO,
    "филиал": OrgClass.NGO,
    "фонд": OrgClass.NGO,
    "фракция": OrgClass.NGO,
    "хозяйство": OrgClass.COMPANY,
    "холдинг": OrgClass.COMPANY,
    "центр": OrgClass.NGO,
    "школа": OrgClass.EDUCATION,
}

#: Bodies inside an organisation: "попечительский совет фонда X" belongs to the role,
#: and the organisation is the fund (lemma of the head -> adjectives that make it a unit).
UNIT_HEADS: dict[str, frozenset[str]] = {
    # pymorphy reads "высшего" as the superlative of "высокий"
    "совет": frozenset({"попечительский", "наблюдательный", "директор", "высокий", "высший"}),
    "правление": frozenset(),
    "пресс-служба": frozenset(),
    "пресс-центр": frozenset(),
    "президиум": frozenset(),
}

#: Internal units, which go into a person's role with the field they serve: "руководитель
#: отдела внутренней политики акимата X" holds that title in the akimat.
INTERNAL_UNITS: frozenset[str] = frozenset(
    {"отдел", "сектор", "департамент", "кафедра", "лаборатория", "факультет"}
)

#: Lower-case words before an organisation that describe it without naming it
#: ("казахстанская партия «X»", "крупнейший фонд", "новый союз").
DESCRIPTIVE: frozenset[str] = frozenset(
    {
        "американский",
        "британский",
        "ведущий",
        "данный",
        "известный",
        "казахстанский",
        "киргизский",
        "китайский",
        "крупнейший",
        "крупный",
        "кыргызский",
        "кыргызстанский",
        "местный",
        "немецкий",
        "новый",
        "российский",
        "таджикский",
        "турецкий",
        "туркменский",
        "узбекистанский",
        "узбекский",
        "этот",
    }
)

#: Organisation heads that name a branch somewhere, so "в Оше" belongs to the name.
BRANCH_HEADS: frozenset[str] = frozenset(
    {"офис", "полпредство", "представительство", "филиал", "отделение", "бюро", "миссия"}
)

#: Elections: the body named just after one is the one elected to, no actor.
ELECTION_NOUNS: frozenset[str] = frozenset({"выборы", "выбор"})

#: "под названием «X»", "под девизом «X»": the quoted words after them are an event's name.
TITLE_NOUNS: frozenset[str] = frozenset({"название", "девиз", "лозунг"})

#: A state's missions abroad: the country they are in is part of the name
#: ("Посольство РК в Японии" and "Посольство РК в Китае" are two bodies).
MISSION_HEADS: frozenset[str] = frozenset({"посольство", "консульство", "генконсульство"})

#: Legal forms: abbreviation -> the words it stands for (lemmas, in order).
LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "ОФ": ("общественный", "фонд"),
    "ОО": ("общественный", "объединение"),
    "РОО": ("республиканский", "общественный", "объединение"),
    "ОЮЛ": ("объединение", "юридический", "лицо"),
    "АЮЛ": ("ассоциация", "юридический", "лицо"),
    "НАО": ("некоммерческий", "акционерный", "общество"),
    "АО": ("акционерный", "общество"),
    "ТОО": ("товарищество", "с", "ограниченный", "ответственность"),
    "НПО": ("неправительственный", "организация"),
    "ЧФ": ("частный", "фонд"),
    "КФ": ("корпоративный", "фонд"),
}

#: Legal forms of companies: "ТОО «X»" is a company whatever its quoted name says.
LEGAL_FORM_CLASSES: dict[str, OrgClass] = {
    "АО": OrgClass.COMPANY,
    "ТОО": OrgClass.COMPANY,
    "НАО": OrgClass.COMPANY,
}

#: Words of a legal form written out; a quoted name after them is the organisation.
LEGAL_FORM_WORDS: frozenset[str] = frozenset(
    word for form in LEGAL_FORMS.values() for word in form
) | {"благотворительный", "корпоративный", "частный"}

#: Lemmas of agreement nouns and the kind each names.
AGREEMENT_NOUNS: dict[str, AgreementKind] = {
    "меморандум": AgreementKind.MEMORANDUM,
    "соглашение": AgreementKind.AGREEMENT,
    "договор": AgreementKind.AGREEMENT,
    "план": AgreementKind.AGREEMENT,
    "протокол": AgreementKind.AGREEMENT,
    "карта": AgreementKind.AGREEMENT,  # "подписали дорожную карту": a signed road map
}

#: "Документ подписан между X и Y": the document is an agreement when signed between
#: parties.
DOCUMENT_NOUN = "документ"

#: Lemmas of verbs that make a signing after them only agreed or planned ("договорились
#: о подписании", "планируют подписать"): no agreement is signed yet.
INTENT_VERBS: frozenset[str] = frozenset(
    {"договориться", "планировать", "планироваться", "намерить", "намереваться", "собираться"}
)

#: Perfective forms of the signing verbs that say an agreement will be signed.
FUTURE_SIGNING: frozenset[str] = frozenset(
    {"подпишет", "подпишут", "подпишем", "заключит", "заключат", "заключим"}
)

#: Lemmas of verbs (and their nouns) that say an agreement was signed.
SIGNING: frozenset[str] = frozenset(
    {"подписать", "подписывать", "подписание", "заключить", "заключать", "заключение"}
)

#: Words after which an organisation is the source of the news, not a party.
ATTRIBUTION: frozenset[str] = frozenset(
    {"передавать", "сообщать", "ссылка", "данные", "пресс-служба", "сообщение"}
)

#: Abbreviations written out, so "Правительство РК" and "... Республики Казахстан" match.
ABBREVIATIONS: dict[str, str] = {"РК": "Республики Казахстан", "КР": "Кыргызской Республики"}

#: A state named in the genitive after a government body, as its official name has it.
STATE_GENITIVES: dict[str, str] = {
    "Казахстана": "Республики Казахстан",
    "Кыргызстана": "Кыргызской Республики",
}

#: Well-known bodies written out in full -> their name in the nominative (by name key):
#: "программы развития ООН" is "Программа развития ООН", whatever its head. The
#: article's own form stays the name (a text that writes it out never says "ПРООН");
#: resolution joins it to the abbreviation when the article has both.
KNOWN_BODIES: dict[str, str] = {
    "детский фонд оон": "Детский фонд ООН",
    "детский фонд организации объединенных наций": "Детский фонд Организации Объединенных Наций",
    "программа развития оон": "Программа развития ООН",
    "программа развития организации объединенных наций": (
        "Программа развития Организации Объединенных Наций"
    ),
    "всемирная организация здравоохранения": "Всемирная организация здравоохранения",
    "всемирный банк": "Всемирный банк",
    "организация объединенных наций": "Организация Объединенных Наций",
    "организация по безопасности и сотрудничеству в европе": (
        "Организация по безопасности и сотрудничеству в Европе"
    ),
    "европейский союз": "Европейский союз",
}

#: Abbreviated government bodies written out, so "МИД РК" names the ministry in full.
ORG_ABBREVIATIONS: dict[str, str] = {
    "МИД": "Министерство иностранных дел",
    "МВД": "Министерство внутренних дел",
    "МОН": "Министерство образования и науки",
    "Минздрав": "Министерство здравоохранения",
    "Минюст": "Министерство юстиции",
}

#: "The country" between a head and its quoted name ("партия страны «X»"): no part of it.
COUNTRY_NOUNS: frozenset[str] = frozenset({"республика", "страна", "государство"})

#: Bodies of a state, whose official names spell the state out ("Правительство РК").
STATE_BODIES: frozenset[str] = frozenset(
    {"правительство", "министерство", "парламент", "мажилис", "сенат", "мид"}
)

#: Heads that are part of a body's name rather than a parent named in it: "Агентство
#: по сотрудничеству Правительства Сербии" is one agency.
NAME_PARTS: frozenset[str] = frozenset({"парламент", "правительство"})

#: Kazakhstan's regions as news abbreviate them ("в ВКО состоялся", "пресс-центр ВКО"):
#: places, however often an akimat speaks for them.
REGION_ABBREVIATIONS: frozenset[str] = frozenset({"ВКО", "ЗКО", "СКО", "ЮКО"})

#: Abbreviations of common nouns, written in capitals but naming no body.
NOT_ORGANISATIONS: frozenset[str] = (
    frozenset({"СМИ", "НПО", "НКО", "ЦУР", "ВВП", "ДТП", "ЖКХ", "ЧС", "ИИ", "IT", "ИТ", "ОДБ"})
    | REGION_ABBREVIATIONS
)

#: Nouns whose quoted name is a title, not an actor: "премия «Алтын Жүрек»", "Стратегия
#: «Казахстан-2050»", "грант «Достар»" (lemmas; event heads count too).
NAMED_THINGS: frozenset[str] = frozenset(
    {
        "премия", "стратегия", "грант", "программа", "проект", "закон", "кодекс", "концепция",
        "кампания", "номинация", "награда", "медаль", "орден", "звание", "фильм", "книга",
        "передача", "рубрика", "приложение",
    }
)  # fmt: skip

#: Bodies a country has one of, so the capitalised word alone names it ("Сенат").
#: ("Правительство" alone is left out: news use it for any government.)
SINGLE_BODIES: frozenset[str] = frozenset({"мажилис", "парламент", "сенат"})

#: Heads that only say what legal kind of body a quoted name is: "экологический фонд «X»"
#: is X, whatever adjectives describe the fund.
FORM_HEADS: frozenset[str] = frozenset({"фонд", "объединение", "товарищество"})

#: Positions that name their body: "министр юстиции" heads the Министерство юстиции.
#: (An аким is not read as his акимат: annotators treat the аким as a person only.)
IMPLIED_BODIES: dict[str, str] = {"министр": "Министерство", "вице-министр": "Министерство"}

#: International bodies by the names Russian news uses for them.
INTERNATIONAL_BODIES: frozenset[str] = frozenset(
    {"ООН", "ЮНИСЕФ", "ПРООН", "ЮНЕСКО", "ОБСЕ", "ВОЗ", "УВКБ ООН", "USAID", "Всемирный банк"}
)

#: Days and years named after a body ("Всемирный день Красного Креста"): the body's
#: name inside them is the occasion's, not an actor in the text (lemmas).
OCCASION_WORDS: frozenset[str] = frozenset({"день", "неделя", "месячник", "декада"})

#: Heads of a body's numbered meetings: "V Генеральная ассамблея X", "XVIII съезд",
#: "3-я сессия" are events; the same heads unnumbered may name bodies ("Ассамблея
#: народа Казахстана").
NUMBERED_EVENT_HEADS: frozenset[str] = frozenset(
    {"ассамблея", "сессия", "пленум", "курултай", "заседание", "собрание"}
)

#: Head nouns of named events (lemmas).
EVENT_HEADS: frozenset[str] = frozenset(
    {
        "акция",
        "выставка",
        "конгресс",
        "конкурс",
        "конференция",
        "марафон",
        "олимпиада",
        "саммит",
        "семинар",
        "симпозиум",
        "слёт",
        "слет",
        "стол",  # "круглый стол"
        "съезд",
        "турнир",
        "фестиваль",
        "форум",
        "чемпионат",
        "ярмарка",
    }
)


#: Verbs saying that their subject heads a body ("возглавил фонд").
HEADING_VERBS: frozenset[str] = frozenset({"возглавить", "возглавлять"})

#: Verbs of working for a body named after "в": "работает в фонде X".
WORKING_VERBS: frozenset[str] = frozenset({"работать", "трудиться"})

#: Stems of verbs that give or hold a position named next in the instrumental:
#: "назначен директором", "избрана председателем", "является членом", "стал руководителем".
APPOINTING_STEMS: tuple[str, ...] = (
    "назнач",
    "избра",
    "избир",
    "утвержд",
    "переизбра",
    "являе",
    "являл",
    "являю",
    "стал",
    "станет",
    "работа",
    "трудит",
    "трудил",
    "служ",
)

#: Small words that may stand inside such a verb group.
APPOINTING_WORDS: frozenset[str] = frozenset(
    {
        "был",
        "была",
        "было",
        "были",
        "будет",
        "ранее",
        "вновь",
        "также",
        "уже",
        "недавно",
        "официально",
    }
)

#: Nouns naming a kind of place, before or after the place's own name ("города Шымкент").
PLACE_NOUNS: frozenset[str] = frozenset(
    {"аул", "город", "область", "посёлок", "поселок", "район", "регион", "село", "страна"}
)

#: Kinds of place a name follows in the genitive ("города Шымкент", "Республики
#: Казахстан"): the place's own name, in the nominative, belongs to the body's name.
NAMED_PLACE_KINDS: frozenset[str] = PLACE_NOUNS | COUNTRY_NOUNS

#: Local bodies named by their place right after the head: "акимат Уральска", "маслихат
#: Актобе" (a tagger often reads the place as a nominative there).
PLACE_BODIES: frozenset[str] = frozenset({"акимат", "маслихат", "мэрия", "администрация"})

#: Courtesy titles before a name ("Г-жа Бекова"), no part of it.
HONORIFICS: frozenset[str] = frozenset({"г-н", "г-жа", "господин", "госпожа", "гн", "гжа"})

#: Possessive pronouns that point a title back at the body named before ("его директор").
POSSESSIVES: frozenset[str] = frozenset({"его", "её", "ее", "их"})

#: Words before the side of a signing: "со стороны фонда", "от имени ассоциации".
SIDE_WORDS: frozenset[str] = frozenset({"со стороны", "от имени"})

#: Genitive nouns after a title that name what it is about, not what it is of: they
#: stay out of the role ("министр юстиции" names a ministry; "аким области" a region).
NOT_OBJECTS: frozenset[str] = frozenset(
    {"город", "область", "район", "регион", "село", "страна", "республика", "государство"}
)
