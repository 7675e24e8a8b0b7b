"""What every source spider shares: its source, domain fence, errors and article requests."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DropItem, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.items import ArticleItem
from crawler.middlewares import ARTICLE, PAGE_KIND, NotModified

if TYPE_CHECKING:
    from config import CrawlConfig, SourceConfig

logger = logging.getLogger(__name__)


class SourceSpider(scrapy.Spider):
    """Base of the per-kind spiders; a source's differences come from its config entry."""

    source: SourceConfig

    def __init__(self, source: SourceConfig, crawl: CrawlConfig, **kwargs: Any) -> None:
        super().__init__(name=source.name, **kwargs)
        self.source = source
        self.max_articles = crawl.max_articles_per_source
        self.allowed_domains = [urlsplit(source.url).hostname or "", *source.allowed_domains]
        self.errors: list[dict[str, str]] = []
        self.source_error: str | None = None
        self.skipped = 0  # requests refused by robots.txt or the domain fence
        self._requested: set[str] = set()

    async def start(self) -> Any:
        """Request the source's own URL; its failure fails the whole source."""
        yield scrapy.Request(
            self.source.url, callback=self.parse, errback=self.on_error, meta={"is_start": True}
        )

    def article_request(
        self, url: str, *, title: str | None = None, date: datetime | None = None
    ) -> Iterator[scrapy.Request]:
        """A request for one article page, at most once and within the per-source cap."""
        if url in self._requested or len(self._requested) >= self.max_articles:
            return
        if not self._on_own_domain(url):
            logger.debug("Source %s: skipping off-domain link %s", self.name, url)
            return
        self._requested.add(url)
        meta = {"fallback_title": title, "fallback_date": date, PAGE_KIND: ARTICLE}
        yield scrapy.Request(url, callback=self.parse_article, errback=self.on_error, meta=meta)

    def _on_own_domain(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains if d)

    def parse_article(self, response: Response) -> Iterator[ArticleItem]:
        """Hand the page to the pipelines, which extract, filter, dedupe and store it."""
        if not isinstance(response, TextResponse):
            self.record_error(response.url, "not a text page: " + _content_type(response))
            return
        if not response.body.strip():
            self.record_error(response.url, "empty page")
            return
        yield ArticleItem(
            url=response.url,
            source=self.name,
            category=self.source.category,
            html=response.text,
            fetched_at=datetime.now(UTC),
            requested_url=response.request.url if response.request else response.url,
            fallback_title=response.meta.get("fallback_title"),
            fallback_date=response.meta.get("fallback_date"),
            language_hint=self.source.language,
        )

    def on_error(self, failure: Failure) -> None:
        """Record a failed request; a failed start request fails the source."""
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(NotModified):
            self.not_modified(request.url)
            return
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            logger.info("Source %s: skipped %s (%s)", self.name, request.url, failure.value)
            self.skipped += 1
            return
        message = _describe_failure(failure)
        self.record_error(request.url, message)
        if request.meta.get("is_start"):
            self.fail(f"{request.url}: {message}")

    def not_modified(self, url: str) -> None:
        """Count a page answered 304 as unchanged, like an article whose body hash matched."""
        # The item_dropped signal is how a pass counts "unchanged" (dramawatch.runner); the
        # page never reaches the pipelines, so it is sent here.
        self.crawler.signals.send_catch_log(
            signal=signals.item_dropped,
            item=None,
            response=None,
            spider=self,
            exception=DropItem(f"unchanged: {url}"),
        )

    def record_error(self, url: str, message: str) -> None:
        """Keep a per-page error for the run's record and log it."""
        logger.warning("Source %s: %s: %s", self.name, url, message)
        self.errors.append({"url": url, "error": message})

    def fail(self, message: str) -> None:
        """Mark the whole source as failed for this run."""
        self.source_error = self.source_error or message


def _describe_failure(failure: Failure) -> str:
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"  # type: ignore[union-attr]
    return f"{failure.type.__name__ if failure.type else 'error'}: {failure.getErrorMessage()}"


def _content_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"unknown").decode("latin-1")
