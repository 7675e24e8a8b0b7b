"""Links beside an item's own link: its ratings, reviews, calendar file or offers."""

from __future__ import annotations

from collections import Counter

from lxml import etree

from crawler.spiders.links.anchors import Anchor
from crawler.spiders.links.groups import Group

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MAX_URLS = 3  # an item holding more chosen URLs is a block of several items, not one


def side_links(chosen: list[tuple[Anchor, Group]]) -> dict[str, str]:
    """Chosen URLs that are only ever a side link of an item, each with the item's own URL.

    One list item is one article: where an item (:attr:`Group.item_by_link`) holds chosen links to
    two or three URLs, the one its heading carries, or else the one most of its links lead to,
    or else the one the others only add a query to, is the item's; a link to another (a
    product's reviews beside its title and picture, an event's calendar file, its offers) is a
    part of the item. A URL that is some item's own stays.
    """
    links = {a.element: a for a, _ in chosen}
    side: dict[str, str] = {}
    own: set[str] = set()
    for anchor, group in chosen:
        item = group.item_by_link[anchor.element]
        main = item_url([links[e] for e in item.iter("a") if e in links])
        if main is None or main == anchor.url:
            own.add(anchor.url)
        else:
            side.setdefault(anchor.url, main)
    return {url: main for url, main in side.items() if url not in own}


def item_url(anchors: list[Anchor]) -> str | None:
    """The URL an item's links name it by: its heading's, else the most linked; None if unsure."""
    urls = Counter(a.url for a in anchors)
    if not 2 <= len(urls) <= _MAX_URLS:
        return None
    headed = {a.url for a in anchors if _in_heading(a.element)}
    if len(headed) == 1:
        return headed.pop()
    (first, most), (_, second) = urls.most_common(2)
    return first if most > second else bare_url(list(urls))


def bare_url(urls: list[str]) -> str | None:
    """The one URL the others add a query to (``/p/123`` beside ``/p/123?item=123``), if any.

    An item's second link to its own page with a query (its offers, its options) is a side link.
    """
    paths = {url.split("?", 1)[0] for url in urls}
    bare = [url for url in urls if "?" not in url]
    return bare[0] if len(paths) == 1 and len(bare) == 1 else None


def _in_heading(element: etree._Element) -> bool:
    """Whether the link is in a heading or holds one."""
    return any(e.tag in _HEADINGS for e in (*element.iter(), *element.iterancestors()))
