"""Run bookkeeping: a worker's share of each source's run, kept in the pass ledger.

What ``crawl`` counts for a source's run (fetched, kept, new, unchanged, drops, page errors,
warnings, the source's failure) is counted here per request, by whichever worker ran it, and
handed to the ledger before the request's lease ends. Now and then (and on close) the worker
writes the runs of sources whose pass has no request left.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from typing import TYPE_CHECKING, Any

from crawler.distributed import ledger, queue
from storage.errors import StorageError

if TYPE_CHECKING:
    from redis import Redis
    from scrapy import Request

    from crawler.spiders.base import SourceSpider

logger = logging.getLogger(__name__)

FINISH_EVERY = 2.0  # seconds between looks for finished runs
_KNOWN = {"unchanged", "duplicate"}  # drop reasons that mean "already known"


class RunBooks:
    """Counts this worker's part of each (source, pass) run."""

    def __init__(self, database: str) -> None:
        self.database = database
        self.server: Redis | None = None  # set once the crawler connects to Redis
        self._reported: dict[tuple[str, str], Counter[str]] = {}  # what went to the ledger
        self._finished_at = 0.0

    def fetched(self, request: Request) -> None:
        """A response arrived for ``request``."""
        self._count(request, "fetched")

    def item_done(self, request: Request, item: Any, exception: BaseException | None) -> None:
        """An item of ``request`` was stored (``exception`` None) or dropped."""
        if exception is None:
            self._count(request, "kept")
            if getattr(item, "status", None) == "new":
                self._count(request, "new")
            return
        reason = str(exception).split(":", 1)[0]
        if reason in _KNOWN:
            self._count(request, "unchanged")
        self._count(request, f"dropped:{reason}")

    def report(self, request: Request, spider: SourceSpider | None) -> None:
        """Hand the kind spider's new errors, warnings, skips and failure to the ledger."""
        source, pass_id = _names(request)
        if self.server is None or spider is None or not (source and pass_id):
            return
        done = self._reported.setdefault((source, pass_id), Counter())
        errors = spider.errors[done["~errors"] :]
        ledger.add_errors(self.server, pass_id, source, errors, spider.source_error)
        done["~errors"] = len(spider.errors)
        if len(spider.warnings) > done["~warnings"]:
            warnings = spider.warnings[done["~warnings"] :]
            ledger.add_warnings(self.server, pass_id, source, warnings)
            done["~warnings"] = len(spider.warnings)
        for reason, total in spider.skipped.items():
            if total > done[reason]:
                field = f"dropped:{reason}"
                ledger.count(self.server, pass_id, source, field, total - done[reason])
                done[reason] = total

    def finish_runs(self, *, paused: bool, now: bool = False) -> None:
        """Write the runs of sources whose pass is done (at most every ``FINISH_EVERY``)."""
        if self.server is None or paused:
            return
        if not now and time.monotonic() - self._finished_at < FINISH_EVERY:
            return
        self._finished_at = time.monotonic()
        try:
            ledger.finish_done_runs(self.server, self.database)
        except StorageError as exc:  # the next look tries again
            logger.warning("Could not record finished runs yet: %s", exc)

    def _count(self, request: Request, field: str) -> None:
        source, pass_id = _names(request)
        if self.server is not None and source and pass_id:
            ledger.count(self.server, pass_id, source, field)


def _names(request: Request) -> tuple[str, str]:
    meta = request.meta
    return str(meta.get(queue.SOURCE) or ""), str(meta.get(queue.PASS) or "")
