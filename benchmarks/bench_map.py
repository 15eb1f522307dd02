"""Benchmark of map.html on large synthetic graphs: build time, first paint, panning.

Run: python benchmarks/bench_map.py [--sizes 5000:15000,20000:60000] [--rdf]
Needs Debian's chromium at /usr/bin/chromium and the playwright pip package.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from kg.exporters.map.data import MapArticle, MapData, MapEdge, MapEvidence, MapNode

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_SYLLABLES = ("ak", "bo", "da", "ke", "lu", "ma", "nur", "sa", "te", "zh", "qa", "ly")


def _name(rng: random.Random, words: int) -> str:
    return " ".join(
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).title()
        for _ in range(words)
    )


def synthetic(nodes: int, edges: int, seed: int = 1) -> MapData:
    """A random map with civkg's mix of node and edge types and a heavy-tailed degree."""
    rng = random.Random(seed)
    kinds = rng.choices(
        ("person", "organisation", "agreement", "event"), weights=(60, 30, 5, 5), k=nodes
    )
    articles = tuple(
        MapArticle(f"a{i}", _name(rng, 4), f"20{rng.randint(15, 25)}-0{rng.randint(1, 9)}-15",
                   rng.choice(("kk", "ru", "en")), None, f"a/{i}.txt")
        for i in range(max(1, nodes // 5))
    )  # fmt: skip
    by_kind: dict[str, list[int]] = {}
    for index, kind in enumerate(kinds):
        by_kind.setdefault(kind, []).append(index)
    out: list[MapEdge] = []
    arts: list[set[int]] = [set() for _ in range(nodes)]
    plans = (
        ("represents", "person", "organisation", 7),
        ("signed", "organisation", "agreement", 2),
    )
    plans += (("participated_in", "person", "event", 1),)
    weights = [plan[3] for plan in plans]
    for number in range(edges):
        kind, left, right, _ = rng.choices(plans, weights=weights)[0]
        # Squaring a uniform draw favours low indices: a few hubs, many leaves.
        source = by_kind[left][int(rng.random() ** 2 * len(by_kind[left]))]
        target = by_kind[right][int(rng.random() ** 2 * len(by_kind[right]))]
        article = rng.randrange(len(articles))
        arts[source].add(article)
        arts[target].add(article)
        sentence = f"{_name(rng, 2)} and {_name(rng, 3)} were named in this sentence."
        out.append(
            MapEdge(f"fact/{number}", kind, source, target, rng.choice((None, "director")),
                    (MapEvidence(sentence, article, 0),))
        )  # fmt: skip
    map_nodes = tuple(
        MapNode(f"node/{i}", kind, label := _name(rng, 2), ((label, "kk"),), None, None,
                tuple(sorted(arts[i])))
        for i, kind in enumerate(kinds)
    )  # fmt: skip
    return MapData(map_nodes, tuple(out), articles)


def _drag_frames(page: Any) -> list[float]:
    """Frame times while the mouse drags the map, as an analyst pans."""
    # Edges are hidden while dragging on large maps.
    page.evaluate(
        """() => { window.__frames = []; window.__dragging = true; let last = performance.now();
        (function tick(now) { if (!window.__dragging) return;
          window.__frames.push(now - last); last = now; requestAnimationFrame(tick); })(last); }"""
    )
    before = page.evaluate("window.civkgMap.network.getViewPosition()")
    page.mouse.move(700, 450)
    page.mouse.down()
    for step in range(60):
        page.mouse.move(700 - step * 6, 450 - step * 2)
        page.wait_for_timeout(16)
    drag = page.evaluate("window.__dragging = false; window.__frames.slice(2)")
    page.mouse.up()
    after = page.evaluate("window.civkgMap.network.getViewPosition()")
    if abs(after["x"] - before["x"]) < 1:
        raise SystemExit("the drag did not pan the map (a node was under the mouse?)")
    return list(drag)


def _page_metrics(browser: Any, path: Path) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    started = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'", timeout=120_000)
    wall = time.perf_counter() - started
    paint_ms = float(page.evaluate("Number(document.body.dataset.readyMs)"))
    # Programmatic pan: 60 frames with every edge drawn.
    frames = page.evaluate(
        """() => new Promise(done => {
        const net = window.civkgMap.network, start = net.getViewPosition(), times = [];
        let i = 0, last = performance.now();
        function step(now) {
            times.push(now - last); last = now;
            net.moveTo({position: {x: start.x + i * 15, y: start.y}, scale: net.getScale()});
            if (++i < 60) requestAnimationFrame(step); else done(times.slice(2));
        }
        requestAnimationFrame(step);
    })"""
    )
    drag = _drag_frames(page)
    started = time.perf_counter()
    page.evaluate(
        """() => new Promise(done => { window.civkgMap.network.once('afterDrawing', done);
        document.getElementById('show-all').click();
        window.civkgMap.network.redraw(); })"""
    )
    show_all = time.perf_counter() - started
    drag_all = _drag_frames(page)
    visible = page.evaluate("window.civkgMap.nodeView.length")
    context.close()
    return {
        "wall_s": wall,
        "first_paint_ms": paint_ms,
        "pan_mean_ms": statistics.mean(frames),
        "pan_p95_ms": sorted(frames)[int(len(frames) * 0.95)],
        "drag_mean_ms": statistics.mean(drag) if drag else float("nan"),
        "visible_nodes": float(visible),
        "show_all_s": show_all,
        "drag_all_mean_ms": statistics.mean(drag_all) if drag_all else float("nan"),
        "requests": float(len(requests)),
    }


def _rdf_seconds(nodes: int, edges: int) -> tuple[float, float]:
    """Seconds to make an RDF graph of a synthetic map's size and to read it back."""
    from kg.build import build_activity
    from kg.exporters.map.data import read_map_data
    from kg.graph.bridge import to_dataset
    from kg.model import Article, ArticleResult, Entity, EntityType, Evidence, Label, Membership

    data = synthetic(nodes, edges)
    article = Article("bench", "x", "kk", "bench.txt", title="bench", date="2024-01-01")
    entities = tuple(
        Entity(n.iri, EntityType.ORGANISATION if n.type != "person" else EntityType.PERSON,
               Label(n.label, "kk"))
        for n in data.nodes
    )  # fmt: skip
    facts = tuple(
        Membership(f"membership/{i}", data.nodes[e.source].iri, data.nodes[e.target].iri, None,
                   (Evidence("bench", e.evidence[0].sentence, 0, 1, "bench"),))
        for i, e in enumerate(data.edges)
    )  # fmt: skip
    started = time.perf_counter()
    _, graph = to_dataset(
        [ArticleResult(article, entities, facts)], activity=build_activity(["bench"]), base="b:/"
    )
    made = time.perf_counter() - started
    started = time.perf_counter()
    read_map_data(graph)
    return made, time.perf_counter() - started


def main() -> None:
    """Render each size, open it in headless Chromium and print the timings."""
    from playwright.sync_api import sync_playwright

    from kg.exporters.map.focus import communities
    from kg.exporters.map.layout import layout
    from kg.exporters.map.page import MapOptions, render_page

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="500:1500,5000:15000,20000:60000")
    parser.add_argument("--rdf", action="store_true", help="also time RDF -> map data")
    args = parser.parse_args()
    sizes = [tuple(int(x) for x in pair.split(":")) for pair in args.sizes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="bench-map-"))
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True
        )
        for nodes, edges in sizes:
            data = synthetic(nodes, edges)
            started = time.perf_counter()
            positions = layout(data)
            layout_s = time.perf_counter() - started
            started = time.perf_counter()
            groups = communities(data)
            louvain_s = time.perf_counter() - started
            started = time.perf_counter()
            page = render_page(data, positions, MapOptions(), None)
            render_s = time.perf_counter() - started
            path = folder / f"map-{nodes}.html"
            path.write_text(page, encoding="utf-8")
            metrics = _page_metrics(browser, path)
            print(
                f"{nodes:>6} nodes {len(data.edges):>6} edges | layout {layout_s:5.1f} s, "
                f"louvain {louvain_s:4.1f} s ({max(groups) + 1} groups), "
                f"render {render_s:4.1f} s, {len(page) / 1e6:5.1f} MB\n"
                f"{'':>6} browser: first paint {metrics['first_paint_ms']:6.0f} ms "
                f"(load+paint {metrics['wall_s']:4.1f} s), visible {metrics['visible_nodes']:.0f}, "
                f"requests {metrics['requests']:.0f}\n"
                f"{'':>6} pan (edges drawn) {metrics['pan_mean_ms']:5.1f} ms/frame "
                f"(p95 {metrics['pan_p95_ms']:5.1f}), mouse drag {metrics['drag_mean_ms']:5.1f} "
                f"ms/frame, show all {metrics['show_all_s']:4.1f} s, then drag "
                f"{metrics['drag_all_mean_ms']:5.1f} ms/frame",
                flush=True,
            )
            if args.rdf:
                made, read = _rdf_seconds(nodes, edges)
                print(f"{'':>6} RDF: make graph {made:5.1f} s, read map data {read:5.1f} s")
        browser.close()


if __name__ == "__main__":
    main()
