"""Relaying: each shared-queue request runs through its source's kind spider.

Requests in the shared queue name their source and the callback of that source's kind spider
(``SPIDERS[source.kind]``); the worker keeps one such spider per (source, pass) and relays to
it, so the per-kind spiders and the pipelines are the same as in ``crawl``.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from redis.exceptions import RedisError
from scrapy import Request

from crawler.distributed import ledger, queue
from crawler.spiders import SPIDERS
from crawler.spiders.budget import limits

if TYPE_CHECKING:
    import scrapy
    from redis import Redis
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from config import Config, SourceConfig
    from crawler.distributed.leases import Leases
    from crawler.distributed.outages import OutagePause
    from crawler.fence import Fence
    from crawler.spiders.base import SourceSpider

MAX_DELEGATES = 2000  # per-(source, pass) spiders kept; the oldest passes are forgotten


class Relaying:
    """The worker spider's relay job (a mixin: its callbacks must be the spider's methods)."""

    config: Config
    crawler: Crawler
    leases: Leases
    outage: OutagePause
    busy_at: float  # when this worker last had work
    server: Redis | None
    _delegates: OrderedDict[tuple[str, str], SourceSpider]

    def delegate(self, meta: dict[str, Any]) -> SourceSpider:
        """The kind spider of the request's source and pass."""
        key = (meta[queue.SOURCE], str(meta.get(queue.PASS, "")))
        spider = self._delegates.get(key)
        if spider is None:
            source = self.config.source(key[0])
            spider = SPIDERS[source.kind](source=source, crawl=self.config.crawl)
            spider.crawler = self.crawler  # kind spiders send signals (e.g. "unchanged")
            if self.server is not None:  # caps count per source and pass, across workers
                caps = limits(source, self.config.crawl)
                spider.budget = ledger.RedisBudget(self.server, key[1], key[0], caps)
            self._delegates[key] = spider
            while len(self._delegates) > MAX_DELEGATES:
                self._delegates.popitem(last=False)
        self._delegates.move_to_end(key)
        return spider

    def known(self, request: Request) -> SourceSpider | None:
        """The kind spider of the request's source and pass, if this worker has one."""
        meta = request.meta
        return self._delegates.get((str(meta.get(queue.SOURCE)), str(meta.get(queue.PASS, ""))))

    def fence_for(self, request: Request) -> Fence | None:
        """The fence of the request's source (robots.txt requests have none of their own)."""
        return self.delegate(request.meta).fence if queue.SOURCE in request.meta else None

    def adopt(self, request: Request, source: str, pass_id: str) -> Request:
        """A kind spider's request, rewritten to come back through this spider."""
        meta = {key: value for key, value in request.meta.items() if key != queue.LEASE}
        meta.update(
            {
                queue.SOURCE: source,
                queue.PASS: pass_id,
                queue.CALLBACK: getattr(request.callback, "__name__", None) or "parse",
                queue.ERRBACK: getattr(request.errback, "__name__", None),
            }
        )
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
        callback = getattr(delegate, request.meta.get(queue.CALLBACK) or "parse")
        return self._relay(request, callback(response))

    def on_page_error(self, failure: Failure) -> Iterator[Any]:
        """Run the kind spider's errback on a failed request."""
        request: Request = failure.request  # type: ignore[attr-defined]
        if self.outage.retry(self.crawler.engine, self.leases, request, failure.value):
            return iter(())
        name = request.meta.get(queue.ERRBACK)
        output = getattr(self.delegate(request.meta), name)(failure) if name else None
        return self._relay(request, output)

    def _relay(self, request: Request, output: Iterable[Any] | None) -> Iterator[Any]:
        self.leases.hold(request)
        self.busy_at = time.monotonic()
        meta = request.meta
        try:
            for result in output or ():
                if isinstance(result, Request):
                    # Queued now rather than yielded: Scrapy drains a callback's output before
                    # it has scheduled all of it, and the lease must outlive the follow-ups.
                    follow = self.adopt(result, meta[queue.SOURCE], meta[queue.PASS])
                    self.crawler.engine.crawl(follow)
                    continue
                self.leases.hold_for_item(request, result)
                yield result
        except GeneratorExit:  # shut down mid-callback: the lease stays, and is requeued
            raise
        except RedisError:  # a follow-up could not be queued: run the whole request again
            self.leases.strand(request)
            raise
        except Exception:
            self.leases.release(request)
            raise
        self.leases.release(request)


async def _collect(requests: AsyncIterator[Any]) -> list[Request]:
    return [request async for request in requests if isinstance(request, Request)]
