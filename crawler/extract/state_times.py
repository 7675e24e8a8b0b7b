"""The publish time a single-page app's script state gives its article.

A page rendered in the browser ships its store in a script (``window.__INITIAL_STATE__ = {…}``,
``<script id="__NEXT_DATA__">``) and may show only "5 days ago", or no date at all. The object
holding the article's title also holds its publish time, often as a Unix time in seconds or
milliseconds (``"publishedAt": 1796307600``). Other objects' times (a comment's, a related
story's) stand beside other titles: only the object titled as the page's headline is read.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timezone
from typing import Any

from crawler.extract.date_parse import parse_date
from crawler.extract.meta import squash
from crawler.extract.script_state import STATE_START_RE

_TITLE_KEYS = frozenset({"title", "headline"})
# Keys of a publish time, lower-cased without underscores ("publishedAt", "publish_time").
_TIME_KEYS = (
    "publishedat publishtime publishdate pubdate pubtime datepublished firstpublishedat".split()
)
# Any of them as a JSON key: a state without one is not decoded.
_TIME_KEY_RE = re.compile(
    r'(?i)"(?:published_?at|publish_?time|publish_?date|pub_?date|pub_?time|date_?published'
    r'|first_?published_?at)"\s*:'
)
_SECONDS, _MILLISECONDS = 10, 13  # digits of a Unix time in this century
_DECODER = json.JSONDecoder()


def state_time(html: str, headline: str, tz: timezone) -> datetime | None:
    """The publish time the script state's object titled ``headline`` states, in ``tz`` for
    a time without an offset; None when no state holds one."""
    if "__" not in html or _TIME_KEY_RE.search(html) is None:
        return None
    key = squash(headline)
    for match in STATE_START_RE.finditer(html):
        try:
            state, _ = _DECODER.raw_decode(html, match.end())
        except (ValueError, RecursionError):  # not JSON, or nested too deep to read
            continue
        for owner in _titled(state, key):
            if (found := _publish_time(owner, tz)) is not None:
                return found
    return None


def _titled(value: Any, key: str) -> list[dict[str, Any]]:
    """The objects in a JSON value whose title, squashed, is ``key``."""
    found: list[dict[str, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if any(
                name.lower() in _TITLE_KEYS and isinstance(text, str) and squash(text) == key
                for name, text in item.items()
            ):
                found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _publish_time(owner: dict[str, Any], tz: timezone) -> datetime | None:
    """The time an object states under a publish key: a Unix time in seconds or milliseconds,
    or a date string."""
    values = {name.lower().replace("_", ""): value for name, value in owner.items()}
    for name in _TIME_KEYS:
        value = values.get(name)
        if isinstance(value, bool) or not isinstance(value, int | str):
            continue
        digits = str(value)
        if digits.isdigit() and len(digits) in (_SECONDS, _MILLISECONDS):
            seconds = int(digits) / (1000 if len(digits) == _MILLISECONDS else 1)
            return datetime.fromtimestamp(seconds, UTC).astimezone(tz)
        if isinstance(value, str) and (found := parse_date(value, tz)) is not None:
            return found
    return None
