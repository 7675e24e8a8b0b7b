"""Storage: models, migrations and the repository API (the only package that knows SQL)."""

from __future__ import annotations

from storage.db import Store, Transaction, make_engine, open_store
from storage.errors import DatabaseMissing, DatabaseSetupError
from storage.maintenance import BackupUnsupported, PruneReport, backup
from storage.models import (
    Article,
    ArticleEntity,
    ArticleRevision,
    CrawlRun,
    MetricObservation,
    Source,
    Story,
)
from storage.opening import parse_database_url
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
    "BackupUnsupported",
    "CrawlRun",
    "DatabaseMissing",
    "DatabaseSetupError",
    "IngestResult",
    "MetricObservation",
    "PruneReport",
    "RunStats",
    "SeriesTags",
    "Source",
    "Store",
    "Story",
    "StoryCandidate",
    "Transaction",
    "backup",
    "make_engine",
    "open_store",
    "parse_database_url",
]
