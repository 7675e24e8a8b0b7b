"""What the web app's read queries return: story filter, facts and details, source health."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.models import (
    Alert,
    Article,
    ArticleRevision,
    CrawlRun,
    MetricObservation,
    Source,
    Story,
)


@dataclass(frozen=True)
class StoryFilter:
    """What a story list is narrowed to; every field is optional."""

    query: str | None = None
    source: str | None = None
    category: str | None = None
    language: str | None = None
    entity: str | None = None
    rule: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class StoryFacts:
    """What a story row shows beside its lead copy."""

    sources: list[str]
    figures: list[MetricObservation]
    rules: list[str]


@dataclass(frozen=True)
class StoryDetail:
    """One story: its copies (oldest first), their revisions, figures and alerts."""

    story: Story
    copies: list[Article]
    revisions: dict[int, list[ArticleRevision]]
    figures: list[MetricObservation]
    alerts: list[Alert]


@dataclass(frozen=True)
class SourceHealth:
    """A source with its last run, article count and the start of its failure streak."""

    source: Source
    last_run: CrawlRun | None
    articles: int
