"""The distributed worker: one Scrapy crawler that runs any source's requests from Redis.

Requests in the shared queue name their source and the callback of that source's kind
spider (``SPIDERS[source.kind]``); the worker keeps one such spider per (source, pass) and
relays to it, so the per-kind spiders and the pipelines are the same as in ``crawl``.
Leases (crawler/distributed.py) end when a request's callback finished and its items left
the pipelines. When the database is unreachable an item's request is queued again and the
worker pauses until the database answers, so a PostgreSQL restart loses nothing.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Self

import scrapy
from redis import Redis
from redis.exceptions import RedisError
from scrapy import Request, signals
from scrapy.crawler import CrawlerProcess
from scrapy.exceptions import DontCloseSpider
from twisted.internet import threads
from twisted.internet.task import LoopingCall
from twisted.python.failure import Failure

from alerts import dispatch_pending
from crawler import distributed
from crawler.settings import settings_for
from crawler.spiders import SPIDERS
from storage import open_store
from storage.errors import ConnectionFailure, DatabaseError, DatabaseUnavailable

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from config import Config, SourceConfig
    from crawler.spiders.base import SourceSpider

logger = logging.getLogger(__name__)

MAX_DELEGATES = 2000  # per-(source, pass) spiders kept; the oldest passes are forgotten
MAX_OUTAGE_RETRIES = 20  # times one request is requeued because the database was down
TICK = 0.5  # seconds between heartbeats / queue checks
RESCUE_EVERY = 2.0  # seconds between looks for dead workers
DISPATCH_EVERY = 5.0  # seconds between alert dispatches


def new_worker_id() -> str:
    """A worker name unique across machines: host, pid and a random suffix."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


