"""The ``rss`` source kind: RSS 0.9x/1.0/2.0 and Atom feeds, parsed by feedparser."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
import scrapy
from scrapy.http import Response

from crawler.canonical import resolve_redirect_link
from crawler.spiders.base import SourceSpider

# Google News answers a query it cannot serve with one placeholder item of this title.
_PLACEHOLDER_TITLES = {"this feed is not available."}


class RssSpider(SourceSpider):
    """Follows each feed item's link to the full article; the feed's title/date are fallbacks."""

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        """Parse the feed from the Scrapy response and request every item's article."""
        headers = {k.decode(): v[0].decode("latin-1") for k, v in response.headers.items()}
        feed = feedparser.parse(response.body, response_headers=headers)
        if not feed.entries:
            problem = feed.get("bozo_exception") or "no items"
            self.fail(f"{response.url}: malformed or empty feed ({problem})")
            return
        for entry in sorted(feed.entries, key=_entry_time, reverse=True):
            link = _entry_link(entry, response.url)
            title = entry.get("title")
            if not link or (title or "").strip().lower() in _PLACEHOLDER_TITLES:
                continue
            date = _entry_datetime(entry)
            yield from self.article_request(link, title=title, date=date, reason="feed item")


def _entry_link(entry: Any, feed_url: str) -> str | None:
    link = entry.get("link")
    if not link:
        alternates = [item.get("href") for item in entry.get("links", []) if item.get("href")]
        link = alternates[0] if alternates else None
    return resolve_redirect_link(urljoin(feed_url, link.strip())) if link else None


def _entry_time(entry: Any) -> float:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return float(calendar.timegm(parsed)) if parsed else 0.0


def _entry_datetime(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC) if parsed else None
