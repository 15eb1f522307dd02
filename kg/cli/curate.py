"""Curation commands: xref (pairs to judge), merge, split, distinct (judgements recorded)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg.cli.app import KgCommand, app, fails_cleanly

if TYPE_CHECKING:
    from kg.xref import BuiltGraph

_DECISIONS_HELP = "The decisions file (JSON lines) to add the judgement to; kept beside the corpus."
_Decisions = Annotated[
    Path, typer.Option("--decisions", "-d", metavar="FILE", help=_DECISIONS_HELP)
]
_Who = Annotated[str | None, typer.Option(metavar="NAME", help="Who judges (default: $USER).")]
_Why = Annotated[
    str, typer.Option(metavar="TEXT", help="Why, in a sentence, for the team reading the file.")
]
_Target = Annotated[
    Path, typer.Argument(metavar="PATH", help="A build folder (or its graph file).")
]


@app.command(cls=KgCommand)
@fails_cleanly
def xref(
    target: _Target,
    csv: Annotated[bool, typer.Option("--csv", help="Write CSV instead of a table.")] = False,
    limit: Annotated[int, typer.Option(min=1, metavar="N", help="How many pairs to list.")] = 50,
) -> None:
    """List pairs of nodes the linking rules did not merge that may be one actor.

    Example: kg xref out/ --csv > pairs.csv
    """
    import csv as csv_module
    import sys

    from kg.sparql.results import format_answer
    from kg.xref import candidates, read_build

    found = candidates(read_build(target), limit=limit)
    header = ("score", "why", "id_a", "name_a", "id_b", "name_b", "evidence_a", "evidence_b")
    rows = [
        (
            f"{c.score:.2f}",
            c.reason,
            c.one.id,
            c.one.name,
            c.other.id,
            c.other.name,
            c.one.evidence,
            c.other.evidence,
        )
        for c in found
    ]
    if csv:
        writer = csv_module.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return
    from kg.sparql.results import Answer, Term

    answer = Answer(
        variables=header,
        # Ids stay whole (they are what kg merge takes); names and sentences are cut.
        rows=tuple(
            tuple(
                Term("literal", value if column.startswith("id_") else _short(value))
                for column, value in zip(header, row, strict=True)
            )
            for row in rows
        ),
    )
    sys.stdout.write(format_answer(answer, "table"))


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _nodes(built: BuiltGraph, target: Path, *idents: str) -> list[str]:
    from kg.errors import UsageError

    names = []
    for ident in idents:
        node = built.node(ident)
        if node is None:
            raise UsageError(f"{target}: no person or organisation {ident!r} in this build")
        names.append(node.name)
    return names


def _record(
    decisions: Path,
    kind: str,
    ids: tuple[str, ...],
    names: list[str],
    who: str | None,
    why: str,
    article: str | None = None,
) -> None:
    from kg.decisions import Decision, append_decision, now

    author = who or os.environ.get("USER") or "unknown"
    append_decision(decisions, Decision(kind, ids, tuple(names), article, author, now(), why))
    typer.echo(f"Recorded {kind} of {', '.join(ids)} in {decisions}")
    typer.echo(f"Apply it: kg build ... --decisions {decisions}")


@app.command(cls=KgCommand)
@fails_cleanly
def merge(
    target: _Target,
    one: Annotated[str, typer.Argument(metavar="ID", help="An id from kg xref or the graph.")],
    other: Annotated[
        str, typer.Argument(metavar="ID", help="The id of the same actor's other node.")
    ],
    decisions: _Decisions = Path("decisions.jsonl"),
    who: _Who = None,
    why: _Why = "",
) -> None:
    """Record that two nodes are one actor.

    Example: kg merge out/ organisation/a-1 organisation/b-2 --why "renamed in 2023"
    """
    from kg.xref import read_build

    names = _nodes(read_build(target), target, one, other)
    _record(decisions, "merge", (one, other), names, who, why)


@app.command(cls=KgCommand)
@fails_cleanly
def distinct(
    target: _Target,
    one: Annotated[str, typer.Argument(metavar="ID", help="An id from kg xref or the graph.")],
    other: Annotated[str, typer.Argument(metavar="ID", help="The id of the other actor.")],
    decisions: _Decisions = Path("decisions.jsonl"),
    who: _Who = None,
    why: _Why = "",
) -> None:
    """Record that two nodes are different actors, whatever the rules say.

    Example: kg distinct out/ person/a-1 person/b-2 --why "namesakes, other regions"
    """
    from kg.xref import read_build

    names = _nodes(read_build(target), target, one, other)
    _record(decisions, "distinct", (one, other), names, who, why)


@app.command(cls=KgCommand)
@fails_cleanly
def split(
    target: _Target,
    node: Annotated[
        str, typer.Argument(metavar="ID", help="The node that wrongly holds an article's entity.")
    ],
    article: Annotated[
        str,
        typer.Option(
            "--article", metavar="ARTICLE", help="The article (source path or id) to take out."
        ),
    ],
    decisions: _Decisions = Path("decisions.jsonl"),
    who: _Who = None,
    why: _Why = "",
) -> None:
    """Record that one article's entity is not the actor the node stands for.

    Example: kg split out/ organisation/a-1 --article ru/2024-05-01.txt
    """
    from kg.errors import UsageError
    from kg.xref import read_build

    built = read_build(target)
    names = _nodes(built, target, node)
    if article not in built.articles:
        raise UsageError(f"{target}: no article {article!r} in this build (give its source path)")
    _record(decisions, "split", (node,), names, who, why, article=article)
