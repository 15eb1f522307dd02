"""A generated corpus of nasty article files, made at test time (nothing binary is committed).

``nasty_inputs(count, seed)`` gives ``count`` cases, each a file name and how to make it:
bytes to write, or a special kind of file (FIFO, link to ``/dev/zero``, link loop, a
folder named like an article). Shared by ``tests/ingest/test_ingest_fuzz.py`` and the soak
``benchmarks/soak_inputs.py``. All text is made up.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

GOOD_KK = (
    "{n}-ші қоғамдық бірлестік Ақмола облысында тіркелді. Бірлестік төрағасы Айгүл "
    "Сәрсенова жаңа жобаны таныстырды. Бұл туралы облыс әкімдігі хабарлады."
)
GOOD_RU = (
    "Фонд номер {n} провёл благотворительную ярмарку в Уральске. Председатель фонда "
    "Ирина Петрова рассказала о планах, сообщает пресс-служба акимата."
)
GOOD_EN = (
    "Civic group number {n} opened an office in Almaty. Its chair, Dana Bekova, said the "
    "group would train volunteers, the city press service reported."
)
_SAMPLES = (GOOD_KK, GOOD_RU, GOOD_EN)
_CODECS = (
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "koi8_r",
    "cp866", "kz1048", "iso8859_5", "mac_cyrillic", "cp1252", "latin-1", "shift_jis",
    "gb18030", "big5", "utf-7",
)  # fmt: skip
_BAD_URLS = (
    "http://[::1", "http://[", "https://exa mple.org/", "http://x:99999999/", "http://:80",
    "ht!tp://x", "http://\x00/", "javascript:alert(1)", "//", "http://[::1]:x/", "\ud800",
    "http://" + "a" * 5000, "http://xn--/", "file:///etc/passwd", "http://[v1.x]/",
)  # fmt: skip
_MARKUP = (
    "*a ", "**a ", "_a ", "__a ", "[", "](", "[a](", "<a", "<http:", "~~a ", "`", "``a ",
    "# ", "> ", "- ", "|---", "\\", "![", "![a](", "***", "* * ", "#" * 7, "a_b_", "<",
    "\n---\n", "\n# a #", "\n    code", "\n```\n", "1. ", "[a]: ", " " * 50,
)  # fmt: skip
_HTML_BITS = (
    "<svg><text>{t}</text><script>var x = 1;</script></svg>", "<div>", "</div>", "<p>{t}",
    "<!--", "<![CDATA[", "<script>", "<style>", "<table><tr><td>{t}", "<a href='{u}'>{t}</a>",
    "<meta charset='koi8-r'>", "<math><mi>{t}</mi></math>", "<template>{t}", "&#xD800;",
    "&#0;", "&amp", "<title>{t}</title>", "<br>" * 50, "<noscript>{t}", "<iframe src=x>",
    "<base href='http://[::1'>", "<time datetime='99999-99-99'>{t}</time>", "\x00",
)  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One nasty input: a file name and what to put there."""

    name: str
    family: str
    data: bytes | None = None  # None for a special kind of file
    special: str | None = None  # "fifo", "devzero", "loop", "broken-link", "folder", "deep"

    def make(self, folder: Path) -> Path | None:
        """Create the input in ``folder``; None when this platform cannot make it."""
        path = folder / self.name
        try:
            if self.data is not None:
                path.write_bytes(self.data)
            elif self.special == "fifo":
                os.mkfifo(path)
            elif self.special == "devzero":
                if not Path("/dev/zero").exists():
                    return None
                path.symlink_to("/dev/zero")
            elif self.special == "loop":
                path.symlink_to(self.name)
            elif self.special == "broken-link":
                path.symlink_to(folder / "no-such-target.txt")
            elif self.special == "folder":
                path.mkdir()
                (path / "inner.txt").write_bytes(b"")
            elif self.special == "deep":  # deeper than Python's recursion limit
                deep = str(path)
                for _ in range(sys.getrecursionlimit() + 200):
                    os.mkdir(deep)  # noqa: PTH102 - Path.mkdir(parents=True) recurses
                    deep += "/d"
                Path(deep.rsplit("/", 1)[0], "inner.txt").write_text(
                    good_article(20_000_000 + index_of(self))
                )
        except (OSError, AttributeError, NotImplementedError):  # no FIFOs or links here
            return None
        return path


def remove_tree(folder: Path) -> None:
    """Delete ``folder`` and everything in it, without recursion (``shutil.rmtree``
    recurses, and the "deep" case nests folders past the recursion limit)."""
    stack = [str(folder)]
    while stack:
        top = stack[-1]
        try:
            entries = list(os.scandir(top))
        except FileNotFoundError:
            stack.pop()
            continue
        folders = [e.path for e in entries if e.is_dir(follow_symlinks=False)]
        for entry in entries:
            if not entry.is_dir(follow_symlinks=False):
                os.unlink(entry.path)  # noqa: PTH108
        if folders:
            stack.extend(folders)
        else:
            os.rmdir(top)  # noqa: PTH106
            stack.pop()


