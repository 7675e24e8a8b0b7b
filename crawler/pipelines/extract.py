"""ExtractPipeline: skip unchanged bodies, then HTML -> article, fingerprint and figures.

It also learns each source's chrome: the text blocks of every page fetched for the first time
are counted per source in the store (``tx.boilerplate``), and the blocks a source repeats on
several pages are handed to extraction, which drops them.
"""

from __future__ import annotations

import hashlib
from functools import partial
from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem

from crawler.analysis import PageAnalysis, TextAnalysis, analyse_page
from crawler.analysis_pool import BackgroundWrites
from crawler.pipelines.base import DramawatchPipeline
from crawler.pipelines.topic import record_body
from storage import open_store

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from config import Config
    from crawler.items import ArticleItem

REFRESH_PAGES = 20  # pages of a source between two reads of its learned chrome


class ExtractPipeline(DramawatchPipeline):
    """Fills an item from its HTML in one analysis job: title, text, date, language, the
    text's content hash, MinHash signature and bands, and its metric observations."""

    def __init__(self, crawler: Crawler, config: Config) -> None:
        super().__init__(crawler, config)
        self.writes = BackgroundWrites(self.analysis_processes)
        self._chrome: dict[str, tuple[int, frozenset[int]]] = {}  # source: (uses, blocks)
        self._regions = {s.name: s.region for s in config.sources if s.region}  # what 本市 is

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        """Drop unchanged, empty and listing pages; fill the article and its analysis."""
        item.body_hash = hashlib.sha256(item.html.encode("utf-8")).hexdigest()
        stored = self._stored_hash(item)
        if stored == item.body_hash:
            raise DropItem(f"unchanged: {item.url}")
        analysis = await self._analyse(item)
        extracted = analysis.extracted
        if stored is None:  # a page counts once towards its source's repeated blocks
            self.writes.submit(
                partial(record_blocks, self.config.database, item.source, extracted.blocks)
            )
        if not extracted.is_article:
            self.writes.submit(partial(record_body, self.config.database, item.url, item.body_hash))
            raise DropItem(f"not-article: {item.url}")
        if analysis.text is None:
            raise DropItem(f"no-text: {item.url}")
        _fill(item, analysis, analysis.text)
        return item

    def close_spider(self) -> None:
        """Wait for the queued block counts and page records."""
        self.writes.drain()

    def _stored_hash(self, item: ArticleItem) -> str | None:
        with self.store.transaction() as tx:
            return tx.pages.body_hash(item.url)

    def _learned(self, source: str) -> frozenset[int]:
        """The source's repeated blocks, read again from the store every few pages."""
        uses, blocks = self._chrome.get(source, (REFRESH_PAGES, frozenset()))
        if uses >= REFRESH_PAGES:
            with self.store.transaction() as tx:
                uses, blocks = 0, tx.boilerplate.repeated(source)
        self._chrome[source] = (uses + 1, blocks)
        return blocks

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
            boilerplate=self._learned(item.source),
            region=self._regions.get(item.source),
            fetched_at=item.fetched_at,
        )
        return await self.off_reactor(job)


def _fill(item: ArticleItem, analysis: PageAnalysis, text: TextAnalysis) -> None:
    """Copy the extracted article and its text's analysis into the item."""
    extracted = analysis.extracted
    item.title = extracted.title or item.fallback_title
    item.text = extracted.text
    item.published_at = analysis.published_at
    item.language = extracted.language or item.language_hint
    item.canonical_link = extracted.canonical_link
    identity = text.identity
    item.content_hash, item.signature, item.bands = (
        identity.content_hash,
        identity.signature,
        identity.bands,
    )
    item.observations = text.observations
    item.mentions = text.mentions
    item.html = ""  # the raw page is not needed past this point


def record_blocks(database: str, source: str, blocks: frozenset[int]) -> None:
    """Count a first-fetched page's text blocks for its source (runs in the writer process)."""
    with open_store(database).transaction(write=True) as tx:
        tx.boilerplate.record(source, blocks)
        tx.commit()
