"""Unreadable input: each bad file becomes a Problem and reading goes on."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read_articles
from kg.model import Article, Problem

GOOD = "Ақмола облысында жаңа қоғамдық бірлестік тіркелді."
CP1251_TEXT = "Общественный фонд «Добрые руки» провёл благотворительную ярмарку в Уральске."


def read_with_problems(*paths: Path, **kwargs: Path) -> tuple[list[Article], list[Problem]]:
    problems: list[Problem] = []
    articles = list(read_articles(list(paths), on_problem=problems.append, **kwargs))
    return articles, problems


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n \xc2\xa0 \n", "only whitespace"),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            "binary file, not an article",
        ),
        ("latin1.txt", "Café déjà vu à Paris, très bien.".encode("latin-1"), "not valid UTF-8"),
        ("chrome.txt", "• USD:\n470.1\nБасты сайтқа өту\n".encode(), "page chrome"),
        ("empty.md", b"", "empty file"),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("bad.html", b"<html><body><script>var x = 1;</script></body></html>", "no article text"),
    ],
)
def test_bad_file_is_a_problem_and_the_next_file_is_still_read(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "zz-good.txt").write_text(GOOD, encoding="utf-8")
    articles, problems = read_with_problems(tmp_path)
    assert [a.source_path for a in articles] == ["zz-good.txt"]
    assert len(problems) == 1
    assert problems[0].path == name
    assert message in problems[0].message


def test_undecodable_bytes_name_every_encoding_tried(tmp_path: Path) -> None:
    # 0x98 is neither valid UTF-8 here nor defined in cp1251.
    (tmp_path / "bad.txt").write_bytes(b"Draft \x98 report \xc3 end")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    _, problems = read_with_problems(tmp_path)
    assert [str(p) for p in problems] == [
        "bad.txt: not valid UTF-8, and not Kazakh, Russian or English in UTF-16, cp1251, "
        "KOI8-R, CP866, another Cyrillic code page or cp1252; save it as UTF-8"
    ]


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (CP1251_TEXT.encode("cp1251"), CP1251_TEXT),
        (codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"), GOOD),
        (codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"), GOOD),
        (codecs.BOM_UTF8 + GOOD.encode("utf-8"), GOOD),
    ],
)
def test_other_encodings_are_decoded(tmp_path: Path, encoded: bytes, expected: str) -> None:
    (tmp_path / "a.txt").write_bytes(encoded)
    articles, problems = read_with_problems(tmp_path / "a.txt")
    assert problems == []
    assert articles[0].text == expected


def test_malformed_jsonl_lines_are_reported_with_their_line_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": GOOD}, ensure_ascii=False),
        '{"text": "unterminated',
        "",
        json.dumps({"title": "Мәтінсіз жазба"}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Екінші дұрыс жазба осында."}, ensure_ascii=False),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = read_with_problems(tmp_path / "feed.jsonl")
    assert [a.source_path for a in articles] == ["feed.jsonl#L1", "feed.jsonl#L8"]
    assert [(p.line, p.message) for p in problems] == [
        (2, "invalid JSON"),
        (4, "missing 'text'"),
        (5, "not a JSON object"),
        (6, "'text' is not a string"),
        (7, "only whitespace, no text"),
    ]
    assert str(problems[0]) == "feed.jsonl:2: invalid JSON"


def test_invalid_utf8_on_one_jsonl_line_spares_the_others(tmp_path: Path) -> None:
    good = json.dumps({"text": GOOD}, ensure_ascii=False).encode()
    (tmp_path / "mixed.jsonl").write_bytes(b'{"text": "\xff\xfe"}\n' + good + b"\n")
    articles, problems = read_with_problems(tmp_path / "mixed.jsonl")
    assert [a.source_path for a in articles] == ["mixed.jsonl#L2"]
    assert [(p.line, p.message) for p in problems] == [(1, "not valid UTF-8")]


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    (tmp_path / "open.txt").write_text(GOOD + " Тағы бір сөйлем.", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        articles, problems = read_with_problems(tmp_path)
    finally:
        locked.chmod(0o644)
    assert [a.source_path for a in articles] == ["open.txt"]
    assert [p.path for p in problems] == ["locked.txt"]
    assert problems[0].message.startswith("cannot read")


def test_broken_symlink_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    (tmp_path / "here.txt").write_text(GOOD, encoding="utf-8")
    articles, problems = read_with_problems(tmp_path)
    assert [a.source_path for a in articles] == ["here.txt"]
    assert [(p.path, p.message.startswith("cannot read")) for p in problems] == [("gone.txt", True)]


def test_folder_with_no_articles_is_a_problem(tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    articles, problems = read_with_problems(empty, tmp_path / "good.txt")
    assert len(articles) == 1
    assert len(problems) == 1
    assert "no articles" in problems[0].message
    assert ".txt .md .html .htm .jsonl" in problems[0].message


def test_named_file_with_unknown_extension_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    articles, problems = read_with_problems(tmp_path / "report.docx", tmp_path / "good.txt")
    assert len(articles) == 1
    assert [p.path for p in problems] == ["report.docx"]
    assert "'.docx'" in problems[0].message


def test_missing_path_raises_at_once_with_its_name(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    with pytest.raises(InputError, match="no-such-folder"):
        read_articles([missing])  # no iteration needed


def test_nothing_readable_raises_after_reading(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    problems: list[Problem] = []
    with pytest.raises(InputError, match=r"no readable articles found \(looked for \.txt"):
        list(read_articles([tmp_path], on_problem=problems.append))
    assert [p.path for p in problems] == ["empty.txt"]


def test_strict_raises_on_the_first_problem(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01")
    articles = read_articles([tmp_path], strict=True)
    assert next(articles).source_path == "a.txt"
    with pytest.raises(InputError, match=r"^b\.txt: empty file$"):
        next(articles)


def test_problems_are_logged_when_nobody_listens(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    assert len(list(read_articles([tmp_path]))) == 1
    assert "b.txt: empty file" in caplog.text
