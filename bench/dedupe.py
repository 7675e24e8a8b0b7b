"""Dedupe cost per article at two archive sizes: fingerprint, candidate lookup, ingest.

The archive is filled with synthetic articles (``bench.archive``: ~2 KB, English and Chinese,
one in ten a near copy of an earlier one) written straight into the storage tables, bands
included, one transaction per batch. Then new articles (80 % fresh, 10 % rewrites of a stored
article, 10 % exact copies under another URL) go through what the crawl does for each:
``identify`` (content hash, MinHash signature and bands; computed in the extraction worker
during a crawl), then ``ArticleRepository.ingest`` in its own write transaction, committed:
the near-duplicate lookup and the insert. ``story_candidates`` (the indexed LSH band lookup)
is also timed on its own. Target: lookup + insert ≤ 1 ms per article, not growing with the
archive.

Run: ``python -m bench.dedupe [--sizes 10000 100000] [--probes N]``.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.archive import Synthetic, binder, ensure_sources, insert_batches, parallel_map
from bench.archive import synthetic_article as _synthetic
from bench.common import Row, median, percentile, row
from crawler.fingerprint import identify, signatures_match
from storage import ArticleRecord, Store
from storage.cjk import index_text
from storage.models import Article

TARGET_MS = 1.0
COPY_SHARE = 0.1  # of the filled archive: near copies of an earlier article (same story)
BATCH = 2000
DATE_SPREAD = 200_000  # archive indexes spread over the two years of bench.archive
DEDUPE_SEED = 99
# Far from DEDUPE_SEED: synthetic_article seeds its generator with seed * 10_007 + index, so
# nearby seeds would regenerate stored articles as "fresh" probes.
PROBE_SEED = 990_000
_STATEMENTS = {
    "story": "INSERT INTO story (id, title, first_seen_at, updated_at, article_count) "
    "VALUES (?,?,?,?,1)",
    "article": "INSERT INTO article (id, url, source_id, category, title, published_at, language, "
    "text, content_hash, signature, story_id, revision, fetched_at, updated_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?,?)",
    "article_url": "INSERT INTO article_url (url, article_id, source_id, first_seen_at) "
    "VALUES (?,?,?,?)",
    "story_band": "INSERT INTO story_band (article_id, band_hash, story_id) VALUES (?,?,?)",
    "article_fts": "INSERT INTO article_fts (rowid, title, body) VALUES (?,?,?)",
}


def stored_article(index: int) -> tuple[Synthetic, int]:
    """Archive article ``index`` and the index of the story it belongs to (a copy's origin)."""
    rng = random.Random(DEDUPE_SEED * 7_919 + index)
    if index and rng.random() < COPY_SHARE:
        base, story = stored_article(rng.randrange(index))
        return rewrite(base, index, rng), story
    return _synthetic(index, DATE_SPREAD, seed=DEDUPE_SEED), index


def rewrite(base: Synthetic, index: int, rng: random.Random) -> Synthetic:
    """A near copy: the same article with one sentence dropped and a new one added."""
    parts = base.text.split(". ") if base.language == "en" else base.text.split("。")
    parts.pop(rng.randrange(len(parts)))
    extra = _synthetic(index, DATE_SPREAD, seed=PROBE_SEED - 1).text[:200]
    text = (". " if base.language == "en" else "。").join(parts) + " " + extra
    return Synthetic(index, base.source, base.language, base.title, text, base.published_at)


def _fill_rows(span: tuple[int, int]) -> list[tuple[Any, ...]]:
    """Archive rows for indexes ``start``..``stop`` (runs in a worker process)."""
    rows = []
    for index in range(*span):
        article, story = stored_article(index)
        identity = identify(article.text)
        rows.append(
            (
                index,
                story,
                article,
                identity.content_hash,
                identity.signature,
                identity.bands,
                index_text(article.text),
            )
        )
    return rows


@dataclass
class _Ids:
    """Row ids for bulk rows: after whatever the repository created, stories by origin."""

    article: int
    story: int
    stories: dict[int, int] = field(default_factory=dict)

    def story_of(self, index: int, origin: int) -> tuple[int, bool]:
        """The story id of archive article ``index`` (new when it is its own origin)."""
        if origin != index:
            return self.stories[origin], False
        self.story += 1
        self.stories[index] = self.story
        return self.story, True


def _next_ids(store: Store, ids: _Ids | None) -> _Ids:
    with store.engine.connect() as connection:
        top = connection.exec_driver_sql(
            "SELECT (SELECT coalesce(max(id), 0) FROM article), "
            "(SELECT coalesce(max(id), 0) FROM story)"
        ).one()
    return _Ids(top[0], top[1], ids.stories if ids else {})


def _write(store: Store, rows: list[tuple[Any, ...]], sources: list[int], ids: _Ids) -> None:
    stamp = binder(Article.__table__.c.fetched_at, store)
    tables: dict[str, list[tuple[Any, ...]]] = {name: [] for name in _STATEMENTS}
    for index, origin, article, digest, signature, bands, indexed in rows:
        ids.article += 1
        id_, at, source = ids.article, stamp(article.published_at), sources[article.source]
        story, new = ids.story_of(index, origin)
        if new:
            tables["story"].append((story, article.title, at, at))
        tables["article"].append(
            (
                id_,
                article.url,
                source,
                "media",
                article.title,
                at,
                article.language,
                article.text,
                digest,
                signature,
                story,
                at,
                at,
            )
        )
        tables["article_url"].append((article.url, id_, source, at))
        tables["story_band"] += [(id_, band, story) for band in set(bands)]
        tables["article_fts"].append((id_, index_text(article.title), indexed))
    for name, batch in tables.items():
        insert_batches(store, _STATEMENTS[name], [batch])


def fill(store: Store, start: int, stop: int, workers: int | None, ids: _Ids | None) -> _Ids:
    """Add archive articles ``start``..``stop``; returns the id state for the next fill."""
    sources = ensure_sources(store)
    ids = _next_ids(store, ids)
    spans = [(lo, min(lo + BATCH, stop)) for lo in range(start, stop, BATCH)]
    for rows in parallel_map(_fill_rows, spans, workers):
        _write(store, rows, sources, ids)
    return ids


def probes(count: int, archive_size: int, round_: int) -> Iterator[tuple[str, Synthetic]]:
    """New articles to ingest: mostly fresh, some rewrites and exact copies of stored ones."""
    rng = random.Random(round_)
    for number in range(count):
        index = 10_000_000 * (round_ + 1) + number
        roll = rng.random()
        if roll < 0.1:
            base, _story = stored_article(rng.randrange(archive_size))
            yield "rewrite", rewrite(base, index, rng)
        elif roll < 0.2:
            base, _story = stored_article(rng.randrange(archive_size))
            yield (
                "copy",
                Synthetic(
                    index, base.source, base.language, base.title, base.text, base.published_at
                ),
            )
        else:
            fresh = _synthetic(number, count, seed=PROBE_SEED + round_)
            yield "fresh", replace(fresh, index=index)


def _record(article: Synthetic) -> tuple[ArticleRecord, float]:
    """The record StorePipeline would store, and the fingerprinting time in ms."""
    started = time.perf_counter()
    identity = identify(article.text)
    elapsed = (time.perf_counter() - started) * 1000
    record = ArticleRecord(
        url=article.url,
        source=f"source{article.source:02d}",
        category="media",
        title=article.title,
        published_at=article.published_at,
        language=article.language,
        text=article.text,
        content_hash=identity.content_hash,
        fetched_at=datetime.now(UTC),
        signature=identity.signature,
        bands=identity.bands,
    )
    return record, elapsed


def probe(store: Store, kind: str, article: Synthetic) -> dict[str, Any]:
    """Fingerprint, look up candidates and ingest one article; times in ms."""
    record, fingerprint_ms = _record(article)
    started = time.perf_counter()
    with store.transaction() as tx:
        candidates = len(tx.articles.story_candidates(record.bands))
    lookup_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    with store.transaction(write=True) as tx:
        source = tx.sources.get(record.source)
        assert source is not None
        result = tx.articles.ingest(record, source, signatures_match)
        tx.commit()
    ingest_ms = (time.perf_counter() - started) * 1000
    return {
        "kind": kind,
        "status": result.status,
        "fingerprint_ms": fingerprint_ms,
        "lookup_ms": lookup_ms,
        "ingest_ms": ingest_ms,
        "candidates": candidates,
    }


def measure(store: Store, size: int, count: int, round_: int) -> dict[str, Any]:
    """Ingest ``count`` probes into an archive of ``size``; medians and p95 per step."""
    _checkpoint(store)  # the bulk fill's WAL is folded in before timing
    samples = [probe(store, kind, article) for kind, article in probes(count, size, round_)]
    result: dict[str, Any] = {"archive": size, "probes": count}
    for key in ("fingerprint_ms", "lookup_ms", "ingest_ms", "candidates"):
        values = [s[key] for s in samples]
        result[key] = {
            "median": median(values),
            "p95": percentile(values, 0.95),
            "mean": sum(values) / len(values),
        }
    totals = [s["fingerprint_ms"] + s["ingest_ms"] for s in samples]
    result["total_ms"] = {"median": median(totals), "p95": percentile(totals, 0.95)}
    statuses: dict[str, int] = {}
    for sample in samples:
        statuses[sample["status"]] = statuses.get(sample["status"], 0) + 1
    result["statuses"] = statuses
    result["total_ms_by_status"] = {
        status: median(
            [s["fingerprint_ms"] + s["ingest_ms"] for s in samples if s["status"] == status]
        )
        for status in statuses
    }
    return result


def _checkpoint(store: Store) -> None:
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _by_status(result: dict[str, Any]) -> str:
    parts = [f"{status} {ms:.1f}" for status, ms in sorted(result["total_ms_by_status"].items())]
    return f"p95 {result['total_ms']['p95']:.1f} ms; median by outcome: {', '.join(parts)} ms"


def _summary(results: list[dict[str, Any]], fill_s: dict[int, float]) -> list[Row]:
    rows: list[Row] = []
    for result in results:
        size = f"{result['archive'] // 1000}k"
        rows += [
            row(f"{size}: fill (bulk, {size} articles)", round(fill_s[result["archive"]], 1), "s"),
            row(
                f"{size}: fingerprint + hash, median",
                round(result["fingerprint_ms"]["median"], 3),
                "ms",
            ),
            row(
                f"{size}: candidate lookup, median",
                round(result["lookup_ms"]["median"], 3),
                "ms",
                note=f"{result['candidates']['mean']:.1f} candidates on average",
            ),
            row(
                f"{size}: lookup + insert (ingest + commit), median",
                round(result["ingest_ms"]["median"], 3),
                "ms",
                at_most=TARGET_MS,
                note=f"p95 {result['ingest_ms']['p95']:.2f} ms",
            ),
            row(
                f"{size}: fingerprint + ingest, median",
                round(result["total_ms"]["median"], 3),
                "ms",
                note=_by_status(result),
            ),
        ]
    small, large = results[0]["ingest_ms"]["median"], results[-1]["ingest_ms"]["median"]
    rows.append(
        row(
            f"lookup + insert growth {results[-1]['archive'] // 1000}k / "
            f"{results[0]['archive'] // 1000}k",
            round(large / small, 2),
            "×",
            at_most=1.25,
        )
    )
    return rows


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.dedupe", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--probes", type=int, default=500, help="articles ingested per size")
    parser.add_argument("--workers", type=int, default=None, help="fill processes")
    parser.add_argument("--quick", action="store_true", help="sizes 2k and 10k, 100 probes")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.probes = [2_000, 10_000], 100
    return args


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Fill the archive to each size in turn, measure, print and return the figures."""
    args = _parse_args(argv)
    results, fill_s, filled, ids = [], {}, 0, None
    with tempfile.TemporaryDirectory(prefix="dramawatch-dedupe-") as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'dedupe.db'}")
        store.migrate()
        for round_, size in enumerate(sorted(args.sizes)):
            started = time.perf_counter()
            ids = fill(store, filled, size, args.workers, ids)
            fill_s[size], filled = time.perf_counter() - started, size
            print(f"dedupe: archive of {size:,} filled in {fill_s[size]:.1f} s", flush=True)
            results.append(measure(store, size, args.probes, round_))
        store.dispose()
    growth = results[-1]["ingest_ms"]["median"] / results[0]["ingest_ms"]["median"]
    return {
        "results": results,
        "fill_s": fill_s,
        "growth": growth,
        "summary": _summary(results, fill_s),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(main(), default=str, indent=1))
