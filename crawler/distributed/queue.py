"""scrapy-redis glue: one shared request queue and dupefilter for any number of workers.

Topology (keys in Redis)::

    scheduler ──push start requests──► dramawatch:requests (list, FIFO)
                                           │ LMOVE (atomic)
                                           ▼
    worker A ◄── dramawatch:processing:A   worker B ◄── dramawatch:processing:B ...

* Every request goes through :class:`PassDupeFilter` (scrapy-redis ``RFPDupeFilter``, one
  fingerprint set per scheduled pass), so a page is fetched once per pass across workers,
  and again on the next pass (a monitor must see changes).
* A worker takes a request by moving it to its own processing list (a lease) and removes it
  when the request is done: its callback finished and its items went through the pipelines.
  Marking a fingerprint seen, queuing the request and ending the lease it replaces (a retry,
  a redirect) is one Lua step. Workers refresh a heartbeat key; the leases of a worker whose
  heartbeat expired (SIGKILL, lost machine) are moved back to the queue by the others, so no
  request is lost. A request can then run twice, which the store absorbs (unique URLs,
  advisory locks): nothing is stored twice.
* The client sends a command again when the connection drops before its reply (a Redis
  restart), so each queue step is a Lua script that is safe to run twice (``scripts.py``):
  a take resent returns the request it took, not a second one left leased to nobody.
* scrapy-redis's Scheduler, FifoQueue and RFPDupeFilter (its fingerprints) are the base;
  the leases, the per-pass fingerprint sets and the atomic enqueue are dramawatch's.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from redis import Redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry
from scrapy import Request
from scrapy.downloadermiddlewares import robotstxt as scrapy_robotstxt
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import load_object
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import FifoQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet.defer import Deferred

from crawler.distributed import HEARTBEAT_TTL, ledger, scripts

if TYPE_CHECKING:
    from scrapy import Spider

    from config import SourceConfig

logger = logging.getLogger(__name__)

QUEUE_KEY = "dramawatch:requests"
DUPEFILTER_KEY = "dramawatch:seen"
WORKERS_KEY = "dramawatch:workers"
DUE_KEY = "dramawatch:due:"  # + source name: set while the source's interval runs
PASS_TTL = 7 * 24 * 3600  # a pass's fingerprints are kept a week
TAKE_TTL = 600  # seconds a take is remembered: longer than the client's reconnect attempts

LEASE = "dramawatch_lease"  # request.meta: the raw queue entry this request was taken as
PASS = "dramawatch_pass"
SOURCE = "dramawatch_source"
CALLBACK = "dramawatch_callback"
ERRBACK = "dramawatch_errback"
ATTEMPT = "dramawatch_attempt"


def processing_key(worker: str) -> str:
    """The list holding ``worker``'s leased requests."""
    return f"dramawatch:processing:{worker}"


def last_take_key(worker: str) -> str:
    """The copy of ``worker``'s last take, kept so that a resent take returns it again."""
    return f"dramawatch:taken:{worker}"


def heartbeat_key(worker: str) -> str:
    """The key whose expiry declares ``worker`` dead."""
    return f"dramawatch:worker:{worker}"


def redis_params() -> dict[str, Any]:
    """Client options: retry through a Redis restart instead of failing the crawl."""
    return {
        "socket_timeout": 10,
        "socket_connect_timeout": 5,
        "health_check_interval": 15,
        # About a minute of reconnect attempts, then the error surfaces.
        "retry": Retry(ExponentialBackoff(cap=2.0, base=0.1), 40),
        "retry_on_error": [RedisConnectionError, RedisTimeoutError],
    }


def connect(url: str) -> Redis:
    """A Redis client for ``url`` with :func:`redis_params`."""
    return Redis.from_url(url, **redis_params())


def worker_settings(redis_url: str, worker: str) -> dict[str, Any]:
    """Scrapy settings that make a crawler a worker of the shared queue."""
    return {
        "SCHEDULER": "crawler.distributed.queue.SharedScheduler",
        "SCHEDULER_QUEUE_CLASS": "crawler.distributed.queue.LeasedQueue",
        "SCHEDULER_QUEUE_KEY": QUEUE_KEY,
        "DUPEFILTER_CLASS": "crawler.distributed.queue.PassDupeFilter",
        "SCHEDULER_DUPEFILTER_KEY": DUPEFILTER_KEY,
        "SCHEDULER_PERSIST": True,  # the queue is shared: never flush it on close
        "REDIS_URL": redis_url,
        "REDIS_PARAMS": redis_params(),
        "DRAMAWATCH_WORKER_ID": worker,
    }


