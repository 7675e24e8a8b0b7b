"""A Redis that goes away after doing a command but before its reply (a restart) makes the
client send the command again: each step must then leave the queue, the run's counts and the
caps as if done once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import scrapy
from redis import Redis
from scrapy import Request
from scrapy.exceptions import DropItem

from crawler.distributed import ledger, queue, scripts
from crawler.distributed.books import RunBooks
from crawler.distributed.leases import Leases
from storage import Store
from tests.support.lossy_proxy import LossyProxy
from tests.support.redis_server import RedisServer

PASS, SOURCE = "p1", "nrta"
# Loaded beforehand, so that the command under test is the step itself.
SCRIPTS = (
    scripts.ENQUEUE,
    scripts.POP,
    scripts.ACK,
    scripts.REQUEUE,
    scripts.TAKE_UNIT,
    scripts.CLAIM_RUN,
)


class Worker(scrapy.Spider):
    name = "worker"
    worker_id = "w1"


@pytest.fixture
def server(redis_server: RedisServer) -> Iterator[Redis]:
    """A plain client on an empty Redis."""
    with redis_server.client() as client:
        client.flushall()
        yield client


@pytest.fixture
def lossy(redis_server: RedisServer) -> Iterator[tuple[LossyProxy, Redis]]:
    """The proxy, and a worker's client through it (with the worker's retries), warmed up."""
    proxy = LossyProxy(redis_server.port)
    client = queue.connect(proxy.url)
    client.ping()  # connected: the next command sent is the one under test
    for script in SCRIPTS:
        client.script_load(script)
    yield proxy, client
    client.close()
    proxy.close()


def _request(path: str, **meta: Any) -> Request:
    return Request(
        f"http://127.0.0.1/{path}", meta={queue.PASS: PASS, queue.SOURCE: SOURCE, **meta}
    )


def _queued(server: Redis, key: str) -> list[str]:
    worker = Worker()
    return [
        queue.LeasedQueue(server, worker, key)._decode_request(raw).url
        for raw in server.lrange(key, 0, -1)
    ]


def _queue_of(client: Redis) -> queue.LeasedQueue:
    return queue.LeasedQueue(client, Worker(), queue.QUEUE_KEY)


def test_a_take_whose_reply_is_lost_leases_one_request(
    server: Redis, lossy: tuple[LossyProxy, Redis]
) -> None:
    proxy, client = lossy
    queue.push_requests(server, Worker(), [_request("a"), _request("b")])
    proxy.lose_reply_to("")  # whatever the take sends
    taken = _queue_of(client).pop()
    assert proxy.lost == 1
    assert taken is not None and taken.url == "http://127.0.0.1/a"
    assert _queued(server, queue.processing_key("w1")) == ["http://127.0.0.1/a"]
    assert _queued(server, queue.QUEUE_KEY) == ["http://127.0.0.1/b"]


def test_a_failed_take_is_returned_by_the_next(server: Redis) -> None:
    """The reconnect attempts ran out after the take was done: the next take returns it."""
    queue.push_requests(server, Worker(), [_request("a"), _request("b")])
    taker = _queue_of(server)
    token = taker._token
    assert taker.pop() is not None
    taker._token = token  # as if that reply never came
    again = taker.pop()
    assert again is not None and again.url == "http://127.0.0.1/a"
    assert _queued(server, queue.processing_key("w1")) == ["http://127.0.0.1/a"]


def _taken(server: Redis) -> Request:
    """Request "a" queued and taken by w1."""
    queue.push_requests(server, Worker(), [_request("a")])
    taken = _queue_of(server).pop()
    assert taken is not None
    return taken


def _taken_then_lossy(server: Redis, proxy: LossyProxy) -> Request:
    """Request "a" queued and taken by w1; the reply to the next command will be lost."""
    taken = _taken(server)
    proxy.lose_reply_to("")
    return taken


def test_a_retry_whose_reply_is_lost_is_queued_once(
    server: Redis, lossy: tuple[LossyProxy, Redis]
) -> None:
    proxy, client = lossy
    taken = _taken_then_lossy(server, proxy)
    retry = taken.replace(dont_filter=True)  # as the retry middleware makes it: same lease
    _queue_of(client).push(retry)
    assert proxy.lost == 1
    assert _queued(server, queue.QUEUE_KEY) == ["http://127.0.0.1/a"]
    assert _queued(server, queue.processing_key("w1")) == []
    assert int(server.get(ledger.open_key(PASS, SOURCE)) or 0) == 1  # one request open


def test_a_requeue_whose_reply_is_lost_is_requeued_once(
    server: Redis, lossy: tuple[LossyProxy, Redis]
) -> None:
    proxy, client = lossy
    taken = _taken_then_lossy(server, proxy)
    queue.requeue_lease(client, "w1", taken)
    assert proxy.lost == 1
    assert _queued(server, queue.QUEUE_KEY) == ["http://127.0.0.1/a"]
    assert _queued(server, queue.processing_key("w1")) == []


# --- the pass ledger: run counters and caps ------------------------------------------------------

HINT = "http://127.0.0.1/a: 0 article links: try link_selector"


@pytest.fixture
def database(tmp_path: Path, server: Redis) -> Iterator[str]:
    """A store holding the source, whose run the pass has opened (in the store and ledger)."""
    store = Store(f"sqlite:///{tmp_path / 'ledger.db'}")
    store.migrate()
    with store.transaction(write=True) as tx:
        row = tx.sources.ensure(SOURCE, "html", "http://127.0.0.1/a", "government")
        run_id = tx.sources.open_run(row, datetime.now(UTC), {"pass": PASS})
        tx.commit()
    ledger.open_run(server, PASS, SOURCE, run_id)
    yield store.url
    store.dispose()


def _run(database: str) -> dict[str, Any]:
    """The source's finished run as written to the store."""
    store = Store(database)
    try:
        with store.transaction() as tx:
            row = tx.sources.get(SOURCE)
            assert row is not None
            run = tx.sources.last_run(row)
            assert run is not None and run.finished_at is not None
            fields = ("fetched", "kept", "new", "unchanged", "dropped", "errors", "warnings")
            return {name: getattr(run, name) for name in fields}
    finally:
        store.dispose()


