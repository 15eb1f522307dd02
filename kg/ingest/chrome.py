"""Recognise page chrome in scraped text: menus, rates, counters, share bars, date lines.

Patterns describe *kinds* of chrome in Kazakh, Russian and English and match whole
lines only, so a sentence that merely contains one of these words is never dropped.
"""

from __future__ import annotations

import re

from kg.ingest.dates import find_dates

_BULLETS = "•·●▪►▸*|–—-"
_MAX_CHROME_CHARS = 120


def _any(*phrases: str) -> str:
    return "(?:" + "|".join(phrases) + ")"


_CURRENCY = _any(
    "usd", "eur", "rub", "kzt", "cny", "gbp", "kgs", "uzs", "try", "jpy", "chf", "aed",
    "byn", r"\$", "€", "₽", "₸", "£", "¥", "доллар", "евро", "рубль", "юань",
)  # fmt: skip
_NUMBER = r"[+\-−]?\d[\d  ]*(?:[.,]\d+)?\s*%?"
_ARROWS = r"[▲▼↑↓△▽]"

_HOME = _any(
    "басты бет", "басты сайт", "басты", "главная", "главная страница", "home", "homepage",
)  # fmt: skip
_NAVIGATION = _any(
    # kk
    r"басты сайтқа өту", r"басты бетке (?:өту|оралу|қайту)", _HOME, "мәзір", "іздеу",
    "кіру", "тіркелу", r"(?:жаңалықтарға |хабарламаларға |арнаға )?жазылу\b.*",
    r"жазылыңыз\b.*", "бөлісу", r"барлық жаңалықтар", r"(?:сондай-ақ |тағы )?оқыңыз\b.*",
    r"оқи отырыңыз\b.*", "басып шығару", r"тегтер?\s*:.*", r"пікірлер?(?:\s*\(\d+\))?",
    r"\d+ пікір", r"барлық құқықтар қорғалған\b.*", "жарнама", r"толығырақ\b.*",
    # ru
    r"перейти на главную(?: страницу)?", "на главную", "меню", "поиск", "войти",
    "регистрация", r"подпи(?:саться|шитесь|сывайтесь|ска)\b.*", "поделиться",
    r"читайте (?:также|еще)\b.*",
    r"смотрите также\b.*", "все новости", r"(?:версия для )?печати?", r"теги\s*:.*",
    r"комментари(?:и|ев)(?:\s*\(\d+\))?", r"\d+ комментари\w*", r"все права защищены\b.*",
    "реклама", r"подробнее\b.*", r"(?:главное|популярное|последние новости)",
    # en
    r"skip to (?:main )?content", "skip navigation", "back to top", "menu", "search",
    r"log ?in", r"sign (?:in|up)", r"subscribe\b.*", r"follow us\b.*",
    r"share(?: this)?(?: article| story)?",
    r"read (?:also|more)\b.*", r"related(?: articles| news| stories)?", "print",
    r"tags?\s*:.*", r"comments?(?:\s*\(\d+\))?", r"\d+ comments?",
    r"all rights reserved\b.*",
    "advertisement", r"(?:latest|top|popular) news",
    # a bare photo or video label; a credit that names someone ("Фото: МТРК «Мир»",
    # "Photo: Aida Nurova") is a byline and stays text
    r"(?:фото|сурет|видео|photo|photo credit|image|video)\s*:?", r"фото автора",
)  # fmt: skip

_LANGUAGE_SWITCH = _any(
    "қаз", "қазақша", "kaz", "kz", "kk", "рус", "русский", "ru", "eng", "en", "english",
)  # fmt: skip
_SOCIAL = _any(
    "facebook", "twitter", "x", "telegram", "whatsapp", "vk", "вконтакте", "instagram",
    "youtube", "tiktok", "ok", "одноклассники", "linkedin", "rss",
)  # fmt: skip
_SEP = r"\s*[|/·•,]?\s*"
_SHARE = _any("поделиться", "поделитесь", "бөлісу", "бөлісіңіз", r"share(?: this)?")

