"""Plain data passed into and out of the storage API (no SQLAlchemy objects leak out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple


@dataclass(frozen=True)
class ArticleRecord:
    """An extracted, on-topic article ready to be stored."""

    url: str
    source: str
    category: str
    title: str | None
    published_at: datetime | None
    language: str | None
    text: str
    content_hash: str
    fetched_at: datetime
    seen_urls: tuple[str, ...] = ()
    signature: bytes | None = None
    bands: tuple[int, ...] = ()


@dataclass(frozen=True)
class IngestResult:
    """What storing an article did: new, duplicate (same body), revision or unchanged."""

    status: str
    article_id: int
    story_id: int | None
    revision: int = 1
    new_story: bool = False


@dataclass(frozen=True)
class StoryCandidate:
    """An article sharing an LSH band with a new one: verified before joining its story."""

    article_id: int
    story_id: int
    signature: bytes


@dataclass
class RunStats:
    """Counters of one source's pass, recorded as a CrawlRun."""

    fetched: int = 0
    kept: int = 0
    new: int = 0
    unchanged: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def drop(self, reason: str) -> None:
        """Count one item dropped for ``reason``."""
        self.dropped[reason] = self.dropped.get(reason, 0) + 1


class SeriesTags(NamedTuple):
    """What, besides metric, unit and kind, sets a figure's series: who, where, how sure, how
    counted."""

    entity: str | None = None
    region: str | None = None
    status: str = "actual"
    basis: str = "period"

    @classmethod
    def of(cls, figure: Any) -> SeriesTags:
        """The tags of anything with entity, region, status and basis attributes."""
        return cls(figure.entity, figure.region, figure.status, figure.basis)


SECTOR = SeriesTags()
"""A sector-wide actual figure per period, with no region stated."""
