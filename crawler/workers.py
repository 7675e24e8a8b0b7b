"""A process pool for CPU-heavy extraction, so the crawl's reactor never waits on it."""

from __future__ import annotations

import atexit
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache


def default_workers() -> int:
    """One extraction process per core, less the core that the crawl's reactor keeps busy.

    Measured on 2 cores (bench/crawl.py): 1 worker crawls as fast as 2, because the reactor
    process (Scrapy, dedupe, store, alert rules) is the bottleneck, and uses ~70 MB less.
    """
    return max(1, (os.cpu_count() or 1) - 1)


@lru_cache(maxsize=1)
def extraction_pool(workers: int) -> ProcessPoolExecutor:
    """The shared pool of ``workers`` processes (forkserver: safe beside the reactor)."""
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    atexit.register(pool.shutdown, wait=False, cancel_futures=True)
    return pool
