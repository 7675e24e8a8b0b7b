"""Cards: boxes that repeat among their siblings, the entries of an article's list.

A box ending with a short link ("Get started") beside the article's text is a call to action,
but a listicle's entries (a guide's restaurants, each ending with "Book now") are boxes of the
same kind side by side, each with a paragraph of its own: their text is the article's. A row
of promotion boxes (a service's name, one line of pitch and "Learn more") repeats too, but
its lines are short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.meta import norm

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_MIN_CARDS = 3  # this many siblings of one tag and class make a list of cards
_ENTRY_CHARS = 150  # a block of an entry holds a paragraph this long; a pitch's line is shorter


def is_list_entry(box: HtmlElement, block: HtmlElement) -> bool:
    """Tell whether ``block``, a paragraph of ``_ENTRY_CHARS`` at least, sits in a box with
    siblings of its tag and class, ``_MIN_CARDS`` with it at least."""
    parent = box.getparent()
    if parent is None or len(norm(block.text_content())) < _ENTRY_CHARS:
        return False
    cls = box.get("class")
    same = (sibling for sibling in parent.iterchildren(box.tag) if sibling.get("class") == cls)
    return sum(1 for _ in zip(same, range(_MIN_CARDS), strict=False)) >= _MIN_CARDS
