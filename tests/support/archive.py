"""Article records for archive tests: one source ``src``, the text doubling as title."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage import ArticleRecord


def src_record(url: str, text: str, published: datetime, **extra: Any) -> ArticleRecord:
    """A record of source ``src`` fetched when published, its URL standing as content hash."""
    return ArticleRecord(
        url=url,
        source="src",
        category="media",
        title=text,
        published_at=published,
        language="en",
        text=text,
        content_hash=url,
        fetched_at=published,
        **extra,
    )
