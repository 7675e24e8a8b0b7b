"""Text after a box: the bare sentences a page sets right after a picture or a quote box.

Some sites write the article as bare text with ``<br>`` breaks in its container, a picture's box
(an image and a caption paragraph) before the first sentence. The main-text pass reads that
sentence as the box's tail, and loses it when the box's last child ends in a blank tail (the
source's line break after the caption). A blank tail inside a box shows nothing, so it goes
from a box whose own tail holds text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# The blank-tailed last children of boxes followed by text, selected in C.
_BLANK_ENDS_XPATH = etree.XPath(
    "/descendant::*[self::div or self::figure or self::section or self::blockquote]"
    "[following-sibling::node()[1][self::text()][normalize-space()]]"
    "/*[last()][following-sibling::node()[self::text()][not(normalize-space())]]"
    "[not(following-sibling::node()[not(self::text())])]"
)


def drop_blank_box_ends(root: HtmlElement) -> None:
    """Remove, in place, the blank tail of the last child of each box whose tail holds text."""
    for child in _BLANK_ENDS_XPATH(root):
        child.tail = None
