"""Watch a process tree from /proc (Linux): its peak RSS, and what is left of it afterwards.

A child is recognised after its parent died by an environment marker: every process started
under :func:`marked_env` inherits it, even once reparented to init.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
import uuid
from pathlib import Path

_PROC = Path("/proc")
MARKER = "DRAMAWATCH_TEST_TREE"


def marked_env(**extra: str) -> tuple[str, dict[str, str]]:
    """A fresh marker and an environment that carries it."""
    marker = uuid.uuid4().hex
    return marker, {**os.environ, **extra, MARKER: marker}


def marked_pids(marker: str) -> list[int]:
    """Live (non-zombie) processes whose environment carries ``marker``."""
    needle = f"{MARKER}={marker}".encode()
    found = []
    for entry in _PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if needle in environ.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


def wait_gone(marker: str, timeout: float = 5.0) -> list[int]:
    """The marked processes still alive after up to ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while (left := marked_pids(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def kill_all(marker: str) -> None:
    """SIGKILL what is left of a marked tree (so a failed test leaks nothing)."""
    for pid in marked_pids(marker):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _rss_bytes(pid: int) -> int:
    try:
        fields = (_PROC / str(pid) / "statm").read_text().split()
    except OSError:
        return 0
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakRss:
    """Samples the RSS of the marked processes until stopped: ``peak`` (the sum) and
    ``largest`` (of one process), in bytes."""

    def __init__(self, marker: str, every: float = 0.05) -> None:
        self.marker = marker
        self.every = every
        self.peak = 0
        self.largest = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            sizes = [_rss_bytes(pid) for pid in marked_pids(self.marker)]
            self.peak = max(self.peak, sum(sizes))
            self.largest = max(self.largest, *sizes, 0)