class WorkerSpider(scrapy.Spider):
    """Relays each shared-queue request to its source's kind spider; ends its lease after."""

    name = "dramawatch-worker"

    def __init__(
        self, config: Config, worker_id: str | None = None, *, idle_exit: float = 0,
        dispatch: bool = False, heartbeat_ttl: int = distributed.HEARTBEAT_TTL, **kwargs: Any,
    ) -> None:  # fmt: skip
        super().__init__(**kwargs)
        self.config = config
        self.worker_id = worker_id
        self.idle_exit = idle_exit
        self.dispatch = dispatch
        self.heartbeat_ttl = heartbeat_ttl
        self._dispatched_at = 0.0
        self._dispatching = False
        self.server: Redis | None = None
        self._delegates: OrderedDict[tuple[str, str], SourceSpider] = OrderedDict()
        self._open: dict[int, list[Any]] = {}  # id(request) -> [request, unfinished parts]
        self._item_requests: dict[int, Request] = {}  # id(item) -> the request it came from
        self._busy_at = time.monotonic()
        self._rescued_at = 0.0
        self._db_paused = False
        self._stranded: list[Request] = []  # leases to requeue once Redis answers again
        self._unacked: list[Request] = []  # leases to end once Redis answers again
        self._ticker: LoopingCall | None = None  # made when opened: it imports the reactor

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        """Connect to Redis and to the signals that end leases."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.server = distributed.connect(crawler.settings["REDIS_URL"])
        for handler, signal in (
            (spider._item_done, signals.item_scraped),
            (spider._item_done, signals.item_dropped),
            (spider._item_failed, signals.item_error),
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

    # Relaying to the kind spiders.

    def delegate(self, meta: dict[str, Any]) -> SourceSpider:
        """The kind spider of the request's source and pass."""
        key = (meta[distributed.SOURCE], str(meta.get(distributed.PASS, "")))
        spider = self._delegates.get(key)
        if spider is None:
            source = self.config.source(key[0])
            spider = SPIDERS[source.kind](source=source, crawl=self.config.crawl)
            spider.crawler = self.crawler  # kind spiders send signals (e.g. "unchanged")
            self._delegates[key] = spider
            while len(self._delegates) > MAX_DELEGATES:
                self._delegates.popitem(last=False)
        self._delegates.move_to_end(key)
        return spider

    def adopt(self, request: Request, source: str, pass_id: str) -> Request:
        """A kind spider's request, rewritten to come back through this spider."""
        meta = {key: value for key, value in request.meta.items() if key != distributed.LEASE}
        meta.update({
            distributed.SOURCE: source, distributed.PASS: pass_id,
            distributed.CALLBACK: getattr(request.callback, "__name__", None) or "parse",
            distributed.ERRBACK: getattr(request.errback, "__name__", None),
        })  # fmt: skip
        return request.replace(callback=self.parse_page, errback=self.on_page_error, meta=meta)

    def start_requests_of(self, source: SourceConfig, pass_id: str) -> list[Request]:
        """The start requests of ``source`` for one pass, ready for the shared queue."""
        spider = SPIDERS[source.kind](source=source, crawl=self.config.crawl)
        loop = asyncio.new_event_loop()
        try:
            requests = loop.run_until_complete(_collect(spider.start()))
        finally:
            loop.close()
        return [self.adopt(request, source.name, pass_id) for request in requests]

    def parse_page(self, response: scrapy.http.Response) -> Iterator[Any]:
        """Run the kind spider's callback on ``response``."""
        request = response.request
        assert request is not None
        delegate = self.delegate(request.meta)
        callback = getattr(delegate, request.meta.get(distributed.CALLBACK) or "parse")
        return self._relay(request, callback(response))

    def on_page_error(self, failure: Failure) -> Iterator[Any]:
        """Run the kind spider's errback on a failed request."""
        request: Request = failure.request  # type: ignore[attr-defined]
        if self._retry_after_outage(request, failure.value):
            return iter(())
        name = request.meta.get(distributed.ERRBACK)
        output = getattr(self.delegate(request.meta), name)(failure) if name else None
        return self._relay(request, output)

    def _relay(self, request: Request, output: Iterable[Any] | None) -> Iterator[Any]:
        self._hold(request)
        self._busy_at = time.monotonic()
        meta = request.meta
        try:
            for result in output or ():
                if isinstance(result, Request):
                    # Queued now rather than yielded: Scrapy drains a callback's output before
                    # it has scheduled all of it, and the lease must outlive the follow-ups.
                    follow = self.adopt(result, meta[distributed.SOURCE], meta[distributed.PASS])
                    self.crawler.engine.crawl(follow)
                    continue
                self._hold(request)
                self._item_requests[id(result)] = request
                yield result
        except GeneratorExit:  # shut down mid-callback: the lease stays, and is requeued
            raise
        except RedisError:  # a follow-up could not be queued: run the whole request again
            self._open.pop(id(request), None)
            self._stranded.append(request)
            raise
        except Exception:
            self._release(request)
            raise
        self._release(request)

    # Leases.

    def _hold(self, request: Request) -> None:
        self._open.setdefault(id(request), [request, 0])[1] += 1

    def _release(self, request: Request) -> None:
        entry = self._open.get(id(request))
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] > 0 or self.server is None or not self.worker_id:
            return
        del self._open[id(request)]
        if not distributed.ack(self.server, self.worker_id, request):
            self._unacked.append(request)

    def _item_done(self, item: Any, **_: Any) -> None:
        request = self._item_requests.pop(id(item), None)
        if request is not None:
            self._release(request)

    def _item_failed(self, item: Any, failure: Failure, **_: Any) -> None:
        request = self._item_requests.pop(id(item), None)
        if request is not None and not self._retry_after_outage(request, failure.value):
            self._release(request)

    def _retry_after_outage(self, request: Request, error: BaseException) -> bool:
        """Queue ``request`` again and pause when ``error`` means the database is down."""
        attempt = int(request.meta.get(distributed.ATTEMPT, 0)) + 1
        if not _database_outage(error) or attempt > MAX_OUTAGE_RETRIES:
            return False
        # The copy carries the lease, which ends in the MULTI that queues the copy.
        self._open.pop(id(request), None)
        meta = {**request.meta, distributed.ATTEMPT: attempt}
        self.crawler.engine.crawl(request.replace(dont_filter=True, meta=meta))
        self._pause_for_database(error)
        return True

    def _pause_for_database(self, error: BaseException) -> None:
        if not self._db_paused:
            logger.warning("Database unreachable, worker paused until it answers: %s", error)
            self._db_paused = True
            self.crawler.engine.pause()

    # Housekeeping.

    def _opened(self, spider: scrapy.Spider) -> None:
        self._ticker = LoopingCall(self._tick)
        self._ticker.start(TICK, now=True)

    def _closed(self, spider: scrapy.Spider) -> None:
        if self._ticker is not None and self._ticker.running:
            self._ticker.stop()
        if self.dispatch and not self._dispatching:
            self._dispatch_once()  # what the last pages raised goes out before exiting

    def _tick(self) -> None:
        """Heartbeat, dead-worker rescue, database check and queue poll."""
        assert self.server is not None and self.worker_id
        try:
            distributed.heartbeat(self.server, self.worker_id, self.heartbeat_ttl)
            self._settle_leases()
            if time.monotonic() - self._rescued_at >= RESCUE_EVERY:
                self._rescued_at = time.monotonic()
                distributed.rescue_orphans(self.server)
            self._check_database()
            if self.server.llen(distributed.QUEUE_KEY):
                self._busy_at = time.monotonic()
                _wake(self.crawler.engine)
            elif self.idle_exit and time.monotonic() - self._busy_at >= self.idle_exit:
                _wake(self.crawler.engine)  # an idle engine then asks _idle() whether to stop
        except RedisError as exc:
            logger.warning("Redis unreachable (%s); retrying", exc)
        self._maybe_dispatch()

    def _settle_leases(self) -> None:
        """Leases left over from a Redis outage: requeue the unfinished, end the done."""
        assert self.server is not None and self.worker_id
        while self._stranded:
            distributed.requeue_lease(self.server, self.worker_id, self._stranded[0])
            self._stranded.pop(0)
        self._unacked = [
            r for r in self._unacked if not distributed.ack(self.server, self.worker_id, r)
        ]

    def _maybe_dispatch(self) -> None:
        """Send due alert deliveries now and then, in a thread (SMTP and HTTP block)."""
        if not self.dispatch or self._dispatching or self._db_paused:
            return
        if time.monotonic() - self._dispatched_at < DISPATCH_EVERY:
            return
        self._dispatching, self._dispatched_at = True, time.monotonic()
        done = threads.deferToThread(self._dispatch_once)
        done.addBoth(self._dispatch_finished)

    def _dispatch_once(self) -> None:
        # Any number of workers dispatch: a delivery is claimed by one of them only
        # (a conditional UPDATE, FOR UPDATE SKIP LOCKED on PostgreSQL).
        try:
            dispatch_pending(open_store(self.config.database), self.config)
        except (DatabaseError, OSError) as exc:
            logger.warning("Alert dispatch failed, next time then: %s", exc)

    def _dispatch_finished(self, result: Any) -> None:
        self._dispatching = False
        if isinstance(result, Failure):
            logger.error("Alert dispatch crashed: %s", result.getTraceback())

    def _check_database(self) -> None:
        if self._db_paused and open_store(self.config.database).ping():
            logger.warning("Database answers again: worker resumed")
            self._db_paused = False
            self.crawler.engine.unpause()

    def _idle(self, spider: scrapy.Spider) -> None:
        """Stay open for more work, unless --idle-exit passed with nothing left anywhere."""
        quiet = time.monotonic() - self._busy_at
        if self.idle_exit and quiet >= self.idle_exit and self.server is not None:
            try:
                if distributed.pending(self.server) == 0:
                    return
            except RedisError:
                pass
        raise DontCloseSpider


