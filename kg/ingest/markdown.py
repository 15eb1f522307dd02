"""Markdown to plain text: keep the words, drop the markup, read front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_]+)[ \t]*:(?P<value>.*)$", re.M)

_FENCE = re.compile(r"^\s*(?:```|~~~)")
# The closing "###" of a heading is cut in code: "(?:\s+#+)?\s*$" after a lazy text
# backtracks over every run of spaces, which is quadratic on a long line.
_ATX_HEADING = re.compile(r"^\s{0,3}(?P<marks>#{1,6})\s+(?P<text>.*)$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")

# Every inline pattern is linear: no part can run past the next marker of its own kind,
# so a line of 24 KB of "*a " (or "[[[[", "<a<a<a") costs one scan, not one per marker.
_IMAGE = re.compile(r"!\[[^\[\]]*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])")
_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto):[^<>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_CODE = re.compile(r"`+(?P<text>[^`]*)`+")
_STRONG = re.compile(
    r"\*\*(?=[^\s*])(?P<text>(?:[^*]|\*(?!\*))+?)(?<=\S)\*\*"
    r"|__(?=[^\s_])(?P<under>(?:[^_]|_(?!_))+?)(?<=\S)__"
)
_EMPHASIS_STAR = re.compile(r"\*(?=[^\s*])(?P<text>[^*]+?)(?<=\S)\*")
# Underscores inside words (snake_case, URLs) are not emphasis.
_EMPHASIS_UNDERSCORE = re.compile(r"(?<!\w)_(?=[^\s_])(?P<text>[^_]+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"~~(?P<text>(?:[^~]|~(?!~))+?)~~")
_ESCAPE = re.compile(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!>|~])")


@dataclass(frozen=True, slots=True)
class MarkdownPage:
    """Plain text of a Markdown file, its first ``#`` heading and its front matter."""

    text: str
    heading: str | None = None
    front_matter: dict[str, str] = field(default_factory=dict)


def strip_markdown(source: str) -> MarkdownPage:
    """Plain text with one paragraph per line; headings and list items keep their lines."""
    front: dict[str, str] = {}
    match = _FRONT_MATTER.match(source)
    if match is not None:
        for item in _FRONT_FIELD.finditer(match.group("body")):
            front[item.group("key").lower()] = item.group("value").strip().strip("\"'")
        source = source[match.end() :]
    heading: str | None = None
    blocks: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(" ".join(paragraph))
            paragraph.clear()

    in_code = False
    for raw in source.split("\n"):
        if _FENCE.match(raw):
            in_code = not in_code
            flush()
            continue
        if in_code:
            blocks.append(raw.strip())
            continue
        line = raw.rstrip()
        if not line.strip():
            flush()
            blocks.append("")
            continue
        if _RULE.match(line) or _TABLE_DIVIDER.match(line) or _REFERENCE_DEFINITION.match(line):
            flush()
            continue
        if _SETEXT_UNDERLINE.match(line) and paragraph:
            flush()  # the paragraph above was a heading
            continue
        atx = _ATX_HEADING.match(line)
        if atx is not None:
            flush()
            text = inline_text(_heading_text(atx.group("text")))
            if heading is None and len(atx.group("marks")) == 1:
                heading = text
            blocks.extend([text, ""])
            continue
        quote_or_list = _QUOTE.match(line) or _LIST_ITEM.match(line)
        if quote_or_list is not None:
            flush()
            line = line[quote_or_list.end() :]
            if _LIST_ITEM.match(line):  # "> - item"
                line = _LIST_ITEM.sub("", line, count=1)
        elif line.lstrip().startswith("|"):
            flush()
            line = " | ".join(c.strip() for c in line.strip().strip("|").split("|"))
            blocks.append(inline_text(line))
            continue
        paragraph.append(inline_text(line.strip()))
    flush()
    return MarkdownPage("\n".join(blocks), heading, front)


def inline_text(line: str) -> str:
    """One line without inline markup: links keep their text, images go."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m.group("text"), line)
    line = _AUTOLINK.sub(lambda m: m.group("url"), line)
    line = _HTML_TAG.sub("", line)
    line = _CODE.sub(lambda m: m.group("text"), line)
    line = _STRONG.sub(lambda m: m.group("text") or m.group("under"), line)
    for pattern in (_EMPHASIS_STAR, _EMPHASIS_UNDERSCORE, _STRIKE):
        line = pattern.sub(lambda m: m.group("text"), line)
    return _ESCAPE.sub(lambda m: m.group("char"), line)


def _heading_text(text: str) -> str:
    """A heading's text without the optional closing run of ``#``."""
    text = text.rstrip()
    bare = text.rstrip("#")
    if bare != text and bare and bare[-1].isspace():
        return bare.rstrip()
    return text
