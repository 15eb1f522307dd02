"""Fuzzing the reading path: no input makes a traceback, no good article is lost.

Two halves: hypothesis throws random bytes and markup at each layer (decode, Markdown,
JSONL records, whole files next to a good one), and a fixed corpus of nasty inputs made
at test time (``nasty_inputs``: encodings, JSONL traps, pathological Markdown and HTML,
huge files, FIFOs, device links, link loops, odd names) is read as one mixed folder.
There are no timing assertions here; ``benchmarks/soak_inputs.py`` measures time and
memory on thousands of such inputs.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import read_articles
from kg.ingest.decode import decode_bytes
from kg.ingest.markdown import strip_markdown
from kg.ingest.metadata import find_publisher, find_title, site_of
from kg.ingest.normalise import normalise
from kg.ingest.problems import UnreadableError
from kg.ingest.readers import _record
from kg.model import Problem
from tests.ingest.nasty_inputs import (
    FAMILIES,
    good_article,
    good_files,
    nasty_inputs,
    remove_tree,
)

FUZZ = settings(
    max_examples=150,
    deadline=None,  # timing belongs to the soak benchmark, not to tests
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
MARKUP = st.text(alphabet=st.sampled_from("*_[]()<>!`~#-|\\:/ \naбә1h.tps"), max_size=400)
NASTY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300
)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@FUZZ
@given(st.binary(max_size=2048))
def test_decode_returns_valid_text_or_says_why(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except UnreadableError as error:
        assert error.message and "\n" not in error.message
        return
    assert _is_unicode(decoded.text)
    assert decoded.encoding


@FUZZ
@given(NASTY_TEXT, st.sampled_from(["utf-8", "utf-16-le", "cp1251", "koi8_r", "cp866"]))
def test_decode_never_turns_text_into_another_text(text: str, codec: str) -> None:
    """Whatever is accepted from encoded text is that text (or refused, never mojibake)."""
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    try:
        decoded = decode_bytes(data)
    except UnreadableError:
        return
    # Bytes that are valid UTF-8 are read as UTF-8 whatever made them ('䜠' in UTF-16-LE
    # is b" G"): only a reading in the codec that wrote them must give the text back.
    if decoded.encoding == codec.replace("_", "-") or (
        codec == "utf-8" and decoded.encoding.startswith("utf-8")
    ):
        assert decoded.text.removeprefix("\ufeff") == text.removeprefix("\ufeff")


@FUZZ
@given(MARKUP)
def test_markdown_never_raises(source: str) -> None:
    page = strip_markdown(source)
    assert isinstance(page.text, str)


@FUZZ
@given(st.binary(max_size=600) | NASTY_TEXT.map(lambda t: t.encode()))
def test_a_jsonl_record_is_a_draft_or_a_line_problem(raw: bytes) -> None:
    try:
        draft = _record(raw, 7)
    except UnreadableError as error:
        assert error.line == 7
        return
    assert _is_unicode(draft.text)


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["text", "title", "url", "date", "lang", "source", "id"]),
        st.one_of(NASTY_TEXT, st.integers(), st.none(), st.lists(st.integers())),
        max_size=7,
    )
)
def test_json_records_of_any_shape(record: dict[str, object]) -> None:
    raw = json.dumps(record).encode()
    try:
        draft = _record(raw, 1)
    except UnreadableError:
        return
    assert isinstance(draft.text, str)


@FUZZ
@given(NASTY_TEXT)
def test_metadata_finders_never_raise(text: str) -> None:
    site_of(text)
    find_title(text)
    find_publisher(text)
    assert _is_unicode(normalise(text))


@FUZZ
@given(
    st.binary(max_size=1500),
    st.sampled_from([".txt", ".md", ".html", ".jsonl"]),
)
def test_any_bytes_in_any_format_beside_a_good_article(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / f"a-fuzzed{suffix}").write_bytes(data)
        (folder / "z-good.txt").write_text(good_article(1), encoding="utf-8")
        problems: list[Problem] = []
        articles = list(read_articles([folder], on_problem=problems.append))
        assert "z-good.txt" in [a.source_path for a in articles]
        assert all(p.path.startswith("a-fuzzed") for p in problems)
        assert all(_is_unicode(a.text) and _is_unicode(a.source_path) for a in articles)


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str]]]:
    """Six nasty inputs of every family beside 40 good articles."""
    folder = tmp_path_factory.mktemp("mixed")
    for case in nasty_inputs(len(FAMILIES) * 6, seed=12):
        case.make(folder)
    good = []
    for name, data in good_files(40):
        (folder / name).write_bytes(data)
        good.append(name + ("#L1" if name.endswith(".jsonl") else ""))
    yield folder, good
    remove_tree(folder)  # pytest's own clean-up recurses, and some folders nest deep


def test_nasty_corpus_loses_no_good_article(mixed_folder: tuple[Path, list[str]]) -> None:
    folder, good = mixed_folder
    problems: list[Problem] = []
    articles = list(read_articles([folder], on_problem=problems.append))
    read = {a.source_path for a in articles}
    assert set(good) <= read
    assert problems  # the nasty files said something
    for problem in problems:
        assert problem.message and "\n" not in problem.message
        assert "\n" not in str(problem) and "\x1b" not in str(problem)
        assert _is_unicode(problem.path) and _is_unicode(problem.message)
    for article in articles:
        assert _is_unicode(article.text) and _is_unicode(article.source_path)
        assert article.encoding
        assert "\ud800" not in article.text


def test_nasty_corpus_builds(mixed_folder: tuple[Path, list[str]], tmp_path: Path) -> None:
    """A real build of the mixed folder: every output written, every good article in it."""
    from kg.build import build

    folder, good = mixed_folder
    out = tmp_path / "out"
    done = build([folder], out_dir=out, formats=["report", "turtle"])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    built = {a["source_path"] for a in report["articles"]}
    assert set(good) <= built
    assert len(report["skipped"]) == len(done.problems)
