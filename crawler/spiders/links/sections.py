"""Lists split into sections: the same items under headings (A–Z indexes, archives by month)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from lxml import etree

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SILENT = frozenset({"link", "style", "script", "meta", "noscript", "template"})
_LEVELS = 3  # how far above a section's list its heading may sit
_MIN_SECTIONS = 3
_MIN_ITEMS = 2  # a section is a list of its own


def headed_sections(items: Iterable[etree._Element]) -> int:
    """How many headed sections a list's items are spread over (0 when fewer than three).

    Items sharing a parent form one block, a section when it holds two or more. A section is
    headed when the element before it, or before one of its nearest ancestors, is a heading or
    holds one (``<h2>B</h2>`` above the ``<ul>`` of the B entries).
    """
    blocks = Counter(item.getparent() for item in items if item.getparent() is not None)
    headed = sum(1 for block, n in blocks.items() if n >= _MIN_ITEMS and _heading_before(block))
    return headed if headed >= _MIN_SECTIONS else 0


def _heading_before(block: etree._Element) -> bool:
    element: etree._Element | None = block
    for _ in range(_LEVELS):
        if element is None:
            return False
        before = _previous(element)
        if before is not None:
            return _is_heading(before)
        element = element.getparent()
    return False


def _previous(element: etree._Element) -> etree._Element | None:
    """The nearest earlier sibling element that shows something (no styles or scripts)."""
    sibling = element.getprevious()
    while sibling is not None and (not isinstance(sibling.tag, str) or sibling.tag in _SILENT):
        sibling = sibling.getprevious()
    return sibling


def _is_heading(element: etree._Element) -> bool:
    return element.tag in _HEADINGS or any(child.tag in _HEADINGS for child in element)
