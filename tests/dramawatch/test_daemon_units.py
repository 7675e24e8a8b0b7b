"""The daemon's parts without processes: schedule sync, backoff, lock, status, JSON logs."""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from click.testing import CliRunner

from config import Config, SourceConfig
from dramawatch.cli.context import Context
from dramawatch.cli.daemon import DURATION, status_command
from dramawatch.daemon.child import ChildOutcome, Children
from dramawatch.daemon.jobs import (
    DaemonOptions,
    Runtime,
    _log_summary,
    backoff_delay,
    conclude,
    run_source,
)
from dramawatch.daemon.lock import DaemonLock, DaemonRunning
from dramawatch.daemon.schedule import DISPATCH_JOB_ID, sync_jobs
from dramawatch.daemon.status import status
from dramawatch.interrupted import owner
from dramawatch.logs import JsonFormatter
from storage import RunStats, Store, make_engine
from storage.daemon_state import JOBS_TABLE
from storage.models import utcnow
from tests.support.children import RecordingChildren


def _config(store: Store, *intervals: tuple[str, int], disabled: Sequence[str] = ()) -> Config:
    sources = [
        SourceConfig(
            name=name,
            kind="rss",
            url=f"http://127.0.0.1:9/{name}",
            interval=interval,
            enabled=name not in disabled,
        )
        for name, interval in intervals
    ]
    return Config(database=store.url, sources=tuple(sources))


@pytest.fixture
def scheduler(store: Store) -> Iterator[BackgroundScheduler]:
    """A scheduler on the store's database (its jobs never run)."""
    started = _scheduler(store)
    yield started
    started.shutdown(wait=False)


class InertScheduler(BackgroundScheduler):
    """A scheduler whose loop never touches the job store: these tests only read it."""

    def _process_jobs(self) -> None:
        # APScheduler's loop processes once more after shutdown, on the disposed engine.
        return None


def _scheduler(store: Store) -> BackgroundScheduler:
    jobs = SQLAlchemyJobStore(engine=make_engine(store.url), tablename=JOBS_TABLE)
    scheduler = InertScheduler(jobstores={"default": jobs})
    scheduler.start(paused=True)
    return scheduler


@pytest.mark.parametrize(
    ("interval", "failures", "expected"),
    [(60, 0, 0), (60, 1, 120), (60, 3, 480), (3600, 5, 86400), (60, 500, 86400)],
    ids=["healthy", "one-failure", "three-failures", "capped", "huge-exponent"],
)
def test_backoff_doubles_per_failure_up_to_the_ceiling(
    interval: int, failures: int, expected: float
) -> None:
    assert backoff_delay(interval, failures, 86400) == expected


def test_sync_adds_jobs_with_coalescing_jitter_and_one_instance(
    store: Store, scheduler: BackgroundScheduler
) -> None:
    config = _config(store, ("fast", 2), ("daily", 86400), ("off", 60), disabled=["off"])
    report = sync_jobs(scheduler, config)
    assert sorted(report.added) == ["daily", "fast"]
    fast, daily = scheduler.get_job("source:fast"), scheduler.get_job("source:daily")
    assert (fast.coalesce, fast.max_instances, fast.misfire_grace_time) == (True, 1, 30)
    assert fast.trigger.interval == timedelta(seconds=2) and fast.trigger.jitter == 0.2
    assert daily.trigger.jitter == 300 and daily.misfire_grace_time == 86400
    assert fast.func_ref == "dramawatch.daemon_jobs:crawl_source" and fast.args == ("fast",)
    assert scheduler.get_job("source:off") is None


def test_a_cron_source_runs_at_its_local_times(
    store: Store, scheduler: BackgroundScheduler
) -> None:
    timed = SourceConfig(
        name="nrta",
        kind="rss",
        url="http://127.0.0.1:9/nrta",
        interval=3600,
        cron="0 9,17 * * *",
        cron_timezone="Asia/Shanghai",
    )
    sync_jobs(scheduler, Config(database=store.url, sources=(timed,)))
    trigger = scheduler.get_job("source:nrta").trigger
    assert isinstance(trigger, CronTrigger) and trigger.jitter == 300  # the cap
    start = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
    trigger.jitter = None
    assert trigger.get_next_fire_time(None, start) == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_restart_keeps_each_jobs_next_run_and_follows_config_changes(store: Store) -> None:
    first = _scheduler(store)
    sync_jobs(first, _config(store, ("a", 600), ("b", 600), ("c", 600)))
    stored = {job.id: job.next_run_time for job in first.get_jobs()}
    first.shutdown(wait=False)
    second = _scheduler(store)
    try:
        report = sync_jobs(second, _config(store, ("a", 600), ("b", 1200), ("d", 600)))
        assert (report.kept, report.rescheduled) == (("a",), ("b",))
        assert (report.added, report.removed) == (("d",), ("c",))
        assert second.get_job("source:a").next_run_time == stored["source:a"]  # not reset
        assert second.get_job("source:b").trigger.interval == timedelta(seconds=1200)
        assert {job.id for job in second.get_jobs()} == {"source:a", "source:b", "source:d"}
    finally:
        second.shutdown(wait=False)
    assert DISPATCH_JOB_ID == "dispatch"