async def _collect(requests: AsyncIterator[Any]) -> list[Request]:
    return [request async for request in requests if isinstance(request, Request)]


def _wake(engine: Any) -> None:
    """Ask the engine for the next request now rather than at its 5 s heartbeat."""
    # Scrapy has no public hook for "the scheduler has work again"; without this an idle
    # worker would notice requests queued by another worker only at its next heartbeat.
    slot = getattr(engine, "_slot", None)
    nextcall = getattr(slot, "nextcall", None)
    if nextcall is not None and not engine.paused:
        nextcall.schedule()


def _database_outage(error: BaseException) -> bool:
    if isinstance(error, DatabaseUnavailable | ConnectionFailure):
        return True
    return isinstance(error, DatabaseError) and bool(error.connection_invalidated)


def run_worker(
    config: Config,
    redis_url: str,
    *,
    worker_id: str | None = None,
    concurrency: int = 8,
    idle_exit: float = 0,
    dispatch: bool = True,
    heartbeat_ttl: int = distributed.HEARTBEAT_TTL,
    settings: dict[str, Any] | None = None,
) -> str:
    """Consume the shared queue until stopped (SIGTERM/SIGINT) or idle; returns the id."""
    open_store(config.database).migrate()
    worker_id = worker_id or new_worker_id()
    overrides = {
        "LOG_LEVEL": logging.getLevelName(logging.getLogger().getEffectiveLevel()),
        "LOG_INSTALL_ROOT_HANDLER": False,
        "CONCURRENT_REQUESTS": concurrency,
        **distributed.worker_settings(redis_url, worker_id),
        **(settings or {}),
    }
    crawl_settings = settings_for(config, **overrides)
    crawl_settings["DOWNLOADER_MIDDLEWARES"] = {
        **crawl_settings.get("DOWNLOADER_MIDDLEWARES", {}),
        **distributed.DOWNLOADER_MIDDLEWARES,
    }
    process = CrawlerProcess(crawl_settings)
    process.crawl(
        WorkerSpider, config=config, worker_id=worker_id, idle_exit=idle_exit,
        dispatch=dispatch, heartbeat_ttl=heartbeat_ttl,
    )  # fmt: skip
    logger.info("Worker %s consuming %s", worker_id, redis_url)
    process.start()
    return worker_id
