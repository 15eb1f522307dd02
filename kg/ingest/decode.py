"""Bytes to text: UTF-8, UTF-16 with a BOM, or cp1251 that reads as Cyrillic."""

from __future__ import annotations

import codecs
import re

from kg.ingest.problems import UnreadableError

# A real text file has almost no C0 control bytes besides tab, newline, CR and form feed.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_SNIFF = 8192
_MAX_CONTROL_SHARE = 0.02
_MIN_CYRILLIC_SHARE = 0.6

BINARY = "binary file, not an article"
UNDECODABLE = "not valid UTF-8 (also tried UTF-16, cp1251)"


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes, or raise ``UnreadableError`` saying why they are not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    if looks_binary(data):
        raise UnreadableError(BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise UnreadableError(UNDECODABLE) from None
    if cyrillic_share(text) < _MIN_CYRILLIC_SHARE:
        raise UnreadableError(UNDECODABLE)
    return text


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or many control bytes near the start (images, archives, PDFs)."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    return len(_CONTROL_BYTES.findall(head)) > _MAX_CONTROL_SHARE * len(head)


def cyrillic_share(text: str) -> float:
    """Share of Cyrillic letters among all letters (0.0 when there are none)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / len(letters)


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise UnreadableError(UNDECODABLE) from None
    return text.removeprefix("\ufeff")
