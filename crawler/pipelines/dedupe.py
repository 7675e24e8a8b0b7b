"""DedupePipeline: canonical URL, content hash and MinHash fingerprint of an article."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from crawler.canonical import canonical_url
from crawler.fingerprint import identify
from crawler.pipelines.base import DramawatchPipeline

if TYPE_CHECKING:
    from crawler.items import ArticleItem


class DedupePipeline(DramawatchPipeline):
    """Computes what the store needs to recognise copies: the decision is the store's."""

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        """Set the canonical URL, the URLs it was seen under, the hash and the fingerprint."""
        seen = {item.url, item.requested_url or item.url}
        item.url = canonical_url(item.url, canonical_link=item.canonical_link)
        item.seen_urls = tuple(sorted(seen - {item.url}))
        identity = await self.off_reactor(partial(identify, item.text))
        item.content_hash, item.signature, item.bands = (
            identity.content_hash, identity.signature, identity.bands,
        )  # fmt: skip
        return item
