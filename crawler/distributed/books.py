"""Run bookkeeping: a worker's share of each source's run, kept in the pass ledger.

What ``crawl`` counts for a source's run (fetched, kept, new, unchanged, drops, page errors,
warnings, the source's failure) is counted here per request, by whichever worker ran it, and
handed to the ledger in the step that ends the request's lease: once, however often that step
is sent. Now and then (and on close) the worker writes the runs of sources whose pass has no
request left.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

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
        self._tallies: WeakKeyDictionary[Request, ledger.Tally] = WeakKeyDictionary()
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

    def hand_over(self, request: Request, spider: SourceSpider | None) -> ledger.Tally | None:
        """The request's share of its run, with the kind spider's errors, warnings, skips and
        failure since the last hand-over; made once, so an ack tried again sends the same."""
        tally = self._tally(request)
        if tally is None or tally.sealed:
            return tally
        tally.sealed = True
        if spider is not None:
            self._add_news(tally, _names(request), spider)
        return tally

    def _add_news(self, tally: ledger.Tally, names: tuple[str, str], spider: SourceSpider) -> None:
        done = self._reported.setdefault(names, Counter())
        tally.errors = spider.errors[done["~errors"] :]
        tally.warnings = spider.warnings[done["~warnings"] :]
        tally.failure = spider.source_error
        done["~errors"], done["~warnings"] = len(spider.errors), len(spider.warnings)
        for reason, total in spider.skipped.items():
            if total > done[reason]:
                tally.counts[f"dropped:{reason}"] += total - done[reason]
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
        tally = self._tally(request)
        if tally is not None:
            tally.counts[field] += 1

    def _tally(self, request: Request) -> ledger.Tally | None:
        """The request's tally so far; None for a request that counts in no run."""
        if not all(_names(request)):
            return None
        return self._tallies.setdefault(request, ledger.Tally())


def _names(request: Request) -> tuple[str, str]:
    meta = request.meta
    return str(meta.get(queue.SOURCE) or ""), str(meta.get(queue.PASS) or "")
