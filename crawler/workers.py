"""A process pool for CPU-heavy extraction, so the crawl's reactor never waits on it."""

from __future__ import annotations

import atexit
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache


@lru_cache(maxsize=1)
def extraction_pool(workers: int) -> ProcessPoolExecutor:
    """The shared pool of ``workers`` processes (forkserver: safe beside the reactor)."""
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    atexit.register(pool.shutdown, wait=False, cancel_futures=True)
    return pool
