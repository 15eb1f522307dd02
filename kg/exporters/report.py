"""report.json: what a build read, found and skipped, and how long it took."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.atomic import write_atomic
from kg.exporters.base import ArticleOutline
from kg.model import Agreement, EntityType, Membership, Participation
from kg.sparql.stats import count

if TYPE_CHECKING:
    from kg.exporters.base import Build


def build_report(build: Build) -> dict[str, Any]:
    """The report as plain JSON-able data; everything but ``timing`` is deterministic."""

    per_article = []
    outlines = build.outlines or tuple(ArticleOutline.of(r) for r in build.results)
    for outline in outlines:
        article, types, facts = outline.article, outline.entities, outline.facts
        per_article.append(
            {
                "source_path": article.source_path,
                "id": article.id,
                "lang": article.lang,
                "encoding": article.encoding,
                "title": article.title,
                "date": article.date,
                "extractors": list(outline.extractors),
                "people": types.get(EntityType.PERSON.value, 0),
                "organisations": types.get(EntityType.ORGANISATION.value, 0),
                "events": types.get(EntityType.EVENT.value, 0),
                "memberships": facts.get(Membership.__name__, 0),
                "agreements": facts.get(Agreement.__name__, 0),
                "participations": facts.get(Participation.__name__, 0),
                "problems": list(article.notes)
                + ([] if outline.extractors else ["no extractor for this language"]),
            }
        )
    return {
        "civkg_version": build.activity.version,
        "extractors": list(build.activity.extractors),
        "base": build.base,
        "counts": count(build.graph),
        "articles": per_article,
        "merges": [
            {
                "id": merge.survivor,
                "name": merge.name.text,
                "lang": merge.name.lang,
                "absorbed": [
                    {"id": ident, "name": label.text, "lang": label.lang}
                    for ident, label in merge.absorbed
                ],
                "rules": list(merge.rules),
            }
            for merge in build.merges
        ],
        "duplicates": [
            {
                "original": group.original.source_path,
                "copies": [copy.source_path for copy in group.copies],
                "similarity": group.similarity,
            }
            for group in build.duplicates
        ],
        "skipped": [{"path": p.path, "line": p.line, "message": p.message} for p in build.problems],
        "timing": {
            "seconds": round(build.seconds, 3),
            "articles_per_second": round(len(build.results) / build.seconds, 2)
            if build.seconds > 0
            else None,
        },
    }


class ReportExporter:
    name = "report"
    description = "report.json: counts, per-article findings, skipped files, timing"

    def export(self, build: Build, out_dir: Path) -> list[Path]:
        text = json.dumps(build_report(build), ensure_ascii=False, indent=2, sort_keys=True)
        return [write_atomic(out_dir / "report.json", text + "\n")]
