"""A day shown beside the title without its year, the year taken from the page's address, or
else from its copyright line.

Chinese portals show "12月5日 10:20" or "12-04 10:32" under the headline, a blog's byline
"December 5", and wire copy opens with a dateline, "SEOUL, Dec. 3 (Yonhap) --": the year is left
out because it is the current one. The page's address often states it: a ``/2026/`` folder, or
an identifier that opens with the day ("AEN20261203003600315"), which must then be the shown month
and day. Without one, a day shown with its clock time ("12-03 09:15": a stamp, not an event's or
a text's day) is in the copyright line's year ("© 2026", the last of "©2019-2026"), the current
one the page was rendered in. A day inside a Chinese sentence ("12月5日上午，…") is the
text's, not the byline's, unless a clock time follows it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from crawler.extract.date_parse import MONTH_WORD, build_date, month_number
from storage.cjk import HAN

if TYPE_CHECKING:
    from collections.abc import Set
    from datetime import date, datetime, timezone

    from crawler.extract.byline import TitleContext

_NEAR_CHARS = 400  # how far after the title a byline's day may sit
_BYLINE_CHARS = 120  # ... an English one that no day the markup states confirms
_ZH_DAY_RE = re.compile(
    rf"(?<![\d年/.\-])(\d{{1,2}})月(\d{{1,2}})日(?:\s*(\d{{1,2}}):(\d{{2}})|(?![{HAN}，、；\d]))"
)
# A wire dateline: a city in capitals (and a region or country), the month and day, the
# agency in brackets, a dash.
_DATELINE_RE = re.compile(
    r"(?<![\w,])[A-Z][A-Z.'\- ]{1,30},(?:\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?,)?\s+"
    rf"({MONTH_WORD})\.?\s+(\d{{1,2}})\s*"
    r"\([A-Z][\w&.' -]{1,30}\)\s*(?:-|–|—)"
)

# An English month and day without a year after it ("Nov 5", "Sept. 30th").
_EN_DAY_RE = re.compile(
    rf"(?<![\w/.-])({MONTH_WORD})\.?\s+(\d{{1,2}})"
    r"(?:st|nd|rd|th)?(?![\d:]|\s*,?\s*(?:19|20)\d{2})"
)

# A month and day joined by a dash with the clock time after it ("12-04 10:32": a Chinese
# portal's byline).
_CLOCKED_DAY_RE = re.compile(r"(?<![\d/.:-])(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})(?![\d/.:-])")


# A copyright line's year, the last of a range.
_COPYRIGHT_RE = re.compile(
    r"(?i)(?:©|&copy;|&#169;|copyright)\s*(?:(?:19|20)\d{2}\s*[-–—~～]\s*)?((?:19|20)\d{2})(?!\d)"
)


def yearless_day(
    context: TitleContext, url: str, tz: timezone, known: Set[date] = frozenset(), html: str = ""
) -> datetime | None:
    """The day (and clock time, if shown) right after the title without its year, in the
    year ``url`` states; an English byline's month and day around the title ("Posted on
    Nov 5") in the year of the one day of the ``known`` days (those the markup states) on that
    month and day, else, right around the title, in the year ``url`` states; a dashed month and
    day right after the title only with its clock time ("12-04 10:32"); a day shown with its clock
    time in the year of the copyright line in ``html`` when the address states none; None when no
    day is shown or no year is stated for it."""
    window = context.after[:_NEAR_CHARS]
    if m := _ZH_DAY_RE.search(window):
        month, day, hour, minute = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
    elif m := _DATELINE_RE.search(window):
        month, day = month_number(m.group(1)), int(m.group(2))
        hour = minute = None
    elif m := _EN_DAY_RE.search(f"{context.before}\n{window}"):
        month, day = month_number(m.group(1)), int(m.group(2))
        years = {
            known_day.year
            for known_day in known
            if (known_day.month, known_day.day) == (month, day)
        }
        if len(years) == 1:
            return build_date(str(years.pop()), month, str(day), (None, None, None, None), tz)
        if m.start() > len(context.before) + _BYLINE_CHARS:  # further down: the text's day
            return None
        hour = minute = None
    elif m := _CLOCKED_DAY_RE.search(window):
        month, day, hour, minute = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
    else:
        return None
    year = url_year(url, month, day) or (copyright_year(html) if hour is not None else None)
    if year is None:
        return None
    return build_date(year, month, str(day), (hour, minute, None, None), tz)


def url_year(url: str, month: int, day: int) -> str | None:
    """The year the address's path states for a day: a folder of its own ("/2026/"), or the
    opening of a run of digits that goes on with that month and day ("20261203003600315")."""
    path = urlsplit(url).path
    own = re.search(r"/((?:19|20)\d{2})/", path)
    dated = re.search(rf"(?<!\d)((?:19|20)\d{{2}}){month:02d}{day:02d}", path)
    found = own or dated
    return found.group(1) if found else None


def copyright_year(html: str) -> str | None:
    """The year of the page's last copyright line ("© 2026", "Copyright ©2019-2026")."""
    found = _COPYRIGHT_RE.findall(html)
    return found[-1] if found else None