def index_of(case: Case) -> int:
    """The number a case's name starts with."""
    return int(case.name.split("-", 1)[0])


def good_article(number: int) -> str:
    """A made-up article, different for each ``number``."""
    return _SAMPLES[number % 3].format(n=number)


def nasty_case(index: int, seed: int = 0) -> Case:
    """Input number ``index``: the same for the same seed, made without the others."""
    rng = random.Random(seed * 1_000_003 + index)
    family, make = _FAMILIES[index % len(_FAMILIES)]
    name, data, special = make(rng, index)
    return Case(f"{index:05d}-{name}", family, data, special)


def nasty_inputs(count: int, seed: int = 0) -> list[Case]:
    """``count`` nasty inputs, the same for the same seed; every family appears early."""
    return [nasty_case(index, seed) for index in range(count)]


# -- the families -----------------------------------------------------------------------

Made = tuple[str, bytes | None, str | None]


def _text(rng: random.Random, index: int) -> str:
    # Numbers far above the good files', so a nasty text never repeats a good article.
    return good_article(10_000_000 + rng.randrange(1_000_000) * 3 + index % 3)


def _random_bytes(rng: random.Random, index: int) -> Made:
    size = rng.choice((1, 2, 3, 7, 64, 513, 4096, 65_537))
    return "random.txt", rng.randbytes(size), None


def _encoded(rng: random.Random, index: int) -> Made:
    codec = rng.choice(_CODECS)
    text = _text(rng, index)
    data = text.encode(codec, errors="replace")
    if rng.random() < 0.3:  # cut in the middle of a character
        data = data[: rng.randrange(1, len(data))]
    return f"encoded-{codec}.txt", data, None


def _damaged_utf8(rng: random.Random, index: int) -> Made:
    data = bytearray(_text(rng, index).encode())
    for _ in range(rng.choice((1, 2, 5, 50))):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return "damaged.txt", bytes(data), None


def _boms(rng: random.Random, index: int) -> Made:
    bom = rng.choice(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)
    )
    body = rng.choice((b"", b"\x00", rng.randbytes(33), _text(rng, index).encode()))
    return "bom.txt", bom + body, None


def _jsonl(rng: random.Random, index: int) -> Made:
    good = json.dumps({"text": _text(rng, index)}, ensure_ascii=False)
    choice = rng.randrange(14)
    line: str
    if choice == 0:
        key = rng.choice(("text", "title", "url", "source", "date", "lang", "id"))
        line = '{"text": "Мәтін.", "%s": "a \\ud800 \\udfff b"}' % key  # noqa: UP031
    elif choice == 1:
        depth = rng.choice((999, 1001, 5000, 100_000))
        line = '{"text": "x", "a": ' + "[" * depth + "]" * depth + "}"
    elif choice == 2:
        line = '{"text": "x", "n": ' + "9" * rng.choice((4301, 5000, 100_000)) + "}"
    elif choice == 3:
        url = rng.choice(_BAD_URLS)
        line = json.dumps({"text": _text(rng, index), "url": url}, ensure_ascii=False)
    elif choice == 4:
        line = rng.choice(("[]", "null", "1", '"x"', "{", "}", "NaN", '{"text": NaN}'))
    elif choice == 5:
        line = json.dumps({"text": rng.choice((1, None, [], {}, True, 1.5))})
    elif choice == 6:
        line = json.dumps({"text": "\x00\x01\x1b[31m" * 10 + _text(rng, index)})
    elif choice == 7:
        line = json.dumps(
            {
                "text": _text(rng, index),
                "date": rng.choice(
                    ("99999-01-01", "2024-13-45", "0000-00-00", "x" * 10_000, "-1", "2024-02-30")
                ),
            }
        )
    elif choice == 8:
        line = json.dumps({"text": _text(rng, index), "title": "a\nb\r\u2028c" * 100})
    elif choice == 9:
        line = json.dumps({"text": _text(rng, index), "lang": rng.choice(("xx", "", 5, "KK"))})
    elif choice == 10:
        return "binary-line.jsonl", rng.randbytes(200) + b"\n" + good.encode() + b"\n", None
    elif choice == 11:  # the same record twice, the same id with another text
        other = json.dumps({"id": 1, "text": _text(rng, index + 3)}, ensure_ascii=False)
        return "duplicates.jsonl", f"{good}\n{good}\n{other}\n{other}\n".encode(), None
    elif choice == 12:
        line = json.dumps({"text": _text(rng, index) * 40_000}, ensure_ascii=False)  # > 5 MB
    else:
        line = good + "\r\n\r\n" + "   \n" * 50
    return "feed.jsonl", (line + "\n").encode("utf-8", "surrogatepass"), None


