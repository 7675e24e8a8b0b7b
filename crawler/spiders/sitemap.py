"""The ``sitemap`` source kind: sitemaps, sitemap indexes and Google-News sitemaps."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import scrapy
from lxml import etree
from scrapy.http import Response
from scrapy.utils.gz import gunzip

from crawler.spiders.base import SourceSpider

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


@dataclass(frozen=True)
class SitemapEntry:
    """One <url> or <sitemap> entry with what it tells about the page."""

    loc: str
    lastmod: datetime | None = None
    title: str | None = None


class SitemapSourceSpider(SourceSpider):
    """Walks a sitemap (index) and requests its pages newest first by lastmod."""

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        """Follow child sitemaps of an index; request pages of a urlset, newest first."""
        root = _parse_xml(response)
        if root is None:
            self.fail(f"{response.url}: not a sitemap (XML could not be parsed)")
            return
        kind = etree.QName(root).localname
        entries = sorted(_entries(root, response.url), key=_newest_first)
        if kind == "sitemapindex":
            for entry in entries:
                if self._on_own_domain(entry.loc):
                    yield scrapy.Request(entry.loc, callback=self.parse, errback=self.on_error)
            return
        if kind != "urlset":
            self.fail(f"{response.url}: root element <{kind}> is not a sitemap")
            return
        for entry in entries:
            yield from self.article_request(entry.loc, title=entry.title, date=entry.lastmod)


def _parse_xml(response: Response) -> Any:
    body = response.body
    if body[:2] == b"\x1f\x8b":
        body = gunzip(body)
    try:
        return etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError:
        return None


def _entries(root: Any, base_url: str) -> Iterator[SitemapEntry]:
    for element in root:
        if not isinstance(element.tag, str):
            continue
        fields = {
            etree.QName(child).localname: (child.text or "").strip()
            for child in element.iter()
            if isinstance(child.tag, str)
        }
        if fields.get("loc"):
            date = fields.get("publication_date") or fields.get("lastmod")
            yield SitemapEntry(
                urljoin(base_url, fields["loc"]), _parse_date(date), fields.get("title")
            )


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def _newest_first(entry: SitemapEntry) -> float:
    return -(entry.lastmod.timestamp() if entry.lastmod else 0.0)
