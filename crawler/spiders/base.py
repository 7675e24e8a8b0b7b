"""What every source spider shares: its source, domain fence, errors and article requests."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DownloadCancelledError, DropItem, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.extract.charset import DETECT, settled_charset
from crawler.fence import Fence, OffsiteRequest
from crawler.items import ArticleItem
from crawler.middlewares import ARTICLE, PAGE_KIND, NotModified
from crawler.spiders.budget import ARTICLES, Budget, LocalBudget, limits

if TYPE_CHECKING:
    from config import CrawlConfig, SourceConfig

logger = logging.getLogger(__name__)
# Why a link to another host was not followed (the trial's verdict names those hosts).
OUTSIDE_DOMAINS = "outside the source's domains (allowed_domains)"


@dataclass(frozen=True)
class LinkRecord:
    """A link the spider considered: taken as an article or skipped, and why."""

    url: str
    title: str | None
    taken: bool
    reason: str


class SourceSpider(scrapy.Spider):
    """Base of the per-kind spiders; a source's differences come from its config entry."""

    source: SourceConfig

    def __init__(self, source: SourceConfig, crawl: CrawlConfig, **kwargs: Any) -> None:
        super().__init__(name=source.name, **kwargs)
        self.source = source
        self.budget: Budget = LocalBudget(limits(source, crawl))  # distributed: shared
        self.fence = Fence.for_source(source.url, source.allowed_domains)
        self.maxsize = crawl.download_maxsize
        self.errors: list[dict[str, str]] = []
        self.source_error: str | None = None
        self.skipped: Counter[str] = Counter()  # requests refused, by "robots" or "offsite"
        self.start_answered = False
        self.warnings: list[str] = []  # the source was read, but not as it should be
        self.links: list[LinkRecord] = []  # every link considered, taken or not, and why
        self.trial_articles: list[Any] = []  # filled by a dry run's pipeline only
        self._requested: set[str] = set()

    async def start(self) -> Any:
        """Request the source's own URL; its failure fails the whole source."""
        # dont_filter: a redirect back to the start URL reaches the fence's loop check
        # instead of vanishing in the duplicate filter.
        yield scrapy.Request(
            self.source.url,
            callback=self._parse_start,
            errback=self.on_error,
            meta={"is_start": True},
            dont_filter=True,
        )

    def _parse_start(self, response: Response) -> Any:
        self.start_answered = True
        return self.parse(response)

    def fence_for(self, request: scrapy.Request) -> Fence:
        """The fence every request of this source must stay in."""
        return self.fence

    def closed(self, reason: str) -> None:
        """A start URL that never produced a page fails the source."""
        if not self.start_answered:
            self.fail(f"{self.source.url}: the start URL gave no page")

    def article_request(
        self,
        url: str,
        *,
        title: str | None = None,
        date: datetime | None = None,
        reason: str = "listed by the source",
    ) -> Iterator[scrapy.Request]:
        """A request for one article page, at most once and within the per-source cap."""
        if url in self._requested:
            return
        if not self.fence.allows(url):
            logger.debug("Source %s: skipping off-domain link %s", self.name, url)
            self.skipped["offsite"] += 1
            self.note_link(url, title, None, OUTSIDE_DOMAINS)
            return
        if not self.budget.take(ARTICLES):
            self.note_link(url, title, None, "over the source's cap of articles a run")
            return
        self._requested.add(url)
        self.note_link(url, title, reason, None)
        meta = {"fallback_title": title, "fallback_date": date, PAGE_KIND: ARTICLE}
        yield scrapy.Request(url, callback=self.parse_article, errback=self.on_error, meta=meta)

    def note_link(
        self, url: str, title: str | None, taken: str | None, skipped: str | None
    ) -> None:
        """Remember a link and why it was taken or skipped (shown by ``sources test``)."""
        self.links.append(LinkRecord(url, title, taken is not None, taken or skipped or ""))

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
            html=page_html(response),
            fetched_at=datetime.now(UTC),
            requested_url=response.request.url if response.request else response.url,
            fallback_title=response.meta.get("fallback_title"),
            fallback_date=response.meta.get("fallback_date"),
            language_hint=self.source.language,
        )

    def on_error(self, failure: Failure) -> None:
        """Record a failed request; a failed start request fails the source."""
        request = failure.request  # type: ignore[attr-defined]
        is_start = bool(request.meta.get("is_start"))
        self.start_answered = self.start_answered or is_start
        if failure.check(NotModified):
            self.not_modified(request.url)
            return
        message = describe_failure(failure, self.maxsize)
        if failure.check(IgnoreRequest) and not failure.check(HttpError) and not is_start:
            logger.info("Source %s: skipped %s (%s)", self.name, request.url, message)
            self.skipped["offsite" if failure.check(OffsiteRequest) else "robots"] += 1
            self._not_fetched(request.url, message)
            return
        self.record_error(request.url, message)
        if is_start:
            self.fail(f"{request.url}: {message}")

    def _not_fetched(self, url: str, message: str) -> None:
        """A link taken but refused on the way (robots.txt, the fence after a redirect)."""
        taken = [r for r in self.links if r.url == url]
        self.links = [r for r in self.links if r.url != url]
        self.note_link(url, taken[0].title if taken else None, None, f"not fetched: {message}")

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

    def warn(self, message: str) -> None:
        """Mark this run of the source as a warning (read, but something needs a look)."""
        logger.warning("Source %s: %s", self.name, message)
        self.warnings.append(message)

    def fail(self, message: str) -> None:
        """Mark the whole source as failed for this run."""
        self.source_error = self.source_error or message


def describe_failure(failure: Failure, maxsize: int) -> str:
    """One line on why a request failed (a size limit named as such)."""
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"  # type: ignore[union-attr]
    message = failure.getErrorMessage()
    if "DOWNLOAD_MAXSIZE" in message:  # HttpCompression's words for a Content-Encoding bomb
        return f"response larger than the maximum size ({maxsize} bytes) once decompressed"
    if failure.check(DownloadCancelledError):  # Scrapy gives an oversized body no message
        return f"response larger than the maximum size ({maxsize} bytes): download cancelled"
    if failure.check(IgnoreRequest):
        return message
    return f"{failure.type.__name__ if failure.type else 'error'}: {message}"


def page_html(response: TextResponse) -> str:
    """The page's text: Scrapy's decoding, unless the HTTP header's charset and the page's own
    disagree or the header's cannot be right (:func:`settled_charset` then decides)."""
    charset = settled_charset(response.body, _content_type(response))
    if charset == DETECT:  # Scrapy's detection, as for a page served without a charset
        return response.replace(headers={}, encoding=None).text
    return response.body.decode(charset, "replace") if charset else response.text


def _content_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"unknown").decode("latin-1")
