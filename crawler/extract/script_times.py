"""The publish time a WeChat article (mp.weixin.qq.com) states only in its scripts.

The page fills its visible time (``<em id="publish_time">``) from script variables when it
runs: ``var ct = "1700000000"`` (Unix seconds), ``createTime = '2023-11-15 06:13'`` or
``publish_time = "2023-11-15"``. Elsewhere such names date anything (a comment, a widget), so
they are read on that host only, and on the sites that mirror its articles with their markup:
the headline ``rich_media_title`` and the text's box ``js_content``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timezone
from urllib.parse import urlsplit

from crawler.extract.date_parse import parse_date

_HOSTS = frozenset({"mp.weixin.qq.com"})
_MIRROR_RES = (
    re.compile(r"""\bclass=["'][^"']*\brich_media_title\b"""),
    re.compile(r"""\bid=["']js_content["']"""),
)
_EPOCH_RE = re.compile(r"""\bvar\s+ct\s*=\s*["'](\d{10})["']""")
_STAMP_RE = re.compile(
    r"""\b(?:createTime|publish_time)\s*[=:]\s*["']"""
    r"""(\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)["']"""
)


def script_time(html: str, url: str, tz: timezone) -> datetime | None:
    """The publish time a WeChat article's scripts state, in ``tz`` (its Unix time first, the
    clock time ``tz`` reads otherwise); None on other hosts, but for a mirror of its markup, or
    when no script states one."""
    host = urlsplit(url).hostname or ""
    if host not in _HOSTS and not all(pattern.search(html) for pattern in _MIRROR_RES):
        return None
    if m := _EPOCH_RE.search(html):
        return datetime.fromtimestamp(int(m.group(1)), UTC).astimezone(tz)
    return parse_date(m.group(1), tz) if (m := _STAMP_RE.search(html)) else None
