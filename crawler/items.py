"""Items passed from the spiders through the pipelines."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class ArticleItem:
    """An article page: raw HTML from the spider, filled in by the pipelines.

    The public fields match the contract's Article JSON; the rest is pipeline state.
    """

    url: str
    source: str
    category: str
    html: str = field(default="", repr=False)
    title: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    text: str = field(default="", repr=False)
    story_id: int | None = None
    fetched_at: datetime | None = None
    # Pipeline state, never exported.
    requested_url: str | None = None
    fallback_title: str | None = None
    fallback_date: datetime | None = None
    language_hint: str | None = None
    canonical_link: str | None = None
    body_hash: str | None = None
    content_hash: str | None = None
    signature: bytes | None = field(default=None, repr=False)
    bands: tuple[int, ...] = field(default=(), repr=False)
    seen_urls: tuple[str, ...] = ()
    observations: list[Any] = field(default_factory=list, repr=False)
    mentions: dict[str, int] = field(default_factory=dict, repr=False)  # entity key -> count
    article_id: int | None = None
    status: str | None = None
