"""A lease ends with the request's run counts, in one step, even across an outage."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy import Request

from crawler.distributed import leases as leases_module
from crawler.distributed.leases import Leases
from crawler.distributed.ledger import Tally


def test_a_failed_ack_is_tried_again_with_the_same_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent: list[tuple[str, Tally | None]] = []
    redis_up = False

    def ack(_server: Any, _worker: str, request: Request, tally: Tally | None) -> bool:
        sent.append((request.url, tally))
        return redis_up  # queue.ack answers False when Redis cannot be reached

    monkeypatch.setattr(leases_module.queue, "ack", ack)
    tally = Tally()
    tally.counts["fetched"] += 1
    leases = Leases("w1")
    leases.server = object()  # type: ignore[assignment]
    leases.hand_over = lambda request: tally
    request: Any = Request("http://127.0.0.1/a")
    leases.hold(request)
    leases.release(request)  # Redis is down: the lease stays, and its counts with it
    redis_up = True
    leases.settle()
    assert sent == [("http://127.0.0.1/a", tally)] * 2
    leases.settle()
    assert len(sent) == 2  # ended once
