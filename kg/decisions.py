"""An analyst's judgements over linking, kept in a plain file that outlives rebuilds.

One JSON object per line, so a team versions the file beside its corpus and reads
its diffs::

    {"decision": "merge", "ids": ["organisation/a-1", "organisation/b-2"],
     "names": ["...", "..."], "who": "aigerim", "when": "2026-12-02T08:30:00Z",
     "why": "same fund, renamed in 2023"}

``merge`` makes two nodes one, ``distinct`` keeps two apart whatever the rules say,
``split`` (with ``article``) takes one article's entity out of a node. ``kg build
--decisions FILE`` applies them before the graph is made (see ``kg.link.Judgements``);
an id may be any id the build minted or absorbed, so a decision made on one build
still holds after the merge it asked for. A decision whose ids are no longer in the
build is reported and kept in the file, never dropped.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.link import Judgements, Linked, Linking, Plan, link_input, plan_links
from kg.link_codec import LinkInput
from kg.model import ArticleResult, Problem

DECISIONS: tuple[str, ...] = ("merge", "split", "distinct")


@dataclass(frozen=True, slots=True)
class Decision:
    """One judgement: ``ids`` (two for merge / distinct, one for split), as recorded."""

    decision: str
    ids: tuple[str, ...]
    names: tuple[str, ...] = ()
    article: str | None = None  # split: an article id or source path
    who: str = ""
    when: str = ""
    why: str = ""
    line: int = 0  # where it stands in its file (not written)

    def to_json(self) -> str:
        record: dict[str, object] = {
            "decision": self.decision,
            "ids": list(self.ids),
            "names": list(self.names),
            "who": self.who,
            "when": self.when,
            "why": self.why,
        }
        if self.article is not None:
            record["article"] = self.article
        return json.dumps(record, ensure_ascii=False, sort_keys=True)


def now() -> str:
    """The current UTC time, to the second, as decisions record it."""
    moment = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


def _check(decision: Decision, where: str) -> None:
    if decision.decision not in DECISIONS:
        raise InputError(f"{where}: decision {decision.decision!r}; use {', '.join(DECISIONS)}")
    wanted = 1 if decision.decision == "split" else 2
    if len(decision.ids) != wanted or not all(decision.ids):
        raise InputError(f"{where}: a {decision.decision} names {wanted} id(s)")
    if decision.decision == "split" and not decision.article:
        raise InputError(f"{where}: a split names the article to take out")
    if wanted == 2 and decision.ids[0] == decision.ids[1]:
        raise InputError(f"{where}: a {decision.decision} needs two different ids")


def read_decisions(path: Path) -> list[Decision]:
    """The decisions in ``path``, in file order; blank lines are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read decisions: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: decisions file is not UTF-8: {exc.reason}") from exc
    found: list[Decision] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not a JSON object: {exc.msg}") from exc
        if not isinstance(record, dict):
            raise InputError(f"{where}: not a JSON object")
        try:
            decision = Decision(
                decision=str(record["decision"]),
                ids=tuple(str(i) for i in record["ids"]),
                names=tuple(str(n) for n in record.get("names", ())),
                article=None if record.get("article") is None else str(record["article"]),
                who=str(record.get("who", "")),
                when=str(record.get("when", "")),
                why=str(record.get("why", "")),
                line=number,
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"{where}: a decision needs 'decision' and 'ids' ({exc})") from exc
        _check(decision, where)
        found.append(decision)
    return found


def append_decision(path: Path, decision: Decision) -> None:
    """Add ``decision`` as the last line of ``path`` (created when missing)."""
    _check(decision, str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existing = path.read_bytes() if path.exists() else b""
        with path.open("a", encoding="utf-8", newline="\n") as handle:
            if existing and not existing.endswith(b"\n"):
                handle.write("\n")
            handle.write(decision.to_json() + "\n")
    except OSError as exc:
        raise InputError(f"{path}: cannot write decisions: {exc.strerror or exc}") from exc


def to_judgements(
    decisions: Sequence[Decision],
    results: Sequence[ArticleResult] | Sequence[LinkInput],
    baseline: Plan,
    source: str = "decisions",
) -> tuple[Judgements, list[Problem]]:
    """The decisions in terms of the build's entity ids, and those that no longer apply.

    An id is found among the ids the articles minted, else among the nodes of
    ``baseline`` (the build linked without decisions), so the survivor of an earlier
    merge names every id it absorbed.
    """
    inputs = [r if isinstance(r, LinkInput) else link_input(r) for r in results]
    minted = {entity.id for found in inputs for entity in found.entities}
    final: dict[str, set[str]] = {}
    for (_, ident), entity in baseline.entities.items():
        final.setdefault(entity.id, set()).add(ident)
    articles = {r.article_id: r.article_id for r in inputs}
    articles.update({r.source_path: r.article_id for r in inputs})
    versions = {(r.article_id, e.id) for r in inputs for e in r.entities}

    def ids_of(ident: str) -> list[str]:
        return [ident] if ident in minted else sorted(final.get(ident, ()))

    same: list[tuple[str, str]] = []
    different: list[tuple[str, str]] = []
    split: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for decision in decisions:
        found = [ids_of(ident) for ident in decision.ids]
        missing = [i for i, ids in zip(decision.ids, found, strict=True) if not ids]
        article = articles.get(decision.article or "") if decision.decision == "split" else ""
        if article and not any((article, i) in versions for i in found[0]):
            missing = [f"{decision.ids[0]} in article {decision.article}"]
        if missing or article is None:
            gone = ", ".join(missing) if missing else f"article {decision.article}"
            message = f"{decision.decision} not applied: {gone} not in this build"
            problems.append(Problem(source, message, decision.line or None))
            continue
        if decision.decision == "merge":
            same.append((found[0][0], found[1][0]))
        elif decision.decision == "distinct":
            different.extend((a, b) for a in found[0] for b in found[1])
        else:
            assert article is not None
            split.extend((ident, article) for ident in found[0])
    return Judgements(tuple(same), tuple(different), tuple(split)), problems


def link_with_decisions(
    results: Sequence[ArticleResult], path: Path, note: Callable[[Problem], None]
) -> Linked:
    """Link ``results`` with the decisions in ``path``; ``note`` hears of those that no
    longer apply."""
    inputs = [link_input(result) for result in results]
    linking = plan_with_decisions(inputs, path, note)
    return Linked(
        tuple(linking.relink(result) for result in results),
        linking.plan,
        tuple(linking.made_from(found) for found in inputs),
    )


def plan_with_decisions(
    inputs: Sequence[LinkInput], path: Path, note: Callable[[Problem], None]
) -> Linking:
    """``kg.link.plan_links`` with the decisions in ``path``; ``note`` hears of those that
    no longer apply."""
    decisions = read_decisions(path)
    baseline = plan_links(inputs).plan
    judgements, problems = to_judgements(decisions, inputs, baseline, str(path))
    for problem in problems:
        note(problem)
    return plan_links(inputs, judgements)
