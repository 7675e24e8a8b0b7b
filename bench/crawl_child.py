"""One crawl variant in its own process (a Twisted reactor runs once per process).

``python -m bench.crawl_child VARIANT --sitemap URL --workdir DIR`` prints one JSON line with
the crawl's wall time and counts. Variants: ``bare`` (Scrapy, no pipelines, the callback
does nothing), ``naive`` (``trafilatura.extract`` in the callback and one SQLite commit per
page), ``dramawatch`` (``run_pass`` with every pipeline: extract, topic, dedupe, metrics,
store and alert rules). All three share dramawatch's Scrapy settings.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import logging
import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response

from bench.proc import self_peak_mb
from config import Config, load_config
from crawler.settings import settings_for

_LOC = re.compile(rb"<loc>([^<]+)</loc>")
CONFIG_TEMPLATE = """\
database: sqlite:///{db}
crawl:
  autothrottle: false
  obey_robots: true          # the bench server serves an allow-all robots.txt
  concurrency_per_domain: {concurrency}
  max_articles_per_source: {count}
  download_timeout: 60
  retries: 0
sources:
  - {{name: bench, kind: sitemap, url: "{sitemap}", category: media}}
"""
RULES_TEMPLATE = """\
rules:
  - {{name: big-money, kind: keyword, any: [billion, 亿元], channels: [hook]}}
  - {{name: any-change, kind: metric_change, metric: "*", min_change_pct: 10, channels: [hook]}}
channels:
  - {{name: hook, kind: webhook, url: "{hook}"}}
"""


class BareSpider(scrapy.Spider):
    """Fetches every page of a sitemap and does nothing with it."""

    name = "bare"

    def __init__(self, sitemap: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap = sitemap
        self.pages = 0

    async def start(self) -> Any:
        """Request the sitemap."""
        yield scrapy.Request(self.sitemap, callback=self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        """Request every <loc> of the sitemap."""
        for loc in _LOC.findall(response.body):
            yield scrapy.Request(loc.decode(), callback=self.parse_page)

    def parse_page(self, response: Response) -> None:
        """Count the page."""
        self.pages += 1


class NaiveSpider(BareSpider):
    """Extracts in the callback (blocking the reactor) and commits each page on its own."""

    name = "naive"

    def __init__(self, sitemap: str, db: str, **kwargs: Any) -> None:
        super().__init__(sitemap, **kwargs)
        # Same journal settings as dramawatch's store, so only the design differs.
        self.db = sqlite3.connect(db)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS page (url TEXT PRIMARY KEY, text TEXT)")

    def parse_page(self, response: Response) -> None:
        """Extract with trafilatura's defaults and store the text, one commit per page."""
        import trafilatura

        self.pages += 1
        text = trafilatura.extract(response.text, url=response.url)
        if text:
            self.db.execute("INSERT OR REPLACE INTO page VALUES (?, ?)", (response.url, text))
            self.db.commit()


def bench_config(args: argparse.Namespace) -> Config:
    """The dramawatch config of the bench: one sitemap source, default metrics, two rules."""
    path = args.workdir / "bench.yaml"
    fields = {
        "db": args.workdir / "dramawatch.db",
        "sitemap": args.sitemap,
        "count": args.count,
        "concurrency": args.concurrency,
        "hook": args.sitemap.rsplit("/", 1)[0] + "/hook",
    }
    template = CONFIG_TEMPLATE if args.no_rules else CONFIG_TEMPLATE + RULES_TEMPLATE
    path.write_text(template.format(**fields), encoding="utf-8")
    return load_config(path)


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    overrides: dict[str, Any] = {"LOG_LEVEL": "WARNING", "CONCURRENT_REQUESTS": args.concurrency}
    if args.analysis_processes is not None:
        overrides["DRAMAWATCH_ANALYSIS_PROCESSES"] = args.analysis_processes
    return overrides


