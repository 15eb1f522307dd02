"""``build``: read articles, run the pipeline, stream the RDF into a store, write the outputs."""

from __future__ import annotations

import functools
import gc
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from kg import __version__
from kg.cache import (
    CACHE_FOLDER,
    CacheUse,
    Entry,
    ResultCache,
    extract_cached,
    pipeline_fingerprint,
)
from kg.cluster import pipe_dask
from kg.decisions import plan_with_decisions, read_decisions
from kg.duplicates import Signatures, find_duplicates, originals, signed
from kg.errors import GraphError, UsageError
from kg.exporters import default_formats, load_exporter
from kg.exporters.base import ArticleOutline, Build
from kg.graph.bridge import to_store
from kg.graph_cache import GRAPH_FOLDER, kept_store
from kg.ingest import DEFAULT_MAX_BYTES, read_articles
from kg.iris import DEFAULT_BASE, activity_id
from kg.link import LinkedResults, link_input, plan_links
from kg.model import Article, ArticleResult, BuildActivity, Problem
from kg.output_folder import OutputFolder
from kg.pipeline import Pipeline, default_pipeline
from kg.workers import pipe_parallel

_log = logging.getLogger(__name__)


def build_activity(extractors: Sequence[str]) -> BuildActivity:
    """The build run as a ``prov:Activity``: the same version and extractors, the same id.

    No timestamp goes into it, so identical input gives byte-identical graph files.
    """
    names = tuple(sorted(extractors))
    return BuildActivity(
        id=activity_id(__version__, names),
        version=__version__,
        extractors=names,
    )


def check_base(base: str) -> None:
    """Refuse a base that would not make valid, extensible IRIs."""
    scheme, _, rest = base.partition(":")
    if not (scheme.isascii() and scheme.isalpha() and rest) or any(c.isspace() for c in base):
        raise UsageError(f"--base {base!r}: not an absolute IRI (e.g. https://example.org/id/)")
    if not base.endswith(("/", "#")):
        raise UsageError(f"--base {base!r}: an IRI base must end with '/' or '#'")


def input_root(inputs: Sequence[Path]) -> Path:
    """The folder that ``civ:sourcePath`` values are relative to: the inputs' common folder."""
    folders = [str((p if p.is_dir() else p.parent).resolve()) for p in inputs]
    return Path(os.path.commonpath(folders))


#: Where extraction runs: worker processes on this machine, or a Dask cluster.
EXECUTORS: tuple[str, ...] = ("processes", "dask")


def build(
    inputs: Sequence[Path],
    *,
    out_dir: Path | None = None,
    on_notice: Callable[[str], None] | None = None,
    **options: Any,
) -> Build:
    """Build one knowledge graph from article files/folders; write outputs if ``out_dir``.

    ``options`` are those of ``build_graph``. ``out_dir`` must be new, empty or an
    earlier build's (see ``kg.output_folder``); it is refused before any work otherwise,
    or while another build writes into it. The outputs are written into a staging folder
    and switched in at once. ``on_notice`` hears of files civkg found but did not write
    and so left in place.
    """
    if out_dir is None:
        return build_graph(inputs, **options)
    folder = OutputFolder(
        out_dir, on_notice=None if on_notice is None else lambda p, m: on_notice(f"{p}: {m}")
    )
    with folder:
        return build_graph(inputs, out_dir=out_dir, folder=folder, **options)


P = ParamSpec("P")
R = TypeVar("R")


def _collector_frozen(run: Callable[P, R]) -> Callable[P, R]:
    """``run`` with the cyclic collector frozen around it.

    What a build makes lives until it ends (articles, link inputs, results, the cache's
    memos): the collector walked all of it again and again, a third of the time of
    decoding cached link inputs. gc.freeze leaves what exists out of the collections
    (the build freezes again after each stage); unfrozen at the end.
    """

    @functools.wraps(run)
    def frozen(*args: P.args, **kwargs: P.kwargs) -> R:
        gc.freeze()
        try:
            return run(*args, **kwargs)
        finally:
            gc.unfreeze()

    return frozen


