"""Every supported format read into ``Article`` values, with paths, ids and order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.ingest import read_articles
from kg.iris import article_id
from kg.model import Article, Problem

DATA = Path(__file__).parent / "data"


def read_one(path: Path, root: Path | None = None) -> Article:
    articles = list(read_articles([path], root=root))
    assert len(articles) == 1
    return articles[0]


def test_text_page_loses_its_chrome_and_keeps_its_metadata() -> None:
    article = read_one(DATA / "kk-page.txt")
    assert article.lang == "kk"
    assert article.title == "Жасыл Әлем қоры Қарағандыда ерікті жастарды жинады"
    assert article.date == "2023-03-14"
    assert article.publisher == "Saryarqa.kz"
    assert article.source_path == "kk-page.txt"
    assert article.text.startswith(article.title)
    for chrome in ("USD", "471.30", "Басты сайтқа өту", "57 рет", "көрсетілді", "жазылу"):
        assert chrome not in article.text
    assert "Айгерім Сәрсенова" in article.text


@pytest.mark.parametrize(
    ("name", "lang", "date", "publisher"),
    [
        ("ru-page.txt", "ru", "2016-10-12", "Pavlodar-News.kz"),
        ("en-page.txt", "en", "2017-05-02", "Kazinform"),
    ],
)
def test_russian_and_english_pages(name: str, lang: str, date: str, publisher: str) -> None:
    article = read_one(DATA / name)
    first_line = (DATA / name).read_text(encoding="utf-8").split("\n", 1)[0]
    assert (article.lang, article.date, article.publisher) == (lang, date, publisher)
    assert article.title is not None
    assert article.text.startswith(article.title)
    assert first_line not in article.text  # the navigation line above the title


def test_markdown_loses_its_syntax_and_gives_title_and_front_matter() -> None:
    article = read_one(DATA / "note.md")
    assert article.title == "Жастар кеңесі жиналды"
    assert (article.date, article.url, article.lang) == (
        "2024-02-05",
        "https://example.kz/zhastar",
        "kk",
    )
    for markup in ("#", "**", "](", "https://example.kz/kenes", "_Нұрлан", "- Жаңа"):
        assert markup not in article.text
    assert "жастар кеңесінің кезекті отырысы" in article.text  # a wrapped line rejoined
    assert "Нұрлан Бекетов" in article.text


def test_markdown_heading_is_the_title_without_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "Алдыңғы сөз.\n\n# Жаңа *қор* ашылды\n\nМәтін [осында](https://x.kz).\n", encoding="utf-8"
    )
    article = read_one(tmp_path / "a.md")
    assert article.title == "Жаңа қор ашылды"
    assert "Мәтін осында." in article.text


def test_html_main_text_and_metadata_come_from_trafilatura() -> None:
    article = read_one(DATA / "page.html")
    assert article.title == "Волонтёры Костаная собрали книги для сельских школ"
    assert article.date == "2021-09-03"
    assert article.url == "https://tobolinfo.kz/news/volontery-knigi"
    assert article.publisher == "Tobol Info"
    assert article.lang == "ru"
    assert "Алия Нурпеисова" in article.text
    for chrome in ("Главная", "Спорт", "Все права защищены"):
        assert chrome not in article.text


def test_html_without_a_date_gets_none_not_a_guess(tmp_path: Path) -> None:
    markup = (DATA / "page.html").read_text(encoding="utf-8")
    undated = "\n".join(line for line in markup.split("\n") if "published_time" not in line)
    (tmp_path / "undated.htm").write_text(undated, encoding="utf-8")
    assert read_one(tmp_path / "undated.htm").date is None


def test_jsonl_lines_become_articles_with_line_paths() -> None:
    lines = (DATA / "feed.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    articles = list(read_articles([DATA / "feed.jsonl"]))
    assert [a.source_path for a in articles] == [
        f"feed.jsonl#L{n}" for n in range(1, len(records) + 1)
    ]
    first = articles[0]
    assert (first.title, first.url, first.publisher) == (
        records[0]["title"],
        records[0]["url"],
        records[0]["source"],
    )
    assert first.date == "2016-10-12"  # "12 октября 2016" in the record
    assert [a.lang for a in articles] == ["ru", "kk", "en"]  # "kk-KZ" -> kk; "xx" -> detected
    assert articles[2].date == "2022-06-03"  # no date field: found in the text


def test_jsonl_lang_field_wins_over_detection(tmp_path: Path) -> None:
    record = {"text": "Қазақстан жастары форумға жиналды.", "lang": "ru"}
    (tmp_path / "one.jsonl").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert read_one(tmp_path / "one.jsonl").lang == "ru"


def test_id_is_the_hash_of_the_cleaned_text() -> None:
    for article in read_articles([DATA]):
        assert article.id == article_id(article.text)


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b/z.txt", "b/a.md", "a.txt", "c/d/e.txt", "b.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Мәтін {name} туралы жазылды.", encoding="utf-8")
    (tmp_path / "b" / "ignored.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("Жасырын файл.", encoding="utf-8")
    problems: list[Problem] = []
    paths = [a.source_path for a in read_articles([tmp_path], on_problem=problems.append)]
    assert paths == ["a.txt", "b/a.md", "b/z.txt", "b.txt", "c/d/e.txt"]
    # A hidden file is not read, but not without a word.
    assert [str(p) for p in problems] == [
        ".hidden.txt: file hidden (its name starts with '.'), not read"
    ]
    assert paths == [a.source_path for a in read_articles([tmp_path])]


def test_source_path_is_relative_to_root(tmp_path: Path) -> None:
    folder = tmp_path / "news" / "2023"
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text("Жаңалық мәтіні осында.", encoding="utf-8")
    assert read_one(folder / "x.txt").source_path == "x.txt"
    assert read_one(folder).source_path == "x.txt"
    assert read_one(folder, root=tmp_path).source_path == "news/2023/x.txt"


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Бір мақала ғана бар.", encoding="utf-8")
    assert len(list(read_articles([tmp_path, tmp_path / "x.txt"]))) == 1


def test_reading_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Бірінші мақала.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    problems: list[Problem] = []
    articles = read_articles([tmp_path], on_problem=problems.append)
    first = next(articles)
    assert first.source_path == "a.txt"
    assert problems == []  # b.txt has not been opened yet
    assert list(articles) == []
    assert [p.path for p in problems] == ["b.txt"]


def test_offsets_into_text_are_stable(tmp_path: Path) -> None:
    shutil.copy(DATA / "kk-page.txt", tmp_path / "copy.txt")
    first, again = read_one(DATA / "kk-page.txt"), read_one(tmp_path / "copy.txt")
    name = "Ерболат Жақсылықов"
    start = first.text.index(name)
    assert again.text[start : start + len(name)] == name
    assert first.text == again.text and first.id == again.id
    assert "\r" not in first.text and "\u00a0" not in first.text and "\n\n\n" not in first.text
