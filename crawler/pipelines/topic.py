"""TopicFilterPipeline: keep an article only if it mentions a topic keyword."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem

from crawler.analysis_pool import BackgroundWrites
from crawler.pipelines.base import DramawatchPipeline
from crawler.topic import topic_matcher
from storage import open_store

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from config import Config
    from crawler.items import ArticleItem


class TopicFilterPipeline(DramawatchPipeline):
    """Drops off-topic pages (and remembers their body so an unchanged one is not re-read)."""

    def __init__(self, crawler: Crawler, config: Config) -> None:
        super().__init__(crawler, config)
        self.writes = BackgroundWrites(self.analysis_processes)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        """Pass on-topic items; drop the others as ``off-topic``."""
        source = self.config.source(item.source)
        keywords = source.topic_keywords or self.config.topic.keywords
        if topic_matcher(tuple(keywords))(f"{item.title or ''}\n{item.text}"):
            return item
        self.writes.submit(partial(record_body, self.config.database, item.url, item.body_hash))
        raise DropItem(f"off-topic: {item.url}")

    def close_spider(self) -> None:
        """Wait for the queued page records."""
        self.writes.drain()


def record_body(database: str, url: str, body_hash: str | None) -> None:
    """Remember an off-topic page's body hash (picklable: runs in the writer process)."""
    with open_store(database).transaction(write=True) as tx:
        tx.pages.record(url, etag=None, last_modified=None, body_hash=body_hash)
        tx.commit()
