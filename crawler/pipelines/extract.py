"""ExtractPipeline: skip unchanged bodies, then HTML -> article, fingerprint and figures."""

from __future__ import annotations

import hashlib
from functools import partial
from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem

from crawler.analysis import PageAnalysis, analyse_page
from crawler.pipelines.base import DramawatchPipeline

if TYPE_CHECKING:
    from crawler.items import ArticleItem


class ExtractPipeline(DramawatchPipeline):
    """Fills an item from its HTML in one analysis job: title, text, date, language, the
    text's content hash, MinHash signature and bands, and its metric observations."""

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        """Drop unchanged or empty pages; fill the article and its analysis."""
        item.body_hash = hashlib.sha256(item.html.encode("utf-8")).hexdigest()
        if self._unchanged(item):
            raise DropItem(f"unchanged: {item.url}")
        analysis = await self._analyse(item)
        extracted = analysis.extracted
        if analysis.text is None:
            raise DropItem(f"no-text: {item.url}")
        item.title = extracted.title or item.fallback_title
        item.text = extracted.text
        item.published_at = analysis.published_at
        item.language = extracted.language or item.language_hint
        item.canonical_link = extracted.canonical_link
        identity = analysis.text.identity
        item.content_hash, item.signature, item.bands = (
            identity.content_hash,
            identity.signature,
            identity.bands,
        )
        item.observations = analysis.text.observations
        item.mentions = analysis.text.mentions
        item.html = ""  # the raw page is not needed past this point
        return item

    def _unchanged(self, item: ArticleItem) -> bool:
        with self.store.transaction() as tx:
            return tx.pages.body_hash(item.url) == item.body_hash

    async def _analyse(self, item: ArticleItem) -> PageAnalysis:
        job = partial(
            analyse_page,
            item.html,
            item.url,
            metrics=tuple(self.config.metrics),
            entities=tuple(self.config.entities),
            fallback_title=item.fallback_title,
            fallback_date=item.fallback_date,
            language_hint=item.language_hint,
        )
        return await self.off_reactor(job)
