"""The publish time a WeChat article (mp.weixin.qq.com) states only in its scripts.

The page fills its visible time (``<em id="publish_time">``) from script variables when it
runs: ``var ct = "1700000000"`` (Unix seconds), ``createTime = '2023-11-15 06:13'`` or
``publish_time = "2023-11-15"``. Elsewhere such names date anything (a comment, a widget), so
they are read on that host only.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timezone
from urllib.parse import urlsplit

from crawler.extract.date_parse import parse_date

_HOSTS = frozenset({"mp.weixin.qq.com"})
_EPOCH_RE = re.compile(r"""\bvar\s+ct\s*=\s*["'](\d{10})["']""")
_STAMP_RE = re.compile(
    r"""\b(?:createTime|publish_time)\s*[=:]\s*["']"""
    r"""(\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)["']"""
)


def script_time(html: str, url: str, tz: timezone) -> datetime | None:
    """The publish time a WeChat article's scripts state, in ``tz`` (its Unix time first, the
    clock time ``tz`` reads otherwise); None on other hosts or when no script states one."""
    if (urlsplit(url).hostname or "") not in _HOSTS:
        return None
    if m := _EPOCH_RE.search(html):
        return datetime.fromtimestamp(int(m.group(1)), UTC).astimezone(tz)
    return parse_date(m.group(1), tz) if (m := _STAMP_RE.search(html)) else None
