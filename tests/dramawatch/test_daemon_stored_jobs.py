"""Source jobs stored by the daemon before it became a package still load and run.

``fixtures/daemon/stored_jobs.json`` holds the ``apscheduler_jobs`` rows (job state base64)
that ``sync_jobs`` of the earlier ``dramawatch/daemon_schedule.py`` wrote for two sources:
``hourly`` (every hour) and ``nrta`` (cron 9:00 and 17:00 in Asia/Shanghai).
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_RUNNING
from sqlalchemy import MetaData, Table, insert

from config import Config, SourceConfig
from dramawatch.daemon import jobs
from dramawatch.daemon.jobs import DaemonOptions, Runtime, install
from dramawatch.daemon.schedule import sync_jobs
from storage import Store, make_engine
from storage.daemon_state import JOBS_TABLE
from tests.support.children import RecordingChildren

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "daemon" / "stored_jobs.json"
SOURCES = (
    SourceConfig(name="hourly", kind="rss", url="http://127.0.0.1:9/feed", interval=3600),
    SourceConfig(
        name="nrta",
        kind="rss",
        url="http://127.0.0.1:9/nrta",
        interval=3600,
        cron="0 9,17 * * *",
        cron_timezone="Asia/Shanghai",
    ),
)


class StoppableScheduler(BackgroundScheduler):
    """A background scheduler that does not touch its disposed job store after shutdown."""

    def _process_jobs(self) -> float | None:
        if self.state != STATE_RUNNING:
            return None
        return super()._process_jobs()  # type: ignore[no-any-return]


def _store_old_rows(store: Store) -> None:
    """Write the fixture's rows into the job table as the earlier daemon left them."""
    engine = make_engine(store.url)
    SQLAlchemyJobStore(engine=engine, tablename=JOBS_TABLE).start(None, "default")  # type: ignore[arg-type]
    table = Table(JOBS_TABLE, MetaData(), autoload_with=engine)
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    with engine.begin() as connection:
        for row in rows:
            state = base64.b64decode(row["job_state"])
            values = {"id": row["id"], "next_run_time": row["next_run_time"], "job_state": state}
            connection.execute(insert(table).values(values))
    engine.dispose()


@pytest.fixture
def scheduler(store: Store) -> Iterator[BackgroundScheduler]:
    """A paused scheduler over the job table holding the earlier daemon's rows."""
    _store_old_rows(store)
    jobstore = SQLAlchemyJobStore(engine=make_engine(store.url), tablename=JOBS_TABLE)
    started = StoppableScheduler(jobstores={"default": jobstore}, timezone=UTC)
    started.start(paused=True)
    yield started
    started.shutdown(wait=True)
    install(None)


def test_stored_source_jobs_load_and_the_config_keeps_them(
    store: Store, scheduler: BackgroundScheduler
) -> None:
    loaded = {job.id: job for job in scheduler.get_jobs()}
    assert sorted(loaded) == ["source:hourly", "source:nrta"]
    assert all(job.func is jobs.crawl_source for job in loaded.values())
    report = sync_jobs(scheduler, Config(database=store.url, sources=SOURCES))
    assert sorted(report.kept) == ["hourly", "nrta"] and not report.added


def test_stored_source_jobs_run_their_crawls(store: Store, scheduler: BackgroundScheduler) -> None:
    options = DaemonOptions(Path("dramawatch.yaml"), crawl_timeout=5)
    children = RecordingChildren()
    install(Runtime(options, Config(database=store.url, sources=SOURCES), store, children=children))
    for source in SOURCES:
        scheduler.modify_job(f"source:{source.name}", next_run_time=datetime.now(UTC))
    scheduler.resume()
    deadline = time.monotonic() + 20
    while len(children.started) < len(SOURCES) and time.monotonic() < deadline:
        time.sleep(0.05)
    crawled = sorted(argv[argv.index("--source") + 1] for argv in children.started)
    assert crawled == ["hourly", "nrta"]
    assert all(argv[-2:] == ["--format", "json"] for argv in children.started)
