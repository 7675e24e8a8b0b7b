"""CanonicalUrlPipeline: the canonical URL of an article and the other URLs it was seen under."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.canonical import canonical_url
from crawler.pipelines.base import DramawatchPipeline

if TYPE_CHECKING:
    from crawler.items import ArticleItem


class CanonicalUrlPipeline(DramawatchPipeline):
    """Names the article by its canonical URL; the store recognises copies by the content
    hash and MinHash fingerprint that extraction computed (``crawler.analysis``)."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        """Set the canonical URL and the URLs it was seen under."""
        seen = {item.url, item.requested_url or item.url}
        item.url = canonical_url(item.url, canonical_link=item.canonical_link)
        item.seen_urls = tuple(sorted(seen - {item.url}))
        return item
