"""Child processes of the daemon: one per crawl, each with a bounded run time.

Each crawl runs in its own process (``python -m dramawatch crawl --source NAME``) and its own
session, so a Ctrl-C in the terminal reaches the daemon only (the daemon decides when a crawl
is cut), and killing the session also ends any analysis processes the crawl started.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

TERM_GRACE_SECONDS = 10.0  # after SIGTERM (Scrapy's graceful stop), before SIGKILL


@dataclass(frozen=True)
class ChildOutcome:
    """How a child ended: exit status, output, run time, and whether it was cut short."""

    returncode: int | None
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool = False
    stopped: bool = False  # cut because the daemon was stopping


def crawl_command(config_path: Path, source: str) -> list[str]:
    """The command line of one source's pass, the same pass ``dramawatch crawl`` runs."""
    return [
        sys.executable,
        "-m",
        "dramawatch",
        "--config",
        str(config_path),
        "crawl",
        "--source",
        source,
        "--format",
        "json",
    ]


class Children:
    """The running children, so that shutdown can wait for them or kill them."""

    def __init__(self) -> None:
        self._running: dict[int, subprocess.Popen[str]] = {}
        self._cut: set[int] = set()
        self._closed = False
        self._lock = threading.Lock()

    def run(self, argv: Sequence[str], timeout: float) -> ChildOutcome:
        """Run ``argv`` to its end, or stop it after ``timeout`` seconds."""
        started = time.monotonic()
        child = self._start(argv)
        if child is None:
            return ChildOutcome(None, "", "", 0.0, stopped=True)
        timed_out = False
        try:
            stdout, stderr = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            stdout, stderr = _stop(child)
        finally:
            with self._lock:
                self._running.pop(child.pid, None)
                stopped = child.pid in self._cut
        elapsed = time.monotonic() - started
        return ChildOutcome(child.returncode, stdout, stderr, elapsed, timed_out, stopped)

    def _start(self, argv: Sequence[str]) -> subprocess.Popen[str] | None:
        with self._lock:
            if self._closed:
                return None
            child = subprocess.Popen(
                list(argv),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",
                start_new_session=True,
            )
            self._running[child.pid] = child
        return child

    def count(self) -> int:
        """How many children are running."""
        with self._lock:
            return len(self._running)

    def close(self, grace: float) -> None:
        """Start no more children; give running ones ``grace`` seconds, then kill them."""
        with self._lock:
            self._closed = True
        deadline = time.monotonic() + grace
        while self.count() and time.monotonic() < deadline:
            time.sleep(0.1)
        if self.count():
            logger.warning("Killing %d crawl(s) still running after %.0fs", self.count(), grace)
            self.kill_all()

    def kill_all(self) -> None:
        """SIGKILL every running child's session (safe to call from a signal handler)."""
        for pid in list(self._running):  # no lock: this may run inside a signal handler
            self._cut.add(pid)
            _signal_session(pid, signal.SIGKILL)


def _stop(child: subprocess.Popen[str]) -> tuple[str, str]:
    """SIGTERM (Scrapy stops gracefully and records the run), then SIGKILL."""
    _signal_session(child.pid, signal.SIGTERM)
    try:
        return child.communicate(timeout=TERM_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        _signal_session(child.pid, signal.SIGKILL)
        return child.communicate()


def _signal_session(pid: int, signum: int) -> None:
    # The child leads its own session: its process group id is its pid.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signum)
