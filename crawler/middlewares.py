"""Conditional GET: ask with If-None-Match / If-Modified-Since, and make a 304 cost nothing.

Every spider request (feeds, listings, sitemaps, articles; not robots.txt) carries the
validators of the URL's last 200 answer. What a 304 means depends on the page:

* An article: it has not changed, so there is nothing to parse. The request ends in
  :class:`NotModified`, which the spider counts as "unchanged".
* A feed, listing or sitemap: no new links. Its stored body (``page_snapshot``) is handed to
  the spider as if it had been downloaded, so the articles it links to are asked for again,
  each with its own validators: unchanged ones cost one 304 each, and an article revised
  behind an unchanged listing is still seen. With ``DRAMAWATCH_REVALIDATE_ARTICLES = False``
  a 304 on a listing ends the source's run instead (one request per run, revisions unseen).

Validators are saved only once a page has been dealt with: a listing's with its body when it
arrives, an article's after the pipelines stored or dropped it. A page whose processing failed
keeps no validators and is fetched in full next time.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Headers, Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.responsetypes import responsetypes

from crawler.analysis_pool import BackgroundWrites
from storage import open_store
from storage.errors import StorageError
from storage.pages import Snapshot, Validators

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapy.crawler import Crawler

    from storage import Transaction

logger = logging.getLogger(__name__)

PAGE_KIND = "dramawatch_page"  # request meta: "article" for article pages
ARTICLE = "article"
_ASKED = "dramawatch_conditional"  # request meta: validators were sent
_CONDITIONAL_HEADERS = (b"If-None-Match", b"If-Modified-Since")


class NotModified(IgnoreRequest):
    """A 304 to a conditional request: raised here, caught by the spider's errback."""

    def __init__(self, url: str) -> None:
        super().__init__(f"not modified: {url}")
        self.url = url


class ConditionalGetMiddleware:
    """Downloader middleware: validators out on requests, 304s and new validators in."""

    def __init__(self, crawler: Crawler, database: str, *, revalidate: bool) -> None:
        self.crawler = crawler
        self.database = database
        self.store = open_store(database)
        self.revalidate = revalidate
        # Saved by the writer process, behind the article's own store job.
        self.writes = BackgroundWrites(crawler.settings.getint("DRAMAWATCH_ANALYSIS_PROCESSES", 0))
        crawler.signals.connect(self.item_done, signal=signals.item_scraped)
        crawler.signals.connect(self.item_done, signal=signals.item_dropped)
        crawler.signals.connect(self.writes.drain, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build it from DRAMAWATCH_CONFIG; DRAMAWATCH_CONDITIONAL_GET = False switches it off."""
        config = crawler.settings.get("DRAMAWATCH_CONFIG")
        if config is None or not crawler.settings.getbool("DRAMAWATCH_CONDITIONAL_GET", True):
            raise NotConfigured("conditional GET needs DRAMAWATCH_CONFIG and is switched off")
        revalidate = crawler.settings.getbool("DRAMAWATCH_REVALIDATE_ARTICLES", True)
        return cls(crawler, config.database, revalidate=revalidate)

    def process_request(self, request: Request) -> None:
        """Send the URL's stored validators (a listing's only while its body is kept)."""
        if not _eligible(request):
            return
        _strip(request)  # a redirect or retry copy carries the old URL's validators
        with_snapshot = self.revalidate and not _is_article(request)
        with self.store.transaction() as tx:
            found = tx.pages.validators(request.url, with_snapshot=with_snapshot)
        if found is None:
            return
        if found.etag:
            request.headers[b"If-None-Match"] = found.etag
        if found.last_modified:
            request.headers[b"If-Modified-Since"] = found.last_modified
        request.meta[_ASKED] = True

    def process_response(self, request: Request, response: Response) -> Response | Request:
        """Turn a 304 into NotModified or the stored body; keep a listing's new body."""
        if response.status == 304 and request.meta.get(_ASKED):
            self._count(request)
            if _is_article(request) or not self.revalidate:
                raise NotModified(request.url)
            return self._replay(request, response)
        if response.status == 200 and _eligible(request) and not _is_article(request):
            self._keep_listing(response)
        return response

    def item_done(self, item: Any = None, response: Response | None = None, **_: Any) -> None:
        """An article the pipelines stored or dropped: remember its validators."""
        if response is None or response.status != 200 or "not-modified" in response.flags:
            return
        found = _validators(response)
        if found is not None:
            self.writes.submit(partial(remember_validators, self.database, response.url, found))

    def _replay(self, request: Request, response: Response) -> Response | Request:
        with self.store.transaction() as tx:
            snapshot = tx.pages.snapshot(request.url)
        if snapshot is None:  # deleted meanwhile: ask again, unconditionally
            again = request.replace(dont_filter=True, meta={**request.meta, PAGE_KIND: "full"})
            _strip(again)
            return again
        headers = Headers({"Content-Type": snapshot.content_type or "application/octet-stream"})
        cls = responsetypes.from_args(headers=headers, url=response.url, body=snapshot.body)
        return cls(
            url=response.url,
            status=200,
            headers=headers,
            body=snapshot.body,
            request=request,
            flags=["not-modified"],
        )

    def _keep_listing(self, response: Response) -> None:
        found = _validators(response)
        if found is None:
            return
        content_type = response.headers.get(b"Content-Type")
        snapshot = Snapshot(content_type.decode("latin-1") if content_type else None, response.body)
        self.writes.submit(partial(save_listing, self.database, response.url, found, snapshot))

    def _count(self, request: Request) -> None:
        kind = "article" if _is_article(request) else "listing"
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("dramawatch/not_modified")
            self.crawler.stats.inc_value(f"dramawatch/not_modified/{kind}")
        logger.debug("Not modified (%s): %s", kind, request.url)


def remember_validators(database: str, url: str, found: Validators) -> None:
    """Store an article's validators (picklable: runs in the writer process)."""
    _save(database, url, lambda tx: tx.pages.remember(url, found))


def save_listing(database: str, url: str, found: Validators, snapshot: Snapshot) -> None:
    """Store a listing's validators and body (picklable: runs in the writer process)."""
    _save(database, url, lambda tx: tx.pages.save_snapshot(url, found, snapshot))


def _save(database: str, url: str, write: Callable[[Transaction], None]) -> None:
    try:
        with open_store(database).transaction(write=True) as tx:
            write(tx)
            tx.commit()
    except StorageError as exc:  # validators are an optimisation: the crawl goes on
        logger.warning("Could not store the validators of %s: %s", url, exc)


def _eligible(request: Request) -> bool:
    """Spider GET requests only: robots.txt and other internal requests are left alone."""
    return (
        request.method == "GET"
        and request.callback is not NO_CALLBACK
        and request.meta.get(PAGE_KIND) != "full"
    )


def _strip(request: Request) -> None:
    for name in _CONDITIONAL_HEADERS:
        request.headers.pop(name, None)
    request.meta.pop(_ASKED, None)


def _is_article(request: Request) -> bool:
    return request.meta.get(PAGE_KIND) == ARTICLE


def _validators(response: Response) -> Validators | None:
    etag = response.headers.get(b"ETag")
    last_modified = response.headers.get(b"Last-Modified")
    if not (etag or last_modified):
        return None
    return Validators(
        etag.decode("latin-1") if etag else None,
        last_modified.decode("latin-1") if last_modified else None,
    )
