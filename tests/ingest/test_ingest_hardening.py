"""Hostile and unlucky input (issue 12): each bad file is one named problem, never a crash,
a hang or mojibake, and the good articles beside it are still read."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import pytest

from kg.errors import UsageError
from kg.ingest import read_articles
from kg.ingest.decode import decode_bytes
from kg.ingest.page import MAX_TEXT_CHARS
from kg.ingest.problems import UnreadableError
from kg.model import Article, Problem
from tests.ingest.nasty_inputs import remove_tree

GOOD = "Ақмола облысында жаңа қоғамдық бірлестік тіркелді. Бұл туралы әкімдік хабарлады."
RUSSIAN = "Общественный фонд 'Добрые руки' провёл благотворительную ярмарку в Уральске."
ENGLISH = "The foundation’s “Good Hands” fair — held in Uralsk — raised funds for children."

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero")


def read(*paths: Path, **kwargs: int) -> tuple[list[Article], list[Problem]]:
    problems: list[Problem] = []
    articles = list(read_articles(list(paths), on_problem=problems.append, **kwargs))
    return articles, problems


def with_good_neighbour(folder: Path) -> Path:
    good = folder / "zz-good.txt"
    good.write_text(GOOD, encoding="utf-8")
    return good


def jsonl_line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


# -- item 5: one bad file never aborts a build ------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "Мәтін \\ud800 осында."}', "'text' holds a lone surrogate"),
        ('{"text": "Мәтін осында.", "title": "\\udfff"}', "'title' holds a lone surrogate"),
        ('{"text": "x", "deep": ' + "[" * 5000 + "]" * 5000 + "}", "nested too deeply"),
        ('{"text": "x", "n": ' + "9" * 5000 + "}", "a number too long to read"),
    ],
)
def test_bad_jsonl_record_is_a_problem_for_its_line(
    tmp_path: Path, line: str, message: str
) -> None:
    good = jsonl_line(text=GOOD)
    (tmp_path / "feed.jsonl").write_text(f"{line}\n{good}\n", encoding="utf-8")
    articles, problems = read(tmp_path / "feed.jsonl")
    assert [a.source_path for a in articles] == ["feed.jsonl#L2"]
    assert [(p.path, p.line) for p in problems] == [("feed.jsonl", 1)]
    assert message in problems[0].message
    assert "\n" not in str(problems[0])


def test_malformed_url_is_left_out_and_the_article_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "feed.jsonl").write_text(
        jsonl_line(text=GOOD, url="http://[::1") + "\n", encoding="utf-8"
    )
    (tmp_path / "page.md").write_text(f"---\nurl: http://[::1\n---\n{RUSSIAN}\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles, problems = read(tmp_path)
    assert problems == []
    assert [(a.source_path, a.url) for a in articles] == [
        ("feed.jsonl#L1", None),
        ("page.md", None),
    ]
    assert all("'http://[::1' is not a valid URL" in a.notes[0] for a in articles)
    assert "feed.jsonl:1: url 'http://[::1' is not a valid URL; left out" in caplog.text


@posix_only
def test_undecodable_bytes_in_a_file_name_become_escapes(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xff\xfe.txt")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    (tmp_path / os.fsdecode(b"empty\xff.txt")).write_bytes(b"")
    articles, problems = read(tmp_path)
    assert [a.source_path for a in articles] == ["bad\\xff\\xfe.txt"]
    assert [p.path for p in problems] == ["empty\\xff.txt"]
    for text in (articles[0].source_path, problems[0].path):
        text.encode("utf-8")  # no lone surrogates left to break a writer


@posix_only
def test_symlink_loop_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    with_good_neighbour(tmp_path)
    articles, problems = read(tmp_path)
    assert [a.source_path for a in articles] == ["zz-good.txt"]
    assert [p.path for p in problems] == ["a.txt", "b.txt"]
    assert all("symbolic links" in p.message for p in problems)
    _, named = read(tmp_path / "a.txt", tmp_path / "zz-good.txt")  # named, not walked
    assert [p.path for p in named] == ["a.txt"]


def test_folders_nested_deeper_than_the_recursion_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for _ in range(sys.getrecursionlimit() + 200):  # Path.mkdir(parents=True) recurses
        Path("d").mkdir()
        os.chdir("d")
    Path("a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.txt").write_text(RUSSIAN, encoding="utf-8")
    try:
        articles, problems = read(tmp_path)
    finally:
        remove_tree(tmp_path / "d")  # pytest's own clean-up recurses
    assert problems == []
    assert [a.source_path.rsplit("/", 1)[-1] for a in articles] == ["a.txt", "e.txt"]


def test_html_that_breaks_the_metadata_parser_keeps_its_text(tmp_path: Path) -> None:
    svg = "<svg><text>hello</text><script>var x;</script></svg>"
    page = f"<html><body><p>{RUSSIAN}</p>{svg}<p>{RUSSIAN} Ещё.</p></body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    with_good_neighbour(tmp_path)
    articles, problems = read(tmp_path)
    assert problems == []
    assert "Уральске" in articles[0].text


def test_html_parser_failure_costs_metadata_then_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.ingest.readers

    real = kg.ingest.readers._extract_html
    calls: list[bool] = []

    def metadata_asserts(html: str, *, with_metadata: bool) -> object:
        calls.append(with_metadata)
        if with_metadata or "broken" in html:
            raise AssertionError  # what lxml's drop_tree raises on some SVG
        return real(html, with_metadata=False)

    monkeypatch.setattr(kg.ingest.readers, "_extract_html", metadata_asserts)
    (tmp_path / "a.html").write_text(f"<html><body><p>{RUSSIAN}</p></body></html>", "utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>broken</p></body></html>", "utf-8")
    articles, problems = read(tmp_path)
    assert [a.source_path for a in articles] == ["a.html"]
    assert articles[0].notes == ("HTML metadata not read (AssertionError); text kept",)
    assert [str(p) for p in problems] == ["b.html: HTML could not be parsed (AssertionError)"]


def test_text_over_the_spacy_limit_is_a_problem(tmp_path: Path) -> None:
    sentence = "Қоғамдық бірлестік жиналыс өткізді. "
    (tmp_path / "huge.txt").write_text(
        sentence * (MAX_TEXT_CHARS // len(sentence) + 2), encoding="utf-8"
    )
    with_good_neighbour(tmp_path)
    articles, problems = read(tmp_path)
    assert [a.source_path for a in articles] == ["zz-good.txt"]
    assert [p.path for p in problems] == ["huge.txt"]
    assert "text too long" in problems[0].message
    assert "1,000,000" in problems[0].message


def test_an_unexpected_error_costs_one_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.ingest.articles

    real = kg.ingest.articles.to_article

    def flaky(draft: object, source: str) -> Article:
        if source.startswith("a"):
            raise RuntimeError("boom\nsecond line")
        return real(draft, source)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.ingest.articles, "to_article", flaky)
    (tmp_path / "a.txt").write_text(GOOD + " Бір.", encoding="utf-8")
    with_good_neighbour(tmp_path)
    articles, problems = read(tmp_path)
    assert [a.source_path for a in articles] == ["zz-good.txt"]
    assert [str(p) for p in problems] == ["a.txt: could not be read (RuntimeError: boom)"]


# -- item 6: no silent mojibake ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        (RUSSIAN, "cp1251", "cp1251"),
        (RUSSIAN, "koi8_r", "koi8-r"),
        (RUSSIAN, "cp866", "cp866"),
        (RUSSIAN, "iso8859_5", "iso8859-5"),
        (RUSSIAN, "mac_cyrillic", "mac-cyrillic"),
        (GOOD, "kz1048", "kz1048"),
        (GOOD, "utf-16-le", "utf-16-le"),
        (GOOD, "utf-16-be", "utf-16-be"),
        (ENGLISH, "utf-16-le", "utf-16-le"),
        (ENGLISH, "cp1252", "cp1252"),
        ("Привет, мир", "koi8_r", "koi8-r"),
    ],
)
def test_legacy_encodings_are_detected_and_named(
    tmp_path: Path, text: str, codec: str, encoding: str
) -> None:
    (tmp_path / "a.txt").write_bytes(text.encode(codec))
    articles, problems = read(tmp_path / "a.txt")
    assert problems == []
    assert (articles[0].text, articles[0].encoding) == (text, encoding)


def test_utf8_article_records_its_encoding(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(jsonl_line(text=RUSSIAN) + "\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode())
    articles, _ = read(tmp_path)
    assert [a.encoding for a in articles] == ["utf-8", "utf-8", "utf-8-sig"]
    assert all(a.notes == () for a in articles)


def test_one_stray_byte_in_utf8_is_replaced_and_noted_not_mojibake(tmp_path: Path) -> None:
    data = ("«Qazaqstan» " + GOOD).encode() + b"\xff" + " Соңы.".encode()
    (tmp_path / "a.txt").write_bytes(data)
    articles, problems = read(tmp_path / "a.txt")
    assert problems == []
    (article,) = articles
    assert article.text.startswith("«Qazaqstan» Ақмола")
    assert "\ufffd" in article.text
    assert (article.lang, article.encoding) == ("kk", "utf-8")
    assert article.notes == (
        "1 byte sequence not valid UTF-8, replaced with U+FFFD (the rest of the file is UTF-8)",
    )


def test_stray_byte_on_a_jsonl_line_is_replaced_too(tmp_path: Path) -> None:
    line = jsonl_line(text=GOOD).encode().replace(" жаңа".encode(), b" \xfe")
    (tmp_path / "a.jsonl").write_bytes(line + b"\n")
    articles, problems = read(tmp_path / "a.jsonl")
    assert problems == []
    assert articles[0].notes and "U+FFFD" in articles[0].notes[0]


@pytest.mark.parametrize(
    "data",
    [
        # UTF-8 Kazakh read as cp1251 gives "Рђ..." pairs; mostly broken UTF-8 is refused.
        GOOD.encode()[:-40] + b"\xff\xfe\xfd" * 20,
        "Café déjà vu à Paris, très bien.".encode("latin-1"),  # not kk, ru or en
        bytes(range(0x80, 0x100)) * 8,
    ],
)
def test_text_that_reads_as_no_language_is_refused(data: bytes) -> None:
    with pytest.raises(UnreadableError, match="not valid UTF-8"):
        decode_bytes(data)


def test_utf16_without_bom_is_text_and_binary_is_not() -> None:
    assert decode_bytes(RUSSIAN.encode("utf-16-le")).text == RUSSIAN
    with pytest.raises(UnreadableError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)


def test_encoding_and_notes_reach_report_json(tmp_path: Path) -> None:
    from kg.build import build

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ru.txt").write_bytes(RUSSIAN.encode("koi8_r"))
    (folder / "kk.txt").write_bytes(GOOD.encode() + b"\xff")
    out = tmp_path / "out"
    build([folder], out_dir=out, formats=["report"])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    found = {a["source_path"]: (a["encoding"], a["problems"]) for a in report["articles"]}
    assert found["ru.txt"] == ("koi8-r", [])
    assert found["kk.txt"][0] == "utf-8"
    assert "replaced with U+FFFD" in found["kk.txt"][1][0]


# -- item 7: hangs and blow-ups ----------------------------------------------------------


@posix_only
def test_fifo_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would wait for a writer
    with_good_neighbour(tmp_path)
    articles, problems = read(tmp_path)
    assert [a.source_path for a in articles] == ["zz-good.txt"]
    assert [str(p) for p in problems] == [
        "pipe.txt: a named pipe (FIFO), not a regular file; not read"
    ]


@posix_only
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_link_to_a_device_is_not_read(tmp_path: Path) -> None:
    good = with_good_neighbour(tmp_path)
    for name in ("zero.txt", "zero.jsonl"):  # read whole, or line by line
        (tmp_path / name).symlink_to("/dev/zero")
        articles, problems = read(tmp_path / name, good)
        assert [a.source_path for a in articles] == ["zz-good.txt"]
        assert [str(p) for p in problems] == [
            f"{name}: a character device, not a regular file; not read"
        ]


def test_file_over_max_bytes_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(GOOD * 100, encoding="utf-8")
    with_good_neighbour(tmp_path)
    articles, problems = read(tmp_path, max_bytes=2048)
    assert [a.source_path for a in articles] == ["zz-good.txt"]
    assert [str(p) for p in problems] == ["big.txt: file too large (14.6 KB, the limit is 2 KB)"]


def test_jsonl_may_be_large_but_not_one_line(tmp_path: Path) -> None:
    lines = [jsonl_line(text=f"{GOOD} {i}.") for i in range(40)]
    lines[3] = jsonl_line(text=GOOD * 50)
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = read(tmp_path / "feed.jsonl", max_bytes=1024)
    assert len(articles) == 39
    assert [(p.line, p.message) for p in problems] == [(4, "line too large (the limit is 1 KB)")]


def test_max_bytes_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="max_bytes"):
        read_articles([tmp_path], max_bytes=0)


# -- the small items ---------------------------------------------------------------------


def test_hidden_files_and_folders_are_skipped_with_a_word(tmp_path: Path) -> None:
    (tmp_path / ".draft.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".notes").mkdir()
    (tmp_path / ".notes" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")  # not an article type: no word
    with_good_neighbour(tmp_path)
    articles, problems = read(tmp_path)
    assert [a.source_path for a in articles] == ["zz-good.txt"]
    assert [str(p) for p in problems] == [
        ".draft.txt: file hidden (its name starts with '.'), not read",
        ".notes: folder hidden (its name starts with '.'), not read",
    ]
    # Notices, not errors: --strict does not stop on them.
    assert len(list(read_articles([tmp_path], strict=True))) == 1


@posix_only
def test_link_to_a_folder_is_named_not_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "zlink").symlink_to(tmp_path / "real", target_is_directory=True)
    articles, problems = read(tmp_path)
    assert [a.source_path for a in articles] == ["real/a.txt"]
    assert [p.path for p in problems] == ["zlink"]
    assert "not followed" in problems[0].message


def test_duplicate_records_are_reported_not_merged(tmp_path: Path) -> None:
    lines = [
        jsonl_line(id="n1", text=GOOD),
        jsonl_line(id="n2", text=GOOD),  # the same text again
        jsonl_line(id="n1", text=RUSSIAN),  # the same id, another text
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "zcopy.txt").write_text(RUSSIAN, encoding="utf-8")
    articles, problems = read(tmp_path)
    assert [a.source_path for a in articles] == ["feed.jsonl#L1", "feed.jsonl#L3"]
    assert [str(p) for p in problems] == [
        "feed.jsonl:2: the same text as feed.jsonl#L1; skipped as a duplicate",
        "zcopy.txt: the same text as feed.jsonl#L3; skipped as a duplicate",
    ]
    assert articles[1].notes == ("id 'n1' is also the id of line 1",)


def test_one_url_with_two_texts_keeps_both_and_says_where(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = "https://example.org/news/1"
    lines = [
        jsonl_line(url=url, text=GOOD),
        jsonl_line(url="https://example.org/news/2", text=ENGLISH),
        jsonl_line(url=url, text=RUSSIAN),  # the story corrected, or a feed's mistake
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "later.md").write_text(f"---\nurl: {url}\n---\n{ENGLISH} Again.\n")
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        articles, problems = read(tmp_path)
    assert problems == []  # nothing is skipped: neither text is the other
    assert [a.source_path for a in articles] == [
        "feed.jsonl#L1",
        "feed.jsonl#L2",
        "feed.jsonl#L3",
        "later.md",
    ]
    assert [a.url for a in articles] == [url, "https://example.org/news/2", url, url]
    said = f"url {url!r} is also the url of feed.jsonl#L1, whose text differs; both kept"
    assert [a.notes for a in articles] == [(), (), (said,), (said,)]
    # Said where a person reading the build's log looks: the file and line.
    assert f"feed.jsonl:3: {said}" in caplog.messages
    assert f"later.md: {said}" in caplog.messages


@pytest.mark.skipif(sys.platform == "win32", reason="newlines in file names")
def test_newline_or_escape_in_a_file_name_is_quoted_when_printed(tmp_path: Path) -> None:
    (tmp_path / "two\nlines.txt").write_bytes(b"")
    (tmp_path / "red\x1b[31m.txt").write_bytes(b"")
    with_good_neighbour(tmp_path)
    _, problems = read(tmp_path)
    assert sorted(str(p) for p in problems) == [
        "'red\\x1b[31m.txt': empty file",
        "'two\\nlines.txt': empty file",
    ]
    assert {p.path for p in problems} == {"two\nlines.txt", "red\x1b[31m.txt"}
