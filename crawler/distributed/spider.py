"""The distributed worker's spider: one Scrapy crawler that runs any source's requests from Redis.

Its jobs each live in a module of their own: relaying to the kind spiders (``relay.py``),
leases (``leases.py``), orphan rescue (``rescue.py``), database outages (``outages.py``) and
alert dispatch (``dispatch.py``). This module wires them to Scrapy's signals and to one
ticker that beats the heartbeat and polls the queue.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Self

import scrapy
from redis import Redis
from redis.exceptions import RedisError
from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from twisted.internet.task import LoopingCall

from crawler.distributed import HEARTBEAT_TTL, queue
from crawler.distributed.books import RunBooks
from crawler.distributed.dispatch import AlertDispatch
from crawler.distributed.leases import Leases
from crawler.distributed.outages import OutagePause
from crawler.distributed.relay import Relaying
from crawler.distributed.rescue import OrphanRescue

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from config import Config

logger = logging.getLogger(__name__)

TICK = 0.5  # seconds between heartbeats / queue checks


class WorkerSpider(Relaying, scrapy.Spider):
    """Relays each shared-queue request to its source's kind spider; ends its lease after."""

    name = "dramawatch-worker"

    def __init__(
        self,
        config: Config,
        worker_id: str | None = None,
        *,
        idle_exit: float = 0,
        dispatch: bool = False,
        heartbeat_ttl: int = HEARTBEAT_TTL,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.config = config
        self.worker_id = worker_id
        self.idle_exit = idle_exit
        self.heartbeat_ttl = heartbeat_ttl
        self.server: Redis | None = None
        self.leases = Leases(worker_id)
        self.rescue = OrphanRescue()
        self.outage = OutagePause(config.database)
        self.alerts = AlertDispatch(config, enabled=dispatch)
        self.books = RunBooks(config.database)
        self.leases.hand_over = lambda request: self.books.hand_over(request, self.known(request))
        self._delegates = OrderedDict()
        self.busy_at = time.monotonic()
        self._ticker: LoopingCall | None = None  # made when opened: it imports the reactor

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        """Connect to Redis and to the signals that end leases."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        server = queue.connect(crawler.settings["REDIS_URL"])
        spider.server = spider.leases.server = spider.books.server = server
        for handler, signal in (
            (spider._item_done, signals.item_scraped),
            (spider._item_done, signals.item_dropped),
            (spider._item_failed, signals.item_error),
            (spider._fetched, signals.response_received),
            (spider._idle, signals.spider_idle),
            (spider._opened, signals.spider_opened),
            (spider._closed, signals.spider_closed),
        ):
            crawler.signals.connect(handler, signal=signal)
        return spider

    async def start(self) -> AsyncIterator[Any]:
        """Nothing of its own: every request comes from the shared queue."""
        own: tuple[Request, ...] = ()
        for request in own:
            yield request

    def _item_done(self, item: Any, exception: BaseException | None = None, **_: Any) -> None:
        request = self.leases.request_of(item)
        if request is not None:
            self.books.item_done(request, item, exception)
            self.leases.release(request)

    def _fetched(self, response: Any, request: Request, **_: Any) -> None:
        self.books.fetched(request)

    def _item_failed(self, item: Any, failure: Failure, **_: Any) -> None:
        request = self.leases.request_of(item)
        if request is None:
            return
        if not self.outage.retry(self.crawler.engine, self.leases, request, failure.value):
            self.leases.release(request)

    def _opened(self, spider: scrapy.Spider) -> None:
        self._ticker = LoopingCall(self._tick)
        self._ticker.start(TICK, now=True)

    def _closed(self, spider: scrapy.Spider) -> None:
        if self._ticker is not None and self._ticker.running:
            self._ticker.stop()
        self.books.finish_runs(paused=self.outage.paused, now=True)
        self.alerts.last_dispatch()

    def _tick(self) -> None:
        """Heartbeat, dead-worker rescue, database check and queue poll."""
        assert self.server is not None and self.worker_id
        try:
            queue.heartbeat(self.server, self.worker_id, self.heartbeat_ttl)
            self.leases.settle()
            self.rescue.maybe_rescue(self.server)
            self.books.finish_runs(paused=self.outage.paused)
            self.outage.resume_if_back(self.crawler.engine)
            self._poll_queue(self.server)
        except RedisError as exc:
            logger.warning("Redis unreachable (%s); retrying", exc)
        self.alerts.maybe_dispatch(paused=self.outage.paused)

    def _poll_queue(self, server: Redis) -> None:
        """Wake the engine when requests are queued, or when idle long enough to stop."""
        if server.llen(queue.QUEUE_KEY):
            self.busy_at = time.monotonic()
            _wake(self.crawler.engine)
        elif self.idle_exit and time.monotonic() - self.busy_at >= self.idle_exit:
            _wake(self.crawler.engine)  # an idle engine then asks _idle() whether to stop

    def _idle(self, spider: scrapy.Spider) -> None:
        """Stay open for more work, unless --idle-exit passed with nothing left anywhere."""
        quiet = time.monotonic() - self.busy_at
        if self.idle_exit and quiet >= self.idle_exit and self.server is not None:
            try:
                if queue.pending(self.server) == 0:
                    return
            except RedisError:
                pass
        raise DontCloseSpider


def _wake(engine: Any) -> None:
    """Ask the engine for the next request now rather than at its 5 s heartbeat."""
    # Scrapy has no public hook for "the scheduler has work again"; without this an idle
    # worker would notice requests queued by another worker only at its next heartbeat.
    slot = getattr(engine, "_slot", None)
    nextcall = getattr(slot, "nextcall", None)
    if nextcall is not None and not engine.paused:
        nextcall.schedule()
