"""Storage: models, migrations and the repository API (the only package that knows SQL)."""

from __future__ import annotations

from storage.db import Store, Transaction, make_engine, open_store
from storage.models import (
    Article,
    ArticleEntity,
    ArticleRevision,
    CrawlRun,
    MetricObservation,
    Source,
    Story,
)
from storage.records import (
    SECTOR,
    ArticleRecord,
    IngestResult,
    RunStats,
    SeriesTags,
    StoryCandidate,
)

__all__ = [
    "SECTOR",
    "Article",
    "ArticleEntity",
    "ArticleRecord",
    "ArticleRevision",
    "CrawlRun",
    "IngestResult",
    "MetricObservation",
    "RunStats",
    "SeriesTags",
    "Source",
    "Store",
    "Story",
    "StoryCandidate",
    "Transaction",
    "make_engine",
    "open_store",
]
