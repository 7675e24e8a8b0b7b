"""Lists split into sections: the same items under headings (A–Z indexes, archives by month)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from lxml import etree

from crawler.spiders.links.anchors import element_text
from crawler.spiders.links.features import title_units

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SILENT = frozenset({"link", "style", "script", "meta", "noscript", "template"})
_LEVELS = 3  # how far above a section's list its heading may sit
_MIN_SECTIONS = 3
_MIN_ITEMS = 2  # a section is a list of its own
_PARAGRAPH_WORDS = 12  # a paragraph of text, not a caption or a line of an index


def headed_sections(items: Iterable[etree._Element]) -> int:
    """How many headed sections a list's items are spread over (0 when fewer than three).

    Items sharing a parent form one block, a section when it holds two or more. A section is
    headed when the element before it, or before one of its nearest ancestors, is a heading or
    holds one (``<h2>B</h2>`` above the ``<ul>`` of the B entries).
    """
    blocks = Counter(item.getparent() for item in items if item.getparent() is not None)
    headed = [s for b, n in blocks.items() if n >= _MIN_ITEMS and (s := _headed(b)) is not None]
    if len(headed) < _MIN_SECTIONS or _among_prose(headed):
        return 0
    return len(headed)


def _headed(block: etree._Element) -> etree._Element | None:
    """The block, or the ancestor of it, that follows a heading; None if none does."""
    element: etree._Element | None = block
    for _ in range(_LEVELS):
        if element is None:
            return None
        before = _previous(element)
        if before is not None:
            return element if _is_heading(before) else None
        element = element.getparent()
    return None


def _among_prose(sections: list[etree._Element]) -> bool:
    """Whether the sections sit among as many paragraphs of text: an article's lists.

    An index's sections follow one another, a heading over each; a text's headed parts hold
    paragraphs, and the few short lists among them are the text's own (a buying guide's).
    """
    containers = {s.getparent() for s in sections if s.getparent() is not None}
    paragraphs = sum(
        1
        for container in containers
        for child in container
        if child.tag == "p" and title_units(element_text(child)) >= _PARAGRAPH_WORDS
    )
    return paragraphs >= len(sections)


def _previous(element: etree._Element) -> etree._Element | None:
    """The nearest earlier sibling element that shows something (no styles or scripts)."""
    sibling = element.getprevious()
    while sibling is not None and (not isinstance(sibling.tag, str) or sibling.tag in _SILENT):
        sibling = sibling.getprevious()
    return sibling


def _is_heading(element: etree._Element) -> bool:
    return element.tag in _HEADINGS or any(child.tag in _HEADINGS for child in element)
