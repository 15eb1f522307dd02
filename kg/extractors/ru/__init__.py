"""The Russian extractor (``ru.natasha``): natasha NER and morphology plus rules.

Modules, in the order the extractor uses them: ``tokens`` (natasha, once per article),
then the rule mixins of one ``sentence``: ``events``, ``persons``, ``positions``,
``orgs`` and ``org_forms`` (organisations), ``roles``, ``agreements``; ``names``
(canonical organisation names), ``unify`` (one name per actor in an article) and
``extractor`` (the plug-in). Importing it loads no model; natasha loads on first use.
"""

from __future__ import annotations

from kg.extractors.ru.extractor import RussianExtractor

__all__ = ["RussianExtractor"]
