"""What the dramawatch pipelines share: the config and the store, from the crawler."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from scrapy.exceptions import NotConfigured

from storage import Store, open_store

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from config import Config


class DramawatchPipeline:
    """Base pipeline: reads DRAMAWATCH_CONFIG and opens the shared store."""

    def __init__(self, crawler: Crawler, config: Config) -> None:
        self.crawler = crawler
        self.config = config

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build the pipeline; without a dramawatch config it switches itself off."""
        config = crawler.settings.get("DRAMAWATCH_CONFIG")
        if config is None:
            raise NotConfigured("DRAMAWATCH_CONFIG is not set")
        return cls(crawler, config)

    @property
    def store(self) -> Store:
        """The process-wide store of the configured database."""
        return open_store(self.config.database)
