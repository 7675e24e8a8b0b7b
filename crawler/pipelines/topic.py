"""TopicFilterPipeline: keep an article only if it mentions a topic keyword."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem

from crawler.pipelines.base import DramawatchPipeline
from crawler.topic import topic_matcher

if TYPE_CHECKING:
    from crawler.items import ArticleItem


class TopicFilterPipeline(DramawatchPipeline):
    """Drops off-topic pages (and remembers their body so an unchanged one is not re-read)."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        """Pass on-topic items; drop the others as ``off-topic``."""
        source = self.config.source(item.source)
        keywords = source.topic_keywords or self.config.topic.keywords
        if topic_matcher(tuple(keywords))(f"{item.title or ''}\n{item.text}"):
            return item
        with self.store.transaction() as tx:
            tx.pages.record(item.url, etag=None, last_modified=None, body_hash=item.body_hash)
            tx.commit()
        raise DropItem(f"off-topic: {item.url}")