# A worker's first requests to a host arrive together, before its robots.txt is parsed.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.distributed.queue.RobotsTxtMiddleware": 100,
}


class RobotsTxtMiddleware(scrapy_robotstxt.RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, fixed for several requests waiting on one robots.txt.

    Scrapy 2.19 awaits the shared Deferred through ``asFuture``, which hands the parser to the
    first waiter and None ("no robots.txt: allow") to the others, so pages forbidden by
    robots.txt got fetched. Here each waiter gets its own Deferred.
    """

    async def robot_parser(self, request: Request) -> Any:
        """The host's robots.txt parser, once fetched."""
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if isinstance(pending, Deferred):
            waiter: Deferred[Any] = Deferred()
            pending.addBoth(_relay(waiter))
            return await maybe_deferred_to_future(waiter)
        return await super().robot_parser(request)


def _relay(waiter: Deferred[Any]) -> Any:
    def relay(result: Any) -> Any:
        waiter.callback(result)
        return result  # the next waiter gets it too

    return relay


class PassDupeFilter(RFPDupeFilter):
    """scrapy-redis's fingerprint set, one per pass: each page once per pass, every pass."""

    def key_for(self, request: Request) -> str:
        """The fingerprint set of the request's pass."""
        pass_id = request.meta.get(PASS)
        return f"{self.key}:{pass_id}" if pass_id else str(self.key)

    def request_seen(self, request: Request) -> bool:
        """True when this pass already fetched (or queued) the request."""
        pipe = self.server.pipeline()
        pipe.sadd(self.key_for(request), self.request_fingerprint(request))
        pipe.expire(self.key_for(request), PASS_TTL)
        added, _ = pipe.execute()
        return bool(added == 0)

    def close(self, reason: str = "") -> None:
        """Keep the fingerprints: other workers share them."""


class LeasedQueue(FifoQueue):
    """scrapy-redis's FIFO queue, popping into a per-worker processing list (a lease)."""

    def __init__(self, server: Redis, spider: Spider, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        worker = getattr(spider, "worker_id", None)
        self.processing = processing_key(worker) if worker else None
        self.last_take = last_take_key(worker) if worker else None
        self._enqueue = server.register_script(scripts.ENQUEUE)
        self._take = server.register_script(scripts.POP)
        self._token = _new_token()

    def push(self, request: Request, seen: tuple[str, str] | None = None) -> bool:
        """Queue ``request`` unless ``seen`` = (set, fingerprint) has it; end its old lease."""
        lease = request.meta.pop(LEASE, None) if self.processing else None
        keys = [self.key, self.processing or "", seen[0] if seen else "", _open_key(request)]
        args = [self._encode_request(request), lease or "", seen[1] if seen else "", PASS_TTL]
        return bool(self._enqueue(keys=keys, args=args))

    def pop(self, timeout: int = 0) -> Request | None:
        """Take the oldest request as a lease; None when empty or Redis is unreachable."""
        assert self.processing and self.last_take, "only a worker (a spider with worker_id) pops"
        keys = [self.key, self.processing, self.last_take]
        try:
            data = self._take(keys=keys, args=[self._token, TAKE_TTL])
        except RedisError as exc:
            # The token is kept: if this take moved a request, the next one returns it.
            logger.warning("Shared queue unreachable, retrying later: %s", exc)
            return None
        self._token = _new_token()
        if data is None:
            return None
        request = self._decode_request(data)
        request.meta[LEASE] = data
        return request

    def __len__(self) -> int:
        try:
            return int(self.server.llen(self.key))
        except RedisError:
            return 0


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler; on close the worker hands its leases back to the queue."""

    df: Any

    def open(self, spider: Spider) -> None:
        """Open the shared queue and dupefilter (scrapy-redis, minus deprecated calls)."""
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, key=self.queue_key, serializer=self.serializer
        )
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        logger.info("Shared queue %s: %d requests waiting", self.queue_key, len(self.queue))

    def enqueue_request(self, request: Request) -> bool:
        """Queue ``request`` unless this pass has seen it."""
        if not self.queue.push(request, seen=_fingerprint(self.df, request)):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        """The next request, leased to this worker."""
        request = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def close(self, reason: str) -> None:
        """Give unfinished leases back (a graceful stop loses nothing)."""
        super().close(reason)
        worker = getattr(self.spider, "worker_id", None)
        if worker:
            moved = release_worker(self.server, worker)
            logger.info(
                "Worker %s stopped (%s); %d leased requests requeued", worker, reason, moved
            )


def ack(server: Redis, worker: str, request: Request, tally: ledger.Tally | None = None) -> bool:
    """End a done request's lease and add ``tally`` to its run in one step; False on failure."""
    lease = request.meta.get(LEASE)
    if lease is None:
        return True
    names = _run_of(request)
    run = ledger.run_keys(*names) if names and tally else ["", "", ""]
    keys = [processing_key(worker), _open_key(request), *run]
    args = [lease, *(tally or ledger.Tally()).args()]
    try:
        server.register_script(scripts.ACK)(keys=keys, args=args)
    except RedisError as exc:
        logger.warning("Could not end the lease of %s yet: %s", request.url, exc)
        return False
    request.meta.pop(LEASE, None)
    return True


def _run_of(request: Request) -> tuple[str, str] | None:
    """The (pass, source) whose run ``request`` counts in."""
    pass_id, source = request.meta.get(PASS), request.meta.get(SOURCE)
    return (pass_id, source) if pass_id and source else None


def _open_key(request: Request) -> str:
    names = _run_of(request)
    return ledger.open_key(*names) if names else ""


def heartbeat(server: Redis, worker: str, ttl: int = HEARTBEAT_TTL) -> None:
    """Declare ``worker`` alive for ``ttl`` seconds."""
    pipe = server.pipeline()
    pipe.set(heartbeat_key(worker), str(time.time()), ex=ttl)
    pipe.sadd(WORKERS_KEY, worker)
    pipe.execute()


def release_worker(server: Redis, worker: str) -> int:
    """Move ``worker``'s leased requests back to the queue and forget the worker."""
    moved = 0
    while server.lmove(processing_key(worker), QUEUE_KEY, "RIGHT", "RIGHT") is not None:
        moved += 1
    pipe = server.pipeline()
    pipe.delete(heartbeat_key(worker), last_take_key(worker))
    pipe.srem(WORKERS_KEY, worker)
    pipe.execute()
    return moved


def rescue_orphans(server: Redis) -> int:
    """Requeue the leases of every worker whose heartbeat expired; returns how many."""
    moved = 0
    for worker in _workers(server):
        if not server.exists(heartbeat_key(worker)):
            count = release_worker(server, worker)
            if count:
                logger.warning("Worker %s is gone: %d of its requests requeued", worker, count)
            moved += count
    return moved


def _workers(server: Redis) -> list[str]:
    members = cast("set[bytes | str]", server.smembers(WORKERS_KEY))
    return [m.decode() if isinstance(m, bytes) else m for m in members]


def pending(server: Redis) -> int:
    """Requests queued or leased by any worker: 0 when every scheduled pass is done."""
    pipe = server.pipeline(transaction=False)
    pipe.llen(QUEUE_KEY)
    for worker in _workers(server):
        pipe.llen(processing_key(worker))
    return int(sum(pipe.execute()))


@dataclass
class EnqueueReport:
    """What one scheduling call queued."""

    pass_id: str
    queued: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # not due yet


def claim_due(
    server: Redis, sources: Iterable[SourceConfig], pass_id: str, force: bool
) -> list[SourceConfig]:
    """The sources to crawl now; each is then marked busy for its interval."""
    chosen = []
    for source in sources:
        key = DUE_KEY + source.name
        # SET NX EX: the first scheduler to see a source due takes it, others skip it.
        if server.set(key, pass_id, ex=max(source.interval, 1), nx=not force) or force:
            chosen.append(source)
    return chosen


def push_requests(server: Redis, spider: Spider, requests: Sequence[Request]) -> int:
    """Queue requests through the pass dupefilter; returns how many were new."""
    queue = LeasedQueue(server, spider, QUEUE_KEY)
    dupefilter = PassDupeFilter(server, DUPEFILTER_KEY)
    return sum(queue.push(r, seen=_fingerprint(dupefilter, r)) for r in requests)


def _fingerprint(dupefilter: PassDupeFilter, request: Request) -> tuple[str, str] | None:
    if request.dont_filter:
        return None
    return dupefilter.key_for(request), dupefilter.request_fingerprint(request)


def requeue_lease(server: Redis, worker: str, request: Request) -> None:
    """Put a leased request back in the queue as it was (its callback could not finish)."""
    lease = request.meta.get(LEASE)
    if lease is not None:  # the right end of the queue: taken next
        keys = [processing_key(worker), QUEUE_KEY]
        server.register_script(scripts.REQUEUE)(keys=keys, args=[lease])
        request.meta.pop(LEASE, None)  # only once it is back: a failed try is tried again


def _new_token() -> str:
    return secrets.token_hex(8)
