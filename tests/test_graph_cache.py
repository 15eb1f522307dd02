"""The build's store kept between builds: only changed article graphs are reloaded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kg.build import build
from kg.cache import CACHE_FOLDER
from kg.graph_cache import GRAPH_FOLDER, kept_store
from kg.model import Article, ArticleResult, BuildActivity

FORMATS = ["turtle", "trig", "store"]

_TEXTS = {
    "a.txt": "Dana Omarova, director of the Steppe Water Institute, opened the forum.",
    "b.txt": "Arman Seitkali, chairman of the Green Valley Foundation, spoke in Astana.",
    "c.txt": (
        "The Open Lake Alliance signed a memorandum of understanding with the Steppe "
        "Water Institute on Monday. Dana Omarova, director of the Steppe Water "
        "Institute, signed it."
    ),
}


def _corpus(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in _TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig")}


def _fresh(corpus: Path, out: Path) -> dict[str, bytes]:
    build([corpus], out_dir=out, formats=FORMATS, cache=False)
    return _files(out)


def test_a_rebuild_with_changed_added_and_removed_articles_writes_a_fresh_builds_files(
    tmp_path: Path,
) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    build([corpus], out_dir=out, formats=FORMATS)
    assert (out / CACHE_FOLDER / GRAPH_FOLDER / "state.json").is_file()
    # c.txt shares the institute and Dana Omarova with a.txt: removing it must keep
    # their triples in the merged graph, and drop only its own.
    (corpus / "c.txt").unlink()
    (corpus / "b.txt").write_text(
        "Arman Seitkali, treasurer of the Green Valley Foundation, spoke.", encoding="utf-8"
    )
    (corpus / "d.txt").write_text(
        "Laura Beisen, head of the Steppe Water Institute, arrived.", encoding="utf-8"
    )
    build([corpus], out_dir=out, formats=FORMATS)
    assert _files(out) == _fresh(corpus, tmp_path / "fresh")
    (corpus / "c.txt").write_text(_TEXTS["c.txt"], encoding="utf-8")  # back again
    build([corpus], out_dir=out, formats=FORMATS)
    assert _files(out) == _fresh(corpus, tmp_path / "fresh2")


def test_a_lost_state_starts_the_store_afresh(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    build([corpus], out_dir=out, formats=FORMATS)
    (corpus / "b.txt").unlink()
    # as a build killed while it updated the store leaves it: no state, stale quads
    (out / CACHE_FOLDER / GRAPH_FOLDER / "state.json").unlink()
    build([corpus], out_dir=out, formats=FORMATS)
    assert _files(out) == _fresh(corpus, tmp_path / "fresh")


def _result(text: str, ident: str) -> ArticleResult:
    found = Article(id=ident, text=text, lang="en", source_path=f"{ident}.txt")
    return ArticleResult(article=found, entities=(), facts=())


def test_only_article_graphs_whose_results_changed_are_reloaded(tmp_path: Path) -> None:
    activity = BuildActivity(id="activity/test", version="0", extractors=())
    base = "https://example.org/id/"
    one, two = _result("One.", "one"), _result("Two.", "two")
    folder = tmp_path / "graph"
    first, kept = kept_store(
        [one, two], folder=folder, fingerprint="v1", activity=activity, base=base
    )
    assert kept == 0
    first.close()
    again, kept = kept_store(
        [one, _result("Two, again.", "two"), _result("Three.", "three")],
        folder=folder,
        fingerprint="v1",
        activity=activity,
        base=base,
    )
    assert kept == 1  # one; two changed, three is new
    assert again.named_graphs() == [f"{base}article/{i}" for i in ("one", "three", "two")]
    again.close()
    # another civkg may make other triples of the same results
    upgraded, kept = kept_store(
        [one], folder=folder, fingerprint="v2", activity=activity, base=base
    )
    assert kept == 0
    upgraded.close()


def test_a_copy_left_by_a_killed_build_is_removed_by_the_next(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    build([corpus], out_dir=out, formats=FORMATS)
    orphan = out / CACHE_FOLDER / GRAPH_FOLDER / "copy-999999999-x"  # no such process
    orphan.mkdir()
    build([corpus], out_dir=out, formats=FORMATS)
    assert not orphan.exists()


def test_graph_trig_from_kept_blocks_is_the_file_written_in_one_go(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    first = build([corpus], out_dir=out, formats=FORMATS)
    assert first.store.blocks is not None  # the kept store's copy writes from blocks
    whole = tmp_path / "whole.trig"
    blocks, first.store.blocks = first.store.blocks, None
    first.store.write_trig(whole)  # the serialiser over every quad at once
    assert (out / "graph.trig").read_bytes() == whole.read_bytes()
    first.store.blocks = blocks
    (corpus / "d.txt").write_text("Laura Beisen, head of the Open Lake Alliance, arrived.")
    build([corpus], out_dir=out, formats=FORMATS)  # three blocks kept, one written
    assert _files(out) == _fresh(corpus, tmp_path / "fresh")
    with sqlite3.connect(out / CACHE_FOLDER / GRAPH_FOLDER / "trig.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM blocks").fetchone()[0] == 4
    (corpus / "d.txt").unlink()
    build([corpus], out_dir=out, formats=FORMATS)
    assert _files(out) == _fresh(corpus, tmp_path / "fresh2")
    with sqlite3.connect(out / CACHE_FOLDER / GRAPH_FOLDER / "trig.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM blocks").fetchone()[0] == 3


def _every_output(out: Path) -> dict[str, bytes]:
    """Every output file's bytes (the report without its timing; the store is a database)."""
    import json

    files = {}
    for path in sorted(out.iterdir()):
        if path.name.startswith(".") or path.name == "store":
            continue
        data = path.read_bytes()
        if path.name == "report.json":
            report = json.loads(data)
            report.pop("timing")
            data = json.dumps(report, sort_keys=True).encode()
        files[path.name] = data
    return files


