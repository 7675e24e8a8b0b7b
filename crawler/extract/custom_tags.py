"""Custom elements (``<yt-attributed-string>``, ``<shreddit-title>``: a tag name with a hyphen)
read as ``<span>``.

trafilatura knows no such tag: text a custom element holds itself, or in inline children, is
lost unless a paragraph holds the element (a video page's description, its first lines in
``<span>``s between ``<br>``s, came out without them). A ``<span>`` keeps that text in every
place it may stand: alone in a ``<div>``, inside a paragraph, or around paragraphs. The tag's
name becomes a class name of the span, so that the rules reading names still see a
``<cookie-consent>`` or a ``<site-footer>`` for what it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_CUSTOM_TAG_RE = re.compile(r"<[A-Za-z][\w.]*-")  # the opening of a custom element's tag


def custom_as_spans(root: HtmlElement, html: str) -> None:
    """Rename the custom elements under ``root`` (and beside it) to ``span`` in place; the
    HTML is searched first: most pages have none."""
    if _CUSTOM_TAG_RE.search(html) is None:
        return
    tops = (*root.itersiblings(preceding=True), root, *root.itersiblings())
    for top in tops:
        if not isinstance(top.tag, str):
            continue
        for element in top.iter():
            if isinstance(element.tag, str) and "-" in element.tag:
                names = element.get("class", "")
                element.set("class", f"{element.tag} {names}".strip())
                element.tag = "span"
