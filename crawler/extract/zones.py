"""The zone of a page's times that state none ("Published 10:30, 3 March 2025").

Evidence, in order: the one offset that the page's dated markup states (``<meta>`` dates and
times, JSON-LD, ``<time datetime>``; "Z" and "+00:00" are left out, since servers write UTC
whatever the site's zone), then the site's country as its host's country domain, its declared
language's region (``zh-CN``, ``en-SG``) or its language (Chinese, Japanese, Korean) tells it,
for countries that keep one offset all year. Without evidence a zone-less time is read as UTC:
a guess that is at most a day away on the date and never invents a zone the page does not show.
"""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterable

# Countries on one offset all year (no daylight saving), by ISO 3166 code.
_COUNTRY_HOURS = {
    "cn": 8.0,
    "hk": 8.0,
    "mo": 8.0,
    "tw": 8.0,
    "sg": 8.0,
    "my": 8.0,
    "ph": 8.0,
    "jp": 9.0,
    "kr": 9.0,
    "in": 5.5,
}
# A language spoken mostly in one such country.
_LANGUAGE_COUNTRY = {"zh": "cn", "ja": "jp", "ko": "kr"}
# An ISO 8601 time of day with an explicit offset: "2025-03-04T09:00:00+01:00".
_OFFSET_RE = re.compile(r"\d[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])(\d{2}):?(\d{2})$")
_FARTHEST = timedelta(hours=14)
_REGION_RE = re.compile(r"^[a-zA-Z]{2,3}[-_]([a-zA-Z]{2})\b")


def page_zone(
    stated: Iterable[str], declared: str | None, language: str | None, url: str
) -> timezone:
    """The zone for the page's zone-less times: the offset its dated markup (``stated``) gives,
    else that of the country its host, its ``<html lang>`` (``declared``) or its language
    names, else UTC."""
    offsets = {offset for value in stated if (offset := _stated_offset(value)) is not None}
    if len(offsets) == 1:
        return timezone(offsets.pop())
    country = _country(declared, language, url)
    return timezone(timedelta(hours=_COUNTRY_HOURS[country])) if country else UTC


def _stated_offset(value: str) -> timedelta | None:
    """The non-zero offset an ISO 8601 time states, if any."""
    if not (m := _OFFSET_RE.search(value.strip())):
        return None
    return offset_of(m.group(1), m.group(2), m.group(3)) or None


def offset_of(sign: str, hours: str, minutes: str) -> timedelta | None:
    """The offset from UTC that ``sign``, ``hours`` and ``minutes`` state ("+", "08", "00");
    None when none can be meant: no zone is more than 14 hours from UTC ("+99:99")."""
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if offset > _FARTHEST or int(minutes or 0) > 59:
        return None
    return -offset if sign == "-" else offset


def _country(declared: str | None, language: str | None, url: str) -> str | None:
    """The country on one offset that the host's domain, the declared region or the
    language names."""
    host = urlsplit(url).hostname or ""
    tld = host.rpartition(".")[2]
    region = m.group(1).lower() if declared and (m := _REGION_RE.match(declared)) else ""
    for country in (tld, region, _LANGUAGE_COUNTRY.get(language or "", "")):
        if country in _COUNTRY_HOURS:
            return country
    return None
