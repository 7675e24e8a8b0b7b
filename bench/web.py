"""The web app at archive scale: page, API and feed server times, and memory over many requests.

The archive (default 100,000 articles) is the search bench's synthetic one (``bench.search``)
with stories added (one per article, every tenth article a copy of the one before), 2,000
alerts with a delivery each (a quarter failed) and 5,000 metric figures. Requests go to the
app in this process through its ASGI interface (no sockets): the time measured is the app's
own, from request to the last byte of the answer, warm cache.

Run: ``python -m bench.web [--articles N] [--requests N] [--quick]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from bench.common import Row, median, percentile, row
from bench.search import build_archive
from storage import Store
from web import create_app

ARCHIVE_VERSION = 1
TARGET_PAGE_P95_MS = 100.0
TARGET_API_P95_MS = 50.0
TARGET_FEED_MS = 100.0
TARGET_MEMORY_DRIFT_PCT = 10.0
SOURCE = "source07"
GROUPS: dict[str, tuple[str, ...]] = {
    "story list": ("/", "/?language=zh", f"/?source={SOURCE}", "/?category=media&since={recent}",
                   "/?after={cursor}"),
    "search page": ("/?q=platform", "/?q=短剧", '/?q="micro drama"', "/?q=regulator OR 监管",
                    f"/?q=studio&source={SOURCE}", "/?q=zyxamber"),
    "API lists": ("/api/v1/stories", "/api/v1/articles", "/api/v1/search?q=platform",
                  "/api/v1/search?q=短剧", "/api/v1/alerts", "/api/v1/alerts?status=failed",
                  "/api/v1/sources", "/api/v1/metrics/observations?metric=market_value",
                  f"/api/v1/stories?source={SOURCE}"),
    "feeds": ("/feeds/search.atom?q=监管", "/feeds/search.json?q=platform",
              f"/feeds/sources/{SOURCE}.atom", "/feeds/rules/regulation.atom"),
}  # fmt: skip
_STORIES = (
    "INSERT INTO story (id, title, first_seen_at, updated_at, article_count) "
    "SELECT id, title, fetched_at, fetched_at, 1 FROM article",
    "UPDATE article SET story_id = CASE WHEN id % 10 = 0 THEN id - 1 ELSE id END",
    "DELETE FROM story WHERE id % 10 = 0",
    "UPDATE story SET article_count = 2 WHERE id % 10 = 9",
)
_ALERT = (
    "INSERT INTO alert (id, rule, kind, dedupe_key, story_id, article_id, source_id, payload, "
    "created_at) SELECT id / 50, 'regulation', 'keyword', 'k' || id, story_id, id, source_id, "
    "json_object('title', title, 'url', url), fetched_at FROM article WHERE id % 50 = 0"
)
_DELIVERY = (
    "INSERT INTO delivery (id, alert_id, channel, status, attempts, next_attempt_at, "
    "last_error, created_at) SELECT 'd' || id, id, 'hook', CASE WHEN id % 4 = 0 THEN 'failed' "
    "ELSE 'delivered' END, 1, created_at, CASE WHEN id % 4 = 0 THEN 'HTTP 500' END, "
    "created_at FROM alert"
)
_FIGURES = (
    "INSERT INTO metric_observation (metric, value, unit, period, kind, quote, raw, story_id, "
    "article_id, observed_at) SELECT CASE id % 3 WHEN 0 THEN 'market_value' WHEN 1 THEN "
    "'users' ELSE 'titles' END, (id % 997) * 1000000.0, CASE id % 3 WHEN 0 THEN 'CNY' ELSE "
    "'count' END, CAST(2020 + id % 6 AS TEXT), 'level', substr(text, 1, 120), '1', story_id, "
    "id, fetched_at FROM article WHERE id % 20 = 0"
)


def _enrich(path: Path) -> None:
    """Stories, alerts, deliveries and figures on top of the search bench's articles."""
    store = Store(f"sqlite:///{path}")
    with store.engine.begin() as connection:
        for statement in (*_STORIES, _ALERT, _DELIVERY, _FIGURES):
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql("ANALYZE")
    store.dispose()


def _archive(articles: int, folder: Path | None, workers: int) -> Path:
    folder = folder or Path(tempfile.gettempdir()) / "dramawatch-bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"web-{articles}-v{ARCHIVE_VERSION}.db"
    done = path.with_suffix(".json")
    if not (path.is_file() and done.is_file()):
        for stale in (path, done, Path(f"{path}-wal"), Path(f"{path}-shm")):
            stale.unlink(missing_ok=True)
        print(f"web: building a {articles:,}-article archive in {path}", flush=True)
        meta = build_archive(path, articles, workers)
        _enrich(path)
        done.write_text(json.dumps(meta), encoding="utf-8")
    return path


