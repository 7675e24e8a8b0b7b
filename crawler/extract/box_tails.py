"""Text after a box: the bare sentences a page sets right after a picture or a quote box.

Some sites write the article as bare text with ``<br>`` breaks in its container, a picture's box
(an image and a caption paragraph) before the first sentence. The main-text pass reads that
sentence as the box's tail, and loses it when the box's last child ends in a blank tail (the
source's line break after the caption). A blank tail inside a box shows nothing, so it goes
from a box whose own tail holds text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.meta import XPATH_SPACE

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_BOXES = ("div", "figure", "section", "blockquote")


def drop_blank_box_ends(root: HtmlElement) -> None:
    """Remove, in place, the blank tail of the last child of each box whose tail holds text
    (blank: XPath's whitespace only); a box whose last node is no element is left alone."""
    for child in [child for box in root.iter(*_BOXES) if (child := _blank_end(box)) is not None]:
        child.tail = None


def _blank_end(box: HtmlElement) -> HtmlElement | None:
    """The box's last child when the box's tail holds text and that child is an element with a
    blank tail (a walk in Python: an XPath's sibling tests over every box cost three times
    as much)."""
    if not (box.tail or "").strip(XPATH_SPACE) or not len(box):
        return None
    child = box[-1]
    tail = child.tail
    return child if isinstance(child.tag, str) and tail and not tail.strip(XPATH_SPACE) else None
