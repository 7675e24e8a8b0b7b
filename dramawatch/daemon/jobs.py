"""The daemon's scheduled jobs: one pass of one source, and the alert dispatcher.

APScheduler persists jobs by textual reference (``CRAWL_JOB``, ``DISPATCH_JOB``) with plain
arguments (a source name), so a restart finds them again. Source jobs are stored under the path
of dramawatch/daemon_jobs.py, which stays so that every stored job keeps loading. The running
daemon installs its :class:`Runtime` here; the jobs read the current config and store from it.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from alerts import alert_on_sources, dispatch_pending
from config import Config, SourceConfig
from dramawatch.daemon.child import ChildOutcome, Children, crawl_command
from storage import RunStats, Store
from storage.errors import StorageError
from storage.models import utcnow

logger = logging.getLogger(__name__)

CRAWL_JOB = "dramawatch.daemon_jobs:crawl_source"  # stored in databases: never changes
DISPATCH_JOB = "dramawatch.daemon.jobs:dispatch_alerts"  # in the memory job store only
DEFAULT_BACKOFF_CEILING = 24 * 3600.0


@dataclass(frozen=True)
class DaemonOptions:
    """How the daemon runs (the ``dramawatch run`` options)."""

    config_path: Path
    grace: float = 30.0
    crawl_timeout: float = 1800.0
    concurrent_crawls: int = 4  # `run --workers`: child crawls running at the same time
    dispatch_every: float = 5.0
    backoff_ceiling: float = DEFAULT_BACKOFF_CEILING


@dataclass
class Runtime:
    """What the jobs of a running daemon share; ``config`` is replaced on SIGHUP."""

    options: DaemonOptions
    config: Config
    store: Store
    children: Children = field(default_factory=Children)
    stopping: threading.Event = field(default_factory=threading.Event)
    dispatching: threading.Lock = field(default_factory=threading.Lock)


_runtime: Runtime | None = None


def install(runtime: Runtime | None) -> None:
    """Make ``runtime`` the one the jobs use (None when the daemon has stopped)."""
    global _runtime
    _runtime = runtime


def crawl_source(name: str) -> None:
    """Scheduled job: one pass of source ``name`` in a child process."""
    if _runtime is None:
        raise RuntimeError("no daemon runtime installed")
    run_source(_runtime, name)


def dispatch_alerts() -> None:
    """Scheduled job: send the alert deliveries that are due."""
    if _runtime is not None:
        dispatch(_runtime)


def run_source(runtime: Runtime, name: str) -> None:
    """Run the source's pass unless it is backing off; record what the child could not."""
    source = _enabled_source(runtime.config, name)
    if source is None or runtime.stopping.is_set():
        return
    wait = backoff_remaining(runtime.store, source, runtime.options.backoff_ceiling, utcnow())
    if wait > source.interval / 2:  # the scheduled run nearest to the deadline goes ahead
        fields = {"event": "backoff", "source": name, "wait_s": round(wait)}
        logger.info(
            "Source %s is backing off after failures: next try in %.0fs",
            name,
            wait,
            extra={"fields": fields},
        )
        return
    started = utcnow()
    argv = crawl_command(runtime.options.config_path, name)
    outcome = runtime.children.run(argv, runtime.options.crawl_timeout)
    conclude(runtime, source, started, outcome)
    if not runtime.stopping.is_set():  # at shutdown the daemon dispatches once, at the end
        dispatch(runtime)


def _enabled_source(config: Config, name: str) -> SourceConfig | None:
    for source in config.sources:
        if source.name == name and source.enabled:
            return source
    logger.warning("Job for source %s: not an enabled source in the config any more", name)
    return None


def backoff_delay(interval: float, failures: int, ceiling: float) -> float:
    """How long after a failed run the next one waits: interval x 2^failures, capped."""
    if failures <= 0:
        return 0.0
    return float(min(interval * 2 ** min(failures, 40), ceiling))


def backoff_remaining(store: Store, source: SourceConfig, ceiling: float, now: datetime) -> float:
    """Seconds until ``source`` may run again (0 when it is healthy)."""
    until = backoff_until(store, source, ceiling)
    return max(0.0, (until - now).total_seconds()) if until else 0.0


def backoff_until(store: Store, source: SourceConfig, ceiling: float) -> datetime | None:
    """When a failing source may run again (None when it is healthy)."""
    with store.transaction() as tx:
        row = tx.sources.get(source.name)
        last = tx.sources.last_run(row) if row is not None else None
        if row is None or last is None or not row.consecutive_failures:
            return None
        delay = backoff_delay(source.interval, row.consecutive_failures, ceiling)
        return last.started_at + timedelta(seconds=delay)


