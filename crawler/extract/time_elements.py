"""The page's own ``<time>`` elements, read before chrome removal: a date of this page, even in
an aside that chrome removal drops, but not one in a link or a list (another page's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.shown_days import ShownTime

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

_PUBLISHED = "published"  # hAtom's class of an entry's publication time


def own_times(root: HtmlElement) -> tuple[ShownTime, ...]:
    """The ``datetime`` and text of every ``<time>`` outside links and lists, before chrome
    removal."""
    elements = _own_time_elements(root)
    return tuple(
        ShownTime(_time_value(el) or "", el.text_content(), _PUBLISHED in el.classes)
        for el in elements
    )


def _time_value(element: HtmlElement) -> str | None:
    """A ``<time>``'s ``datetime``, else its first data attribute named for a time or date where
    a script renders its text (``<time data-time="2025-06-02 18:20">昨天 18:20``); None without
    either."""
    if (value := element.get("datetime")) is not None:
        return value
    named = (
        value
        for name, value in element.attrib.items()
        if name.startswith("data-") and ("time" in name or "date" in name)
    )
    return next(named, None)


def _own_time_elements(root: HtmlElement) -> Iterator[HtmlElement]:
    """The ``<time>`` elements outside links and lists (a date of this page, even in an aside
    chrome removal drops) holding a value (:func:`_time_value`), in document order,
    also in an element the parser left beside the root: walks by tag, faster than an XPath."""
    tops = (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings())
    for top in tops:
        if not isinstance(top.tag, str):
            continue
        for el in top.iter("time"):
            if _time_value(el) is not None and next(el.iterancestors("a", "li"), None) is None:
                yield el
