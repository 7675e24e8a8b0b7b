"""One spider per source kind, picked by ``SPIDERS[source.kind]``."""

from __future__ import annotations

from crawler.spiders.base import SourceSpider
from crawler.spiders.html import HtmlListingSpider
from crawler.spiders.json import JsonListSpider
from crawler.spiders.rss import RssSpider
from crawler.spiders.sitemap import SitemapSourceSpider

SPIDERS: dict[str, type[SourceSpider]] = {
    "rss": RssSpider,
    "html": HtmlListingSpider,
    "sitemap": SitemapSourceSpider,
    "json": JsonListSpider,
}

__all__ = [
    "SPIDERS", "HtmlListingSpider", "JsonListSpider", "RssSpider", "SitemapSourceSpider",
    "SourceSpider",
]  # fmt: skip
