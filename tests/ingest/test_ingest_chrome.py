"""Page chrome: whole lines of menus, rates, counters and date bars are dropped."""

from __future__ import annotations

import pytest

from kg.ingest import clean_text
from kg.ingest.chrome import is_chrome, is_date_line
from kg.ingest.page import to_article
from kg.ingest.readers import Draft


@pytest.mark.parametrize(
    "line",
    [
        # currency bars
        "• RUB:",
        "  • USD:",
        "4.74",
        "471.30",
        "USD 471.30 ▲ EUR 512.08",
        "€ 512,08",
        # navigation and subscription
        "Басты сайтқа өту",
        "Басты бетке өту",
        "Перейти на главную",
        "Skip to main content",
        "Хабарламаларға жазылу",
        "Подписаться на рассылку",
        "Подпишитесь на наш канал",
        "Subscribe to our newsletter",
        "Поделиться",
        "Share this article",
        "Басты бет / Қоғам / Жаңалықтар",
        "Қаз | Рус | Eng",
        "Telegram WhatsApp Facebook",
        "Поделиться: ВКонтакте Facebook Telegram WhatsApp",
        "Бөлісу: Facebook WhatsApp",
        "Share on Twitter Share on Facebook",
        "We use cookies to improve your experience. OK",
        "Сайт использует файлы cookie. Принять",
        "Читайте также: Волонтёры Актобе открыли приют",
        "Теги: ҮЕҰ, форум",
        "Пікірлер (0)",
        # view counters
        "122 рет",
        "көрсетілді",
        "122 рет көрсетілді",
        "Просмотров: 1 234",
        "1 234 views",
        "Views: 87",
        # rubric + date, date and time lines
        "Қоғам 25 Қараша, 2021",
        "Саясат | 14:05 | 3 мамыр 2023",
        "23.11.2022",
        "Опубликовано",
        "Опубликовано: 12 октября 2016, 14:30",
        "Published on May 2, 2017",
        "Сегодня, 14:20",
        # weather, reading time, credits, separators
        "Алматы +12 °C",
        "3 мин чтения",
        "Фото:",
        "Photo",
        "* * *",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Жасыл Әлем қоры Қарағандыда ерікті жастарды жинады",
        "Фонд «Светлый берег» открыл центр для волонтёров",
        "The foundation shared the news on Facebook.",
        "Telegram and WhatsApp channels of the fund report this.",
        "Татулық – бірлік пен келісім негізі",
        "Will the Youth Council Be Reformed?",
        "Айгерім Сәрсенова",
        "Фото: Дала ТВ телеарнасы",  # a credit names an outlet: a byline
        "Photo: Aida Nurova",
        "Сарыарқа ауданы",
        "Баспасөз қызметі",
        "Форум 25 қарашада 2021 ж. өтті.",
        "В 2021 году форум прошёл в Астане 5 мая 2021 года",
        "Подписание меморандума состоялось в Астане, сообщает пресс-служба.",
        "Search for partners began in May, the foundation said.",
        "Просмотров было много, и организаторы остались довольны.",
        "",
    ],
)
def test_article_lines_are_not_chrome(line: str) -> None:
    assert not is_chrome(line)


def test_date_line_allows_a_short_rubric_only() -> None:
    assert is_date_line("Білім 5 қыркүйек 2022")
    assert not is_date_line("Облыстық мәслихаттың кезекті сессиясы 5 қыркүйек 2022")


def test_clean_text_keeps_paragraphs_and_drops_chrome() -> None:
    page = "\n".join(
        [
            "  • EUR:",
            "    512.08",
            "Басты сайтқа өту",
            "Білім 5 Қыркүйек, 2022",
            "",
            "Мектептерге жаңа кітапхана ашылды",
            "",
            "88 рет",
            "көрсетілді",
            "",
            "",
            "Бүгін облыс мектептерінде жаңа кітапханалар ашылды.",
            "",
            "Жоба аясында мыңнан астам кітап берілді.",
            "Хабарламаларға жазылу",
        ]
    )
    assert clean_text(page) == (
        "Мектептерге жаңа кітапхана ашылды\n\n"
        "Бүгін облыс мектептерінде жаңа кітапханалар ашылды.\n\n"
        "Жоба аясында мыңнан астам кітап берілді."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Главная Новости Политика Экономика Общество Спорт Контакты",
        "Войти Регистрация RU KZ EN",
        "Басты Жаңалықтар Саясат Қоғам Спорт",
        "Home | News | Business | Contact",
        "Подписывайтесь на наш Telegram-канал",
        "Follow us on Instagram",
    ],
)
def test_a_line_of_menu_words_alone_is_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    ["Экономика и общество", "Новости экономики Казахстана", "Спорт", "Basketball news today"],
)
def test_a_menu_word_among_other_words_is_text(line: str) -> None:
    assert not is_chrome(line)


def test_a_menu_above_the_headline_is_no_title() -> None:
    page = (
        "Главная Новости Политика Спорт Контакты\n"
        "Фонд «Талдыбулак» открыл центр для волонтеров\n\n"
        "В Таразе открылся центр."
    )
    article = to_article(Draft(text=page), "x.txt")
    assert article.title == "Фонд «Талдыбулак» открыл центр для волонтеров"


def test_headlines_listed_after_a_popular_heading_are_dropped() -> None:
    page = (
        "Фонд открыл приют в Таразе. Директор фонда рассказал о планах.\n"
        "Популярное\n"
        "Министр спорта подал в отставку\n"
        "Курс доллара вырос до 520 тенге\n"
        "\n"
        "Фонд продолжит работу и в следующем году, сообщили организаторы.\n"
    )
    text = clean_text(page)
    assert "Министр спорта" not in text and "Курс доллара" not in text
    assert text.endswith("сообщили организаторы.")
