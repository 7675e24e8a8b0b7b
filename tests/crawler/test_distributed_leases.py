"""A lease ends only after the request's run counts are handed over, even across an outage."""

from __future__ import annotations

from typing import Any

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError
from scrapy import Request

from crawler.distributed import leases as leases_module
from crawler.distributed.leases import Leases


def test_a_failed_hand_over_keeps_the_lease_until_redis_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    acked: list[str] = []
    monkeypatch.setattr(leases_module.queue, "ack", lambda _s, _w, r: acked.append(r.url) or True)
    redis_up = False

    def hand_over(request: Request) -> None:
        if not redis_up:
            raise RedisConnectionError("Connection refused")

    leases = Leases("w1")
    leases.server = object()  # type: ignore[assignment]
    leases.before_ack = hand_over
    request: Any = Request("http://127.0.0.1/a")
    leases.hold(request)
    leases.release(request)  # Redis is down: the counts cannot go, so the lease stays
    assert acked == []
    redis_up = True
    leases.settle()
    assert acked == ["http://127.0.0.1/a"]
    leases.settle()
    assert acked == ["http://127.0.0.1/a"]  # ended once