@_collector_frozen
def build_graph(
    inputs: Sequence[Path],
    *,
    out_dir: Path | None = None,
    folder: OutputFolder | None = None,
    formats: Sequence[str] | None = None,
    base: str = DEFAULT_BASE,
    strict: bool = False,
    pipeline: Pipeline | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    jobs: int = 1,
    cache: bool = True,
    executor: str = "processes",
    scheduler: str | None = None,
    decisions: Path | None = None,
    on_progress: Callable[[str, int], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Build:
    """Build one knowledge graph; write its outputs through ``folder`` if given.

    ``out_dir`` holds the cache; call ``build`` to write outputs. Raises ``InputError``
    when no article could be read (or, with ``strict``, on the first unreadable file).
    Unreadable files, and articles an extractor fails on, otherwise become
    ``Build.problems``. ``jobs`` > 1 extracts in that many worker
    processes (see ``kg.workers``); the results are the same as with one. With
    ``cache`` and an ``out_dir``, results are kept in ``out_dir/.civkg-cache`` and a
    rebuild re-extracts only new or changed articles (see ``kg.cache``). ``executor``
    "dask" runs extraction on the Dask cluster at ``scheduler`` (default: a
    ``LocalCluster`` of ``jobs`` workers, see ``kg.cluster``). ``decisions`` is an
    analyst's file of merge / split / distinct judgements, applied by linking (see
    kg.decisions); one that no longer applies becomes a problem. ``on_progress`` is
    called with the stage's name and the number of articles just extracted (0 when a
    stage begins): "extracting", "linking", "graph", then "writing NAME" per exporter.
    A file over ``max_bytes`` is skipped as a problem that says so.
    """
    check_base(base)
    if max_bytes < 1:
        raise UsageError(f"--max-bytes {max_bytes}: give a positive number of bytes")
    if executor not in EXECUTORS:
        raise UsageError(f"--executor {executor!r}: choose one of {', '.join(EXECUTORS)}")
    if scheduler is not None and executor != "dask":
        raise UsageError("--scheduler is the address of a Dask scheduler: add --executor dask")
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {out_dir}: exists and is not a folder")
    exporters = [load_exporter(name) for name in (formats or default_formats())]
    if decisions is not None:
        read_decisions(decisions)  # a bad file fails before any article is read
    started = time.perf_counter()
    pipeline = pipeline or default_pipeline()
    problems: list[Problem] = []

    def note(problem: Problem) -> None:
        problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    root = input_root(inputs)
    _log.debug(
        "building from %s (paths relative to %s): outputs %s, %d job(s) on %s, cache %s",
        ", ".join(str(p) for p in inputs),
        root,
        ", ".join(e.name for e in exporters) if folder is not None else "none",
        jobs,
        executor,
        "on" if cache and out_dir is not None else "off",
    )
    # An output folder inside an input folder is never read: its map.html is no article.
    exclude = [out_dir] if out_dir is not None else []
    use = CacheUse()
    store = ResultCache(out_dir / CACHE_FOLDER) if cache and out_dir is not None else None
    articles = read_articles(
        inputs,
        root=root,
        strict=strict,
        on_problem=note,
        exclude=exclude,
        max_bytes=max_bytes,
        memo=store,
    )

    def progress(stage: str, articles: int = 0) -> None:
        if on_progress is not None:
            on_progress(stage, articles)

    def counted(results: Iterator[ArticleResult]) -> Iterator[ArticleResult]:
        for result in results:
            progress("extracting", 1)
            yield result

    def extract(batch: Iterable[Article], ordered: bool = True) -> Iterator[ArticleResult]:
        if executor == "dask":
            return counted(
                pipe_dask(
                    pipeline,
                    batch,
                    scheduler=scheduler,
                    workers=jobs,
                    on_problem=note,
                    strict=strict,
                )
            )
        return counted(
            pipe_parallel(
                pipeline, batch, jobs=jobs, on_problem=note, strict=strict, ordered=ordered
            )
        )

    progress("extracting")

    # Linking needs the whole build at once: of each article only what it reads
    # (kg.link_codec), whole results only where the graph needs them.
    entries: list[Entry] = []
    extracted: list[ArticleResult] = []
    if store is not None:
        fingerprint = pipeline_fingerprint(pipeline)
        try:
            entries = extract_cached(
                signed(articles, store),
                lambda batch: extract(batch, ordered=False),  # (it puts them in order)
                store,
                fingerprint,
                use,
            )
            stages = {"extract": time.perf_counter() - started}
            # before the cache is saved: it keeps each text's signature as well
            duplicates = find_duplicates([e.article for e in entries], memo=store, pairs=store)
            try:
                store.save(use.keys)
                # Kept now: the graph reads each back when it needs it (0.4 ms a result)
                # rather than the build holding them all (300 MB at 10,000 articles).
                entries = [replace(e, result=None) for e in entries]
            except (OSError, sqlite3.Error) as exc:  # a full disk must not cost the graph
                note(Problem(str(store.path), f"results not cached: {exc}"))
        except BaseException:
            store.close()
            raise
        link_inputs = [e.link for e in entries]
    else:
        signatures = Signatures()
        extracted = list(extract(signed(articles, signatures)))
        stages = {"extract": time.perf_counter() - started}
        duplicates = find_duplicates([r.article for r in extracted], memo=signatures)
        link_inputs = [link_input(r) for r in extracted]
    _log.debug(
        "extracted %d articles in %.2f s (%d reused from the cache, %d problems so far)",
        len(link_inputs),
        stages["extract"],
        use.reused,
        len(problems),
    )
    progress("linking")
    gc.freeze()  # (see build_graph)
    try:
        if decisions is not None:
            linking = plan_with_decisions(link_inputs, decisions, note)
        else:
            linking = plan_links(link_inputs)
        brought = [linking.made_from_and_counts(found) for found in link_inputs]
        made_from = [text for text, _, _ in brought]
        results: Sequence[ArticleResult]
        outlines: tuple[ArticleOutline, ...] = ()
        if store is not None:
            results = LinkedResults(linking, len(entries), _loader(entries, store))
            outlines = tuple(
                ArticleOutline(e.article, e.link.extractors, dict(entities), dict(facts))
                for e, (_, entities, facts) in zip(entries, brought, strict=True)
            )
        else:
            results = tuple(linking.relink(result) for result in extracted)
    except BaseException:
        if store is not None:
            store.close()
        raise
    stages["link"] = time.perf_counter() - started - sum(stages.values())
    _log.debug(
        "linked in %.2f s: %d merges, %d groups of near-duplicate articles",
        stages["link"],
        len(linking.plan.merges),
        len(duplicates),
    )
    try:
        progress("graph")
        activity = build_activity(pipeline.extractor_names)
        identity: dict[str, Any] = {
            "same_as": linking.plan.absorbed,
            "different": linking.plan.different,
            "alternates": originals(duplicates),
        }
        if store is not None:
            assert out_dir is not None
            graph_store, kept = kept_store(
                results,
                folder=out_dir / CACHE_FOLDER / GRAPH_FOLDER,
                fingerprint=fingerprint,
                activity=activity,
                base=base,
                # a result's cache key fixes what was extracted; linking's part is the rest
                made_from=[
                    f"{key}\n{brought}"
                    for key, brought in zip(use.result_keys, made_from, strict=True)
                ],
                article_ids=[found.article_id for found in link_inputs],
                **identity,
            )
            _log.debug("%d article graphs kept from the last build", kept)
        else:
            graph_store = to_store(results, activity=activity, base=base, **identity)
        stages["graph"] = time.perf_counter() - started - sum(stages.values())
        _log.debug("graph streamed into the store in %.2f s", stages["graph"])
        done = Build(
            results=results,
            outlines=outlines,
            # workers read ahead, so problems arrive in another order than with one process
            problems=tuple(sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))),
            activity=activity,
            store=graph_store,
            base=base,
            input_root=root,
            seconds=time.perf_counter() - started,
            reused=use.reused,
            merges=linking.plan.merges,
            duplicates=tuple(duplicates),
            stages=stages,
        )
        if folder is not None:
            staging = folder.stage()
            for exporter in exporters:
                progress(f"writing {exporter.name}")
                begun = time.perf_counter()
                exporter.export(done, staging)
                stages[exporter.name] = time.perf_counter() - begun
                _log.debug("wrote %s in %.2f s", exporter.name, stages[exporter.name])
            folder.publish()
            _log.debug("outputs switched in at %s", out_dir)
        return done
    finally:
        if store is not None:
            store.close()  # results asked for later open it again


def _loader(entries: Sequence[Entry], store: ResultCache) -> Callable[[int], ArticleResult]:
    """Each entry's result: extracted in this build, or read back from the cache."""

    def load(number: int) -> ArticleResult:
        entry = entries[number]
        found = entry.result if entry.result is not None else store.get(entry.key)
        if found is None:
            raise GraphError(
                f"{store.path}: the result of {entry.article.source_path} is no longer in"
                " the cache (another build pruned it); build again"
            )
        return found

    return load
