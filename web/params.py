"""Reading request parameters: list filters, dates and opaque pagination cursors."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

from storage.reading import StoryFilter


class BadParameter(ValueError):
    """A query parameter the app cannot read; its message says which and why."""


def encode_cursor(key: Any) -> str | None:
    """An opaque cursor for a page key (None stays None)."""
    if key is None:
        return None
    values = [v.isoformat() if isinstance(v, datetime) else v for v in key]
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, kinds: tuple[type, ...]) -> tuple[Any, ...] | None:
    """The page key in ``cursor``, its values read as ``kinds`` (None when absent)."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if len(values) != len(kinds):
            raise ValueError(values)
        return tuple(_as(kind, value) for kind, value in zip(kinds, values, strict=True))
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise BadParameter("cursor: not a cursor this app gave out; start from page one") from None


def _as(kind: type, value: Any) -> Any:
    if kind is datetime:
        return datetime.fromisoformat(value)
    if not isinstance(value, kind):
        raise TypeError(value)
    return value


def parse_day(name: str, value: str | None, *, end: bool = False) -> datetime | None:
    """A YYYY-MM-DD parameter as a UTC time (``end``: the end of that day)."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise BadParameter(f"{name}: {value!r} is not a date; use YYYY-MM-DD") from None
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return start + timedelta(days=1) if end else start


def story_filter(params: dict[str, str], **fixed: str) -> StoryFilter:
    """The list filter given by query parameters q, source, category, language, entity..."""
    values = {**params, **fixed}

    def text(name: str) -> str | None:
        return (values.get(name) or "").strip() or None

    return StoryFilter(
        query=text("q"), source=text("source"), category=text("category"),
        language=text("language"), entity=text("entity"), rule=text("rule"),
        since=parse_day("since", text("since")), until=parse_day("until", text("until"), end=True),
    )  # fmt: skip


def limit_param(value: str | None, default: int, most: int) -> int:
    """A page size within 1..``most``."""
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadParameter(f"limit: {value!r} is not a number") from None
    if not 1 <= number <= most:
        raise BadParameter(f"limit: {number} is outside 1..{most}")
    return number
