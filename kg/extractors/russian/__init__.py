"""The Russian extractor (``ru.natasha``): natasha NER and morphology plus rules.

Modules, in the order the extractor uses them: ``tokens`` (natasha, once per article),
``persons``, ``positions``, ``orgs``, ``roles``, ``agreements``, ``events`` (rule
mixins of one ``sentence``), ``names`` (canonical names) and ``extractor``.
"""

from __future__ import annotations

from kg.extractors.russian.extractor import RussianExtractor

__all__ = ["RussianExtractor"]
