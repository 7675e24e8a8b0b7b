"""Cards: boxes that repeat among their siblings, the items of an article's list.

A box ending with a short link ("Get started") beside the article's text is a call to action,
but a listicle's entries (a guide's restaurants, each ending with "Book now") are boxes of the
same kind side by side: their text is the article's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_MIN_CARDS = 3  # this many siblings of one tag and class make a list of cards


def is_repeated_card(box: HtmlElement) -> bool:
    """Tell whether the box has siblings of its tag and class, this many with it at least."""
    parent = box.getparent()
    if parent is None:
        return False
    cls = box.get("class")
    same = (sibling for sibling in parent.iterchildren(box.tag) if sibling.get("class") == cls)
    return sum(1 for _ in zip(same, range(_MIN_CARDS), strict=False)) >= _MIN_CARDS