def conclude(runtime: Runtime, source: SourceConfig, started: datetime, out: ChildOutcome) -> None:
    """Log the run's summary; record a failed run when the child could not record it."""
    report = _report(out.stdout)
    if out.stopped:
        logger.warning("Crawl of %s cut at shutdown after %.1fs", source.name, out.seconds)
        return
    error = _failure(out, report)
    if error is not None and _record_failure(runtime, source, started, error):
        report = {"source": source.name, "ok": False, "error": error}
    _log_summary(source.name, report or {"ok": False, "error": error}, out)


def _report(stdout: str) -> dict[str, Any] | None:
    """The source's row of the child's JSON report."""
    try:
        sources = json.loads(stdout)["sources"]
    except (ValueError, KeyError, TypeError):
        return None
    return sources[0] if sources else None


def _failure(out: ChildOutcome, report: dict[str, Any] | None) -> str | None:
    if out.timed_out:
        return f"crawl timed out after {out.seconds:.0f}s and was stopped"
    if out.returncode != 0 or report is None:
        tail = out.stderr.strip().splitlines()[-1:] or ["no output"]
        return f"crawl process exited with status {out.returncode}: {tail[0][:500]}"
    return report.get("error")  # recorded by the child, unless its store refused the write


def _record_failure(runtime: Runtime, source: SourceConfig, started: datetime, error: str) -> bool:
    """Record a failed run unless the child did; feeds backoff and the source_health rule. The
    run the child opened is the one finished, so it is not counted again as interrupted."""
    store = runtime.store
    with store.transaction(write=True) as tx:
        row = tx.sources.ensure(source.name, source.kind, source.url, source.category)
        last = tx.sources.last_run(row)
        if last is not None and last.started_at >= started:
            return False  # the child recorded its run before it ended
        opened = tx.sources.unfinished_run_since(row, started)
        tx.sources.record_run(row, started, RunStats(), error, opened.id if opened else None)
        tx.commit()
    alert_on_sources(store, runtime.config)
    return True


def record_job_error(runtime: Runtime, name: str, error: BaseException | None) -> None:
    """Record a source job that raised (a bug or a database outage) as a failed run."""
    source = _enabled_source(runtime.config, name)
    if source is None:
        return
    try:
        _record_failure(runtime, source, utcnow(), f"daemon job failed: {error!r}")
    except StorageError as exc:
        logger.warning("Could not record the failed job of %s: %s", name, exc)


def _outcome(fields: dict[str, Any]) -> str:
    if fields["error"] or not fields["warnings"]:
        return "ok" if fields["ok"] else f"failed: {fields['error']}"
    return f"warning: {fields['warnings'][0]}"


def _log_summary(name: str, report: dict[str, Any], out: ChildOutcome) -> None:
    fields = {
        "event": "run",
        "source": name,
        "ok": bool(report.get("ok")),
        "error": report.get("error"),
        "warnings": list(report.get("warnings") or []),
        "fetched": report.get("fetched", 0),
        "new": report.get("new", 0),
        "revisions": report.get("revisions", 0),
        "unchanged": report.get("unchanged", 0),
        "page_errors": len(report.get("errors") or []),
        "seconds": round(out.seconds, 2),
        "exit": out.returncode,
    }
    level = logging.INFO if fields["ok"] else logging.WARNING
    logger.log(
        level,
        "Run of %s: %s; fetched %d, new %d, unchanged %d, page errors %d (%.1fs)",
        name,
        _outcome(fields),
        fields["fetched"],
        fields["new"],
        fields["unchanged"],
        fields["page_errors"],
        out.seconds,
        extra={"fields": fields},
    )
    if out.stderr.strip():
        logger.debug("Crawl of %s said:\n%s", name, out.stderr.strip()[-4000:])


def dispatch(runtime: Runtime) -> None:
    """Send due deliveries, unless a dispatch is already running."""
    if not runtime.dispatching.acquire(blocking=False):
        return
    try:
        report = dispatch_pending(runtime.store, runtime.config)
    except StorageError as exc:  # a busy database: the next tick tries again
        logger.warning("Dispatch postponed: %s", exc)
        return
    finally:
        runtime.dispatching.release()
    if report.delivered or report.retrying or report.failed:
        logger.info(
            "Dispatched: %d delivered, %d to retry, %d failed",
            len(report.delivered),
            len(report.retrying),
            len(report.failed),
            extra={"fields": {"event": "dispatch", **report.as_dict()}},
        )
