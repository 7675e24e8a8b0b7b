"""Inline elements that are words of a sentence, whatever their id or class says.

A link or a span inside a paragraph's running text ("set aside as a <a class=
"recommendation-inline-link">vegetable garden</a>.") is part of the sentence: removing it as
chrome for its class name leaves a hole in the text. Chrome of that kind (a share button, a
"related" link) stands in a box of its own, which chrome removal finds by the box's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.meta import squashed_len, text_len

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_INLINE_TAGS = frozenset("a span em strong b i u abbr mark small cite font q".split())
_MIN_OWN_TEXT = 30  # characters (whitespace aside) of the parent's own text around the element


def in_running_text(element: HtmlElement) -> bool:
    """Tell whether an inline element sits inside a sentence: its parent's own text (outside
    any child element) is at least ``_MIN_OWN_TEXT`` long and longer than the element's."""
    if element.tag not in _INLINE_TAGS:
        return False
    parent = element.getparent()
    if parent is None:
        return False
    own = squashed_len((parent.text or "") + "".join(child.tail or "" for child in parent))
    return own >= _MIN_OWN_TEXT and own > text_len(element)
