"""Search latency on a generated archive: p50/p95 per query class, with and without filters.

The archive (default 1M articles of ~2 KB, 35 % Chinese, 20 sources, two years) is built
through the storage tables (``bench.archive``) and kept in the temp folder between runs
(``--rebuild`` to force; the build time reported is that of the build). Query terms are picked
by document frequency from the FTS index itself: rare (the rarest words), mid (0.5-2 %),
common (5-20 %), very common (≥ 40 %), plus two-term AND (common AND mid), phrases and
Chinese two-character terms.
Each class runs unfiltered, with ``--since`` (last 30 days) and with ``--source``, through
``ArticleSearch.search`` (newest first, 20 rows, Article objects loaded), warm cache.

Run: ``python -m bench.search [--articles N] [--repeat R] [--rebuild]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.archive import (
    RARE_WORDS,
    binder,
    ensure_sources,
    insert_batches,
    parallel_map,
    synthetic_article,
)
from bench.common import Row, median, percentile, row
from storage import Store
from storage.cjk import index_text
from storage.models import Article

ARCHIVE_VERSION = 1
BATCH = 5000
TARGET_P95_MS = 50.0
CHINESE_TERMS = ("短剧", "平台", "题材", "监管", "创作")
PHRASES = ('"micro drama"', '"vertical drama"', '"a spokesperson for"', '"short drama"')
SOURCE_FILTER = "source07"
_ARTICLE_SQL = (
    "INSERT INTO article (id, url, source_id, category, title, published_at, language, text, "
    "content_hash, revision, fetched_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)
_FTS_SQL = "INSERT INTO article_fts (rowid, title, body) VALUES (?,?,?)"
_DF_BANDS = {
    "mid": (0.005, 0.02),
    "common": (0.05, 0.20),
    "very common": (0.40, 1.0),
}


def _generate(span: tuple[int, int, int]) -> list[tuple[Any, ...]]:
    """Rows for articles ``start``..``stop`` of ``total`` (runs in a worker process)."""
    start, stop, total = span
    rows = []
    for index in range(start, stop):
        article = synthetic_article(index, total)
        digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        rows.append(
            (
                index + 1,
                article.url,
                article.source,
                article.language,
                article.title,
                article.text,
                digest,
                article.published_at,
                index_text(article.title),
                index_text(article.text),
            )
        )
    return rows


def _write(store: Store, rows: list[tuple[Any, ...]], sources: list[int]) -> None:
    stamp = binder(Article.__table__.c.published_at, store)
    articles, fts = [], []
    for id_, url, source, language, title, text, digest, published, ititle, itext in rows:
        at = stamp(published)
        fetched = stamp(published + timedelta(minutes=5))
        articles.append(
            (
                id_,
                url,
                sources[source],
                "media",
                title,
                at,
                language,
                text,
                digest,
                1,
                fetched,
                fetched,
            )
        )
        fts.append((id_, ititle, itext))
    insert_batches(store, _ARTICLE_SQL, [articles])
    insert_batches(store, _FTS_SQL, [fts])


def build_archive(path: Path, total: int, workers: int) -> dict[str, Any]:
    """Generate and load ``total`` articles into a new database at ``path``."""
    started = time.perf_counter()
    store = Store(f"sqlite:///{path}")
    store.migrate()
    sources = ensure_sources(store)
    spans = [(lo, min(lo + BATCH, total), total) for lo in range(0, total, BATCH)]
    for done, rows in enumerate(parallel_map(_generate, spans, workers), start=1):
        _write(store, rows, sources)
        if done % 20 == 0:
            print(f"search: built {done * BATCH:,} of {total:,} articles", flush=True)
    _checkpoint(store)
    store.dispose()
    return {"build_s": time.perf_counter() - started, "articles": total}


def _checkpoint(store: Store) -> None:
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def document_frequencies(store: Store) -> dict[str, int]:
    """Document count of every Latin term in the FTS index (fts5vocab)."""
    with store.engine.connect() as connection:
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab "
            "USING fts5vocab(main, article_fts, row)"
        )
        rows = connection.exec_driver_sql("SELECT term, doc FROM temp.bench_vocab").fetchall()
    return {term: doc for term, doc in rows if term.isascii() and term.isalpha()}


def pick_terms(frequencies: dict[str, int], total: int, per_class: int = 5) -> dict[str, list]:
    """Query terms per class, chosen by document frequency (rare: the rarest words)."""
    classes: dict[str, list[str]] = {}
    rarest = sorted(frequencies, key=lambda term: (frequencies[term], term))
    classes["rare"] = ([w for w in RARE_WORDS if w in frequencies] + rarest)[:per_class]
    for name, (low, high) in _DF_BANDS.items():
        band = sorted(t for t, d in frequencies.items() if low * total <= d <= high * total)
        step = max(1, len(band) // per_class)
        classes[name] = band[::step][:per_class]
    pairs = zip(classes["common"], classes["mid"], strict=False)
    classes["two-term AND"] = [f"{a} {b}" for a, b in pairs]
    classes["phrase"] = list(PHRASES)
    classes["chinese 2-char"] = list(CHINESE_TERMS)
    return {name: terms for name, terms in classes.items() if terms}


def _shares(frequencies: dict[str, int], terms: dict[str, list[str]], total: int) -> dict:
    """The share of articles holding each single-word query term."""
    return {t: frequencies[t] / total for q in terms.values() for t in q if t in frequencies}


def _time_query(store: Store, query: str, **filters: Any) -> tuple[float, int]:
    started = time.perf_counter()
    with store.transaction() as tx:
        found = len(tx.archive.search(query, limit=20, **filters))
    return (time.perf_counter() - started) * 1000, found


def measure(
    store: Store, terms: dict[str, list[str]], filters: dict[str, dict[str, Any]], repeat: int
) -> dict[str, dict[str, Any]]:
    """p50/p95 in ms per (class, filter), after one warm-up query each."""
    cells: dict[str, dict[str, Any]] = {}
    for name, queries in terms.items():
        for label, kwargs in filters.items():
            for query in queries:
                _time_query(store, query, **kwargs)
            samples, hits = [], []
            for _ in range(repeat):
                for query in queries:
                    ms, found = _time_query(store, query, **kwargs)
                    samples.append(ms)
                    hits.append(found)
            cells[f"{name} / {label}"] = {
                "p50_ms": median(samples),
                "p95_ms": percentile(samples, 0.95),
                "max_ms": max(samples),
                "queries": queries,
                "rows_returned": median(hits),
            }
    return cells


def _filters(store: Store) -> dict[str, dict[str, Any]]:
    with store.transaction() as tx:
        newest = tx.archive.search(None, limit=1)[0].published_at
    assert isinstance(newest, datetime)
    return {
        "no filter": {},
        "--since 30d": {"since": newest - timedelta(days=30)},
        "--source": {"source": SOURCE_FILTER},
        # Both together leave fewer than 20 matches: a walk over all matches would not stop
        # early (the search walks only those of the few filtered articles).
        "--since 1d --source": {"since": newest - timedelta(days=1), "source": SOURCE_FILTER},
    }


def _archive(args: argparse.Namespace) -> tuple[Path, dict[str, Any]]:
    folder = args.cache or Path(tempfile.gettempdir()) / "dramawatch-bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"archive-{args.articles}-v{ARCHIVE_VERSION}.db"
    meta_path = path.with_suffix(".json")
    if args.rebuild or not meta_path.is_file() or not path.is_file():
        for stale in (path, meta_path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            stale.unlink(missing_ok=True)
        print(f"search: building a {args.articles:,}-article archive in {path}", flush=True)
        meta = build_archive(path, args.articles, args.workers)
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["size_mb"] = path.stat().st_size / 1e6
    return path, meta


def _summary(meta: dict[str, Any], cells: dict[str, dict[str, Any]], ranked: dict) -> list[Row]:
    rows = [
        row("archive articles", meta["articles"]),
        row("archive build time", round(meta["build_s"], 1), "s"),
        row("archive file size", round(meta["size_mb"]), "MB"),
    ]
    rows += [
        row(
            f"p95 {name}",
            round(cell["p95_ms"], 2),
            "ms",
            at_most=TARGET_P95_MS,
            note=f"p50 {cell['p50_ms']:.2f} ms",
        )
        for name, cell in cells.items()
    ]
    rows += [
        row(
            f"p95 ranked {name}",
            round(cell["p95_ms"], 1),
            "ms",
            note="relevance order, on request (no target)",
        )
        for name, cell in ranked.items()
    ]
    return rows


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5, help="passes over each class's queries")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cache", type=Path, default=None, help="archive folder (default: tmp)")
    parser.add_argument("--rebuild", action="store_true", help="build the archive anew")
    parser.add_argument("--quick", action="store_true", help="50,000 articles, 2 passes")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.repeat = min(args.articles, 50_000), 2
    return args


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Build or reuse the archive, run every query class, print and return the figures."""
    args = _parse_args(argv)
    path, meta = _archive(args)
    store = Store(f"sqlite:///{path}")
    store.migrate()
    if "terms" not in meta:
        frequencies = document_frequencies(store)
        meta["terms"] = pick_terms(frequencies, args.articles)
        meta["term_shares"] = _shares(frequencies, meta["terms"], args.articles)
        path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    cells = measure(store, meta["terms"], _filters(store), args.repeat)
    singles = {k: v for k, v in meta["terms"].items() if k in ("mid", "common", "very common")}
    ranked = measure_ranked(store, singles, max(1, args.repeat // 2))
    store.dispose()
    worst = max(cell["p95_ms"] for cell in cells.values())
    return {
        "archive": path.name,
        **meta,
        "cells": cells,
        "ranked": ranked,
        "worst_p95_ms": worst,
        "summary": _summary(meta, cells, ranked),
    }


def measure_ranked(store: Store, terms: dict[str, list[str]], repeat: int) -> dict:
    """Relevance-ranked queries (``rank=True``), unfiltered."""
    cells: dict[str, dict[str, Any]] = {}
    for name, queries in terms.items():
        samples = []
        for _ in range(repeat):
            for query in queries:
                started = time.perf_counter()
                with store.transaction() as tx:
                    tx.archive.search(query, limit=20, rank=True)
                samples.append((time.perf_counter() - started) * 1000)
        cells[name] = {"p50_ms": median(samples), "p95_ms": percentile(samples, 0.95)}
    return cells


if __name__ == "__main__":
    print(json.dumps(main(), default=str, indent=1))