_COUNTER_WORDS = _any(
    "рет", "рет көрсетілді", "көрсетілді", "қаралды", r"қаралым\w*", r"оқылды",
    r"просмотр\w*", "прочитано", r"views?", "reads",
)  # fmt: skip
_PUBLISHED = _any(
    r"жарияланды", r"жарияланған(?: уақыты)?", r"жаңартылды", r"опубликовано",
    r"дата публикации", r"обновлено", r"published(?: on)?", r"updated(?: on)?",
    r"posted(?: on)?",
)  # fmt: skip
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_RELATIVE_DAY = _any("бүгін", "кеше", "сегодня", "вчера", "today", "yesterday")

_CHROME_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # currency bar: "RUB:", "USD 442.05 ▲", "€ 474,14"
        rf"(?:{_CURRENCY}\s*[:=]?\s*(?:{_NUMBER})?\s*{_ARROWS}?\s*)+",
        # a number on its own: a rate, a counter, a page number
        rf"{_ARROWS}?\s*{_NUMBER}\s*{_ARROWS}?",
        # weather: "+12 °C", "Алматы −3°"
        r"(?:[^\W\d_]+\s+)?[+\-−]?\d{1,2}\s*°\s*[CСF]?",
        _NAVIGATION + r"\s*[:.]?",
        rf"{_LANGUAGE_SWITCH}(?:{_SEP}{_LANGUAGE_SWITCH})*",
        rf"{_SOCIAL}(?:{_SEP}{_SOCIAL})*",
        # share bars: "Поделиться: ВКонтакте Facebook", "Share on Twitter Share on Facebook"
        rf"(?:{_SHARE}\s*:?\s*)?(?:(?:{_SHARE}\s+(?:on|в|)\s*)?{_SOCIAL}{_SEP})+",
        # a cookie banner: "We use cookies ... OK", "Сайт использует файлы cookie"
        r".*\b(?:cookies?|куки|cookie-файл\w*)\b.*",
        # view counters: "122 рет" / "көрсетілді", "Просмотров: 1 234", "1 234 views"
        rf"(?:{_NUMBER}\s*)?{_COUNTER_WORDS}\s*:?\s*(?:{_NUMBER})?",
        # reading time: "3 мин чтения", "2 min read", "Оқу уақыты: 3 мин"
        r"(?:оқу уақыты\s*:?\s*)?\d+\s*(?:мин(?:ут[аы]?)?|min(?:ute)?s?)\.?\s*(?:чтения|read|оқу)?",
        # publication labels and bare times: "Опубликовано", "Сегодня, 14:20"
        rf"{_PUBLISHED}\s*:?\s*(?:{_TIME})?",
        rf"(?:{_RELATIVE_DAY}\s*,?\s*)?{_TIME}",
        # separators: "* * *", "———"
        r"[\W_]+",
    )
)
_BREADCRUMB = re.compile(rf"{_HOME}\s*[/»>›|].*", re.IGNORECASE)
# What may surround a date on a rubric+date line: the rubric before it, times,
# year words and separators after it.
_DATE_LINE_TAIL = re.compile(
    rf"(?:\s|[,|/·•\-–—]|{_TIME}|ж\.|жыл\w*|г\.|года?|год)*", re.IGNORECASE
)
_MAX_RUBRIC_WORDS = 3


# Words of a site's menus and bars: sections, navigation, accounts, languages, networks.
# A line made of these alone is a menu ("Главная Новости Политика Спорт Контакты",
# "Войти Регистрация RU KZ EN"); one real word among them makes it text.
def _words(text: str) -> list[str]:
    """The words of a block of text: long word lists stay readable as paragraphs."""
    return text.split()


