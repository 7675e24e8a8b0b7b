"""Quotations set in a figure: a pull quote that the page says nowhere else is the body's.

trafilatura drops every ``<figure>`` (pictures, embeds, charts). A figure holding a
``<blockquote>`` and nothing to show or follow (no picture, video, frame, embed or link) is a
quotation set apart from the paragraphs. When the rest of the page does not repeat its opening
(a pull quote lifted from a paragraph does), it is said there only, and it is read as a block
of the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.meta import squash

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_NOT_QUOTE = ("img", "picture", "video", "audio", "iframe", "svg", "canvas", "object", "embed", "a")
_OPENING = 40  # characters (squashed) of the quotation looked for elsewhere on the page


def quote_figures_as_text(root: HtmlElement) -> None:
    """Turn in place each figure that holds only a quotation said nowhere else into a block."""
    figures = [
        figure
        for figure in root.iter("figure")
        if next(figure.iter("blockquote"), None) is not None
        and next(figure.iter(*_NOT_QUOTE), None) is None
    ]
    if not figures:
        return
    page = squash(root.text_content())
    for figure in figures:
        opening = squash(figure.text_content())[:_OPENING]
        if opening and page.count(opening) == 1:
            figure.tag = "div"
