"""What the scheduled daemon keeps in the database: its lock and heartbeat, and its schedule.

``tx.daemon`` holds the one-row lock that keeps two daemons off one database and reads the
APScheduler job table for ``dramawatch status``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Column, Float, MetaData, String, Table, delete, inspect, select
from sqlalchemy.orm import Session

from storage.models import DaemonLock

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


class DaemonRepository:
    """The daemon lock and heartbeat, and the scheduled runs."""

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


def _from_timestamp(value: float) -> datetime:
    return datetime.fromtimestamp(value, UTC)
