"""The Kazakh rule extractor (``kk.rules``): a spaCy pipeline of rule components.

Modules, in the order the pipeline uses them: ``tokens`` (one analysis per token),
``persons``, ``orgs`` (organisations and events), ``roles`` (positions and their
holders), ``agreements``, ``events`` (date and place), ``names`` (canonical names),
``pipeline`` (the spaCy components), ``fallback`` (the shipped NER, run only on
sentences the rules leave undecided) and ``assemble`` (findings -> ``Extraction``).
Importing this package loads no spaCy pipeline or model; the extractor builds them on
first use.
"""

from __future__ import annotations

from kg.extractors.kazakh.extractor import KazakhRuleExtractor

__all__ = ["KazakhRuleExtractor"]
