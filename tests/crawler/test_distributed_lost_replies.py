"""A Redis that goes away after doing a command but before its reply (a restart) makes the
client send the command again: each queue step must then leave the queue as if done once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import scrapy
from redis import Redis
from scrapy import Request

from crawler.distributed import ledger, queue, scripts
from tests.support.lossy_proxy import LossyProxy
from tests.support.redis_server import RedisServer

PASS, SOURCE = "p1", "nrta"


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
    for script in (scripts.ENQUEUE, scripts.POP, scripts.REQUEUE):
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


def _taken_then_lossy(server: Redis, proxy: LossyProxy) -> Request:
    """Request "a" queued and taken by w1; the reply to the next command will be lost."""
    queue.push_requests(server, Worker(), [_request("a")])
    taken = _queue_of(server).pop()
    assert taken is not None
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
