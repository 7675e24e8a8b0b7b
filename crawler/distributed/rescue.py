"""Orphan rescue: the leases of workers whose heartbeat expired go back to the shared queue."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from crawler.distributed import queue

if TYPE_CHECKING:
    from redis import Redis

RESCUE_EVERY = 2.0  # seconds between looks for dead workers


class OrphanRescue:
    """Looks for dead workers at most every ``RESCUE_EVERY`` seconds."""

    def __init__(self) -> None:
        self._rescued_at = 0.0

    def maybe_rescue(self, server: Redis) -> None:
        """Requeue dead workers' requests, if the last look is long enough ago."""
        if time.monotonic() - self._rescued_at >= RESCUE_EVERY:
            self._rescued_at = time.monotonic()
            queue.rescue_orphans(server)
