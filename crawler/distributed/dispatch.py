"""Alert dispatch from workers: due deliveries go out now and then, in a thread."""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from twisted.internet import threads
from twisted.python.failure import Failure

from alerts import dispatch_pending
from storage import open_store
from storage.errors import DatabaseError

if TYPE_CHECKING:
    from config import Config

logger = logging.getLogger(__name__)

DISPATCH_EVERY = 5.0  # seconds between alert dispatches


class AlertDispatch:
    """Sends due alert deliveries every ``DISPATCH_EVERY`` seconds (SMTP and HTTP block)."""

    def __init__(self, config: Config, *, enabled: bool) -> None:
        self.config = config
        self.enabled = enabled
        self._dispatched_at = 0.0
        self._dispatching = False
        self._sending = threading.Lock()  # one dispatch at a time in this worker

    def maybe_dispatch(self, *, paused: bool) -> None:
        """Start a dispatch in a thread if one is due and none is running."""
        if not self.enabled or self._dispatching or paused:
            return
        if time.monotonic() - self._dispatched_at < DISPATCH_EVERY:
            return
        self._dispatching, self._dispatched_at = True, time.monotonic()
        done = threads.deferToThread(self.dispatch_once)
        done.addBoth(self._finished)

    def last_dispatch(self) -> None:
        """What the last pages raised goes out before the worker exits (after the dispatch
        running in the thread, if any: it may have looked before the last alerts were made)."""
        if self.enabled:
            self.dispatch_once()

    def dispatch_once(self) -> None:
        """Send the due deliveries now."""
        # Any number of workers dispatch: a delivery is claimed by one of them only
        # (a conditional UPDATE, FOR UPDATE SKIP LOCKED on PostgreSQL).
        with self._sending:
            try:
                dispatch_pending(open_store(self.config.database), self.config)
            except (DatabaseError, OSError) as exc:
                logger.warning("Alert dispatch failed, next time then: %s", exc)

    def _finished(self, result: Any) -> None:
        self._dispatching = False
        if isinstance(result, Failure):
            logger.error("Alert dispatch crashed: %s", result.getTraceback())
