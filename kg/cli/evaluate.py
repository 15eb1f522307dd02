"""``kg evaluate``: score extraction against hand-made gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import KgCommand, app, fails_cleanly


@app.command(cls=KgCommand)
@fails_cleanly
def evaluate(
    gold_dir: Annotated[
        Path, typer.Argument(metavar="PATH", help="Folder of NAME.txt + NAME.json gold pairs.")
    ],
    lang: Annotated[
        str | None,
        typer.Option(metavar="LANG", help="Only the gold files of this language (kk, ru, en)."),
    ] = None,
    relation_model: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="A relation model written by scripts/train_relations.py (default: the shipped "
            "one), e.g. one trained without the sites being scored.",
        ),
    ] = None,
) -> None:
    """Build each gold article alone and print precision / recall / F1 per fact type.

    Example: kg evaluate ../shared/corpus/dev --lang kk
    """
    from kg.evaluation.report import format_report
    from kg.evaluation.score import evaluate as run_evaluation
    from kg.extractors.relations import RelationModel
    from kg.pipeline import Pipeline

    pipeline = None
    if relation_model is not None:
        pipeline = Pipeline(relation_model=RelationModel.load(relation_model))
    typer.echo(format_report(run_evaluation(gold_dir, lang=lang, pipeline=pipeline)), nl=False)
