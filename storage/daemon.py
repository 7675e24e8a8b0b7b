"""What the scheduled daemon keeps: its lock and heartbeat, its schedule, and HTTP validators.

``tx.daemon`` holds the one-row lock that keeps two daemons off one database and reads the
APScheduler job table for ``dramawatch status``. ``tx.validators`` holds what conditional GET
needs: a URL's ETag / Last-Modified (in ``page_state``, next to its body hash) and the last
full body of each feed, listing and sitemap (``page_snapshot``), which a 304 is read from.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import (
    Column,
    Float,
    MetaData,
    String,
    Table,
    bindparam,
    delete,
    func,
    inspect,
    select,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from storage.models import DaemonLock, Delivery, PageSnapshot, PageState, utcnow
from storage.upsert import upsert

# Raised by any storage call that failed in the database; callers for whom the write is an
# optimisation (validators) catch it, log and go on.
StorageError = SQLAlchemyError
SCHEDULER_LOCK = "scheduler"
JOBS_TABLE = "apscheduler_jobs"

# Only the columns status reads; APScheduler's SQLAlchemyJobStore owns this table.
_jobs = Table(
    JOBS_TABLE,
    MetaData(),
    Column("id", String(191), primary_key=True),
    Column("next_run_time", Float),
)


@dataclass(frozen=True)
class LockHolder:
    """The daemon that holds (or last held) the lock."""

    pid: int
    host: str
    started_at: datetime
    heartbeat_at: datetime


@dataclass(frozen=True)
class Validators:
    """A URL's HTTP validators from its last 200 answer."""

    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Snapshot:
    """A stored page body and its Content-Type."""

    content_type: str | None
    body: bytes


class DaemonRepository:
    """The daemon lock and heartbeat, the scheduled runs and the outbox's counts."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def holder(self, name: str = SCHEDULER_LOCK, *, for_update: bool = False) -> LockHolder | None:
        """Who holds the lock ``name`` (``for_update``: row-locked until the transaction ends)."""
        row = self.session.get(DaemonLock, name, with_for_update=for_update, populate_existing=True)
        if row is None:
            return None
        return LockHolder(row.pid, row.host, row.started_at, row.heartbeat_at)

    def take(self, pid: int, host: str, now: datetime, name: str = SCHEDULER_LOCK) -> None:
        """Make ``pid`` on ``host`` the holder of lock ``name``."""
        row = self.session.get(DaemonLock, name)
        if row is None:
            row = DaemonLock(name=name)
            self.session.add(row)
        row.pid, row.host, row.started_at, row.heartbeat_at = pid, host, now, now
        self.session.flush()

    def beat(self, pid: int, host: str, now: datetime, name: str = SCHEDULER_LOCK) -> bool:
        """Refresh the heartbeat; False when the lock is no longer ours."""
        row = self.session.get(DaemonLock, name, populate_existing=True)
        if row is None or (row.pid, row.host) != (pid, host):
            return False
        row.heartbeat_at = now
        self.session.flush()
        return True

    def release(self, pid: int, host: str, name: str = SCHEDULER_LOCK) -> None:
        """Drop the lock if ``pid`` on ``host`` holds it."""
        self.session.execute(
            delete(DaemonLock).where(
                DaemonLock.name == name, DaemonLock.pid == pid, DaemonLock.host == host
            )
        )

    def scheduled_runs(self) -> dict[str, datetime | None]:
        """Job id -> next run time (None when paused) from APScheduler's job table."""
        if not inspect(self.session.connection()).has_table(JOBS_TABLE):
            return {}
        rows = self.session.execute(select(_jobs.c.id, _jobs.c.next_run_time))
        return {
            row.id: None if row.next_run_time is None else _from_timestamp(row.next_run_time)
            for row in rows
        }

    def delivery_counts(self) -> dict[str, int]:
        """How many deliveries are in each state (pending, delivered, failed)."""
        query = select(Delivery.status, func.count()).group_by(Delivery.status)
        return {status: int(count) for status, count in self.session.execute(query)}


# Built once: asked before every request of a crawl.
_PAGES = cast(Table, PageState.__table__)
_VALIDATORS = select(_PAGES.c.etag, _PAGES.c.last_modified).where(_PAGES.c.url == bindparam("url"))
_VALIDATORS_WITH_SNAPSHOT = _VALIDATORS.join_from(
    _PAGES, cast(Table, PageSnapshot.__table__), PageSnapshot.url == _PAGES.c.url
)


class ConditionalGetRepository:
    """ETag / Last-Modified per URL and the snapshots of feeds, listings and sitemaps."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def validators(self, url: str, *, with_snapshot: bool = False) -> Validators | None:
        """``url``'s validators, if any (and, with ``with_snapshot``, only if a body is kept)."""
        query = _VALIDATORS_WITH_SNAPSHOT if with_snapshot else _VALIDATORS
        row = self.session.connection().execute(query, {"url": url}).first()
        if row is None or not (row.etag or row.last_modified):
            return None
        return Validators(row.etag, row.last_modified)

    def remember(self, url: str, validators: Validators) -> None:
        """Store ``url``'s validators, keeping its body hash."""
        values = {"url": url, "etag": validators.etag, "last_modified": validators.last_modified}
        upsert(self.session, PageState, {**values, "checked_at": utcnow()}, keep={"body_hash"})

    def save_snapshot(self, url: str, validators: Validators, snapshot: Snapshot) -> None:
        """Store a listing's validators and its body, which a later 304 is read from."""
        self.remember(url, validators)
        values = {"url": url, "content_type": snapshot.content_type, "saved_at": utcnow()}
        upsert(self.session, PageSnapshot, {**values, "body": zlib.compress(snapshot.body, 6)})

    def snapshot(self, url: str) -> Snapshot | None:
        """The stored body of ``url``."""
        row = self.session.get(PageSnapshot, url)
        return None if row is None else Snapshot(row.content_type, zlib.decompress(row.body))


def _from_timestamp(value: float) -> datetime:
    return datetime.fromtimestamp(value, UTC)