def _runtime(store: Store, config: Config) -> Runtime:
    options = DaemonOptions(Path("dramawatch.yaml"), crawl_timeout=5)
    return Runtime(
        options,
        config,
        store,
        children=RecordingChildren(ChildOutcome(1, "", "Traceback: boom", 0.1)),
    )


def _fail(store: Store, name: str, *, ago: float) -> None:
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure(name, "rss", "http://127.0.0.1:9/", "media")
        tx.sources.record_run(source, utcnow() - timedelta(seconds=ago), RunStats(), "down")
        tx.commit()


def test_a_failing_source_backs_off_then_tries_again(store: Store) -> None:
    runtime = _runtime(store, _config(store, ("flaky", 60)))
    children: RecordingChildren = runtime.children  # type: ignore[assignment]
    _fail(store, "flaky", ago=10)  # one failure: wait 120 s from that run
    run_source(runtime, "flaky")
    assert children.started == []
    _fail(store, "flaky", ago=500)  # two failures: 240 s, already past
    run_source(runtime, "flaky")
    assert children.started[0][-4:] == ["--source", "flaky", "--format", "json"]
    with store.transaction() as tx:  # the crashed child's run is recorded by the daemon
        source = tx.sources.get("flaky")
        assert source is not None and source.consecutive_failures == 3
        assert "exited with status 1: Traceback: boom" in (tx.sources.last_run(source).error or "")


def test_a_warning_run_neither_backs_off_nor_shows_as_failed(store: Store) -> None:
    runtime = _runtime(store, _config(store, ("listing", 60)))
    children: RecordingChildren = runtime.children  # type: ignore[assignment]
    _fail(store, "listing", ago=10)
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("listing", "rss", "http://127.0.0.1:9/", "media")
        hint = "0 article links: try link_selector: 'ul.news a'"
        tx.sources.record_run(
            source, utcnow() - timedelta(seconds=5), RunStats(), None, None, [hint]
        )
        tx.commit()
    row = status(store, runtime.config)["sources"][0]
    assert (row["last_result"], row["failures"], row["backoff_until"]) == ("warning", 0, None)
    assert row["last_warning"] == hint
    run_source(runtime, "listing")  # the failure before the warning no longer holds it back
    assert children.started


def test_a_timed_out_crawl_is_recorded_once(store: Store) -> None:
    runtime = _runtime(store, _config(store, ("slow", 60)))
    source = runtime.config.sources[0]
    started = utcnow()
    conclude(runtime, source, started, ChildOutcome(-15, "", "", 5.0, timed_out=True))
    with store.transaction() as tx:
        row = tx.sources.get("slow")
        assert row is not None and row.consecutive_failures == 1
        assert "timed out after 5s" in (tx.sources.last_run(row).error or "")
    conclude(runtime, source, started, ChildOutcome(None, "", "", 1.0, stopped=True))
    with store.transaction() as tx:
        assert tx.sources.get("slow").consecutive_failures == 1  # a shutdown cut is no failure


@pytest.mark.parametrize(
    "out",
    [
        ChildOutcome(-15, "", "", 5.0, timed_out=True),
        ChildOutcome(
            0,
            '{"sources": [{"source": "nrta", "ok": false, '
            '"error": "could not record the run: database is locked"}]}',
            "",
            1.0,
        ),
    ],
    ids=["timed-out", "store-refused-the-child"],
)
def test_the_run_a_child_left_open_is_finished_with_the_failure_once(
    store: Store, out: ChildOutcome
) -> None:
    runtime = _runtime(store, _config(store, ("nrta", 60)))
    source = runtime.config.sources[0]
    started = utcnow()
    with store.transaction(write=True) as tx:
        row = tx.sources.ensure(source.name, source.kind, source.url, source.category)
        opened = tx.sources.open_run(row, utcnow(), owner())
        tx.commit()
    conclude(runtime, source, started, out)
    with store.transaction() as tx:
        row = tx.sources.get("nrta")
        assert not tx.sources.unfinished_runs()  # nothing left to count again as interrupted
        last = tx.sources.last_run(row)
        assert last is not None and last.id == opened and not last.ok
        assert ("timed out" if out.timed_out else "database is locked") in (last.error or "")
        assert row.consecutive_failures == 1


def test_the_lock_refuses_a_live_holder_and_takes_over_a_dead_one(store: Store) -> None:
    first = DaemonLock(store, pid=os.getppid())  # a live process on this host
    first.acquire()
    with pytest.raises(DaemonRunning, match=f"pid {os.getppid()}"):
        DaemonLock(store).acquire()
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = DaemonLock(store, pid=int(gone.stdout))
    with store.transaction(write=True) as tx:
        tx.daemon.take(dead.pid, dead.host, utcnow())
        tx.commit()
    mine = DaemonLock(store)
    mine.acquire()  # same host, process gone: taken over at once
    assert mine.beat() and not dead.beat()
    mine.release()
    with store.transaction() as tx:
        assert tx.daemon.holder() is None


