"""Where an HTML page points to its feeds, sitemaps and JSON lists."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from parsel import Selector

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
              "application/rdf+xml", "text/xml")  # fmt: skip
COMMON_FEED_PATHS = ("/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml",
                     "/feed/", "/rss/")  # fmt: skip
COMMON_SITEMAP_PATHS = ("/sitemap.xml", "/news-sitemap.xml", "/sitemap_news.xml")
_JSON_URL = re.compile(
    r"""["']((?:https?://[^"'\s]+|/[^"'\s]*)(?:\.json|/api/[^"'\s]*)(?:\?[^"'\s]*)?)["']""",
    re.IGNORECASE,
)


def feed_links(html: str, base_url: str) -> list[str]:
    """The feeds a page declares with ``<link rel="alternate" type="...">``, in page order."""
    page = Selector(text=html)
    found = []
    for link in page.css("link[rel~=alternate][href], link[rel~=feed][href]"):
        kind = (link.attrib.get("type") or "").lower()
        if kind in FEED_TYPES or "feed" in (link.attrib.get("rel") or ""):
            found.append(urljoin(base_url, link.attrib["href"]))
    return list(dict.fromkeys(found))


def json_urls(html: str, base_url: str) -> list[str]:
    """URLs of JSON lists or APIs named in the page's scripts and attributes."""
    found = [urljoin(base_url, match) for match in _JSON_URL.findall(html)]
    return [url for url in dict.fromkeys(found) if url.startswith("http")]


def robots_sitemaps(robots_txt: str) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt."""
    return [
        line.split(":", 1)[1].strip()
        for line in robots_txt.splitlines()
        if line.lower().startswith("sitemap:") and line.split(":", 1)[1].strip()
    ]
