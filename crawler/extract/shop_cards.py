"""Shop cards: a row of products set inside a post (a name, a price, "Add to cart").

A shop's blog lays its products out among the paragraphs as cards of one kind side by side,
each ending with a buying link. The cards are the shop's catalogue, not the post's text: a box
of ``_MIN_CARDS`` or more children of one tag, each short and holding a buying link, goes with
all of them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.folding import fold, holds_any
from crawler.extract.meta import norm, text_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_MIN_CARDS = 3  # this many products side by side make a row of shop cards
_MAX_CARD = 120  # characters: a card holding more is an entry of the post's own list
# A buying link's words, looked for in the page's folded text (see :mod:`.folding`).
_SELLS = ("add to cart", "add to basket", "add to bag", "buy now", "shop now", "select options")
_BUY_RE = re.compile(r"(?i)^(?:add to (?:cart|basket|bag)|buy now|shop now|select options)$")


def drop_shop_cards(root: HtmlElement, folded: str | None = None) -> None:
    """Remove in place each box of shop cards under ``root``; its text is searched first: most
    pages sell nothing. ``folded`` is the :func:`fold` of that text when the caller read it."""
    if not holds_any(fold(root.text_content()) if folded is None else folded, _SELLS):
        return
    for box in [el for el in root.iter("ul", "ol", "div") if _is_card_row(el)]:
        if box.getparent() is not None:
            box.drop_tree()


def _is_card_row(box: HtmlElement) -> bool:
    """Tell whether ``box`` holds shop cards only: ``_MIN_CARDS`` children or more, of one tag,
    each short and holding a buying link."""
    cards = [child for child in box if isinstance(child.tag, str)]
    if len(cards) < _MIN_CARDS or len({card.tag for card in cards}) != 1:
        return False
    return all(text_len(card) <= _MAX_CARD and _buys(card) for card in cards)


def _buys(card: HtmlElement) -> bool:
    """Tell whether ``card`` holds a link or button that buys the product."""
    return any(_BUY_RE.match(norm(el.text_content())) for el in card.iter("a", "button"))
