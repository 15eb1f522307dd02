"""English extractor: capitalised-name rules, organisation heads, titles and signing verbs.

No English statistical model can be installed offline from the package index, so this
extractor is rules only: news English marks names with capitals, organisations with a
small set of head nouns ("Foundation", "Ministry") and roles with titles, which is
enough for the patterns the issue asks for and runs at thousands of articles a second.
"""

from __future__ import annotations

from kg.extractors.english.extractor import NAME, EnglishExtractor

__all__ = ["NAME", "EnglishExtractor"]
