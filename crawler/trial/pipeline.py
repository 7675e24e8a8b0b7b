"""The dry run's only pipeline: analyse each article, keep the result, store nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crawler.topic import topic_matcher
from crawler.trial.articles import analyse_article

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class TrialPipeline:
    """Collects a :class:`TrialArticle` per article on the spider's ``trial_articles``."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.config = crawler.settings["DRAMAWATCH_CONFIG"]

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TrialPipeline:
        """Build it for one dry run."""
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        """Analyse the article and keep the result on the spider."""
        spider = self.crawler.spider
        source = self.config.source(item.source)
        keywords = topic_matcher(tuple(source.topic_keywords or self.config.topic.keywords))
        article = analyse_article(item, tuple(self.config.metrics), keywords.matches)
        spider.trial_articles.append(article)  # type: ignore[union-attr]
        return item
