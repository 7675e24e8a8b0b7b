"""The ``sitemap`` source kind: sitemaps, sitemap indexes and Google-News sitemaps."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import scrapy
from lxml import etree
from scrapy.http import Response

from crawler.spiders.base import SourceSpider
from crawler.spiders.budget import SITEMAPS

if TYPE_CHECKING:
    from config import CrawlConfig, SourceConfig

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
_GZIP = b"\x1f\x8b"


class TooLarge(ValueError):
    """A body that expands past the maximum size: raised by :func:`bounded_gunzip`."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"larger than the maximum size ({limit} bytes) once decompressed")


@dataclass(frozen=True)
class SitemapEntry:
    """One <url> or <sitemap> entry with what it tells about the page."""

    loc: str
    lastmod: datetime | None = None  # when the page last changed: orders the crawl, dates nothing
    title: str | None = None
    published: datetime | None = None  # a news sitemap's publication_date


class SitemapSourceSpider(SourceSpider):
    """Walks a sitemap (index) and requests its pages newest first by lastmod.

    Indexes are followed ``max_sitemap_depth`` levels deep and at most ``max_child_sitemaps``
    child sitemaps are read per pass, so an index that grows without end still finishes.
    """

    def __init__(self, source: SourceConfig, crawl: CrawlConfig, **kwargs: Any) -> None:
        super().__init__(source, crawl, **kwargs)
        self.max_depth = crawl.max_sitemap_depth
        self.max_children = crawl.max_child_sitemaps

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        """Follow child sitemaps of an index; request pages of a urlset, newest first."""
        try:
            root = _parse_xml(response.body, self.maxsize)
        except TooLarge as exc:
            self.record_error(response.url, f"sitemap {exc}")
            self.fail(f"{response.url}: sitemap {exc}")
            return
        if root is None:
            self.fail(f"{response.url}: not a sitemap (XML could not be parsed)")
            return
        kind = etree.QName(root).localname
        entries = sorted(_entries(root, response.url), key=_newest_first)
        if kind == "sitemapindex":
            yield from self._children(entries, response)
            return
        if kind != "urlset":
            self.fail(f"{response.url}: root element <{kind}> is not a sitemap")
            return
        for entry in entries:
            yield from self.article_request(
                entry.loc, title=entry.title, date=entry.published, reason="sitemap entry"
            )

    def _children(
        self, entries: list[SitemapEntry], response: Response
    ) -> Iterator[scrapy.Request]:
        depth = response.meta.get("sitemap_depth", 0) + 1
        if depth > self.max_depth:
            self.record_error(response.url, f"sitemap index deeper than {self.max_depth} levels")
            return
        for entry in entries:
            if not self.fence.allows(entry.loc):
                self.skipped["offsite"] += 1
                continue
            if not self.budget.take(SITEMAPS):
                self.record_error(response.url, f"more than {self.max_children} child sitemaps")
                return
            yield scrapy.Request(
                entry.loc, callback=self.parse, errback=self.on_error,
                meta={"sitemap_depth": depth},
            )  # fmt: skip


def bounded_gunzip(body: bytes, limit: int) -> bytes:
    """Gunzip ``body`` without ever holding more than ``limit`` + 1 bytes of its output."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error:
        return b""
    if len(data) > limit:
        raise TooLarge(limit)
    return data


def _parse_xml(body: bytes, limit: int) -> Any:
    if body[:2] == _GZIP:  # served as application/x-gzip: Scrapy left it compressed
        body = bounded_gunzip(body, limit)
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
            yield SitemapEntry(
                urljoin(base_url, fields["loc"]), _parse_date(fields.get("lastmod")),
                fields.get("title"), _parse_date(fields.get("publication_date")),
            )  # fmt: skip


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def _newest_first(entry: SitemapEntry) -> float:
    date = entry.published or entry.lastmod
    return -(date.timestamp() if date else 0.0)
