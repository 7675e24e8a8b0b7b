"""Crawling through a shared Redis queue: any number of workers, on any machine.

``queue.py`` is the Redis side (keys, leased queue, per-pass dupefilter, scheduler, robots.txt
middleware), its atomic steps Lua scripts in ``scripts.py``; ``spider.py`` is the worker's
spider, whose jobs each have a module: ``relay.py`` (running each request through its
source's kind spider), ``leases.py`` (ending a request's lease once its items are through),
``rescue.py`` (taking back dead workers' requests),
``outages.py`` (pausing while the database is down), ``dispatch.py`` (sending alerts) and
``books.py`` (each source's run: counted in the pass ledger, ``ledger.py``, and written once
the source has no request left; the per-source caps are counted there too); ``run.py``
starts a worker.

The modules need the optional Redis packages (``dramawatch[distributed]``); this one does not,
so the command line can show the defaults below without them.
"""

from __future__ import annotations

HEARTBEAT_TTL = 15  # seconds without a heartbeat before a worker's leases are taken back
