"""StorePipeline: one transaction per article for the article, its story and its metrics."""

from __future__ import annotations

import logging
import time
from dataclasses import asdict
from functools import partial
from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem

from alerts.evaluate import alert_on_article, alert_on_copy
from crawler.analysis_pool import in_writer
from crawler.fingerprint import signatures_match
from crawler.pipelines.base import DramawatchPipeline
from storage import ArticleRecord, IngestResult, MetricObservation, Transaction, open_store
from storage.errors import DatabaseUnavailable, IntegrityConflict

if TYPE_CHECKING:
    from config import Config
    from crawler.items import ArticleItem

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
# Raised when another writer stored the same URL or story first: retrying sees its row.
_TRANSIENT = (IntegrityConflict, DatabaseUnavailable)


class StorePipeline(DramawatchPipeline):
    """Stores new articles and revisions; copies and unchanged pages stop here.

    With analysis processes the writes run in one writer process of their own (SQLite
    serialises writers anyway), so the reactor keeps crawling while an article is stored.
    """

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        """Ingest the article; drop it as ``duplicate``/``unchanged`` when nothing is new."""
        job = partial(store_item, self.config, item)
        result = await in_writer(job, enabled=bool(self.analysis_processes))
        item.article_id, item.story_id, item.status = (
            result.article_id,
            result.story_id,
            result.status,
        )
        if result.status in ("duplicate", "unchanged"):
            raise DropItem(f"{result.status}: {item.url}")
        return item


def store_item(config: Config, item: ArticleItem) -> IngestResult:
    """Store ``item`` with its observations and alerts, retrying a lost race with a writer."""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return _ingest(config, item)
        except _TRANSIENT as exc:
            if attempt == MAX_ATTEMPTS:
                raise
            logger.info("Store of %s: attempt %d failed (%s), retrying", item.url, attempt, exc)
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def _ingest(config: Config, item: ArticleItem) -> IngestResult:
    with open_store(config.database).transaction(write=True) as tx:
        source = tx.sources.get(item.source)
        if source is None:
            raise DropItem(f"unknown-source: {item.source} ({item.url})")
        result = tx.articles.ingest(_record(item), source, signatures_match)
        if result.status in ("new", "revision"):
            tx.mentions.replace(result.article_id, item.mentions)
            observations = _store_observations(tx, item, result)
            # Alerts join the article's transaction: both are stored, or neither.
            alert_on_article(tx, config, result, observations)
        elif result.status == "duplicate":
            alert_on_copy(tx, config, result, item.url, source)
        for url in {item.url, *item.seen_urls}:
            tx.pages.record(url, etag=None, last_modified=None, body_hash=item.body_hash)
        tx.commit()
        return result


def _store_observations(
    tx: Transaction, item: ArticleItem, result: IngestResult
) -> list[MetricObservation]:
    """Store the item's observations; returns those the story did not hold yet."""
    if result.story_id is None or not item.observations:
        return []
    observed_at = item.published_at or item.fetched_at
    figures = [asdict(o) | {"observed_at": observed_at} for o in item.observations]
    return tx.metrics.add_all(
        result.story_id, result.article_id, figures, new_story=result.new_story
    )


def _record(item: ArticleItem) -> ArticleRecord:
    assert item.content_hash is not None and item.fetched_at is not None
    return ArticleRecord(
        url=item.url,
        source=item.source,
        category=item.category,
        title=item.title,
        published_at=item.published_at,
        language=item.language,
        text=item.text,
        content_hash=item.content_hash,
        fetched_at=item.fetched_at,
        seen_urls=item.seen_urls,
        signature=item.signature,
        bands=item.bands,
    )
