"""Scrapy settings: defaults for every crawl, and the per-config overrides."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crawler.analysis_pool import default_analysis_processes

if TYPE_CHECKING:
    from config import Config

BOT_NAME = "dramawatch"
SPIDER_MODULES = ["crawler.spiders"]

ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# An article page yields one item, a listing only requests. Scrapy starts this many tasks
# for every response's output; its default of 100 cost ~1 ms per page in the reactor.
CONCURRENT_ITEMS = 8
DOWNLOAD_TIMEOUT = 20
DOWNLOAD_MAXSIZE = 5_000_000
DOWNLOAD_WARNSIZE = 0
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
# A monitor must see every change: no HTTP cache in normal runs.
HTTPCACHE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
LOG_FORMATTER = "crawler.logformatter.DramawatchLogFormatter"

# The domain fence replaces Scrapy's offsite filter, which lets retries and their redirects
# pass (they are dont_filter); it runs before robots.txt, so no foreign host is ever asked.
# Conditional GET sits between HttpCompression (590, so bodies arrive decoded) and MetaRefresh.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.fence.DomainFenceMiddleware": 50,
    "crawler.middlewares.ConditionalGetMiddleware": 585,
}
DRAMAWATCH_CONDITIONAL_GET = True
# A 304 on a listing re-reads its stored body, so its articles are asked for again (each a
# conditional GET): revisions behind an unchanged listing are seen. False: the run ends there.
DRAMAWATCH_REVALIDATE_ARTICLES = True

ITEM_PIPELINES = {
    "crawler.pipelines.extract.ExtractPipeline": 100,
    "crawler.pipelines.topic.TopicFilterPipeline": 200,
    "crawler.pipelines.url.CanonicalUrlPipeline": 300,
    "crawler.pipelines.store.StorePipeline": 500,
}

# Extraction (~5-25 ms of CPU per page), fingerprints and metric extraction run in this many
# analysis processes, and the store's writes in one writer process, so the reactor keeps
# crawling; 0 runs all of it in the crawl process itself.
DRAMAWATCH_ANALYSIS_PROCESSES = default_analysis_processes()


def settings_for(config: Config, **overrides: Any) -> dict[str, Any]:
    """This module's settings with the config's crawl section applied."""
    crawl = config.crawl
    settings = {key: value for key, value in globals().items() if key.isupper()}
    settings.update(
        USER_AGENT=crawl.user_agent,
        ROBOTSTXT_OBEY=crawl.obey_robots,
        AUTOTHROTTLE_ENABLED=crawl.autothrottle,
        DOWNLOAD_TIMEOUT=crawl.download_timeout,
        DOWNLOAD_MAXSIZE=crawl.download_maxsize,
        RETRY_TIMES=crawl.retries,
        CONCURRENT_REQUESTS_PER_DOMAIN=crawl.concurrency_per_domain,
        DRAMAWATCH_CONFIG=config,
    )
    settings.update(overrides)
    return settings
