"""A distributed worker records a kind spider's warnings (an empty listing) on the source's run."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import redis
from scrapy import Request

from crawler.distributed import ledger, queue
from crawler.distributed.books import RunBooks
from storage import Store
from tests.support.redis_server import RedisServer

HINT = "http://127.0.0.1:9/list/: 0 article links: try link_selector: 'div.list a'"


def _spider(warnings: list[str]) -> Any:
    return SimpleNamespace(errors=[], warnings=warnings, skipped=Counter(), source_error=None)


def test_the_empty_listing_warning_reaches_the_run_once(
    store: Store, redis_server: RedisServer
) -> None:
    server = redis.Redis.from_url(redis_server.url)
    server.flushdb()
    with store.transaction(write=True) as tx:
        row = tx.sources.ensure("list", "html", "http://127.0.0.1:9/list/", "government")
        run_id = tx.sources.open_run(row, datetime.now(UTC), {"pass": "p1"})
        tx.commit()
    ledger.open_run(server, "p1", "list", run_id)
    worker: Any = SimpleNamespace(name="worker", worker_id="w1")
    listing = Request("http://127.0.0.1:9/list/", meta={queue.SOURCE: "list", queue.PASS: "p1"})
    queue.push_requests(server, worker, [listing])
    request = queue.LeasedQueue(server, worker, queue.QUEUE_KEY).pop()
    assert request is not None
    books = RunBooks(store.url)
    spider = _spider([HINT])
    tally = books.hand_over(request, spider)
    assert books.hand_over(request, spider) is tally  # handed over twice: the same
    assert tally is not None and tally.warnings == [HINT]
    assert queue.ack(server, "w1", request, tally)
    assert ledger.finish_done_runs(server, store.url) == 1
    with store.transaction() as tx:
        source = tx.sources.get("list")
        assert source is not None and source.consecutive_failures == 0
        run = tx.sources.last_run(source)
        assert run is not None and run.id == run_id
        assert (run.status, run.error, run.warnings) == ("warning", None, [HINT])
    assert not server.keys("dramawatch:run:p1:*")
