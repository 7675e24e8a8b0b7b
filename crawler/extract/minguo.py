"""A Taiwanese page's day in the Minguo calendar: the Republic's year, the Gregorian year less
1911 ("發布日期：115-12-03" is 3 December 2026, so is "民國115年12月3日").

A year of three digits is read only after a publication label or 民國: a bare "115-12-03" may be
anything, and a label of an update (更新日期) dates no publication.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.date_parse import build_day

if TYPE_CHECKING:
    from datetime import datetime, timezone

_OFFSET = 1911  # the Gregorian year of Minguo 0
_DAY = r"(1\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"
_MINGUO_RE = re.compile(
    rf"(?:(?<!更新)(?<!修改)(?:發[布佈]|发布|公告)?(?:日期|時間|时间)\s*[:：]\s*(?:民國\s*)?|民國\s*){_DAY}"
)


def minguo_day(text: str, tz: timezone) -> datetime | None:
    """The first labelled day of the Minguo calendar in ``text``, in the Gregorian calendar."""
    if not (m := _MINGUO_RE.search(text)):
        return None
    return build_day(str(int(m.group(1)) + _OFFSET), int(m.group(2)), m.group(3), tz)
