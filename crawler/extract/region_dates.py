"""Publication dates the article region states outside its text: in an image's ``alt``, or in an
element its class names a date.

Government sites show "发布日期：2026年12月03日" as a picture, against copying, and say it in
words to screen readers in its ``alt``; only a date labelled as the publication there counts.
Other pages close the story with its day alone in an element classed as its time
(``<span class="time">Dec 3, 2026</span>``), below the tags and share buttons that chrome
removal drops: those of the title's ``<article>`` are read before it (:func:`closing_days`). Only
one in the article region, or in that ``<article>``, outside any link or list item (a list of other
stories' dates) counts.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.date_parse import parse_loose
from crawler.extract.meta import norm

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from lxml.html import HtmlElement

__all__ = ["alt_date", "classed_date", "closing_days"]

_CLASSED_XPATH = etree.XPath(
    "descendant::*[contains(@class, 'ate') or contains(@class, 'ime')]"  # [Dd]ate, [Tt]ime
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


def closing_days(title_el: HtmlElement | None) -> tuple[str, ...]:
    """The days of :func:`classed_date` in the ``<article>`` holding the title, read before
    chrome removal drops its closing lines; none without one."""
    article = None if title_el is None else next(title_el.iterancestors("article"), None)
    return () if article is None else tuple(_classed_texts(article))


def classed_date(
    region: HtmlElement | None, closing: tuple[str, ...], tz: timezone
) -> datetime | None:
    """The day of the first element in ``region`` that its class names a date and whose whole
    text is one, outside links and list items; else the first of the ``closing`` days."""
    found = next(_classed_texts(region), None) if region is not None else None
    found = found or next(iter(closing), None)
    return parse_loose(found, tz) if found else None


def _classed_texts(container: HtmlElement) -> Iterator[str]:
    """The whole texts of the elements in ``container`` that their class names a date and whose
    whole text is a day, outside links and list items."""
    for element in _CLASSED_XPATH(container):
        if not _DATE_CLASS_RE.search(element.get("class", "")):
            continue
        if _WHOLE_DAY_RE.fullmatch(text := norm(element.text_content())) and not any(
            ancestor.tag in _LIST_TAGS for ancestor in element.iterancestors()
        ):
            yield text


def alt_date(
    region: HtmlElement, label: re.Pattern[str], tz: timezone, known: Set[date]
) -> datetime | None:
    """The date after a publication ``label`` in the ``alt`` of an image in ``region``."""
    for image in region.iter("img"):
        if (alt := image.get("alt")) and (m := label.search(norm(alt))):
            return parse_loose(m.group(1), tz, known)
    return None
