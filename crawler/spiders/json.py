"""The ``json`` source kind: a JSON list endpoint (GET or POST) whose items link to articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import jmespath
import scrapy
from scrapy.http import Response

from crawler.extract.date_parse import parse_date as parse_text_date
from crawler.extract.meta import primary_language
from crawler.extract.zones import page_zone
from crawler.spiders.base import SourceSpider
from crawler.spiders.budget import PAGES


@dataclass(frozen=True)
class ListItem:
    """One item of the list: the article's URL, and its title and date when given."""

    url: str
    title: str | None
    date: datetime | None


class JsonListSpider(SourceSpider):
    """Requests a JSON list page by page and follows each item's article link."""

    async def start(self) -> Any:
        """Request the first page; its failure fails the source."""
        yield self.page_request(self.source.first_page, is_start=True)

    def page_request(self, page: int, *, is_start: bool = False) -> scrapy.Request:
        """The request for one page of the list, as the source's method, body and form say."""
        callback = self._parse_start if is_start else self.parse
        return build_request(self.source, page).replace(
            callback=callback, errback=self.on_error, meta={"is_start": is_start, "page": page}
        )

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        """Yield an article request per item, then the next page's request."""
        document = _load(response)
        if document is None:
            self.fail(f"{response.url}: not JSON")
            return
        items = list_items(document, self.source, response.url)
        if not items and response.meta.get("is_start"):
            self.warn(f"{response.url}: {empty_list_hint(document, self.source.items)}")
        for item in items:
            yield from self.article_request(
                item.url, title=item.title, date=item.date, reason=f"item of {self.source.items!r}"
            )
        page = response.meta.get("page", self.source.first_page)
        if items and self.source.page_param and self.budget.take(PAGES):
            yield self.page_request(page + 1)


def build_request(source: Any, page: int) -> scrapy.Request:
    """A request for ``page`` of a JSON source (the page number set when ``page_param`` is)."""
    param, url, headers = (
        source.page_param,
        source.url,
        {"Accept": "application/json", **source.headers},
    )
    if source.method == "GET" or (source.body is None and source.form is None):
        if param:
            url = _with_query(url, {param: str(page)})
        return scrapy.Request(url, method=source.method, headers=headers, dont_filter=True)
    if source.form is not None:
        form = {**source.form, **({param: str(page)} if param else {})}
        return scrapy.FormRequest(
            url, method="POST", formdata=form, headers=headers, dont_filter=True
        )
    body = {**source.body, param: page} if param and isinstance(source.body, dict) else source.body
    headers.setdefault("Content-Type", "application/json")
    return scrapy.Request(
        url, method="POST", body=json.dumps(body), headers=headers, dont_filter=True
    )


def list_items(document: Any, source: Any, base_url: str) -> list[ListItem]:
    """The items found by the ``items`` expression, each with an absolute article URL."""
    found = jmespath.search(source.items, document)
    items = []
    for entry in found if isinstance(found, list) else []:
        link = _search(source.item_link, entry)
        if isinstance(link, str) and link.strip():
            title = _search(source.item_title, entry)
            date = parse_date(_search(source.item_date, entry), source.language, base_url)
            items.append(ListItem(urljoin(base_url, link.strip()), _text(title), date))
    return items


def empty_list_hint(document: Any, expression: str) -> str:
    """The warning for a list without items, with the expression of the likeliest list."""
    found = list(_lists_of_objects(document, ""))
    if not found:
        return f"0 article links: items {expression!r} found nothing, and the JSON holds no list"
    path, keys = max(found, key=lambda f: len(f[1]))
    return (
        f"0 article links: try items: {path!r} (objects with keys: {', '.join(sorted(keys)[:8])})"
    )


def parse_date(value: Any, language: str | None, url: str = "") -> datetime | None:
    """A list date: epoch seconds or milliseconds, or a date string as a page states one
    (:func:`crawler.extract.date_parse.parse_date`: ISO 8601, ``2025年02月05日 10:30``,
    ``2025/02/12``, ``Feb 12, 2025``...). A time without an offset is read in the zone a page's
    would be (:func:`page_zone`): that of the country the endpoint's host (``url``), the source's
    ``language`` region or its language names (Chinese portals give local times: +08:00), else
    UTC."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value / 1000 if value > 1e11 else value, UTC)
    if not isinstance(value, str) or not value.strip():
        return None
    return parse_text_date(value, page_zone((), language, primary_language(language), url))


def _lists_of_objects(node: Any, path: str) -> Iterator[tuple[str, set[str]]]:
    if isinstance(node, list) and node and all(isinstance(x, dict) for x in node):
        yield path or "@", set().union(*(x.keys() for x in node))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _lists_of_objects(value, f"{path}.{key}" if path else str(key))


def _search(expression: str | None, item: Any) -> Any:
    return jmespath.search(expression, item) if expression else None


def _text(value: Any) -> str | None:
    return " ".join(str(value).split()) or None if value is not None else None


def _load(response: Response) -> Any:
    try:
        return json.loads(response.body.decode(getattr(response, "encoding", None) or "utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None


def _with_query(url: str, params: dict[str, str]) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True)) | params
    return urlunsplit(parts._replace(query=urlencode(query)))
