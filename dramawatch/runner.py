"""``run_pass``: one crawl of the given sources through the pipelines into the store."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.exceptions import DropItem

from alerts import alert_on_sources, dispatch_pending
from config import Config, SourceConfig
from crawler.settings import settings_for
from crawler.sources import register_sources
from crawler.spiders import SPIDERS
from dramawatch.interrupted import close_interrupted, owner
from dramawatch.report import PassReport, SourceResult
from storage import Store, open_store

logger = logging.getLogger(__name__)

Progress = Callable[[SourceResult], None]
DISPATCH_EVERY_S = 1.0
# Drop reasons that mean "already known", not "rejected".
_KNOWN = {"unchanged", "duplicate"}


def run_pass(
    config: Config,
    sources: Sequence[SourceConfig],
    *,
    progress: Progress | None = None,
    settings: dict[str, Any] | None = None,
) -> PassReport:
    """Crawl ``sources`` once; every source's outcome is recorded, none stops the others."""
    store = open_store(config.database)
    store.migrate()
    register_sources(store, sources)
    close_interrupted(store)
    overrides = {
        "LOG_LEVEL": logging.getLevelName(logging.getLogger().getEffectiveLevel()),
        "LOG_INSTALL_ROOT_HANDLER": False,  # the CLI's logging configuration stays in charge
        **(settings or {}),
    }
    process = CrawlerProcess(settings_for(config, **overrides))
    started = datetime.now(UTC)
    runs = _open_runs(store, sources, started)
    tracked = [_schedule(process, source, config, progress) for source in sources]
    with dispatch_during(store, config):  # an alert goes out while the pass goes on
        process.start()
    report = PassReport([result for _crawler, result in tracked])
    for crawler, result in tracked:
        _finish(crawler, result)
    _record_runs(store, report, started, runs)
    alert_on_sources(store, config)
    dispatch_pending(store, config)
    with store.transaction() as tx:
        report.alerts = tx.alerts.outcome_since(started)
    return report


@contextmanager
def dispatch_during(store: Store, config: Config) -> Iterator[None]:
    """Deliver due alerts every ``DISPATCH_EVERY_S`` in a thread while the block runs."""
    if not config.channels:
        yield
        return
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(DISPATCH_EVERY_S):
            try:
                dispatch_pending(store, config)
            except Exception:  # the pass's final dispatch tries again
                logger.exception("Dispatching alerts during the pass failed")

    thread = threading.Thread(target=loop, name="dispatch-during-pass", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _open_runs(store: Store, sources: Sequence[SourceConfig], started: datetime) -> dict[str, int]:
    """Each source's run stored as begun, so a killed pass leaves a trace."""
    with store.transaction(write=True) as tx:
        runs = {}
        for source in sources:
            row = tx.sources.get(source.name)
            if row is not None:
                runs[source.name] = tx.sources.open_run(row, started, owner())
        tx.commit()
    return runs


def _schedule(
    process: CrawlerProcess, source: SourceConfig, config: Config, progress: Progress | None
) -> tuple[Crawler | None, SourceResult]:
    result = SourceResult(source.name)
    try:
        crawler = process.create_crawler(SPIDERS[source.kind])
        _connect(crawler, result, progress)
        process.crawl(crawler, source=source, crawl=config.crawl)
    except Exception as exc:  # one source's set-up failure must not stop the pass
        logger.exception("Source %s could not start", source.name)
        result.error = f"could not start: {exc}"
        return None, result
    return crawler, result


def _connect(crawler: Crawler, result: SourceResult, progress: Progress | None) -> None:
    stats = result.stats

    def fetched(**_: Any) -> None:
        stats.fetched += 1
        _notify()

    def kept(item: Any, **_: Any) -> None:
        stats.kept += 1
        stats.new += item.status == "new"
        result.revisions += item.status == "revision"
        _notify()

    def dropped(item: Any, exception: DropItem, **_: Any) -> None:
        reason = str(exception).split(":", 1)[0]
        if reason in _KNOWN:
            stats.unchanged += 1
        stats.drop(reason)
        _notify()

    def failed(item: Any = None, failure: Any = None, response: Any = None, **_: Any) -> None:
        url = getattr(response, "url", None) or getattr(item, "url", "?")
        stats.errors.append({"url": url, "error": failure.getErrorMessage() if failure else "?"})
        logger.error("Source %s: %s: %s", result.source, url, failure and failure.getTraceback())

    def closed(**_: Any) -> None:
        result.done = True
        _notify()

    def _notify() -> None:
        if progress is not None:
            progress(result)

    crawler.signals.connect(fetched, signal=signals.response_received, weak=False)
    crawler.signals.connect(kept, signal=signals.item_scraped, weak=False)
    crawler.signals.connect(dropped, signal=signals.item_dropped, weak=False)
    crawler.signals.connect(failed, signal=signals.item_error, weak=False)
    crawler.signals.connect(failed, signal=signals.spider_error, weak=False)
    crawler.signals.connect(closed, signal=signals.spider_closed, weak=False)


def _finish(crawler: Crawler | None, result: SourceResult) -> None:
    spider = getattr(crawler, "spider", None)
    if spider is None:
        result.error = result.error or "the crawl did not start"
        return
    result.stats.errors[:0] = spider.errors
    for reason, count in spider.skipped.items():  # "robots", "offsite"
        result.stats.dropped[reason] = count
    result.error = result.error or spider.source_error
    result.warnings = list(spider.warnings)
    reason = crawler.stats.get_value("finish_reason") if crawler and crawler.stats else None
    if reason not in (None, "finished", "closespider_itemcount"):
        result.error = result.error or f"crawl ended early: {reason}"


def _record_runs(store: Store, report: PassReport, started: datetime, runs: dict[str, int]) -> None:
    """Finish each source's run; each as a writer from its start, since on SQLite a transaction
    that reads first cannot write after another process has written meanwhile."""
    for result in report.results:
        try:
            with store.transaction(write=True) as tx:
                source = tx.sources.get(result.source)
                if source is not None:
                    run_id = runs.get(result.source)
                    tx.sources.record_run(
                        source, started, result.stats, result.error, run_id, result.warnings
                    )
                tx.commit()
        except Exception as exc:  # reported, so whoever started the pass can record it
            logger.error(
                "Could not record the run of %s:\n%s", result.source, traceback.format_exc()
            )
            first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            unrecorded = f"could not record the run: {first_line[:300]}"
            result.error = f"{result.error}; {unrecorded}" if result.error else unrecorded
