"""One scheduling daemon per database: a lock row with pid, host and a heartbeat.

A daemon takes the lock at start, refreshes its heartbeat every few seconds and drops the
lock on exit. Another daemon may take it over only when the holder's heartbeat is stale, or
when the holder ran on this host and its process is gone (a ``kill -9`` is then recovered
from at once instead of after the stale period).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from storage import Store
from storage.daemon_state import LockHolder
from storage.errors import StorageError
from storage.models import utcnow

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5.0
STALE_AFTER = timedelta(seconds=60)


class DaemonRunning(Exception):
    """Raised by :meth:`DaemonLock.acquire` when a live daemon holds the lock; exit code 2."""

    def __init__(self, holder: LockHolder, now: datetime) -> None:
        age = (now - holder.heartbeat_at).total_seconds()
        super().__init__(
            f"another dramawatch daemon (pid {holder.pid} on {holder.host}, started "
            f"{holder.started_at.isoformat(timespec='seconds')}, heartbeat {age:.0f}s ago) is "
            f"scheduling on this database. Stop it first (`dramawatch status` shows it), or "
            f"wait until its heartbeat is older than {STALE_AFTER.total_seconds():.0f}s."
        )
        self.holder = holder


def is_live(holder: LockHolder, *, host: str, now: datetime) -> bool:
    """True when ``holder``'s heartbeat is fresh and, if it ran on ``host``, its process is."""
    if now - holder.heartbeat_at > STALE_AFTER:
        return False
    return holder.host != host or pid_alive(holder.pid)


def pid_alive(pid: int) -> bool:
    """True when a process ``pid`` exists on this host."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, owned by someone else
        return True
    return True


@dataclass
class DaemonLock:
    """This process's claim on the database's daemon lock."""

    store: Store
    pid: int = field(default_factory=os.getpid)
    host: str = field(default_factory=socket.gethostname)

    def acquire(self) -> None:
        """Take the lock, or raise DaemonRunning naming the live holder."""
        try:
            self._take()
        except StorageError:  # PostgreSQL: another daemon inserted the row at the same time
            self._take()

    def _take(self) -> None:
        now = utcnow()
        with self.store.transaction(write=True) as tx:
            holder = tx.daemon.holder(for_update=True)
            ours = holder is not None and (holder.pid, holder.host) == (self.pid, self.host)
            if holder is not None and not ours and is_live(holder, host=self.host, now=now):
                raise DaemonRunning(holder, now)
            if holder is not None and not ours:
                logger.warning(
                    "Taking over the daemon lock from pid %d on %s (gone or stale)",
                    holder.pid,
                    holder.host,
                )
            tx.daemon.take(self.pid, self.host, now)
            tx.commit()

    def beat(self) -> bool:
        """Refresh the heartbeat; False when another daemon has taken the lock over."""
        with self.store.transaction(write=True) as tx:
            ours = tx.daemon.beat(self.pid, self.host, utcnow())
            tx.commit()
        return ours

    def release(self) -> None:
        """Drop the lock if it is still ours."""
        with self.store.transaction(write=True) as tx:
            tx.daemon.release(self.pid, self.host)
            tx.commit()


class Heartbeat(threading.Thread):
    """Refreshes the lock every few seconds; calls ``on_lost`` if the lock was taken over."""

    def __init__(self, lock: DaemonLock, on_lost: Callable[[], None]) -> None:
        super().__init__(name="dramawatch-heartbeat", daemon=True)
        self.lock = lock
        self.on_lost = on_lost
        self.done = threading.Event()

    def run(self) -> None:
        """Beat until stopped."""
        while not self.done.wait(HEARTBEAT_SECONDS):
            try:
                ours = self.lock.beat()
            except StorageError as exc:  # a busy or unreachable database: try again later
                logger.warning("Heartbeat not written: %s", exc)
                continue
            if not ours:
                logger.error("Another daemon took the lock over; stopping this one")
                self.on_lost()
                return

    def stop(self) -> None:
        """Stop beating (the lock itself is released by DaemonLock.release)."""
        self.done.set()
