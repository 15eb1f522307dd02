"""Near-duplicate articles: one story counted once, both copies kept (made-up texts)."""

from __future__ import annotations

import json
from pathlib import Path

from kg.duplicates import find_duplicates, originals, shingles
from kg.graph.vocab import PROV
from kg.iris import article_id
from kg.model import Article

STORY = (
    "Astana, 12 March. The Green Steppe Foundation and the Tumar Youth Alliance signed a "
    "memorandum of cooperation on Tuesday. Aigerim Saparbekova, executive director of the "
    "Green Steppe Foundation, said the two organisations would run joint volunteer camps "
    "in the Akmola region this summer and train forty young leaders in project work. "
    "Daulet Sagynov, chairman of the Tumar Youth Alliance, thanked the partners and said "
    "the first camp would open in June near the village of Koktal."
)
OTHER = (
    "Almaty, 14 March. The Bright Future Association opened a reading room for children "
    "in the Turksib district. Its head, Gaukhar Omarbekova, said that more than three "
    "hundred books had been donated by local families and that volunteers would hold "
    "reading hours every Saturday. The district akimat provided the room free of charge "
    "for two years, and a library in Shymkent offered to share its programme."
)


def _article(path: str, text: str) -> Article:
    return Article(article_id(text), text, "en", path)


def test_a_copy_with_page_chrome_is_the_same_story() -> None:
    copy = "Home | News | Society\n" + STORY + "\nRead also: weather for the weekend."
    groups = find_duplicates([_article("b/site2.html", copy), _article("a/site1.txt", STORY)])
    (group,) = groups
    assert group.original.source_path == "a/site1.txt", "the first by path is the original"
    assert [c.source_path for c in group.copies] == ["b/site2.html"]
    assert 0.7 <= group.similarity < 1
    assert originals(groups) == {article_id(copy): article_id(STORY)}


def test_two_stories_and_short_pages_are_not_copies() -> None:
    assert find_duplicates([_article("a.txt", STORY), _article("b.txt", OTHER)]) == []
    short = "Astana, 12 March. Memorandum signed."
    assert len(shingles(short)) < 20
    assert find_duplicates([_article("a.txt", short), _article("b.txt", short + " Today.")]) == []


def test_groups_do_not_depend_on_input_order() -> None:
    texts = [STORY, STORY + " Photo: press service.", OTHER, "Breaking: " + OTHER]
    articles = [_article(f"{i}.txt", t) for i, t in enumerate(texts)]
    forward = find_duplicates(articles)
    assert find_duplicates(list(reversed(articles))) == forward
    assert len(forward) == 2


def test_a_story_reported_twice_is_listed_and_counted_once(tmp_path: Path) -> None:
    from kg.build import build
    from kg.sparql.queries import get_query
    from kg.sparql.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "site1.txt").write_text(STORY, encoding="utf-8")
    (folder / "site2.txt").write_text(STORY + " Photo: press service.", encoding="utf-8")
    out = tmp_path / "out"
    done = build([folder], out_dir=out, formats=["report", "turtle", "store"], cache=False)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["duplicates"] == [
        {
            "original": "site1.txt",
            "copies": ["site2.txt"],
            "similarity": report["duplicates"][0]["similarity"],
        }
    ]
    assert len(done.results) == 2, "both sources stay as provenance"
    assert isinstance(report["merges"], list)
    alternates = list(done.graph.subject_objects(PROV.alternateOf))
    assert len(alternates) == 1
    answer = open_store(out).run(get_query("members-of"), {"org": "Green Steppe"})
    column = answer.variables.index("reports")
    reports = [row[column] for row in answer.rows]
    assert reports, "the example names members of the foundation"
    assert all(r is not None and r.value == "1" for r in reports), answer.rows


class _Memo:
    """A signature memo in a dict, counting what it was asked."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[int, bytes]] = {}
        self.hits = 0

    def signature(self, text: str) -> tuple[int, bytes] | None:
        found = self.kept.get(text)
        self.hits += found is not None
        return found

    def keep_signature(self, text: str, count: int, values: bytes) -> None:
        self.kept[text] = (count, values)


def test_signatures_given_back_by_a_memo_find_the_same_groups() -> None:
    copy = "Home | News | Society\n" + STORY + "\nRead also: weather for the weekend."
    articles = [
        _article("a/site1.txt", STORY),
        _article("b/site2.html", copy),
        _article("c/other.txt", OTHER),
        _article("d/short.txt", "Too short to be a copy."),
    ]
    plain = find_duplicates(articles)
    memo = _Memo()
    assert find_duplicates(articles, memo=memo) == plain and memo.hits == 0
    assert len(memo.kept) == 4
    assert find_duplicates(articles, memo=memo) == plain and memo.hits == 4


def test_signatures_are_kept_as_the_articles_go_by() -> None:
    from kg.duplicates import signed

    copy = "Home | News\n" + STORY + "\nRead also: the weather."
    articles = [_article("a.txt", STORY), _article("b.txt", copy), _article("c.txt", OTHER)]
    memo = _Memo()
    passed = signed(iter(articles), memo)
    for number, article in enumerate(passed, start=1):
        assert len(memo.kept) == number and article.text in memo.kept  # before the next one
    memo.hits = 0
    assert find_duplicates(articles, memo=memo) == find_duplicates(articles)
    assert memo.hits == 3  # nothing left to hash


def test_a_rebuild_compares_only_new_articles_and_finds_the_same_groups(
    tmp_path: Path,
) -> None:
    import sqlite3

    from kg.cache import ResultCache

    copy = "Home | News | Society\n" + STORY + "\nRead also: weather for the weekend."
    other_copy = OTHER + " Photo: the press service of the akimat."
    articles = [
        _article("a/site1.txt", STORY),
        _article("b/site2.html", copy),
        _article("c/other.txt", OTHER),
    ]
    cache = ResultCache(tmp_path)
    first = find_duplicates(articles, memo=cache, pairs=cache)
    cache.save([])
    cache.close()
    assert [len(g.copies) for g in first] == [1]
    # the kept pair's similarity is what a rebuild uses: it is never computed again
    with sqlite3.connect(cache.path) as db:
        (value,) = db.execute("SELECT value FROM duplicates").fetchone()
        members, rows = json.loads(value)
        assert len(members) == 3 and len(rows) == 1
        rows[0][2] = 0.75
        db.execute("UPDATE duplicates SET value = ?", (json.dumps([members, rows]),))
    db.close()
    grown = [*articles, _article("d/copy.txt", other_copy)]
    cache = ResultCache(tmp_path)
    again = find_duplicates(grown, memo=cache, pairs=cache)
    cache.close()
    fresh = find_duplicates(grown)
    assert [g.similarity for g in again] == [0.75, fresh[1].similarity]
    assert [(g.original, g.copies) for g in again] == [(g.original, g.copies) for g in fresh]
    # untouched, the kept pairs give what comparing every pair gives
    cache = ResultCache(tmp_path / "clean")
    find_duplicates(articles, memo=cache, pairs=cache)
    cache.save([])
    assert find_duplicates(grown, memo=cache, pairs=cache) == fresh
    cache.close()
