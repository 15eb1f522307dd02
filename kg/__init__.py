"""civkg: knowledge graphs of civil-society networks from kk/ru/en news articles.

Importing ``kg`` does no work: spaCy, rdflib and models load on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
