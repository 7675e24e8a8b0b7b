"""What the dramawatch pipelines share: the config and the store, from the crawler."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self, TypeVar

from scrapy.exceptions import NotConfigured

from crawler.analysis_pool import off_reactor
from storage import Store, open_store

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapy.crawler import Crawler

    from config import Config

T = TypeVar("T")


class DramawatchPipeline:
    """Base pipeline: reads DRAMAWATCH_CONFIG and opens the shared store."""

    def __init__(self, crawler: Crawler, config: Config) -> None:
        self.crawler = crawler
        self.config = config
        # DRAMAWATCH_ANALYSIS_PROCESSES = 0 runs the CPU-heavy steps in the crawl process itself.
        self.analysis_processes = crawler.settings.getint("DRAMAWATCH_ANALYSIS_PROCESSES", 0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build the pipeline; without a dramawatch config it switches itself off."""
        config = crawler.settings.get("DRAMAWATCH_CONFIG")
        if config is None:
            raise NotConfigured("DRAMAWATCH_CONFIG is not set")
        return cls(crawler, config)

    async def off_reactor(self, job: Callable[[], T]) -> T:
        """Run a CPU-heavy ``job`` in the analysis pool (keeps the reactor crawling)."""
        return await off_reactor(self.analysis_processes, job)

    @property
    def store(self) -> Store:
        """The process-wide store of the configured database."""
        return open_store(self.config.database)
