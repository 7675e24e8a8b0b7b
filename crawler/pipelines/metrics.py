"""MetricsPipeline: numeric observations from the article text (stored with the article)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.metrics import extract_observations
from crawler.pipelines.base import DramawatchPipeline

if TYPE_CHECKING:
    from crawler.items import ArticleItem


class MetricsPipeline(DramawatchPipeline):
    """Finds the configured metrics in an article; StorePipeline writes them atomically."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        """Attach the article's observations to the item."""
        if self.config.metrics:
            item.observations = extract_observations(
                item.text, self.config.metrics, published_at=item.published_at
            )
        return item
