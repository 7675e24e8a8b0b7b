"""Find article links and the next page on an HTML listing page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

from parsel import Selector

from crawler.spiders.links import Detection, LinkDecision, detect_links, select

_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_SPACE = re.compile(r"\s+")
_NEXT_TEXT = ("next", "next page", "下一页", "下页", "›", "»", ">")


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
    for decision in listing_decisions(selector, base_url, link_selector).chosen:
        yield decision.url, decision.title


def listing_decisions(selector: Selector, base_url: str, link_selector: str | None) -> Detection:
    """Every link's decision: by ``link_selector`` when set, else by automatic detection."""
    if not link_selector:
        return detect_links(selector.root, base_url)
    chosen: dict[str, LinkDecision] = {}
    for anchor in select(selector.root, link_selector):
        url = urljoin(base_url, (anchor.get("href") or "").strip()).split("#", 1)[0]
        if url.startswith("http") and url not in chosen:
            title = anchor.get("title") or _SPACE.sub(" ", " ".join(anchor.itertext())).strip()
            chosen[url] = LinkDecision(url, title or None, True, 1.0, f"matches {link_selector!r}")
    return Detection(tuple(chosen.values()), (), link_selector)


def empty_listing_hint(detection: Detection) -> str:
    """The warning for a listing where no article link was found, with a selector to try."""
    if detection.suggested_selector:
        return f"0 article links: try link_selector: {detection.suggested_selector!r}"
    return "0 article links: the page has no list of links; is it rendered by JavaScript?"


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
