"""MetricsPipeline: numeric observations from the article text (stored with the article)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from crawler.metrics import extract_observations
from crawler.pipelines.base import DramawatchPipeline

if TYPE_CHECKING:
    from crawler.items import ArticleItem


class MetricsPipeline(DramawatchPipeline):
    """Finds the configured metrics in an article; StorePipeline writes them atomically."""

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        """Attach the article's observations to the item."""
        if self.config.metrics:
            job = partial(
                extract_observations, item.text, tuple(self.config.metrics),
                published_at=item.published_at,
            )  # fmt: skip
            item.observations = await self.off_reactor(job)
        return item