def _rss_mb() -> float:
    """This process's resident memory."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


async def _time(client: httpx.AsyncClient, path: str) -> tuple[float, float]:
    """Wall and CPU milliseconds of one request (CPU: this process, all its threads)."""
    started, cpu = time.perf_counter(), time.process_time()
    answer = await client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if answer.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {answer.status_code}: {answer.text[:200]}")
    return elapsed, (time.process_time() - cpu) * 1000


async def _paths(client: httpx.AsyncClient) -> dict[str, list[str]]:
    """The request paths with a real cursor and a recent date filled in."""
    first = (await client.get("/api/v1/stories")).json()
    recent = first["items"][0]["lead"]["published_at"][:10]
    cursor = first["next_cursor"]
    return {
        group: [p.replace("{recent}", recent).replace("{cursor}", cursor) for p in paths]
        for group, paths in GROUPS.items()
    }


async def _measure(store: Store, repeat: int, requests: int) -> dict[str, Any]:
    transport = httpx.ASGITransport(app=create_app(store))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        paths = await _paths(client)
        times: dict[str, list[tuple[float, float]]] = {group: [] for group in paths}
        for _ in range(repeat):
            for group, group_paths in paths.items():
                for path in group_paths:
                    times[group].append(await _time(client, path))
        memory = await _memory(client, [p for ps in paths.values() for p in ps], requests)
    return {"groups": {group: _cell(samples) for group, samples in times.items()},
            "memory": memory, "load_average": os.getloadavg()}  # fmt: skip


def _cell(samples: list[tuple[float, float]]) -> dict[str, float]:
    wall, cpu = [w for w, _ in samples], [c for _, c in samples]
    return {"p50_ms": median(wall), "p95_ms": percentile(wall, 0.95), "max_ms": max(wall),
            "cpu_p95_ms": percentile(cpu, 0.95), "requests": len(samples)}  # fmt: skip


async def _memory(client: httpx.AsyncClient, paths: Sequence[str], requests: int) -> dict:
    """RSS after a warm-up tenth of ``requests`` and after all of them."""
    warm = max(1, requests // 10)
    samples = []
    for index in range(requests):
        await client.get(paths[index % len(paths)])
        if index + 1 == warm or (index + 1) % max(1, requests // 10) == 0:
            samples.append(_rss_mb())
    drift = (samples[-1] - samples[0]) / samples[0] * 100
    return {"requests": requests, "rss_mb": [round(s, 1) for s in samples],
            "drift_pct": drift}  # fmt: skip


def _summary(articles: int, result: dict[str, Any]) -> list[Row]:
    targets = {"story list": TARGET_PAGE_P95_MS, "search page": TARGET_PAGE_P95_MS,
               "API lists": TARGET_API_P95_MS, "feeds": TARGET_FEED_MS}  # fmt: skip
    load = ", ".join(f"{value:.1f}" for value in result["load_average"])
    rows = [row("archive articles", articles, note=f"load average at the end: {load}")]
    for group, cell in result["groups"].items():
        note = (f"p50 {cell['p50_ms']:.1f} ms, max {cell['max_ms']:.1f} ms, CPU p95 "
                f"{cell['cpu_p95_ms']:.1f} ms")  # fmt: skip
        rows.append(
            row(f"p95 {group}", round(cell["p95_ms"], 1), "ms", at_most=targets[group], note=note)
        )
    memory = result["memory"]
    rows.append(row(f"memory drift over {memory['requests']:,} requests",
                    round(abs(memory["drift_pct"]), 2), "%", at_most=TARGET_MEMORY_DRIFT_PCT,
                    note=f"RSS {memory['rss_mb'][0]} -> {memory['rss_mb'][-1]} MB"))  # fmt: skip
    return rows


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.web", description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=10, help="passes over the request paths")
    parser.add_argument("--requests", type=int, default=10_000, help="for the memory check")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cache", type=Path, default=None, help="archive folder (default: tmp)")
    parser.add_argument("--quick", action="store_true", help="5,000 articles, 1,000 requests")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.repeat, args.requests = min(args.articles, 5_000), 3, 1_000
    return args


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Build or reuse the archive, time every request group, check memory, return figures."""
    args = _parse_args(argv)
    path = _archive(args.articles, args.cache, args.workers)
    store = Store(f"sqlite:///{path}")
    store.migrate()
    result = asyncio.run(_measure(store, args.repeat, args.requests))
    store.dispose()
    return {"articles": args.articles, **result, "summary": _summary(args.articles, result)}


if __name__ == "__main__":
    for line in main()["summary"]:
        print(f"{line['metric']}: {line['value']} {line['unit']} {line['target']} {line['note']}")
