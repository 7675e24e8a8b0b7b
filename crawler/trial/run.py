"""A dry run of one source: fetched exactly as a crawl would, analysed, nothing written."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess

from config import Config, SourceConfig
from crawler.settings import settings_for
from crawler.spiders import SPIDERS
from crawler.spiders.base import OUTSIDE_DOMAINS, LinkRecord
from crawler.trial.articles import TrialArticle
from crawler.trial.verdict import Verdict, judge

DEFAULT_LIMIT = 10


@dataclass
class Trial:
    """What a dry run found: links taken and skipped, the articles, and the verdict."""

    source: SourceConfig
    links: list[LinkRecord] = field(default_factory=list)
    articles: list[TrialArticle] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    verdict: Verdict = field(default_factory=lambda: Verdict("failing", "the run did not start"))

    def as_dict(self) -> dict[str, Any]:
        """The ``sources test --format json`` object."""
        return {
            "source": self.source.name,
            "kind": self.source.kind,
            "url": self.source.url,
            "articles": [a.as_dict() for a in self.articles],
            "skipped": [{"url": r.url, "reason": r.reason} for r in self.links if not r.taken],
            "links": [
                {"url": r.url, "title": r.title, "reason": r.reason} for r in self.links if r.taken
            ],
            "errors": self.errors,
            "verdict": self.verdict.as_dict(),
        }


def run_trial(config: Config, source: SourceConfig, limit: int = DEFAULT_LIMIT) -> Trial:
    """Crawl ``source`` once with the crawl's settings, up to ``limit`` articles; store nothing.

    Robots.txt, the domain fence, decoding, retries and timeouts are the crawl's own; only
    the pipelines differ (analysis without storage) and conditional GET is off, so nothing is
    read from or written to the database.
    """
    crawl = config.crawl.model_copy(update={"max_articles_per_source": limit})
    settings = settings_for(
        config,
        ITEM_PIPELINES={"crawler.trial.pipeline.TrialPipeline": 100},
        DOWNLOADER_MIDDLEWARES={"crawler.middlewares.ConditionalGetMiddleware": None},
        DRAMAWATCH_ANALYSIS_PROCESSES=0,
        LOG_LEVEL="ERROR",
        LOG_INSTALL_ROOT_HANDLER=False,
    )
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SPIDERS[source.kind])
    process.crawl(crawler, source=source, crawl=crawl)
    logging.getLogger("scrapy").setLevel(logging.ERROR)
    process.start()
    return _collect(source, crawler.spider)


def _collect(source: SourceConfig, spider: Any) -> Trial:
    if spider is None:
        return Trial(source)
    articles = list(getattr(spider, "trial_articles", []))
    taken = sum(1 for record in spider.links if record.taken)
    fenced = [r.url for r in spider.links if not r.taken and r.reason == OUTSIDE_DOMAINS]
    verdict = judge(spider.source_error, spider.warnings, taken, articles, spider.errors, fenced)
    return Trial(source, list(spider.links), articles, list(spider.errors), verdict)