_MENU_WORDS: frozenset[str] = frozenset(
    _words(
        """
    басты бет жаңалықтар саясат экономика қоғам спорт мәдениет әлем аймақтар ғылым білім
    денсаулық бизнес қаржы видео фото сараптама сұхбат пікір пікірлер байланыс жарнама біз
    туралы жобалар мұрағат оқиға оқиғалар құқық туризм дін ауа райы мәзір іздеу кіру тіркелу
    шығу лента арнайы жоба
    главная новости политика экономика общество спорт культура происшествия мир регионы
    наука технологии образование здоровье медицина авто бизнес финансы видео фото аналитика
    интервью мнения мнение блоги контакты реклама о нас проекты спецпроекты архив афиша право
    туризм религия погода лента меню поиск войти выйти регистрация вход подписка
    home news politics economy business society sports sport culture world regions science
    technology tech education health video videos photo photos analysis interview interviews
    opinion blogs contacts contact about us projects archive events lifestyle tourism
    religion weather menu search login logout register subscribe
    қаз қазақша kaz kz kk рус русский ru eng en english
    facebook twitter x telegram whatsapp vk вконтакте instagram youtube tiktok ok
    одноклассники linkedin rss
    """
    )
)
_MENU_SEPARATORS = re.compile(r"[\s|/·•,]+")
_MIN_MENU_WORDS = 2


def _menu_line(body: str) -> bool:
    words = [w for w in _MENU_SEPARATORS.split(body.lower()) if w]
    return len(words) >= _MIN_MENU_WORDS and all(w in _MENU_WORDS for w in words)


def is_chrome(line: str) -> bool:
    """True when a whole line is page chrome rather than article text."""
    text = line.strip()
    if not text:
        return False
    if len(text) > _MAX_CHROME_CHARS:
        return False
    body = text.lstrip(_BULLETS + " ").rstrip() or text
    if any(p.fullmatch(body) for p in _CHROME_LINES) or _menu_line(body):
        return True
    return bool(_BREADCRUMB.fullmatch(body)) or is_date_line(body)


def is_date_line(line: str) -> bool:
    """True for a line that is a date with at most a short rubric before it.

    "Қоғам 25 Қараша, 2021", "23.11.2022", "Опубликовано: 12 октября 2016, 14:30".
    """
    text = line.strip()
    if len(text) > _MAX_CHROME_CHARS:
        return False
    dates = list(find_dates(text))
    if not dates:
        return False
    head = text[: dates[0].start]
    rest = text[dates[0].end :]
    for date in dates[1:]:  # "12.05.2020 – 14.05.2020"
        rest = rest.replace(text[date.start : date.end], " ", 1)
    if not _DATE_LINE_TAIL.fullmatch(rest):
        return False
    head = re.sub(rf"{_PUBLISHED}|{_TIME}|[,:|/·•\-–—]", " ", head, flags=re.IGNORECASE)
    words = head.split()
    return len(words) <= _MAX_RUBRIC_WORDS and not head.rstrip().endswith(".")


#: Headings of a list of links to other stories ("Популярное", "Most read"): the short
#: lines after one are those stories' headlines, not this article's text.
_LIST_HEADING = re.compile(
    _any(
        "популярное", "самое читаемое", "самое популярное", "читайте также", "читайте еще",
        "похожие новости", "похожие материалы", "другие новости", "последние новости",
        "новости по теме", "материалы по теме", "главное",
        "көп оқылғандар", "көп оқылған", "тағы оқыңыз", "ұқсас жаңалықтар",
        "соңғы жаңалықтар", "тақырып бойынша", "өзге жаңалықтар",
        "related", "related news", "related articles", "related stories", "most read",
        "most popular", "popular", "latest news", "more news", "read also", "read more",
        "you may also like", "see also",
    )
    + r"\s*:?",
    re.IGNORECASE,
)  # fmt: skip
#: A headline is short and ends without a full stop.
_MAX_HEADLINE_CHARS = 140
_SENTENCE_END = (".", "!", "?", "…")


def is_list_heading(line: str) -> bool:
    """True for a heading that opens a list of other stories' headlines."""
    body = line.strip().lstrip(_BULLETS + " ").rstrip()
    return bool(body) and len(body) <= _MAX_CHROME_CHARS and bool(_LIST_HEADING.fullmatch(body))


def is_listed_headline(line: str) -> bool:
    """True for a line that may be a listed story's headline: short, no full stop."""
    body = line.strip()
    return len(body) <= _MAX_HEADLINE_CHARS and not body.endswith(_SENTENCE_END)
