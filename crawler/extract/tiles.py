"""Product tiles: the cards of a shop's category page, which carry no linked headline.

A *tile* is one of several sibling blocks of one tag, each holding an image and a link to a page
no other tile of its group leads to (a link they share, a wish list or a cart, is passed over),
in a short text; it is *priced* when its text states a price (a currency sign or code beside a
number). A group counts when at least three of its siblings, and ``_REGULAR`` of them, are
tiles (priced tiles). Story cards are tiles too: only prices, or a section address
(``kind.py``), make a group of tiles a listing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml.etree import Element

from crawler.extract.listing import IMAGES, is_page_link
from crawler.extract.meta import norm

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

_MIN_GROUP = 3  # siblings of one tag needed to form a group
_REGULAR = 0.6  # ... and this share of them must be tiles
_MAX_TILE = 400  # characters (runs of whitespace as one): a longer block is no tile
_PRICE_RE = re.compile(r"[$£€¥₹₩₽]\s?\d|\d(?:[\d,.]*\d)?\s?(?:[$£€₹]|(?:USD|EUR|GBP|CHF|kr|zł)\b)")


@dataclass(frozen=True)
class Tiles:
    """The page's groups of tiles."""

    count: int = 0  # tiles in the largest group
    priced: int = 0  # priced tiles in the group with the most of them


def find_tiles(root: HtmlElement) -> Tiles:
    """The largest group of tiles under ``root``, and the largest group of priced tiles."""
    count = priced = 0
    for siblings in _sibling_runs(root):
        tiles, with_price = _tiles(siblings)
        needed = max(_MIN_GROUP, _REGULAR * len(siblings))
        if tiles >= needed:
            count = max(count, tiles)
        if with_price >= needed:
            priced = max(priced, with_price)
    return Tiles(count, priced)


def _sibling_runs(root: HtmlElement) -> Iterator[list[HtmlElement]]:
    """The children of one tag of each parent that has at least ``_MIN_GROUP`` of them."""
    for parent in root.iter(Element):  # elements only (the filter runs in C)
        if len(parent) < _MIN_GROUP:  # too few children of any kind
            continue
        children = list(parent.iterchildren(Element))
        tags = [child.tag for child in children]
        for tag in dict.fromkeys(tags):
            if tags.count(tag) >= _MIN_GROUP:
                yield [c for c in children if c.tag == tag]


def _tiles(siblings: list[HtmlElement]) -> tuple[int, int]:
    """Tiles among the siblings, one per distinct link, and how many of them are priced."""
    pictured = [s for s in siblings if next(s.iter(IMAGES), None) is not None]
    links = [[str(a.get("href")) for a in s.iter("a") if is_page_link(a)] for s in pictured]
    shared = _shared(links)
    seen: set[str] = set()
    priced = 0
    for sibling, hrefs in zip(pictured, links, strict=True):
        href = next((h for h in hrefs if h not in shared), hrefs[0] if hrefs else None)
        if href is None or href in seen or (text := _short_text(sibling)) is None:
            continue
        seen.add(href)
        priced += _PRICE_RE.search(text) is not None
    return len(seen), priced


def _shared(links: list[list[str]]) -> set[str]:
    """The addresses that more than one sibling links to (a wish list, a cart, a filter)."""
    seen: set[str] = set()
    shared: set[str] = set()
    for href in (h for hrefs in links for h in set(hrefs)):
        (shared if href in seen else seen).add(href)
    return shared


def _short_text(block: HtmlElement) -> str | None:
    """The block's text, None when it is too long for a tile."""
    text = block.text_content()
    if len(text) > _MAX_TILE and len(norm(text)) > _MAX_TILE:
        return None
    return text
