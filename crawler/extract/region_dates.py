"""Publication dates the article region states outside its text: in an image's ``alt``, or in an
element its class names a date.

Government sites show "发布日期：2026年12月03日" as a picture, against copying, and say it in
words to screen readers in its ``alt``; only a date labelled as the publication there counts.
Other pages close the story with its day alone in an element classed as its time
(``<span class="time">Dec 3, 2026</span>``), below the tags and share buttons that chrome
removal drops: such elements are read before it (:func:`classed_days`), and one counts when the
article region held it, outside any link or list item (a list of other stories' dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.date_parse import parse_loose
from crawler.extract.meta import norm

if TYPE_CHECKING:
    from collections.abc import Set

    from lxml.html import HtmlElement

__all__ = ["ClassedDay", "alt_date", "classed_date", "classed_days"]

_CLASSED_XPATH = etree.XPath(
    "/descendant::*[contains(@class, 'ate') or contains(@class, 'ime')]"  # [Dd]ate, [Tt]ime
)
# A class naming an element as a date or time: "time", "pub-date", "publish_time", "pubtime".
_DATE_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:pub|publish)?[-_]?(?:date|time)(?:$|[\s_-])", re.I)
_CLOCK = r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?"
# A whole text that is one day: year first, or with the month's name, perhaps with its time.
_WHOLE_DAY_RE = re.compile(
    r"(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})" + _CLOCK
)
_LIST_TAGS = frozenset({"a", "li"})


@dataclass(frozen=True)
class ClassedDay:
    """The text of an element classed as a date, and how many levels above the title element
    their closest common ancestor stands."""

    text: str
    height: int


def classed_days(root: HtmlElement, title_el: HtmlElement | None) -> tuple[ClassedDay, ...]:
    """The elements whose class names a date and whose whole text is one, outside links and
    list items, each with its place relative to the title (no element is kept: the tree is
    read again after chrome removal)."""
    if title_el is None:
        return ()
    heights = {ancestor: height for height, ancestor in enumerate(title_el.iterancestors(), 1)}
    found = []
    for element in _CLASSED_XPATH(root):
        if not _DATE_CLASS_RE.search(element.get("class", "")):
            continue
        if _WHOLE_DAY_RE.fullmatch(text := norm(element.text_content())):
            ancestors = list(element.iterancestors())
            if any(ancestor.tag in _LIST_TAGS for ancestor in ancestors):
                continue
            common = next((heights[a] for a in ancestors if a in heights), None)
            if common is not None:
                found.append(ClassedDay(text, common))
    return tuple(found)


def classed_date(
    days: tuple[ClassedDay, ...],
    title_el: HtmlElement | None,
    region: HtmlElement | None,
    tz: timezone,
) -> datetime | None:
    """The day of the first of ``days`` that ``region``, an ancestor of ``title_el``, held."""
    if title_el is None or region is None:
        return None
    height = next((h for h, a in enumerate(title_el.iterancestors(), 1) if a is region), 0)
    held = (day for day in days if day.height <= height)
    return parse_loose(day.text, tz) if (day := next(held, None)) else None


def alt_date(
    region: HtmlElement, label: re.Pattern[str], tz: timezone, known: Set[date]
) -> datetime | None:
    """The date after a publication ``label`` in the ``alt`` of an image in ``region``."""
    for image in region.iter("img"):
        if (alt := image.get("alt")) and (m := label.search(norm(alt))):
            return parse_loose(m.group(1), tz, known)
    return None
