"""Ingestion: article files and folders -> ``Article`` values with clean text and metadata.

Reads ``.txt``, ``.md``, ``.html``/``.htm`` and ``.jsonl``; strips page chrome, normalises
Unicode, finds title, date and publisher, and guesses the language, all offline. Reading
is defensive: only regular files up to ``DEFAULT_MAX_BYTES``, encodings detected and
checked against the letters, and any file that cannot be read is one ``Problem``.
"""

from __future__ import annotations

from kg.ingest.articles import EXTENSIONS, read_articles
from kg.ingest.dates import first_date, parse_date
from kg.ingest.files import DEFAULT_MAX_BYTES
from kg.ingest.language import detect_language
from kg.ingest.page import clean_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "clean_text",
    "detect_language",
    "first_date",
    "parse_date",
    "read_articles",
]
