"""The time a relative byline stamp holds in its markup: "Posted 3 hours ago" that a script wrote
from ``data-published="2026-12-05T06:20:00Z"``, or the timeago plugin's
``<abbr class="timeago" title="2026-12-05T06:20:00Z">``, or a ``title`` that writes it out
("Saturday, December 5, 2026 at 9:14 AM UTC"). The attribute states the publication time whatever
the moment the page was fetched."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING

from crawler.extract.date_parse import parse_date
from crawler.extract.meta import norm
from crawler.extract.relative_date import has_relative

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

_AFTER_ELEMENTS = 30  # how many elements after the title a byline's stamp may be
_MAX_STAMP = 80  # characters of a stamp element's text: a byline line, not a paragraph
# An ISO 8601 day or time ("2026-12-05T06:20:00Z"), or Unix seconds or milliseconds.
_ISO_RE = re.compile(
    r"(?:19|20)\d{2}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_EPOCH_RE = re.compile(r"1\d{9}(?:\d{3})?")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")  # a written-out time states its year
_MS_DIGITS = 13
_UPDATED_RE = re.compile(r"(?i)updated|modified|edited|更新")  # an update's stamp dates no post


def stamp_value(title_el: HtmlElement) -> str:
    """The time an attribute (``data-*``, ``title``) of the first relative stamp after the
    title states, as ISO 8601 (a Unix time in UTC); empty without one, or when that stamp is
    labelled as an update ("Updated 2 hours ago")."""
    for element in islice(_following(title_el), _AFTER_ELEMENTS):
        text = norm(element.text_content())
        if len(text) > _MAX_STAMP or not has_relative(text):
            continue
        if _UPDATED_RE.search(text):
            return ""
        if value := _stated(element):
            return value
    return ""


def _following(element: HtmlElement) -> Iterator[HtmlElement]:
    """The elements after ``element`` in document order (XPath's ``following::*``)."""
    for level in (element, *element.iterancestors()):
        for sibling in level.itersiblings():
            if isinstance(sibling.tag, str):
                yield sibling
                yield from (el for el in sibling.iterdescendants() if isinstance(el.tag, str))


def _stated(element: HtmlElement) -> str:
    """The time the element's ``data-*`` or ``title`` attribute states whole, if any: as ISO
    8601 or Unix time, or (a ``title``) written out with its year."""
    for name, value in element.attrib.items():
        if not (name.startswith("data-") or name == "title"):
            continue
        value = value.strip()
        if _ISO_RE.fullmatch(value):
            return value
        if _EPOCH_RE.fullmatch(value):
            seconds = int(value) / (1000 if len(value) == _MS_DIGITS else 1)
            return datetime.fromtimestamp(seconds, UTC).isoformat()
        if name == "title" and _YEAR_RE.search(value) and parse_date(value, UTC) is not None:
            return value
    return ""
