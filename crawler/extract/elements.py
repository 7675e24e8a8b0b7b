"""The element class of the trees extraction parses.

``text_content()`` of ``lxml.html`` evaluates the XPath ``string()`` for each call: a context
built for every element read. Serialising the element as text gives the same string (libxml2
reads both as the node's content: the texts of its descendants, without its tail) in about half
the time, and every step and trafilatura's passes over copies of the tree read texts hundreds of
times a page. About half of those reads are of an element without children (a link, a heading,
a paragraph of plain text), whose text is its ``text`` alone: read so, it costs a tenth.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement


class PageElement(HtmlElement):
    """An ``HtmlElement`` whose text is read by serialising it as text."""

    def text_content(self) -> str:
        """The texts of the element and its descendants, its tail left out."""
        if not len(self):  # no child node (element, entity or comment): its text is all
            return self.text or ""
        return etree.tostring(self, method="text", encoding="unicode", with_tail=False)
