"""Find article links and the next page on an HTML listing page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from parsel import Selector

_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
# Paths that look like an article: a date, a long numeric id, or a known detail pattern.
_ARTICLE_PATH = re.compile(
    r"(/20\d{2}[/-]?\d{1,2}[/-]?\d{1,2}/|/20\d{4}/|\d{5,}|art_\d+_\d+|content_\d+|detail|/article/|/news/[^/]+)",
    re.IGNORECASE,
)
_NOT_ARTICLE = re.compile(
    r"(/tag/|/category/|/author/|/search|/login|/register|javascript:|mailto:|\.(jpg|png|gif|pdf|zip|docx?|xlsx?)$)",
    re.IGNORECASE,
)
_NEXT_TEXT = ("next", "next page", "下一页", "下页", "›", "»", ">")
MIN_TITLE_CHARS = 6


def listing_selector(html: str) -> Selector:
    """A selector over the page, Hanweb ``<record><![CDATA[...]]>`` items first.

    Hanweb JCMS (NRTA, CNSA) ships its list inside ``<script type="text/xml">``, which an
    HTML parser keeps as opaque text; the records are lifted out in front of the page.
    """
    records = "".join(_CDATA.findall(html))
    return Selector(text=f"<div>{records}</div>{html}" if records else html)


def article_links(
    selector: Selector, base_url: str, link_selector: str | None
) -> Iterator[tuple[str, str | None]]:
    """(absolute URL, anchor title) of each article link, in page order, once each."""
    anchors = selector.css(link_selector) if link_selector else selector.css("a[href]")
    seen: set[str] = set()
    for anchor in map(_as_anchor, anchors):
        href = anchor.attrib.get("href") if anchor is not None else None
        if anchor is None or not href:
            continue
        url = urljoin(base_url, href.strip()).split("#", 1)[0]
        title = _anchor_title(anchor)
        if url in seen or not url.startswith("http"):
            continue
        if link_selector or _looks_like_article(url, title):
            seen.add(url)
            yield url, title


def _as_anchor(element: Selector) -> Selector | None:
    """The element itself if it is a link, else its first link (selectors may match <li>)."""
    if getattr(element.root, "tag", None) == "a":
        return element
    inner = element.css("a[href]")
    return inner[0] if inner else None


def _anchor_title(anchor: Selector) -> str | None:
    title = anchor.attrib.get("title") or " ".join(anchor.css("::text").getall())
    title = re.sub(r"\s+", " ", title).strip()
    return title or None


def _looks_like_article(url: str, title: str | None) -> bool:
    path = urlsplit(url).path + "?" + urlsplit(url).query
    if _NOT_ARTICLE.search(path) or not _ARTICLE_PATH.search(path):
        return False
    return bool(title) and len(title or "") >= MIN_TITLE_CHARS


def next_page(selector: Selector, base_url: str, next_selector: str | None) -> str | None:
    """The URL of the next listing page, by selector or by the usual next-link markers."""
    if next_selector:
        href = selector.css(next_selector).css("::attr(href)").get() or selector.css(
            next_selector
        ).attrib.get("href")
        return urljoin(base_url, href) if href else None
    for anchor in selector.css("a[rel~=next], a.next, li.next a, a.next-page"):
        if anchor.attrib.get("href"):
            return urljoin(base_url, anchor.attrib["href"])
    for anchor in selector.css("a[href]"):
        text = " ".join(anchor.css("::text").getall()).strip().lower()
        if text in _NEXT_TEXT:
            return urljoin(base_url, anchor.attrib["href"])
    return None