@pytest.mark.parametrize("lose", ["fetched", "kept", "unchanged", "dropped:offsite", "HTTP 599"])
def test_a_run_count_whose_reply_is_lost_is_counted_once(
    server: Redis, lossy: tuple[LossyProxy, Redis], database: str, lose: str
) -> None:
    """A page fetched, one item stored as new, one dropped as a duplicate, a link skipped, a
    page error and a warning: the reply to what carries ``lose`` to the ledger is lost."""
    proxy, client = lossy
    taken = _taken(server)
    proxy.lose_reply_to(lose)
    kind: Any = SimpleNamespace(errors=[], warnings=[], skipped=Counter(), source_error=None)
    books, leases = RunBooks(database), Leases("w1")
    books.server = leases.server = client
    leases.hand_over = lambda request: books.hand_over(request, kind)
    leases.hold(taken)
    books.fetched(taken)
    books.item_done(taken, SimpleNamespace(status="new"), None)
    books.item_done(taken, SimpleNamespace(), DropItem("duplicate: http://127.0.0.1/a"))
    kind.skipped["offsite"] += 1
    kind.errors.append({"url": "http://127.0.0.1/b", "error": "HTTP 599"})
    kind.warnings.append(HINT)
    leases.release(taken)
    assert proxy.lost == 1
    assert ledger.finish_done_runs(server, database) == 1
    assert _run(database) == {
        "fetched": 1,
        "kept": 1,
        "new": 1,
        "unchanged": 1,
        "dropped": {"duplicate": 1, "offsite": 1},
        "errors": {"items": [{"url": "http://127.0.0.1/b", "error": "HTTP 599"}]},
        "warnings": [HINT],
    }


def test_a_cap_unit_whose_reply_is_lost_is_spent_once(
    server: Redis, lossy: tuple[LossyProxy, Redis]
) -> None:
    proxy, client = lossy
    budget = ledger.RedisBudget(client, PASS, SOURCE, {"articles": 2})
    proxy.lose_reply_to("articles")
    assert budget.take("articles")
    assert proxy.lost == 1
    assert budget.take("articles")  # the second of two
    assert not budget.take("articles")


def test_a_run_claim_whose_reply_is_lost_is_written(
    server: Redis, lossy: tuple[LossyProxy, Redis], database: str
) -> None:
    """The worker that claimed the finished run writes it, though it never saw its claim."""
    proxy, client = lossy
    proxy.lose_reply_to(f"{PASS}|{SOURCE}")
    assert ledger.finish_done_runs(client, database) == 1
    assert proxy.lost == 1
    assert _run(database)["fetched"] == 0  # written, by this worker


def test_a_lease_taken_back_is_counted_by_its_next_run(server: Redis, database: str) -> None:
    """The ack of a request whose lease was taken back (its worker was thought dead) adds
    nothing: the request runs again, and that run counts."""
    books = RunBooks(database)
    taken = _taken(server)
    books.fetched(taken)
    assert queue.release_worker(server, "w1") == 1
    assert queue.ack(server, "w1", taken, books.hand_over(taken, None))
    again = _queue_of(server).pop()
    assert again is not None
    books.fetched(again)
    assert queue.ack(server, "w1", again, books.hand_over(again, None))
    assert ledger.finish_done_runs(server, database) == 1
    assert _run(database)["fetched"] == 1
