"""SQLAlchemy 2.0 typed models: the archive, its stories, metrics and crawl history."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """The current time, tz-aware in UTC."""
    return datetime.now(UTC)


class TZDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned tz-aware (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: every timestamp must carry an offset")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base of every dramawatch table."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: TZDateTime, dict[str, Any]: JSON}


class Source(Base):
    """A configured source, kept so its runs and health survive config edits."""

    __tablename__ = "source"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(40))
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    last_run_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_new_article_at: Mapped[datetime | None]

    runs: Mapped[list[CrawlRun]] = relationship(back_populates="source")


class CrawlRun(Base):
    """One pass over one source: what was fetched, kept, dropped and why, and errors."""

    __tablename__ = "crawl_run"
    __table_args__ = (Index("ix_crawl_run_source_started", "source_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    ok: Mapped[bool] = mapped_column(default=False)
    fetched: Mapped[int] = mapped_column(Integer, default=0)
    kept: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    dropped: Mapped[dict[str, Any]] = mapped_column(default=dict)
    errors: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text)  # the source failed as a whole
    warnings: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))  # needs a look

    source: Mapped[Source] = relationship(back_populates="runs")

    @property
    def status(self) -> str:
        """running, failed (an error), warning (read, with warnings) or ok."""
        if self.finished_at is None:
            return "running"
        return "failed" if self.error else "warning" if self.warnings else "ok"


class Story(Base):
    """One news story: every near-duplicate copy of it, from any source."""

    __tablename__ = "story"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    article_count: Mapped[int] = mapped_column(Integer, default=1)


class Article(Base):
    """A stored article at its canonical URL; ``text`` is always its latest revision."""

    __tablename__ = "article"
    __table_args__ = (
        Index("ix_article_source_fetched", "source_id", "fetched_at"),
        # The date ``search(since=...)`` filters on: its candidates are read from these.
        Index("ix_article_dated", text("coalesce(published_at, fetched_at)")),
        Index("ix_article_source_dated", "source_id", text("coalesce(published_at, fetched_at)")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("story.id", ondelete="SET NULL"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer, default=1)
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    source: Mapped[Source] = relationship()
    story: Mapped[Story | None] = relationship()
    urls: Mapped[list[ArticleUrl]] = relationship(back_populates="article")


class ArticleUrl(Base):
    """Every URL an article was seen under (tracking variants, mirrors of one body)."""

    __tablename__ = "article_url"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)

    article: Mapped[Article] = relationship(back_populates="urls")
    source: Mapped[Source] = relationship()


class ArticleRevision(Base):
    """An earlier or current version of an article whose text changed materially."""

    __tablename__ = "article_revision"
    __table_args__ = (UniqueConstraint("article_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)


class StoryBand(Base):
    """One LSH band hash of an article's MinHash: candidate lookup is one indexed query."""

    __tablename__ = "story_band"
    # Covering: the candidate lookup reads only the index.
    __table_args__ = (Index("ix_story_band_lookup", "band_hash", "story_id", "article_id"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    band_hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"))


class PageState(Base):
    """Validators and body hash of a fetched URL, so unchanged pages cost no extraction."""

    __tablename__ = "page_state"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    body_hash: Mapped[str | None] = mapped_column(String(64))
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)


class SourceBlock(Base):
    """A text block's fingerprint and on how many of a source's pages it was seen."""

    __tablename__ = "source_block"

    source: Mapped[str] = mapped_column(String(200), primary_key=True)
    fingerprint: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    pages: Mapped[int] = mapped_column(Integer, default=1)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class MetricObservation(Base):
    """A figure found in a story: one row per (story, series, period, value).

    A series is (metric, entity, region, unit, status, basis, kind): only figures of one
    series are compared.
    """

    __tablename__ = "metric_observation"
    __table_args__ = (
        Index(
            "uq_metric_observation_figure",
            "story_id",
            "metric",
            "period",
            "value",
            "unit",
            "kind",
            text("coalesce(entity, '')"),
            text("coalesce(region, '')"),
            "status",
            "basis",
            unique=True,
        ),
        Index("ix_metric_observation_metric", "metric", "observed_at"),
        Index("ix_metric_observation_series", "metric", "entity", "region", "period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    metric: Mapped[str] = mapped_column(String(80))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(40))
    period: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20), default="level")
    entity: Mapped[str | None] = mapped_column(String(80))  # null: sector-wide
    region: Mapped[str | None] = mapped_column(String(40))  # null: unstated
    status: Mapped[str] = mapped_column(String(20), default="actual", server_default="actual")
    basis: Mapped[str] = mapped_column(String(20), default="period", server_default="period")
    qualifier: Mapped[str | None] = mapped_column(String(40))
    quote: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    observed_at: Mapped[datetime] = mapped_column(default=utcnow)

    article: Mapped[Article] = relationship()


class ArticleEntity(Base):
    """An entity of the catalogue that an article mentions, and how often."""

    __tablename__ = "article_entity"
    __table_args__ = (Index("ix_article_entity_entity", "entity", "article_id"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    entity: Mapped[str] = mapped_column(String(80), primary_key=True)
    mentions: Mapped[int] = mapped_column(Integer, default=1)


class Alert(Base):
    """A rule that fired: at most one per (rule, subject), whatever the number of copies."""

    __tablename__ = "alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    rule: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    dedupe_key: Mapped[str] = mapped_column(String(400), unique=True)
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("story.id", ondelete="SET NULL"), index=True
    )
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id", ondelete="SET NULL"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    deliveries: Mapped[list[Delivery]] = relationship(back_populates="alert")


class Delivery(Base):
    """The outbox: one row per (alert, channel), sent and retried by the dispatcher."""

    __tablename__ = "delivery"
    __table_args__ = (
        UniqueConstraint("alert_id", "channel"),
        Index("ix_delivery_due", "status", "next_attempt_at"),
        Index("ix_delivery_carrier", "carrier_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the stable delivery id
    alert_id: Mapped[int] = mapped_column(ForeignKey("alert.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(200))
    # Set on a delivery that rides in another's webhook POST (several rules, one story).
    carrier_id: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    delivered_at: Mapped[datetime | None]

    alert: Mapped[Alert] = relationship(back_populates="deliveries")


class DaemonLock(Base):
    """Who runs the scheduler daemon on this database: pid, host and last heartbeat."""

    __tablename__ = "daemon_lock"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    pid: Mapped[int] = mapped_column(Integer)
    host: Mapped[str] = mapped_column(String(255))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(default=utcnow)


class PageSnapshot(Base):
    """The last full body of a feed, listing or sitemap: what a 304 on it is read from."""

    __tablename__ = "page_snapshot"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    content_type: Mapped[str | None] = mapped_column(Text)
    body: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)
