"""The ``html`` source kind: listing pages -> article links, with pagination."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse

from crawler.spiders.base import SourceSpider
from crawler.spiders.budget import PAGES
from crawler.spiders.listing_links import (
    empty_listing_hint,
    listing_decisions,
    listing_selector,
    next_page,
)


class HtmlListingSpider(SourceSpider):
    """Follows the article links of a listing page, and its next pages up to ``max_pages``."""

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        """Yield article requests from one listing page, then the next page's request."""
        if not isinstance(response, TextResponse):
            self.fail(f"{response.url}: listing is not an HTML page")
            return
        selector = listing_selector(response.text)
        detection = listing_decisions(selector, response.url, self.source.link_selector)
        if not detection.chosen and response.meta.get("is_start"):
            self.warn(f"{response.url}: {empty_listing_hint(detection)}")
        for decision in detection.skipped:
            self.note_link(decision.url, decision.title, None, decision.reason)
        for decision in detection.chosen:
            reason = decision.reason
            yield from self.article_request(decision.url, title=decision.title, reason=reason)
        yield from self._next_page(selector, response)

    def _next_page(self, selector: Any, response: Response) -> Iterator[scrapy.Request]:
        depth = response.meta.get("page", 1)
        if depth >= self.source.max_pages:
            return
        url = next_page(selector, response.url, self.source.next_selector)
        if url and url != response.url and self.fence.allows(url) and self.budget.take(PAGES):
            yield scrapy.Request(
                url, callback=self.parse, errback=self.on_error, meta={"page": depth + 1}
            )
