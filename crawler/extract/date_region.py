"""Where a page's own dates are read: the article region around its title, without the link
lists and boxes of cards that carry other pages' dates (related, latest, hot; "More news": a
few teasers, each a headline link and its date).
"""

from __future__ import annotations

from copy import deepcopy
from itertools import islice
from typing import TYPE_CHECKING

from crawler.extract.meta import text_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_LINK_LIST_TAGS = ("ul", "ol", "table", "dl")
_CARD_BOX_TAGS = ("div", "section")
_MIN_CARDS = 3  # a box of cards holds this many children, each holding a link
_LINK_DENSITY = 0.5  # a list or box with this share of its text in links is a link list
_REGION_SHARE = 0.7  # the article region holds this share of the main text


def article_region(
    root: HtmlElement, title_el: HtmlElement | None, main_len: int
) -> HtmlElement | None:
    """Smallest ancestor of the title that holds ``_REGION_SHARE`` of the main text (``main_len``
    characters without whitespace); the body if none does.

    None when the title element is unknown: then nothing anchors the article on the page.
    """
    body = root.find("body")
    body = root if body is None else body
    if title_el is None or title_el.getroottree().getroot() is not root:
        return None
    el = title_el
    while el is not None and el is not body:
        if text_len(el) >= _REGION_SHARE * main_len:
            return el
        el = el.getparent()
    return body


def article_said(title_el: HtmlElement | None) -> str:
    """The text of the ``<article>`` holding the title, read before chrome removal drops its
    closing lines ("Filed under Apps on December 3, 2026", below a byline's "2 days ago");
    empty without one."""
    article = None if title_el is None else next(title_el.iterancestors("article"), None)
    return "" if article is None else " ".join(article.itertext())


def without_link_lists(region: HtmlElement, *, cards: bool = False) -> HtmlElement:
    """Copy of the region without lists and tables made mostly of links, and with ``cards``
    without such boxes of cards too (a labelled date stays: a byline can sit in a box of
    links, a category's and the author's)."""
    region = deepcopy(region)
    tags = (*_LINK_LIST_TAGS, *_CARD_BOX_TAGS) if cards else _LINK_LIST_TAGS
    for block in list(region.iterdescendants(*tags)):
        if block.tag in _CARD_BOX_TAGS and not _holds_cards(block):
            continue
        text = text_len(block)
        linked = sum(text_len(a) for a in block.iterfind(".//a"))
        if text and linked >= _LINK_DENSITY * text and block.getparent() is not None:
            block.drop_tree()
    return region


def _holds_cards(box: HtmlElement) -> bool:
    """Tell whether ``_MIN_CARDS`` of the box's children are or hold a link (counted only as
    far as needed; a box with fewer children has none to count)."""
    if len(box) < _MIN_CARDS:
        return False
    cards = (c for c in box.iterchildren("*") if c.tag == "a" or c.find(".//a") is not None)
    return next(islice(cards, _MIN_CARDS - 1, None), None) is not None
