"""Offline replay of the recorded sites: spider callbacks on recorded responses, no server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.exceptions import DropItem
from scrapy.http import Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler

from config import Config, SourceConfig
from crawler.items import ArticleItem
from crawler.settings import ITEM_PIPELINES, settings_for
from crawler.spiders import SPIDERS
from dramawatch.demo.server import load_manifest, not_found_page, render, sites_root

BASE = "http://127.0.0.1:8000"


class RecordedSite:
    """Answers requests from a manifest of the bundled sites, following redirects."""

    def __init__(self, manifest: str = "manifest.yaml") -> None:
        self.root = sites_root()
        self.routes = load_manifest(self.root, manifest)

    def fetch(self, request: Request) -> Response:
        """The recorded response to ``request`` (a 301/302 is followed)."""
        url = request.url
        for _ in range(5):
            route = self.routes.get(url.removeprefix(BASE))
            reply = render(route, self.root, BASE) if route else not_found_page(url)
            if reply.status not in (301, 302):
                break
            url = reply.headers["Location"]
        cls = responsetypes.from_args(headers=reply.headers, url=url, body=reply.body)
        response = cls(
            url=url, status=reply.status, headers=reply.headers, body=reply.body, request=request
        )
        return response


def crawl_source(site: RecordedSite, source: SourceConfig, config: Config) -> list[ArticleItem]:
    """Every article item the source's spider yields from the recorded pages."""
    spider = SPIDERS[source.kind](source=source, crawl=config.crawl)
    pending = [Request(source.url, callback=spider.parse, meta={"is_start": True})]
    items: list[ArticleItem] = []
    while pending:
        request = pending.pop(0)
        response = site.fetch(request)
        response.request.meta.update(request.meta)  # type: ignore[union-attr]
        if response.status != 200:
            continue
        for result in request.callback(response):  # type: ignore[misc]
            if isinstance(result, scrapy.Request):
                pending.append(result)
            else:
                items.append(result)
    return items


class Pipelines:
    """The configured item pipelines, in order, on a test crawler."""

    def __init__(self, config: Config) -> None:
        crawler = get_crawler(settings_dict=settings_for(config))
        ordered = sorted(ITEM_PIPELINES, key=ITEM_PIPELINES.__getitem__)
        self.stages = [load_object(path).from_crawler(crawler) for path in ordered]

    def run(self, item: ArticleItem) -> tuple[ArticleItem | None, str | None]:
        """(item, None) when stored, (None, drop reason) when dropped."""
        try:
            for stage in self.stages:
                item = _resolve(stage.process_item(item))
        except DropItem as drop:
            return None, str(drop).split(":", 1)[0]
        return item, None


def _resolve(value: Any) -> Any:
    return asyncio.run(value) if asyncio.iscoroutine(value) else value


def items_by_path(items: list[ArticleItem]) -> Iterator[tuple[str, ArticleItem]]:
    """(route path, item) pairs."""
    for item in items:
        yield item.url.removeprefix(BASE), item
