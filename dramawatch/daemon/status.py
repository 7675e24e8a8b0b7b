"""What ``dramawatch status`` reports: the daemon, each source's runs, and the outbox."""

from __future__ import annotations

import socket
from datetime import datetime, timedelta
from typing import Any

from config import Config, SourceConfig, format_duration
from dramawatch.daemon.jobs import DEFAULT_BACKOFF_CEILING, backoff_delay
from dramawatch.daemon.lock import is_live
from dramawatch.daemon.schedule import job_id
from storage import Store, Transaction
from storage.daemon_state import LockHolder
from storage.models import utcnow

SOURCE_COLUMNS = (
    "source",
    "interval",
    "running_since",
    "next_run_at",
    "last_run_at",
    "last_result",
    "new",
    "failures",
    "backoff_until",
)
# A run that started longer ago and never finished died with its process.
RUNNING_HORIZON = timedelta(hours=6)


def status(store: Store, config: Config, now: datetime | None = None) -> dict[str, Any]:
    """The daemon (running or not), one row per configured source, and delivery counts."""
    now = now or utcnow()
    with store.transaction() as tx:
        holder = tx.daemon.holder()
        runs = tx.daemon.scheduled_runs()
        counts = tx.alerts.delivery_counts()
        running = running_since(tx, now - RUNNING_HORIZON)
        sources = [_source_row(tx, source, runs, running) for source in config.sources]
    return {
        "daemon": daemon_row(holder, now),
        "sources": sources,
        "deliveries": {"pending": counts.get("pending", 0), "failed": counts.get("failed", 0)},
    }


def daemon_row(holder: LockHolder | None, now: datetime) -> dict[str, Any]:
    """Whether a daemon runs on this database, and which one."""
    if holder is None:
        return {"running": False}
    return {
        "running": is_live(holder, host=socket.gethostname(), now=now),
        "pid": holder.pid,
        "host": holder.host,
        "started_at": _iso(holder.started_at),
        "heartbeat_at": _iso(holder.heartbeat_at),
        "heartbeat_age_s": round((now - holder.heartbeat_at).total_seconds(), 1),
    }


def running_since(tx: Transaction, horizon: datetime) -> dict[str, datetime]:
    """When each source's unfinished run started, if after ``horizon`` (older ones died)."""
    started: dict[str, datetime] = {}
    for run in tx.sources.unfinished_runs():
        if run.started_at >= horizon:
            name = run.source.name
            started[name] = max(run.started_at, started.get(name, run.started_at))
    return started


def _source_row(
    tx: Transaction,
    source: SourceConfig,
    runs: dict[str, datetime | None],
    running: dict[str, datetime],
) -> dict[str, Any]:
    row = tx.sources.get(source.name)
    last = tx.sources.last_run(row) if row is not None else None
    failures = row.consecutive_failures if row is not None else 0
    backoff = None
    if last is not None and failures:
        delay = backoff_delay(source.interval, failures, DEFAULT_BACKOFF_CEILING)
        backoff = _iso(last.started_at + timedelta(seconds=delay))
    return {
        "source": source.name,
        "enabled": source.enabled,
        "interval": format_duration(source.interval),
        "interval_s": source.interval,
        "running_since": _iso(running.get(source.name)),
        "next_run_at": _iso(runs.get(job_id(source.name))),
        "last_run_at": _iso(last.started_at if last else None),
        "last_result": None if last is None else last.status,
        "last_error": last.error if last else None,
        "last_warning": last.warnings[0] if last and last.warnings else None,
        "new": last.new if last else None,
        "failures": failures,
        "backoff_until": backoff,
    }


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")
