"""The daemon's APScheduler set-up: job stores, executors, triggers, and syncing jobs to the config.

Source jobs live in a SQLAlchemyJobStore in the archive's database, so a restart finds each
source's next run time where it was: a missed run is run once (``coalesce``) as long as it is
less than one interval late (``misfire_grace_time``), never once per missed interval. The
dispatcher's job lives in memory: it runs every few seconds and has no state worth keeping.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.base import STATE_RUNNING, BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger

from config import Config, SourceConfig
from config.cron import crontab_trigger
from dramawatch.daemon.jobs import CRAWL_JOB, DISPATCH_JOB
from storage import make_engine
from storage.daemon_state import JOBS_TABLE

logger = logging.getLogger(__name__)

PERSISTENT, IN_MEMORY = "default", "memory"
CRAWLS, DISPATCHER = "default", "dispatcher"
DISPATCH_JOB_ID = "dispatch"
JITTER_CAP = 300.0  # seconds
FIRST_RUN_SPREAD = 60.0  # a new source's first run: within this, so new sources do not stampede


@dataclass(frozen=True)
class SyncReport:
    """What syncing the jobs to the config did, by source name."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    rescheduled: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()


class DaemonScheduler(BlockingScheduler):
    """A BlockingScheduler that another thread can shut down without racing its main loop."""

    def _process_jobs(self) -> float | None:
        # APScheduler skips processing only when paused; a shutdown from the control thread
        # marks it stopped while the loop may be waking up, and submitting jobs then fails.
        if self.state != STATE_RUNNING:
            return None
        return cast("float | None", super()._process_jobs())


def job_id(source: str) -> str:
    """The scheduler job id of a source."""
    return f"source:{source}"


def build_scheduler(database: str, concurrent_crawls: int) -> DaemonScheduler:
    """A blocking scheduler with the persistent and in-memory job stores and two executors."""
    return DaemonScheduler(
        jobstores={
            PERSISTENT: SQLAlchemyJobStore(engine=make_engine(database), tablename=JOBS_TABLE),
            IN_MEMORY: MemoryJobStore(),
        },
        executors={
            CRAWLS: ThreadPoolExecutor(concurrent_crawls),
            DISPATCHER: ThreadPoolExecutor(1),
        },
        timezone=UTC,
    )


def source_trigger(source: SourceConfig) -> BaseTrigger:
    """The source's ``cron`` times, else its interval, with jitter."""
    jitter = min(source.interval * 0.1, JITTER_CAP)
    if source.cron:
        trigger = crontab_trigger(source.cron, source.cron_timezone)
        trigger.jitter = jitter  # from_crontab takes no jitter argument
        return trigger
    return IntervalTrigger(seconds=source.interval, jitter=jitter, timezone=UTC)


def job_options(source: SourceConfig) -> dict[str, Any]:
    """One run at a time, missed runs merged, a run up to one interval late still made."""
    return {
        "coalesce": True,
        "max_instances": 1,
        "misfire_grace_time": max(int(source.interval), 30),
        "name": f"crawl {source.name}",
        "func": CRAWL_JOB,
        "args": (source.name,),
        "executor": CRAWLS,
    }


def sync_jobs(scheduler: BaseScheduler, config: Config) -> SyncReport:
    """Add, remove and re-time source jobs to match ``config``; unchanged ones keep their time."""
    wanted = {job_id(s.name): s for s in config.sources if s.enabled}
    existing = {j.id: j for j in scheduler.get_jobs(jobstore=PERSISTENT)}
    removed = [j for j in existing if j.startswith("source:") and j not in wanted]
    for stale in removed:
        scheduler.remove_job(stale, jobstore=PERSISTENT)
    added, rescheduled, kept = [], [], []
    for identifier, source in wanted.items():
        job = existing.get(identifier)
        if job is None:
            _add(scheduler, source)
            added.append(source.name)
            continue
        scheduler.modify_job(identifier, jobstore=PERSISTENT, **job_options(source))
        if _same_schedule(job, source_trigger(source)):
            kept.append(source.name)
        else:
            scheduler.reschedule_job(identifier, PERSISTENT, trigger=source_trigger(source))
            rescheduled.append(source.name)
    names = [job.removeprefix("source:") for job in removed]
    return SyncReport(tuple(added), tuple(names), tuple(rescheduled), tuple(kept))


def _add(scheduler: BaseScheduler, source: SourceConfig) -> None:
    spread = random.uniform(0, min(source.interval, FIRST_RUN_SPREAD))
    first = datetime.now(UTC) + timedelta(seconds=spread)
    options = job_options(source)
    scheduler.add_job(
        options.pop("func"),
        source_trigger(source),
        id=job_id(source.name),
        jobstore=PERSISTENT,
        next_run_time=first,
        replace_existing=True,
        **options,
    )


def _same_schedule(job: Job, trigger: BaseTrigger) -> bool:
    old = job.trigger
    return (type(old), str(old), getattr(old, "jitter", None)) == (
        type(trigger),
        str(trigger),
        getattr(trigger, "jitter", None),
    )


def add_dispatcher(scheduler: BaseScheduler, every: float) -> None:
    """The continuous dispatch of due alert deliveries."""
    scheduler.add_job(
        DISPATCH_JOB,
        IntervalTrigger(seconds=every, timezone=UTC),
        id=DISPATCH_JOB_ID,
        name="dispatch alerts",
        jobstore=IN_MEMORY,
        executor=DISPATCHER,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=max(int(every * 2), 10),
        replace_existing=True,
        next_run_time=datetime.now(UTC),
    )
