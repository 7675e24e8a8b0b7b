"""ExtractPipeline: skip unchanged bodies, then HTML -> title, text, date, language."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem

from crawler.extract import Extracted, extract_article
from crawler.pipelines.base import DramawatchPipeline

if TYPE_CHECKING:
    from crawler.items import ArticleItem


class ExtractPipeline(DramawatchPipeline):
    """Fills an item's article fields from its HTML (in a worker process when configured)."""

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        """Drop unchanged or empty pages; fill title, text, published_at and language."""
        item.body_hash = hashlib.sha256(item.html.encode("utf-8")).hexdigest()
        if self._unchanged(item):
            raise DropItem(f"unchanged: {item.url}")
        extracted = await self._extract(item)
        if not extracted.text.strip():
            raise DropItem(f"no-text: {item.url}")
        item.title = extracted.title or item.fallback_title
        item.text = extracted.text
        item.published_at = _publication_date(extracted.published_at, item.fallback_date)
        item.language = extracted.language or item.language_hint
        item.html = ""  # the raw page is not needed past this point
        return item

    def _unchanged(self, item: ArticleItem) -> bool:
        with self.store.transaction() as tx:
            return tx.pages.body_hash(item.url) == item.body_hash

    async def _extract(self, item: ArticleItem) -> Extracted:
        job = partial(
            extract_article, item.html, item.url, fallback_title=item.fallback_title,
            fallback_date=item.fallback_date, language_hint=item.language_hint,
        )  # fmt: skip
        return await self.off_reactor(job)


# Time-zone offsets span at most 14 hours either way.
_SAME_MOMENT_IN_ANOTHER_ZONE = timedelta(hours=14)


def _publication_date(page: datetime | None, feed: datetime | None) -> datetime | None:
    """The page's date, unless the feed/sitemap gives the same moment with an explicit offset.

    A page often states a local time without its zone, which extraction has to guess; a feed
    or news sitemap states the zone. When the two agree to within a zone shift, trust the feed.
    """
    if page is None or feed is None:
        return page or feed
    return feed if abs(page - feed) <= _SAME_MOMENT_IN_ANOTHER_ZONE else page