def run_spider(args: argparse.Namespace, config: Config) -> dict[str, Any]:
    """Run the bare or naive spider; returns elapsed seconds and pages seen."""
    # No dramawatch config: its pipelines and middlewares (conditional GET) stay out.
    settings = settings_for(
        config,
        ITEM_PIPELINES={},
        DOWNLOADER_MIDDLEWARES={},
        DRAMAWATCH_CONFIG=None,
        **_overrides(args),
    )
    process = CrawlerProcess(settings, install_root_handler=False)
    crawler = process.create_crawler(NaiveSpider if args.variant == "naive" else BareSpider)
    extra = {"db": str(args.workdir / "naive.db")} if args.variant == "naive" else {}
    process.crawl(crawler, sitemap=args.sitemap, **extra)
    started = time.perf_counter()
    process.start()
    elapsed = time.perf_counter() - started
    return {"elapsed_s": elapsed, "pages": crawler.spider.pages}  # type: ignore[union-attr]


def _timed(owner: Any, name: str, label: str, totals: dict[str, list[float]]) -> None:
    """Wrap ``owner.name`` (sync or async) to add its wall time to ``totals[label]``."""
    original = getattr(owner, name)
    totals[label] = [0.0, 0]

    def add(started: float) -> None:
        totals[label][0] += time.perf_counter() - started
        totals[label][1] += 1

    if inspect.iscoroutinefunction(original):

        async def wrapper_async(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await original(*args, **kwargs)
            finally:
                add(started)

        setattr(owner, name, functools.wraps(original)(wrapper_async))
        return

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            add(started)

    setattr(owner, name, functools.wraps(original)(wrapper))


def instrument() -> dict[str, list[float]]:
    """Time each pipeline stage and the delivery (for the report's breakdown).

    With analysis processes, extraction (with fingerprint and metrics) and the store run in the
    pools: their figures are then the reactor's waits (queueing included), not CPU spent here.
    """
    from crawler.pipelines import extract, store, topic, url
    from dramawatch import runner

    totals: dict[str, list[float]] = {}
    for label, cls in (
        ("extract, fingerprint, metrics", extract.ExtractPipeline),
        ("topic", topic.TopicFilterPipeline),
        ("canonical URL", url.CanonicalUrlPipeline),
        ("store (incl. alert rules)", store.StorePipeline),
    ):
        _timed(cls, "process_item", label, totals)
    if hasattr(runner, "dispatch_pending"):
        _timed(runner, "dispatch_pending", "alert delivery", totals)
    return totals


def run_dramawatch(args: argparse.Namespace, config: Config) -> dict[str, Any]:
    """One ``run_pass`` over the bench source (the schema is migrated before timing)."""
    from dramawatch.runner import run_pass
    from storage import open_store

    open_store(config.database).migrate()
    totals = instrument()
    started = time.perf_counter()
    report = run_pass(config, config.sources, settings=_overrides(args))
    elapsed = time.perf_counter() - started
    result = report.results[0]
    stats = result.stats
    return {
        "elapsed_s": elapsed,
        "pages": stats.fetched - 1,
        "kept": stats.kept,
        "new": stats.new,
        "unchanged": stats.unchanged,
        "dropped": dict(stats.dropped),
        "error": result.error,
        "page_errors": len(stats.errors),
        "stages": {
            label: {"total_s": total, "calls": calls} for label, (total, calls) in totals.items()
        },
    }


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl_child")
    parser.add_argument("variant", choices=("bare", "naive", "dramawatch"))
    parser.add_argument("--sitemap", required=True)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument(
        "--analysis-processes", type=int, default=None, help="DRAMAWATCH_ANALYSIS_PROCESSES"
    )
    parser.add_argument("--no-rules", action="store_true", help="no alert rules or channels")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run one variant and print its figures as one JSON line."""
    # Debug and info records (one per page) cost the same in every variant; keep them out.
    logging.disable(logging.INFO)
    args = _parse_args(argv)
    config = bench_config(args)
    runner = run_dramawatch if args.variant == "dramawatch" else run_spider
    result = runner(args, config) | {"variant": args.variant, "peak_rss_mb_self": self_peak_mb()}
    print(json.dumps(result, default=str))
    return result


if __name__ == "__main__":
    main()
