"""Relative time stamps of a byline ("3 hours ago", "5分钟前", "yesterday at 10:30", "昨天 08:15")
resolved against the moment the page was fetched; a stamp coarser than a day ("2 weeks ago") is
told as one (``has_relative``) but never resolved. ``stamps.py`` tells its stamps by the same
pattern."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import timezone

_UNIT_SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600}
_UNIT_SECONDS |= {"day": 86400, "秒": 1, "分钟": 60, "小时": 3600, "天": 86400}
_COARSE_UNITS = ("week", "month")  # units of a stamp too, but coarser than a day: never resolved
_EN_UNITS = "|".join([*(unit for unit in _UNIT_SECONDS if unit.isascii()), *_COARSE_UNITS])
_ZH_UNITS = "|".join(unit for unit in _UNIT_SECONDS if not unit.isascii())
# "N units ago" ("3 hours ago", "2 weeks ago", "5分钟前"): the number, then the English unit or
# the Chinese one.
AGO_RE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:({_EN_UNITS})s?\s+ago\b|({_ZH_UNITS})前)", re.IGNORECASE
)
# "Yesterday" alone is a word of running text; with a clock time it is a stamp.
_DAYS_BACK = {"yesterday": 1, "昨天": 1, "前天": 2}
_DAYS_BACK_RE = re.compile(
    r"(yesterday|昨天|前天)[,\s]*(?:at\s+)?(\d{1,2})[:：](\d{2})(?!\d)\s*([ap]\.?m\.?)?",
    re.IGNORECASE,
)


def has_relative(text: str) -> bool:
    """Tell whether ``text`` holds a relative stamp."""
    return AGO_RE.search(text) is not None or _DAYS_BACK_RE.search(text) is not None


def relative_dates(text: str, fetched_at: datetime, tz: timezone) -> Iterator[tuple[int, datetime]]:
    """Every relative stamp in ``text`` as (start, moment in ``tz``), in order."""
    found: list[tuple[int, datetime | None]]
    found = [(m.start(), _ago(m, fetched_at, tz)) for m in AGO_RE.finditer(text)]
    found += [(m.start(), _days_back(m, fetched_at, tz)) for m in _DAYS_BACK_RE.finditer(text)]
    yield from sorted((start, date) for start, date in found if date is not None)


def _ago(m: re.Match[str], fetched_at: datetime, tz: timezone) -> datetime | None:
    """``fetched_at`` less "N units"; None for a unit coarser than a day."""
    unit = (m.group(2) or m.group(3)).lower()
    if unit in _COARSE_UNITS:
        return None
    return (fetched_at - timedelta(seconds=int(m.group(1)) * _UNIT_SECONDS[unit])).astimezone(tz)


def _days_back(m: re.Match[str], fetched_at: datetime, tz: timezone) -> datetime | None:
    """The clock time on the day one or two days before the fetch, in ``tz``."""
    hour, minute, ampm = int(m.group(2)), int(m.group(3)), (m.group(4) or "").lower()
    hour = hour + 12 if ampm.startswith("p") and hour < 12 else hour
    hour = 0 if ampm.startswith("a") and hour == 12 else hour
    if hour > 23 or minute > 59:
        return None
    day = fetched_at.astimezone(tz) - timedelta(days=_DAYS_BACK[m.group(1).lower()])
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)
