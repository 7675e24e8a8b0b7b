"""Database outages: the failed request is queued again and the worker pauses until it answers.

So a PostgreSQL restart loses nothing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from crawler.distributed import queue
from storage import open_store
from storage.errors import is_outage

if TYPE_CHECKING:
    from scrapy import Request

    from crawler.distributed.leases import Leases

logger = logging.getLogger(__name__)

MAX_OUTAGE_RETRIES = 20  # times one request is requeued because the database was down


class OutagePause:
    """Pauses the engine while the database is unreachable and resumes it when it answers."""

    def __init__(self, database: str) -> None:
        self.database = database
        self.paused = False

    def retry(self, engine: Any, leases: Leases, request: Request, error: BaseException) -> bool:
        """Queue ``request`` again and pause when ``error`` means the database is down."""
        attempt = int(request.meta.get(queue.ATTEMPT, 0)) + 1
        if not is_outage(error) or attempt > MAX_OUTAGE_RETRIES:
            return False
        # The copy carries the lease, which ends in the script step that queues the copy.
        leases.forget(request)
        meta = {**request.meta, queue.ATTEMPT: attempt}
        engine.crawl(request.replace(dont_filter=True, meta=meta))
        self._pause(engine, error)
        return True

    def _pause(self, engine: Any, error: BaseException) -> None:
        if not self.paused:
            logger.warning("Database unreachable, worker paused until it answers: %s", error)
            self.paused = True
            engine.pause()

    def resume_if_back(self, engine: Any) -> None:
        """Unpause the engine once the database answers again."""
        if self.paused and open_store(self.database).ping():
            logger.warning("Database answers again: worker resumed")
            self.paused = False
            engine.unpause()
