"""The Kazakh rule extractor (``kk.rules``): a spaCy pipeline of rule components.

Modules, in the order the pipeline uses them: ``tokens`` (one analysis per token,
lines in capitals read as words), ``persons``, ``orgs`` (a package: organisation
names, later lower-case mentions of them, outlets credited), ``events`` (named events,
their date and place), ``roles`` (positions and their holders, member lists),
``agreements`` (signings, across sentences), ``names`` (canonical names),
``pipeline`` (the spaCy components), ``fallback`` (the shipped NER, run only on
sentences the rules leave undecided, for persons and organisations) and ``assemble``
(findings -> ``Extraction``).
Importing this package loads no spaCy pipeline or model; the extractor builds them on
first use.
"""

from __future__ import annotations

from kg.extractors.kk.extractor import KazakhRuleExtractor

__all__ = ["KazakhRuleExtractor"]
