"""The day a page's URL carries (``/art/2025/2/5/``, ``/2019/11/19/``, ``/2025/0310/``,
``/t20250310_``), the clock time the page shows for it, and the day archive its breadcrumb
trail links to.

The URL's day is the day the page was posted: :func:`crawler.extract.dates.find_published` keeps
it over a stated day that differs, a notice's signature date included (a notice is signed, then
posted; NRTA's pages state as their 发布时间 the URL's day, not the signature's). A URL day
without its time of day takes the clock time the page shows right after that day's year, month
and day, whatever separates them: a date split over elements
("<span>2025</span><span>05/19</span><span>14:22:36</span>"), a zone's name perhaps between
the day and the time ("2025-12-05 HKT 14:32", read in that zone).

A blog whose addresses carry no day may show it in its breadcrumb trail instead: "Home › 2026 ›
December › 2", each a link to an archive of the site, the last to the day's
(``/2026/12/02/``). That day is the post's.
"""

from __future__ import annotations

import re
from datetime import UTC
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from crawler.extract.date_parse import (
    CLOCK_NAME,
    ZH_WEEKDAY,
    ZONE_NAME,
    build_date,
    build_day,
    named_zone,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import datetime, timezone

_URL_RES = (
    re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=/|\b)"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})/(\d{2})/"),
    re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})/"),  # an exchange's filings, "/2025/0310/"
    re.compile(r"[/_-]t?((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|\d{6})"),  # TRS "/t20250310_"
)
_MONTH_RE = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(?!\d{1,2}(?:/|$))")
# The opening of a tag up to a class, id or label naming it a breadcrumb trail ("crumb": a
# "Breadcrumb", or a Chinese site's "crumb" holding "当前位置").
_CRUMB_TAG_RE = re.compile(
    r"""<(\w+)\b[^>]*\b(?:class|id|aria-label)\s*=\s*["'][^"'>]*$""", re.IGNORECASE
)
_CRUMB_CHARS = 4000  # how far a trail's links may run
_TAG_CHARS = 500  # how far before its class, id or label a tag may open
_HREF_RE = re.compile(r"""\bhref\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_GAP = r"[^\d\n]{1,3}"  # what may separate the year, month and day of a shown date
# The clock time, a zone's name perhaps before it ("2025-12-05 HKT 14:32"), or a weekday and a
# place's clock ("2025年12月5日（星期五）香港時間16時30分").
_CLOCK = (
    rf"[^\d\n]{{0,3}}{ZH_WEEKDAY}{CLOCK_NAME}(?:({ZONE_NAME})\s*)?"
    r"(\d{1,2})[:：时時](\d{2})(?:[:：分](\d{2}))?(?!\d)"
)


def url_date(url: str, default_tz: timezone) -> datetime | None:
    """Date carried by the URL path (``/art/2025/2/5/``, ``/2019/11/19/``, ``/20250716/``,
    ``/2025/0716/``)."""
    path = url.split("?", 1)[0]
    for pattern in _URL_RES:
        if m := pattern.search(path):
            return build_day(m.group(1), int(m.group(2)), m.group(3), default_tz)
    return None


def url_month(url: str) -> tuple[int, int] | None:
    """The year and month the URL path states without a day (``/2026/10/slug.html``: a blog's
    month archive), if it does."""
    if m := _MONTH_RE.search(url.split("?", 1)[0]):
        return int(m.group(1)), int(m.group(2))
    return None


def clocked(url_day: datetime, text: str) -> datetime:
    """The URL's day at the clock time ``text`` first shows right after that day's year, month
    and day (each number once, in that order, a few non-digits apart, or a weekday and a place's
    clock between); the day as it is when the text shows none."""
    day = rf"(?<!\d){url_day.year}{_GAP}0?{url_day.month}{_GAP}0?{url_day.day}"
    if not (m := re.search(day + _CLOCK, text)):
        return url_day
    zone, hour, minute, second = m.groups()
    tz = named_zone(zone) if zone else url_day.tzinfo or UTC
    hms = (hour, minute, second, None)
    timed = build_date(str(url_day.year), url_day.month, str(url_day.day), hms, tz)
    return timed or url_day  # no clock time: "25:61"


def crumb_day(html: str, url: str, default_tz: timezone) -> datetime | None:
    """The day of the last day archive on the page's site that its breadcrumb trail (an
    element whose class, id or label names it so) links to (``/2026/12/02/``), if any."""
    host = urlsplit(url).hostname
    found = None
    for trail in _crumb_trails(html):
        for href in _HREF_RE.findall(trail):
            target = urljoin(url, href)
            if urlsplit(target).hostname == host and (day := url_date(target, default_tz)):
                found = day
    return found


def _crumb_trails(html: str) -> Iterator[str]:
    """The markup inside each element named as a breadcrumb trail, up to its end tag or the
    end of the first element of its kind inside it (found by string search: a regular
    expression tried at every tag of a long page costs milliseconds)."""
    at = html.find("crumb")
    while at >= 0:
        start = html.rfind("<", max(0, at - _TAG_CHARS), at)
        opening = _CRUMB_TAG_RE.match(html, start, at) if start >= 0 else None
        if opening is not None and (inside := html.find(">", at) + 1) > 0:
            end = html.find(f"</{opening.group(1)}", inside, inside + _CRUMB_CHARS)
            if end >= 0:
                yield html[inside:end]
                at = end  # the trail's own items ("breadcrumb-item") are inside it
        at = html.find("crumb", at + 1)
