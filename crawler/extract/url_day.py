"""The day a page's URL carries (``/art/2025/2/5/``, ``/2019/11/19/``, ``/t20250310_``), and the
clock time the page shows for it.

The URL's day is the day the page was posted: :func:`crawler.extract.dates.find_published` keeps
it over a stated day that differs, a notice's signature date included (a notice is signed, then
posted; NRTA's pages state as their 发布时间 the URL's day, not the signature's). A URL day
without its time of day takes the clock time the page shows right after that day's year, month
and day, whatever separates them: a date split over elements
("<span>2025</span><span>05/19</span><span>14:22:36</span>").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.date_parse import build_day

if TYPE_CHECKING:
    from datetime import datetime, timezone

_URL_RES = (
    re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=/|\b)"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})/(\d{2})/"),
    re.compile(r"[/_-]t?((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|\d{6})"),  # TRS "/t20250310_"
)
_GAP = r"[^\d\n]{1,3}"  # what may separate the year, month and day of a shown date
_CLOCK = r"[^\d\n]{0,3}(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)"


def url_date(url: str, default_tz: timezone) -> datetime | None:
    """Date carried by the URL path (``/art/2025/2/5/``, ``/2019/11/19/``, ``/20250716/``)."""
    path = url.split("?", 1)[0]
    for pattern in _URL_RES:
        if m := pattern.search(path):
            return build_day(m.group(1), int(m.group(2)), m.group(3), default_tz)
    return None


def clocked(url_day: datetime, text: str) -> datetime:
    """The URL's day at the clock time ``text`` first shows right after that day's year, month
    and day (each number once, in that order, a few non-digits apart); the day as it is when
    the text shows none."""
    day = rf"(?<!\d){url_day.year}{_GAP}0?{url_day.month}{_GAP}0?{url_day.day}"
    if not (m := re.search(day + _CLOCK, text)):
        return url_day
    hour, minute, second = m.groups()
    try:
        return url_day.replace(hour=int(hour), minute=int(minute), second=int(second or 0))
    except ValueError:  # no clock time: "25:61"
        return url_day