def test_every_output_of_an_incremental_build_is_a_fresh_builds(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    build([corpus], out_dir=out)
    # the new article names a person and a body of a.txt and c.txt: linking changes
    # what their graphs hold, not only the new article's
    (corpus / "d.txt").write_text(
        "Dana Omarova, director of the Steppe Water Institute, met Laura Beisen, head of "
        "the Open Lake Alliance.",
        encoding="utf-8",
    )
    (corpus / "b.txt").unlink()
    again = build([corpus], out_dir=out)
    assert again.reused == 2
    fresh = tmp_path / "fresh"
    build([corpus], out_dir=fresh, cache=False)
    mine, theirs = _every_output(out), _every_output(fresh)
    assert sorted(mine) == sorted(theirs) and len(mine) > 8
    for name in mine:
        assert mine[name] == theirs[name], name


def test_a_store_whose_graphs_mostly_changed_is_made_afresh_with_the_same_quads(
    tmp_path: Path,
) -> None:
    from kg.graph.bridge import to_store
    from kg.graph_cache import AFRESH_FROM

    activity = BuildActivity(id="activity/test", version="0", extractors=())
    base = "https://example.org/id/"
    count = AFRESH_FROM + 20
    before = [_result(f"Article {i}.", f"a{i}") for i in range(count)]
    # all but the first ten change, and one is new
    after = before[:10] + [_result(f"Article {i}, again.", f"a{i}") for i in range(10, count)]
    after.append(_result("A new one.", "new"))
    folder = tmp_path / "graph"
    first, _ = kept_store(before, folder=folder, fingerprint="v1", activity=activity, base=base)
    first.close()
    again, kept = kept_store(after, folder=folder, fingerprint="v1", activity=activity, base=base)
    assert kept == 0  # made afresh, nothing taken out graph by graph
    fresh = to_store(after, activity=activity, base=base)
    assert again.named_graphs() == fresh.named_graphs()
    for one, other in ((again, tmp_path / "again.ttl"), (fresh, tmp_path / "fresh.ttl")):
        one.write_turtle(other)
    assert (tmp_path / "again.ttl").read_bytes() == (tmp_path / "fresh.ttl").read_bytes()
    again.close()
    fresh.close()
    # a few changed graphs are replaced one by one as before
    again, kept = kept_store(
        [*after[:-1], _result("Another.", "other")],
        folder=folder,
        fingerprint="v1",
        activity=activity,
        base=base,
    )
    assert kept == count
    again.close()
