"""A worker's leases: a request's queue entry is removed once its callback and items are done."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crawler.distributed import queue

if TYPE_CHECKING:
    from collections.abc import Callable

    from redis import Redis
    from scrapy import Request

    from crawler.distributed.ledger import Tally


class Leases:
    """The requests this worker holds, each with a count of its unfinished parts.

    A request is one part while its callback runs and one more per item it yielded; the lease
    ends (the entry leaves the worker's processing list) when the count drops to zero.
    """

    def __init__(self, worker_id: str | None) -> None:
        self.worker_id = worker_id
        self.server: Redis | None = None  # set once the crawler connects to Redis
        self._open: dict[int, list[Any]] = {}  # id(request) -> [request, unfinished parts]
        self._item_requests: dict[int, Request] = {}  # id(item) -> the request it came from
        self._stranded: list[Request] = []  # leases to requeue once Redis answers again
        self._unacked: list[Request] = []  # leases to end once Redis answers again
        # The request's share of its run, added to the ledger in the step that ends its lease.
        self.hand_over: Callable[[Request], Tally | None] = lambda request: None

    def hold(self, request: Request) -> None:
        """Count one more unfinished part of ``request``."""
        self._open.setdefault(id(request), [request, 0])[1] += 1

    def hold_for_item(self, request: Request, item: Any) -> None:
        """Count ``item`` as a part of ``request`` until it leaves the pipelines."""
        self.hold(request)
        self._item_requests[id(item)] = request

    def request_of(self, item: Any) -> Request | None:
        """The request ``item`` came from, forgotten from now on."""
        return self._item_requests.pop(id(item), None)

    def release(self, request: Request) -> None:
        """One part of ``request`` is done; end the lease after the last."""
        entry = self._open.get(id(request))
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] > 0 or self.server is None or not self.worker_id:
            return
        del self._open[id(request)]
        if not self._end(request):
            self._unacked.append(request)

    def _end(self, request: Request) -> bool:
        """End the lease, handing the request's run counts over; False while Redis is away."""
        assert self.server is not None and self.worker_id
        return queue.ack(self.server, self.worker_id, request, self.hand_over(request))

    def forget(self, request: Request) -> None:
        """Stop counting ``request``: its lease ends elsewhere (a requeued copy carries it)."""
        self._open.pop(id(request), None)

    def strand(self, request: Request) -> None:
        """Requeue ``request`` whole once Redis answers again (a follow-up could not be queued)."""
        self.forget(request)
        self._stranded.append(request)

    def settle(self) -> None:
        """Leases left over from a Redis outage: requeue the unfinished, end the done."""
        assert self.server is not None and self.worker_id
        while self._stranded:
            queue.requeue_lease(self.server, self.worker_id, self._stranded[0])
            self._stranded.pop(0)
        self._unacked = [r for r in self._unacked if not self._end(r)]
