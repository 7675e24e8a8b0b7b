"""The day a ``<time>`` shows its readers when its ``datetime`` is a UTC instant of another day.

A site that renders a UTC instant (``datetime="2025-03-06T23:30:00Z"``) as a day in its own
zone shows "7 March 2025": the stored publication keeps the instant, set in the zone nearest UTC
that puts it on the shown day (here ``2025-03-07T00:30+01:00``), so that its day is the one the
page shows. A ``<time>`` whose ``datetime`` states its own zone shows that zone's day already.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, NamedTuple

from crawler.extract.date_parse import parse_date, parse_loose

if TYPE_CHECKING:
    from collections.abc import Iterable

_MIN_OFFSET, _MAX_OFFSET = -12, 14  # the whole-hour offsets of the world's zones


class ShownTime(NamedTuple):
    """A ``<time>`` element's ``datetime`` and the text it shows, and whether its class marks
    it as the entry's publication (hAtom's ``published``: WordPress's ``entry-date published``)."""

    value: str
    text: str
    published: bool = False


def on_shown_day(found: datetime, shown: Iterable[ShownTime], tz: timezone) -> datetime:
    """``found`` set on the day a ``<time>`` shows for it: when it is that ``<time>``'s UTC
    instant, or that day without its time of day (it then takes the instant)."""
    for time in shown:
        if (pair := _utc_shown(time, tz)) is None:
            continue
        instant, day = pair
        if found == instant or (is_midnight(found) and found.date() == day):
            return _on_day(instant, day, tz) or found
    return found


def _utc_shown(time: ShownTime, tz: timezone) -> tuple[datetime, date] | None:
    """The UTC instant of a ``<time>`` and the other day its text shows without a time."""
    instant = parse_date(time.value, tz) if time.text.strip() else None
    if instant is None or instant.utcoffset() or is_midnight(instant):
        return None
    day = parse_loose(time.text, tz)
    if day is None or not is_midnight(day) or day.date() == instant.date():
        return None
    return instant, day.date()


def _on_day(instant: datetime, day: date, tz: timezone) -> datetime | None:
    """The instant in the zone that puts it on ``day``: the page's zone, else the whole-hour
    offset nearest UTC; None when the day is more than a day away."""
    if abs((instant.date() - day).days) > 1:
        return None
    hours = sorted(range(_MIN_OFFSET, _MAX_OFFSET + 1), key=abs)
    for zone in (tz, *(timezone(timedelta(hours=h)) for h in hours)):
        if (moved := instant.astimezone(zone)).date() == day:
            return moved
    return None


def is_midnight(value: datetime) -> bool:
    """Tell whether a time is 00:00:00: a day stated without its time of day."""
    return (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)


def same_day(date: datetime, other: datetime | None) -> bool:
    """Tell whether ``other`` is known and falls on ``date``'s day (each in its own zone)."""
    return other is not None and date.date() == other.date()
