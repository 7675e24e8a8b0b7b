"""``dramawatch run``: the scheduler daemon, a thin shell over the pass ``crawl`` runs.

Each source's job starts ``dramawatch crawl --source NAME`` as a child process, with a time
limit (see dramawatch/daemon/child.py). A Twisted reactor cannot be restarted in one
process, so ``run_pass`` cannot simply be called again; a child per crawl also keeps the
daemon's memory flat and a crash or hang of one crawl away from the scheduler.

Signals: SIGTERM or SIGINT stops scheduling, gives running crawls ``--grace`` seconds, then
kills them, shuts the scheduler down, sends due alerts once more and exits 0; a second one
kills the crawls and exits at once (128 + signal). SIGHUP reloads the config and re-syncs
the jobs. Signal handlers only post requests; a control thread acts on them, so nothing
runs inside the scheduler's main loop at an arbitrary point.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import signal
import threading
from typing import Any

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_MISSED,
    EVENT_SCHEDULER_STARTED,
    JobExecutionEvent,
    SchedulerEvent,
)
from apscheduler.schedulers import SchedulerNotRunningError

from config import Config, ConfigError, load_config
from dramawatch.daemon.jobs import DaemonOptions, Runtime, dispatch, install, record_job_error
from dramawatch.daemon.lock import DaemonLock, Heartbeat
from dramawatch.daemon.schedule import SyncReport, add_dispatcher, build_scheduler, sync_jobs
from storage import Store

logger = logging.getLogger(__name__)

STOP, RELOAD, LOST = "stop", "reload", "lost"


class Daemon:
    """One scheduler over the configured sources, holding the database's daemon lock."""

    def __init__(self, options: DaemonOptions, config: Config, store: Store) -> None:
        self.runtime = Runtime(options, config, store)
        self.lock = DaemonLock(store)
        self.scheduler = build_scheduler(config.database, options.concurrent_crawls)
        self.exit_code = 0
        self._requests: queue.SimpleQueue[tuple[str, int]] = queue.SimpleQueue()
        self._stop_requested = False
        self._heartbeat = Heartbeat(self.lock, on_lost=lambda: self._requests.put((LOST, 0)))
        self._control = threading.Thread(target=self._serve, name="dramawatch-control")

    def run(self) -> int:
        """Schedule until stopped; the exit status (0 after SIGTERM/SIGINT)."""
        self.lock.acquire()  # DaemonRunning when another live daemon holds it
        install(self.runtime)
        try:
            self._heartbeat.start()
            self._control.start()
            self.scheduler.add_listener(self._started, EVENT_SCHEDULER_STARTED)
            self.scheduler.add_listener(self._job_event, EVENT_JOB_ERROR | EVENT_JOB_MISSED)
            self.scheduler.start()  # returns once the control thread has shut it down
            self._control.join()
            self._flush()
        finally:
            install(None)
            self._heartbeat.stop()
            self.lock.release()
        logger.info("Daemon stopped", extra={"fields": {"event": "stopped"}})
        return self.exit_code

    def _started(self, _event: SchedulerEvent) -> None:
        """Runs in the main thread inside ``scheduler.start()``, before any job."""
        try:
            report = sync_jobs(self.scheduler, self.runtime.config)
            add_dispatcher(self.scheduler, self.runtime.options.dispatch_every)
        except Exception:  # APScheduler would only log it: stop instead of running half set up
            logger.exception("Could not set up the schedule; stopping")
            self.exit_code = 1
            self._requests.put((STOP, 0))
            return
        self._install_signals()
        _log_sync(f"Daemon started (pid {os.getpid()})", report)

    def _install_signals(self) -> None:
        signal.signal(signal.SIGTERM, self._on_stop_signal)
        signal.signal(signal.SIGINT, self._on_stop_signal)
        if hasattr(signal, "SIGHUP"):
            signal.signal(signal.SIGHUP, lambda *_: self._requests.put((RELOAD, 0)))

    def _on_stop_signal(self, signum: int, _frame: Any) -> None:
        if self._stop_requested:  # the second signal: no more waiting
            self.runtime.children.kill_all()
            os.write(2, b"dramawatch: second signal, crawls killed, exiting now\n")
            os._exit(128 + signum)
        self._stop_requested = True
        self._requests.put((STOP, signum))  # SimpleQueue.put is safe inside a signal handler

    def _serve(self) -> None:
        """The control thread: reload on SIGHUP, shut down on a stop request."""
        while True:
            request, signum = self._requests.get()
            if request == RELOAD:
                self._reload()
                continue
            if request == LOST:
                self.exit_code = 1
            self._shutdown(signum)
            return

    def _reload(self) -> None:
        path = self.runtime.options.config_path
        try:
            config = load_config(path)
        except ConfigError as exc:
            logger.error("SIGHUP: config not reloaded, the running one stays: %s", exc)
            return
        if config.database != self.runtime.config.database:
            logger.error("SIGHUP: the database cannot change while running; restart instead")
            return
        self.runtime.config = config
        _log_sync(f"SIGHUP: config {path} reloaded", sync_jobs(self.scheduler, config))

    def _shutdown(self, signum: int) -> None:
        grace = self.runtime.options.grace
        cause = signal.Signals(signum).name if signum else "shutdown"
        logger.info(
            "%s: no new runs; running crawls get %.0fs to finish",
            cause,
            grace,
            extra={"fields": {"event": "stopping", "signal": cause}},
        )
        with contextlib.suppress(SchedulerNotRunningError):
            self.scheduler.pause()  # unrun jobs keep their due time in the job store
        self.runtime.stopping.set()
        self.runtime.children.close(grace)
        self.scheduler.shutdown(wait=True)

    def _flush(self) -> None:
        """Send what is due one last time, within the grace period."""
        flush = threading.Thread(target=dispatch, args=(self.runtime,), daemon=True)
        flush.start()
        flush.join(timeout=max(self.runtime.options.grace, 10.0))
        if flush.is_alive():
            logger.warning("Final dispatch still running; its deliveries stay pending")

    def _job_event(self, event: JobExecutionEvent) -> None:
        if event.code == EVENT_JOB_MISSED:
            logger.warning("Job %s missed its run at %s", event.job_id, event.scheduled_run_time)
            return
        logger.error(
            "Job %s failed: %r",
            event.job_id,
            event.exception,
            extra={"fields": {"event": "job_error", "job": event.job_id}},
        )
        if event.job_id.startswith("source:"):
            record_job_error(self.runtime, event.job_id.removeprefix("source:"), event.exception)


def _log_sync(what: str, report: SyncReport) -> None:
    fields = {"event": "schedule", **{k: list(v) for k, v in report.__dict__.items()}}
    logger.info(
        "%s: %d sources scheduled (%d kept their stored next run, %d new, %d re-timed), %d removed",
        what,
        len(report.kept) + len(report.added) + len(report.rescheduled),
        len(report.kept),
        len(report.added),
        len(report.rescheduled),
        len(report.removed),
        extra={"fields": fields},
    )
