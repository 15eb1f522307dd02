"""Words that are never name words (sentence openers, function words) and places.

General Kazakh news vocabulary written for civkg; nothing here is taken from the
evaluation articles.
"""

from __future__ import annotations

from importlib.resources import files


def _words(text: str) -> list[str]:
    """The words of a block of text: long word lists stay readable as paragraphs."""
    return text.split()


#: The subject pronoun a biography goes on with after naming someone ("Бұған дейін ол
#: ... директоры болған").
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"ол"})

#: Capitalised words that open sentences but never names; the last line is the site
#: menu a scraper leaves before a headline ("Басты Жаңалықтар X институты ...").
SENTENCE_ADVERBS: frozenset[str] = frozenset(
    _words(
        """
            бұл осы сол ол олар оның оған одан оны мұнда сонда биыл бүгін кеше ертең қазір кейін
            алдымен сондай-ақ сонымен сонымен қатар сондықтан сонда дегенмен бірақ алайда ал және
            енді әрине мысалы яғни себебі өйткені өз өзі біз біздің сіз мен менің жалпы негізінен
            атап айтқанда тағы барлық әр әрбір кейбір бірқатар көптеген түрлі екі үш бір соңғы
            алғашқы оның ішінде айта кетейік айтуынша пікірінше сөзінше сөйтіп мәселен ендеше сосын
            содан осылайша нәтижесінде жиында кездесуде шарада форумда іс-шарада осылай осыған
            биылғы бүгінгі кешегі аталған мұндай сондай осындай біздегі іс-шара бірнеше бұған
            бұдан бұны мұны соған
            басты жаңалықтар жаңалық
            """
    )
)

#: Nouns that end like a verb form ("-іп", "-кен"): "сауда-өнеркәсіп палатасы" is a
#: chamber of commerce and industry, "дүкен" a shop; neither is a converb or participle.
NOUNS_LIKE_VERBS: frozenset[str] = frozenset({"кәсіп", "өнеркәсіп", "дүкен"})

#: Words that are not name words even when capitalised inside a sentence.
FUNCTION_WORDS: frozenset[str] = frozenset(
    _words(
        """
            және мен пен бен да де та те ма ме ба бе па пе ғана қана тек әрі не немесе я болмаса
            үшін туралы жайлы жөнінде арқылы сияқты секілді дейін шейін кейін бері соң бұрын гөрі
            қарай қатысты байланысты бірге арасында арасындағы ішінде кезінде барысында аясында
            шеңберінде нәтижесінде жоқ деп деген болып болды болған болады болатын еді екен бойы
            сайын тарапынан өзара
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


#: Names of regions and worlds that make adjectives naming bodies ("Еуразиялық
#: экономикалық одақ", "Дүниежүзілік банк", "Исламдық даму банкі").
PROPER_ROOTS: frozenset[str] = frozenset(
    {"еуразия", "дүниежүзі", "ислам", "түркі", "араб", "скандинавия", "балтық"}
)


def _nominal_stems() -> frozenset[str]:
    text = (files("kg.lang.kk") / "nominal_stems.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


#: Nouns whose last syllable looks like a case ending ("сауда", "төраға", "көрермен"):
#: they are nominative as written. Attested with endings of their own in KazNERD, built
#: by ``scripts/build_kk_stems.py``.
NOMINAL_STEMS: frozenset[str] = _nominal_stems()
