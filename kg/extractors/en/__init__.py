"""English extractor: capitalised-name rules, organisation heads, titles and signing verbs.

No English statistical model can be installed offline from the package index, so this
extractor is rules only: news English marks names with capitals, organisations with a
small set of head nouns ("Foundation", "Ministry"), roles with titles and events with
event heads ("Forum"), which is enough for the patterns of the corpus's sites and runs at
thousands of articles a second.

Modules: ``tokens`` (tokens and word shapes), ``runs`` (capitalised runs and titles),
``orgs`` (organisation names), ``repairs`` (fixes once a sentence is parsed),
``sentence`` (the parse, people), ``roles``, ``agreements``, ``events`` (claims and
event mentions of one sentence), ``extractor`` (the article: acronyms, surnames,
one name per body, event dates and places).
"""

from __future__ import annotations

from kg.extractors.en.extractor import NAME, EnglishExtractor

__all__ = ["NAME", "EnglishExtractor"]
