"""Teasers: a section's page whose whole prose is excerpts of stories found elsewhere.

A tag or category archive that holds one post or two shows each post's heading as a link to the
post and its excerpt, closed by a "Continue reading" link to the same post: too few items for a
group (``listing.py``), and prose enough for a short story. A front page's lead story is one
too: a linked picture, the heading and a dek of a few sentences, above a grid of headlines too
short to make a list. A teaser's heading leads away from the page, stands above its excerpt in
its block, and another link of that block (the picture above it, the "Continue reading" after
it) leads again where it leads; a story's own heading leads nowhere, or to the story itself.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from crawler.extract.listing import is_page_link
from crawler.extract.meta import squash

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

_HEADINGS = ("h1", "h2", "h3", "h4")
_LEVELS = 3  # ancestors of the heading searched for the block it opens


def only_teasers(root: HtmlElement, prose: Iterable[str], url: str) -> bool:
    """The page's ``prose`` (its paragraphs that say something) all stands in teasers: blocks
    where a heading linked away from ``url`` is followed by another link to the same page."""
    keys = [key for key in map(squash, prose) if key]
    if not keys or not url:
        return False
    here = _page(url, url)
    away = [(h, t) for h in root.iter(*_HEADINGS) if (t := _away(h, url, here)) is not None]
    if not away:
        return False
    order = {node: at for at, node in enumerate(root.iter())}  # document order
    texts: dict[HtmlElement, str] = {}  # squashed texts of the blocks read, read once each
    told = ""  # the squashed texts of the teasers found
    for heading, target in away:
        block = _teaser(heading, (target, url), keys, order, texts)
        if block is not None:
            told += "\x00" + texts[block]
    return bool(told) and all(key in told for key in keys)


def _away(heading: HtmlElement, url: str, here: str) -> str | None:
    """The page the heading leads to when it is wholly one link to a page other than ``here``,
    and says something (a site's logo is a heading of a picture alone)."""
    link = next(filter(is_page_link, heading.iter("a")), None)
    named = squash(heading.text_content())
    if link is None or not named or squash(link.text_content()) != named:
        return None
    target = _page(str(link.get("href")), url)
    return None if target == here else target


def _teaser(
    heading: HtmlElement,
    target: tuple[str, str],
    keys: list[str],
    order: dict[HtmlElement, int],
    texts: dict[HtmlElement, str],
) -> HtmlElement | None:
    """The nearest block a few levels above the heading holding some of the squashed paragraphs
    ``keys`` and, outside the heading, another link to ``target`` (the page, and the address its
    links are read against), when the heading opens it: no prose stands before the heading (a
    story's own prose around a card of another is no teaser)."""
    block, named = heading.getparent(), squash(heading.text_content())
    start = order[heading]
    end = start + sum(1 for _ in heading.iter())  # the first node after the heading
    for _ in range(_LEVELS):
        if block is None:
            return None
        if _links_again(block, (start, end), target, order):
            if block not in texts:
                texts[block] = squash(block.text_content())
            text = texts[block]
            if found := [at for key in keys if (at := text.find(key)) >= 0]:
                return block if min(found) > text.find(named) else None
        block = block.getparent()
    return None


def _links_again(
    block: HtmlElement,
    heading: tuple[int, int],
    target: tuple[str, str],
    order: dict[HtmlElement, int],
) -> bool:
    """The block holds, outside the heading (its first node and the first node after it in the
    document order), a link to the page ``target`` names."""
    (start, end), (page, url) = heading, target
    return any(
        not start <= order[a] < end and is_page_link(a) and _page(str(a.get("href")), url) == page
        for a in block.iter("a")
    )


@lru_cache(maxsize=256)
def _page(href: str, base: str) -> str:
    """The page a link leads to: its address resolved against ``base``, without scheme, a
    leading ``www.``, query, fragment or a closing slash."""
    parts = urlsplit(urljoin(base, href.strip()))
    return f"{parts.netloc.lower().removeprefix('www.')}{parts.path.rstrip('/')}"
