"""Bytes to text, never silently wrong.

In order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-8; UTF-8 with a few damaged
bytes (replaced with U+FFFD and counted, so one stray byte never turns a whole article
into cp1251 mojibake); otherwise charset-normalizer ranks the encodings civkg accepts
(UTF-16 without a BOM, the Cyrillic code pages, cp1252) and the first result that reads
as Kazakh, Russian or English by its letters wins. Anything else is refused with a
message saying what was tried.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from kg.ingest.problems import UnreadableError

# A real text file has almost no C0 control bytes besides tab, newline, CR and form feed.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_SNIFF = 8192
_MAX_CONTROL_SHARE = 0.02

#: Legacy code pages a Kazakh or Russian file may come in (Windows, DOS, KOI8, ISO, Mac,
#: the two Kazakh Windows pages) and the one an English file with curly quotes may.
CYRILLIC_CODE_PAGES = (
    "cp1251",
    "kz1048",
    "ptcp154",
    "koi8_r",
    "koi8_u",
    "cp866",
    "iso8859_5",
    "mac_cyrillic",
)
LATIN_CODE_PAGES = ("cp1252",)
UTF16 = ("utf_16_le", "utf_16_be")
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

BINARY = "binary file, not an article"
UNDECODABLE = (
    "not valid UTF-8, and not Kazakh, Russian or English in UTF-16, cp1251, KOI8-R, CP866, "
    "another Cyrillic code page or cp1252; save it as UTF-8"
)

# How much of a decoded text the letter statistics look at.
_SAMPLE_CHARS = 100_000
# Damaged UTF-8: at least this many valid non-ASCII characters per damaged byte sequence.
_VALID_PER_DAMAGED = 10
_MIN_LETTER_SHARE = 0.5  # letters among the characters that are not spaces
_MIN_CYRILLIC_SHARE = 0.6  # Cyrillic letters among all letters, for a Cyrillic code page
_MIN_ASCII_LETTER_SHARE = 0.97  # plain Latin letters among all letters, for cp1252
_MIN_KNOWN_SCRIPT_SHARE = 0.9  # Latin or Cyrillic letters among all letters, for UTF-16
_MAX_RARE_CYRILLIC_SHARE = 0.03  # letters outside the Kazakh and Russian alphabets
_MAX_MIXED_CASE_SHARE = 0.1  # words like "пВЭЕУФЧЕООЩК" (KOI8-R read as cp1251)
_MAX_MOJIBAKE_SHARE = 0.02  # pairs like "Р°", "В«": UTF-8 read as cp1251

_RUSSIAN_KAZAKH = frozenset(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІ"
)
# What the second byte of a UTF-8 Cyrillic letter (0x80-0xBF) looks like in cp1251.
_CP1251_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1251", errors="ignore")
_MOJIBAKE_PAIR = re.compile(f"[РСВ][{re.escape(_CP1251_CONTINUATION)}]")
# Control characters (but tab, newline, CR, form feed), surrogates, private use.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\uf8ff]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LOWER_THEN_UPPER = re.compile(r"[^\W\d_]*?[a-zа-яёәғқңөұүһі][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, the encoding it was read in, and how many damaged bytes were replaced."""

    text: str
    encoding: str  # Python's codec name: "utf-8", "utf-8-sig", "cp1251", "utf-16-le", ...
    replaced: int = 0  # byte sequences that were not valid UTF-8, now U+FFFD

    @property
    def note(self) -> str | None:
        """The sentence that tells a reader about replaced bytes, or None."""
        if not self.replaced:
            return None
        plural = "s" if self.replaced > 1 else ""
        return (
            f"{self.replaced} byte sequence{plural} not valid UTF-8, replaced with U+FFFD "
            "(the rest of the file is UTF-8)"
        )


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes, or raise ``UnreadableError`` saying why they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _with_bom(data[len(bom) :], encoding)
    if looks_binary(data):
        utf16 = _detected(data, UTF16)
        if utf16 is None:
            raise UnreadableError(BINARY)
        return utf16
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    damaged = damaged_utf8(data)
    if damaged is not None:
        return damaged
    legacy = _detected(data, CYRILLIC_CODE_PAGES + LATIN_CODE_PAGES)
    if legacy is None:
        raise UnreadableError(UNDECODABLE)
    return legacy


def damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bad byte sequences replaced, or None when it is not mostly UTF-8.

    Mostly UTF-8 means at least ten well-formed non-ASCII characters for each bad
    sequence: text in a Cyrillic code page has almost no well-formed sequences at all.
    """
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    valid = non_ascii - damaged
    if damaged <= 0 or valid < _VALID_PER_DAMAGED * damaged:
        return None
    return Decoded(text, "utf-8", replaced=damaged)


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


def reads_as_language(text: str, encoding: str) -> bool:
    """Whether ``text``, decoded with a guessed ``encoding``, reads as kk, ru or en.

    Letters must make up most of the text; for a Cyrillic code page they must be mostly
    Cyrillic, from the Kazakh and Russian alphabets, in normal case patterns, without the
    pairs UTF-8 leaves when read as cp1251; for cp1252 almost all letters are plain Latin
    (English); for UTF-16 they are Latin or Cyrillic.
    """
    sample = text[:_SAMPLE_CHARS]
    if _NOT_TEXT.search(sample):
        return False
    letters = [c for c in sample if c.isalpha()]
    visible = sum(1 for c in sample if not c.isspace())
    if not letters or len(letters) < _MIN_LETTER_SHARE * visible:
        return False
    cyrillic = [c for c in letters if "\u0400" <= c <= "\u04ff"]
    plain_latin = sum(1 for c in letters if c.isascii())
    if encoding in UTF16:
        known = len(cyrillic) + sum(1 for c in letters if c < "\u0250")
        return known >= _MIN_KNOWN_SCRIPT_SHARE * len(letters) and _cyrillic_reads_well(
            sample, cyrillic
        )
    if encoding in LATIN_CODE_PAGES:
        return plain_latin >= _MIN_ASCII_LETTER_SHARE * len(letters)
    if len(cyrillic) < _MIN_CYRILLIC_SHARE * len(letters):
        return False
    return _cyrillic_reads_well(sample, cyrillic)


def _cyrillic_reads_well(sample: str, cyrillic: list[str]) -> bool:
    if not cyrillic:
        return True
    rare = sum(1 for c in cyrillic if c not in _RUSSIAN_KAZAKH)
    if rare > _MAX_RARE_CYRILLIC_SHARE * len(cyrillic):
        return False
    if len(_MOJIBAKE_PAIR.findall(sample)) > _MAX_MOJIBAKE_SHARE * len(cyrillic):
        return False
    words = [w for w in _WORD.findall(sample) if any("\u0400" <= c <= "\u04ff" for c in w)]
    mixed = sum(1 for w in words if _LOWER_THEN_UPPER.match(w))
    return mixed <= _MAX_MIXED_CASE_SHARE * len(words)


def _detected(data: bytes, encodings: tuple[str, ...]) -> Decoded | None:
    """The first of charset-normalizer's guesses among ``encodings`` that reads as text."""
    from charset_normalizer import from_bytes  # loaded only for files that need it

    if not data:
        return None
    for match in from_bytes(data, cp_isolation=list(encodings)):
        text = str(match)
        # Encodings that give the same text are one match (cp1251 and cp1252 agree on
        # curly quotes): the text may read well under any of them.
        for encoding in (match.encoding, *match.could_be_from_charset):
            if encoding in encodings and reads_as_language(text, encoding):
                return Decoded(text, codecs.lookup(encoding).name)
    return None


def _with_bom(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding.removesuffix("-sig")), encoding)
    except UnicodeDecodeError:
        pass
    if encoding == "utf-8-sig":
        damaged = damaged_utf8(data)
        if damaged is not None:
            return Decoded(damaged.text, encoding, damaged.replaced)
    name = encoding.removesuffix("-sig").upper()
    raise UnreadableError(f"starts with a {name} byte-order mark but is not valid {name}")