def _markdown(rng: random.Random, index: int) -> Made:
    if rng.random() < 0.5:
        token = rng.choice(_MARKUP)
        body = token * (rng.choice((8_000, 24_000, 100_000)) // len(token) + 1)
    else:
        body = "".join(rng.choice(_MARKUP) for _ in range(rng.choice((1_000, 10_000))))
    if rng.random() < 0.3:
        url = rng.choice(_BAD_URLS).replace("\n", " ")
        body = f"---\nurl: {url}\ndate: {rng.choice(('x', '2024-99-99', ''))}\n---\n{body}"
    return "markup.md", body.encode("utf-8", "surrogatepass"), None


def _html(rng: random.Random, index: int) -> Made:
    text = _text(rng, index)
    parts = [rng.choice(_HTML_BITS) for _ in range(rng.choice((1, 5, 50, 2_000)))]
    body = "".join(p.format(t=text, u=rng.choice(_BAD_URLS)) for p in parts)
    if rng.random() < 0.2:
        body = "<div>" * 20_000 + text + "</div>" * 20_000
    return "page.html", f"<html><body>{body}</body></html>".encode("utf-8", "surrogatepass"), None


def _big(rng: random.Random, index: int) -> Made:
    choice = rng.randrange(4)
    if choice == 0:  # over 1,000,000 characters of Kazakh, under 5 MB
        sentence = "Қоғамдық бірлестік жиналыс өткізді. "
        return "long-kk.txt", (sentence * 30_000).encode(), None
    if choice == 1:  # over 5 MB
        return "huge.txt", b"a " * (3 * 1024 * 1024), None
    if choice == 2:  # one endless line
        return "one-line.txt", ("сөз" * 200_000).encode(), None
    html = "<html><body>" + "<p>" + _text(rng, index) + "</p>" * 1 + "\n"
    return "big.html", (html * 3_000 + "</body></html>").encode(), None


def _controls(rng: random.Random, index: int) -> Made:
    junk = rng.choice(("\x00", "\x1b[2J", "\u202e", "\ufeff" * 100, "\r", "\x0b\x0c", "\u0085"))
    text = _text(rng, index)
    cut = rng.randrange(20, len(text))  # not inside the number that makes the text unique
    return "controls.txt", (text[:cut] + junk * rng.choice((1, 100)) + text[cut:]).encode(), None


def _empty_ish(rng: random.Random, index: int) -> Made:
    data = rng.choice(
        (b"", b"\n", b" \t\r\n" * 100, "\u00a0\u2003\n".encode() * 50, b"\xef\xbb\xbf")
    )
    ext = rng.choice((".txt", ".md", ".html", ".jsonl", ".htm"))
    return f"empty{ext}", data, None


def _names(rng: random.Random, index: int) -> Made:
    name = rng.choice(
        (
            "new\nline.txt",
            "esc\x1b[31mred.txt",
            os.fsdecode(b"bytes\xff\xfe.txt") if sys.platform != "win32" else "bytes.txt",
            "tab\tname.txt",
            "бос орын.txt",
            "a" * 200 + ".txt",
            "UPPER.TXT",
            "dots...md",
            "-dash.txt",
        )
    )
    return name, _text(rng, index).encode(), None


def _special(rng: random.Random, index: int) -> Made:
    kind = rng.choice(("fifo", "devzero", "loop", "broken-link", "folder", "deep", "hidden"))
    if kind == "hidden":
        return ".hidden.txt", _text(rng, index).encode(), None
    ext = rng.choice((".txt", ".jsonl", ".md", ".html"))
    return f"{kind}{ext}", None, kind


_FAMILIES: tuple[tuple[str, Callable[[random.Random, int], Made]], ...] = (
    ("random-bytes", _random_bytes),
    ("encodings", _encoded),
    ("damaged-utf8", _damaged_utf8),
    ("boms", _boms),
    ("jsonl", _jsonl),
    ("markdown", _markdown),
    ("html", _html),
    ("big", _big),
    ("controls", _controls),
    ("empty", _empty_ish),
    ("names", _names),
    ("special", _special),
)
FAMILIES = tuple(name for name, _ in _FAMILIES)


def good_files(count: int, offset: int = 0) -> Iterator[tuple[str, bytes]]:
    """``count`` good article files (txt, md, html, jsonl), distinct texts, made up."""
    for n in range(offset, offset + count):
        text = good_article(n)
        kind = n % 4
        if kind == 0:
            yield f"good-{n:05d}.txt", text.encode()
        elif kind == 1:
            yield f"good-{n:05d}.md", f"# Жаңалық {n}\n\n{text}\n".encode()
        elif kind == 2:
            html = f"<html><head><title>News {n}</title></head><body><p>{text}</p></body></html>"
            yield f"good-{n:05d}.html", html.encode()
        else:
            yield (
                f"good-{n:05d}.jsonl",
                (json.dumps({"text": text}, ensure_ascii=False) + "\n").encode(),
            )
