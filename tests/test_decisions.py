"""The curation loop: decisions file, merge / split / distinct applied by linking, xref.

Linking tests use made-up names; the round trip builds the bundled examples, and the
outputs-see-merges test a made-up corpus (tests/curation_corpus.py).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import OWL, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.decisions import Decision, append_decision, read_decisions, to_judgements
from kg.errors import InputError
from kg.graph.files import load_graph
from kg.iris import DEFAULT_BASE, article_id, entity_id
from kg.link import link_build
from kg.model import Article, ArticleResult, Entity, EntityType, Label

runner = CliRunner()


def _org(lang: str, path: str, *names: str) -> ArticleResult:
    text = f"{path}: {' '.join(names)}"
    art = Article(article_id(text), text, lang, path)
    entities = tuple(
        Entity(entity_id("organisation", n), EntityType.ORGANISATION, Label(n, lang)) for n in names
    )
    return ArticleResult(art, tuple(sorted(entities, key=lambda e: e.id)), ())


def _apply(results: list[ArticleResult], *decisions: Decision) -> tuple[object, list[str]]:
    baseline = link_build(results).plan
    judgements, problems = to_judgements(decisions, results, baseline)
    return link_build(results, judgements), [p.message for p in problems]


def _nodes(linked: object) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for result in linked.results:  # type: ignore[attr-defined]
        for entity in result.entities:
            found.setdefault(entity.id, set()).update(
                {entity.name.text} | {a.text for a in entity.aliases}
            )
    return found


A = entity_id("organisation", "«Көктем» қоры")
B = entity_id("organisation", "Spring Bloom Foundation")


def test_merge_makes_one_node_with_same_as() -> None:
    results = [_org("kk", "a.txt", "«Көктем» қоры"), _org("en", "b.txt", "Spring Bloom Foundation")]
    assert len(_nodes(link_build(results))) == 2
    linked, problems = _apply(results, Decision("merge", (B, A)))
    assert problems == []
    nodes = _nodes(linked)
    assert list(nodes) == [A], "the Kazakh name's id survives"
    assert linked.plan.absorbed == {A: (B,)}  # type: ignore[attr-defined]
    assert "decision" in linked.plan.merges[0].rules  # type: ignore[attr-defined]


def test_distinct_keeps_apart_what_the_rules_merge() -> None:
    one = entity_id("organisation", "«Тумар» қоры")
    two = entity_id("organisation", "Фонд «Тумар»")
    results = [_org("kk", "a.txt", "«Тумар» қоры"), _org("ru", "b.txt", "Фонд «Тумар»")]
    assert len(_nodes(link_build(results))) == 1
    linked, _ = _apply(results, Decision("distinct", (one, two)))
    assert set(_nodes(linked)) == {one, two}
    assert linked.plan.different == (tuple(sorted((one, two))),)  # type: ignore[attr-defined]


def test_split_takes_one_articles_entity_out() -> None:
    ident = entity_id("organisation", "«Тумар» қоры")
    results = [_org("kk", "a.txt", "«Тумар» қоры"), _org("kk", "b.txt", "«Тумар» қоры")]
    assert len(_nodes(link_build(results))) == 1
    linked, _ = _apply(results, Decision("split", (ident,), article="b.txt"))
    nodes = _nodes(linked)
    assert len(nodes) == 2 and ident in nodes, "the node keeps its id, the split one a new one"


def test_a_decision_on_a_survivor_holds_for_what_it_absorbed() -> None:
    one = entity_id("organisation", "«Тумар» қоры")
    results = [
        _org("kk", "a.txt", "«Тумар» қоры"),
        _org("ru", "b.txt", "Фонд «Тумар»"),
        _org("en", "c.txt", "Spring Bloom Foundation"),
    ]
    linked, problems = _apply(results, Decision("merge", (one, B)))
    assert problems == [] and len(_nodes(linked)) == 1


def test_a_decision_whose_ids_are_gone_is_reported_not_dropped(tmp_path: Path) -> None:
    results = [_org("kk", "a.txt", "«Көктем» қоры")]
    _, problems = _apply(
        results,
        Decision("merge", (A, "organisation/gone-1"), line=3),
        Decision("split", (A,), article="nowhere.txt", line=4),
    )
    assert problems == [
        "merge not applied: organisation/gone-1 not in this build",
        "split not applied: article nowhere.txt not in this build",
    ]


def test_decisions_file_round_trips_and_bad_lines_are_named(tmp_path: Path) -> None:
    path = tmp_path / "decisions.jsonl"
    decision = Decision(
        "merge", (A, B), ("«Көктем» қоры", "Spring"), None, "me", "2026-01-01T00:00:00Z", "same"
    )
    append_decision(path, decision)
    append_decision(path, Decision("split", (A,), (), "a.txt", "me", "t", ""))
    read = read_decisions(path)
    assert [d.decision for d in read] == ["merge", "split"]
    assert read[0].ids == (A, B) and read[0].why == "same" and read[1].article == "a.txt"
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[0])["who"] == "me"
    path.write_text('{"decision": "merge", "ids": ["x"]}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"decisions.jsonl:1: a merge names 2 id"):
        read_decisions(path)
    path.write_text("\nnot json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"decisions.jsonl:2: not a JSON object"):
        read_decisions(path)
    with pytest.raises(InputError, match="cannot read decisions"):
        read_decisions(tmp_path / "missing.jsonl")


def test_build_xref_merge_build_round_trip(tmp_path: Path, examples_dir: Path) -> None:
    out = tmp_path / "out"
    decisions = tmp_path / "decisions.jsonl"
    assert runner.invoke(app, ["build", str(examples_dir), "-o", str(out), "-q"]).exit_code == 0
    listed = runner.invoke(app, ["xref", str(out), "--csv"])
    assert listed.exit_code == 0, listed.output
    rows = list(csv.DictReader(io.StringIO(listed.output)))
    assert rows, "the examples name one fund twice"
    first = rows[0]
    assert first["evidence_a"] or first["evidence_b"]
    merged = runner.invoke(
        app, ["merge", str(out), first["id_a"], first["id_b"], "-d", str(decisions), "--who", "t"]
    )
    assert merged.exit_code == 0, merged.output
    (decision,) = read_decisions(decisions)
    assert decision.names == (first["name_a"], first["name_b"]) and decision.who == "t"
    again = tmp_path / "again"
    args = ["build", str(examples_dir), "-o", str(again), "-q", "--decisions", str(decisions)]
    assert runner.invoke(app, args).exit_code == 0
    report = json.loads((again / "report.json").read_text(encoding="utf-8"))
    assert any("decision" in m["rules"] for m in report["merges"])
    relisted = list(
        csv.DictReader(io.StringIO(runner.invoke(app, ["xref", str(again), "--csv"]).output))
    )
    assert all({r["id_a"], r["id_b"]} != {first["id_a"], first["id_b"]} for r in relisted)
    graph = load_graph(again)
    assert any(graph.triples((None, OWL.sameAs, URIRef(DEFAULT_BASE + first["id_b"])))) or any(
        graph.triples((None, OWL.sameAs, URIRef(DEFAULT_BASE + first["id_a"])))
    )
    # the same decisions, the same bytes
    third = tmp_path / "third"
    assert runner.invoke(app, [*args[:3], str(third), *args[4:]]).exit_code == 0
    for name in ("graph.ttl", "graph.trig", "graph.nt"):
        if (again / name).exists():
            assert (again / name).read_bytes() == (third / name).read_bytes(), name
    # a distinct pair is recorded, and a missing id refused with a one-line error
    bad = runner.invoke(
        app, ["distinct", str(out), first["id_a"], "person/nobody-0", "-d", str(decisions)]
    )
    assert bad.exit_code == 2 and "no person or organisation 'person/nobody-0'" in bad.output
    gone = runner.invoke(
        app, ["split", str(out), first["id_a"], "--article", "x.txt", "-d", str(decisions)]
    )
    assert gone.exit_code == 2 and "no article 'x.txt'" in gone.output


def _alliance_views(out: Path, alliance: set[str]) -> dict[str, object]:
    """How each output of the build in ``out`` sees the alliance (IRIs ``alliance``):
    the nodes that stand for it, and what the queries and stats say about it."""
    import networkx as nx

    from kg.exporters.map.data import read_map_data
    from kg.sparql.graph import read_graph
    from kg.sparql.stats import graph_stats

    def query(name: str, *params: str) -> list[dict[str, str]]:
        args = ["query", str(out), name, *(a for p in params for a in ("-p", p)), "-o", "csv"]
        done = runner.invoke(app, args)
        assert done.exit_code == 0, done.output
        return list(csv.DictReader(io.StringIO(done.output)))

    page = (out / "map.html").read_text(encoding="utf-8")
    payload = page.split('<script type="application/json" id="map-data">', 1)[1]
    map_nodes = json.loads(payload.split("</script>", 1)[0])["nodes"]
    stats = graph_stats(read_graph(out))
    printed = runner.invoke(app, ["stats", str(out)]).output
    with (out / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        table = [row["id"] for row in csv.DictReader(handle)]
    return {
        "map": sorted(n["iri"] for n in map_nodes if n["iri"] in alliance),
        "map data": sorted(
            n.iri for n in read_map_data(read_graph(out)).nodes if n.iri in alliance
        ),
        "graphml": sorted(set(nx.read_graphml(out / "graph.graphml")) & alliance),
        "gexf": sorted(set(nx.read_gexf(out / "graph.gexf")) & alliance),
        "nodes.csv": sorted(set(table) & alliance),
        "members-of": sorted({r["organisation"] for r in query("members-of", "org=Steppe Water")}),
        "organisations-of": sorted(
            {r["organisation"] for r in query("organisations-of", "person=Aruzhan")}
        ),
        "bridges": [r["name"] for r in query("bridges")],
        "interlocks": len(query("interlocks")),
        "stats": stats.counts["organisations"],
        "kg stats": next(
            line.split()[1] for line in printed.splitlines() if "organisations" in line
        ),
        "stats top": sorted(
            label for label, _ in stats.top_organisations if label.startswith("Steppe Water")
        ),
    }


def test_every_output_sees_a_merged_actor_as_one_node(tmp_path: Path) -> None:
    """Issue 13, item 5: after kg build --decisions the named queries, the map, GraphML,
    GEXF, the tables and kg stats all show the merged actor once (made-up articles)."""
    from kg.xref import read_build
    from tests.curation_corpus import ARUZHAN, LONG, SHORT, write_corpus

    corpus = write_corpus(tmp_path / "corpus")
    before, after = tmp_path / "before", tmp_path / "after"
    decisions = tmp_path / "decisions.jsonl"
    assert runner.invoke(app, ["build", str(corpus), "-o", str(before), "-q"]).exit_code == 0
    named = {n.name: n.id for n in read_build(before).nodes.values()}
    short, long = named[SHORT], named[LONG]
    alliance = {DEFAULT_BASE + short, DEFAULT_BASE + long}
    listed = runner.invoke(app, ["query", "--list"]).output
    for name in ("members-of", "organisations-of", "bridges", "interlocks"):
        assert f"{name}:" in listed
    seen = _alliance_views(before, alliance)
    assert seen == {
        "map": sorted(alliance),
        "map data": sorted(alliance),
        "graphml": sorted(alliance),
        "gexf": sorted(alliance),
        "nodes.csv": sorted(alliance),
        "members-of": sorted(alliance),
        "organisations-of": sorted(alliance),
        "bridges": [ARUZHAN],
        "interlocks": 1,
        "stats": 4,
        "kg stats": "4",
        "stats top": sorted([SHORT, LONG]),
    }, "two nodes before the decision"

    merge = ["merge", str(before), short, long, "-d", str(decisions), "--who", "t"]
    assert runner.invoke(app, merge).exit_code == 0
    args = ["build", str(corpus), "-o", str(after), "-q", "--decisions", str(decisions)]
    assert runner.invoke(app, args).exit_code == 0
    (survivor,) = {str(s) for s in load_graph(after).subjects(OWL.sameAs, None)} & alliance
    one = [survivor]
    assert _alliance_views(after, alliance) == {
        "map": one,
        "map data": one,
        "graphml": one,
        "gexf": one,
        "nodes.csv": one,
        "members-of": one,
        "organisations-of": one,
        "bridges": [],  # she represents one organisation now, not two
        "interlocks": 0,
        "stats": 3,
        "kg stats": "3",
        "stats top": [SHORT],
    }