def test_the_lock_respects_other_hosts_until_their_heartbeat_is_stale(store: Store) -> None:
    other = DaemonLock(store, pid=1, host="elsewhere")
    other.acquire()
    with pytest.raises(DaemonRunning, match="elsewhere"):
        DaemonLock(store).acquire()
    with store.transaction(write=True) as tx:
        tx.daemon.take(1, "elsewhere", utcnow() - timedelta(minutes=5))
        tx.commit()
    DaemonLock(store).acquire()


def test_status_reports_daemon_sources_and_deliveries(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "dramawatch.yaml"
    path.write_text(
        f"database: {store.url}\nsources:\n  - {{name: flaky, kind: rss, "
        "url: 'http://127.0.0.1:9/', interval: 60}\n",
        encoding="utf-8",
    )
    _fail(store, "flaky", ago=1)
    DaemonLock(store).acquire()
    done = CliRunner().invoke(status_command, ["--format", "json"], obj=Context(str(path)))
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    assert report["daemon"]["running"] is True and report["daemon"]["pid"] == os.getpid()
    row = report["sources"][0]
    assert (row["source"], row["last_result"], row["failures"]) == ("flaky", "failed", 1)
    assert row["backoff_until"] and row["next_run_at"] is None
    assert report["deliveries"] == {"pending": 0, "failed": 0}
    table = CliRunner().invoke(status_command, [], obj=Context(str(path)))
    assert f"Daemon: running, pid {os.getpid()}" in table.output


def test_json_log_lines_carry_the_fields() -> None:
    record = logging.LogRecord(
        "dramawatch.daemon_jobs", logging.INFO, __file__, 1, "Run of %s: ok", ("nrta",), None
    )
    record.fields = {"event": "run", "source": "nrta", "new": 1}
    line = json.loads(JsonFormatter().format(record))
    assert line["msg"] == "Run of nrta: ok" and line["level"] == "INFO"
    assert (line["event"], line["source"], line["new"]) == ("run", "nrta", 1)


@pytest.mark.parametrize(("given", "seconds"), [("30", 30.0), ("45s", 45.0), ("30m", 1800.0)])
def test_durations_take_seconds_or_units(given: str, seconds: float) -> None:
    assert DURATION.convert(given, None, None) == seconds


SLEEPER = [sys.executable, "-c", "import time; time.sleep(30)"]


def test_a_crawl_past_its_timeout_is_stopped() -> None:
    outcome = Children().run(SLEEPER, timeout=0.5)
    assert outcome.timed_out and not outcome.stopped and outcome.seconds < 5


def test_closing_kills_crawls_still_running_after_the_grace() -> None:
    children = Children()
    outcomes: list[ChildOutcome] = []
    worker = threading.Thread(target=lambda: outcomes.append(children.run(SLEEPER, 60)))
    worker.start()
    while not children.count():
        time.sleep(0.05)
    children.close(grace=0.3)
    worker.join(timeout=5)
    assert outcomes and outcomes[0].stopped and outcomes[0].returncode == -signal.SIGKILL
    assert children.run(SLEEPER, 60).stopped  # closed: nothing new starts


def test_status_shows_intervals_readably_and_a_crawl_running_now(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "dramawatch.yaml"
    path.write_text(
        f"database: {store.url}\nsources:\n"
        "  - {name: busy, kind: rss, url: 'http://127.0.0.1:9/a', interval: 30m}\n"
        "  - {name: idle, kind: rss, url: 'http://127.0.0.1:9/b', interval: 6h}\n",
        encoding="utf-8",
    )
    started = utcnow() - timedelta(minutes=2)
    with store.transaction(write=True) as tx:
        busy = tx.sources.ensure("busy", "rss", "http://127.0.0.1:9/a", "media")
        tx.sources.record_run(busy, started - timedelta(hours=1), RunStats(new=1), None)
        tx.sources.open_run(busy, started, owner())
        tx.commit()
    done = CliRunner().invoke(status_command, ["--format", "json"], obj=Context(str(path)))
    busy_row, idle_row = json.loads(done.output)["sources"]
    assert (busy_row["interval"], idle_row["interval"]) == ("30m", "6h")
    assert busy_row["running_since"] == started.isoformat(timespec="seconds")
    assert busy_row["last_result"] == "ok" and idle_row["running_since"] is None
    table = CliRunner().invoke(status_command, [], obj=Context(str(path))).output
    assert "30m" in table and "6h" in table and started.isoformat(timespec="seconds") in table
    assert not re.search(r"\d\d:\d\d:\d\d\.\d", table)


def test_a_warning_run_is_logged_as_a_warning_not_a_failure(
    caplog: pytest.LogCaptureFixture,
) -> None:
    report = {"ok": False, "error": None, "warnings": ["0 article links: try link_selector"]}
    with caplog.at_level(logging.INFO, logger="dramawatch.daemon.jobs"):
        _log_summary("listing", report, ChildOutcome(0, "", "", 1.0))
    (record,) = caplog.records
    assert "Run of listing: warning: 0 article links" in record.getMessage()
    assert record.fields["warnings"] == report["warnings"]  # type: ignore[attr-defined]
