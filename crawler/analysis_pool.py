"""Processes beside the crawl, so its reactor never waits: a pool of analysis processes for the
CPU-heavy pure steps (extraction and text analysis) and one writer process for the store."""

from __future__ import annotations

import asyncio
import atexit
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, wait
from functools import lru_cache
from typing import TypeVar

from crawler.lifeline import die_with

T = TypeVar("T")
logger = logging.getLogger(__name__)
ANALYSIS, WRITER = "analysis", "writer"  # the pools' roles


def default_analysis_processes() -> int:
    """One analysis process per core, less one for the crawl process and the writer.

    Measured on 2 cores (bench/crawl.py): the crawl process, one analysis process and the
    writer keep both cores busy; a second analysis process adds memory, not speed.
    """
    return max(1, (os.cpu_count() or 1) - 1)


@lru_cache(maxsize=2)
def process_pool(role: str, processes: int) -> ProcessPoolExecutor:
    """The shared pool of ``processes`` for ``role`` (forkserver: safe beside the reactor):
    "analysis" for extraction and text analysis, "writer" for the store's writes. Its
    processes end with this one, even when it is killed (``crawler.lifeline``)."""
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(
        max_workers=processes, mp_context=context, initializer=die_with, initargs=(os.getpid(),)
    )
    atexit.register(pool.shutdown, wait=False, cancel_futures=True)
    return pool


async def off_reactor(processes: int, job: Callable[[], T], *, role: str = ANALYSIS) -> T:
    """Run ``job`` (picklable) in the ``role`` pool of ``processes``; in this process when 0."""
    if not processes:
        return job()
    return await asyncio.wrap_future(process_pool(role, processes).submit(job))


async def in_writer(job: Callable[[], T], *, enabled: bool) -> T:
    """Run ``job`` (picklable) in the one writer process; in this process when not enabled."""
    return await off_reactor(1 if enabled else 0, job, role=WRITER)


class BackgroundWrites:
    """Small writes queued in the writer process, in order, without the reactor waiting.

    One process writes, so the reactor never sleeps on SQLite's write lock; ``drain()`` waits
    for what is queued (call it before the crawl ends). With 0 processes it writes at once.
    """

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._pending: set[Future[None]] = set()

    def submit(self, job: Callable[[], None]) -> None:
        """Queue ``job`` (picklable) behind the writer's earlier jobs."""
        if not self.processes:
            job()
            return
        future = process_pool(WRITER, 1).submit(job)
        self._pending.add(future)
        future.add_done_callback(self._done)

    def _done(self, future: Future[None]) -> None:
        self._pending.discard(future)
        if not future.cancelled() and future.exception() is not None:
            logger.warning("A background write failed: %r", future.exception())

    def drain(self, timeout: float = 120) -> None:
        """Wait until every queued write is done."""
        wait(list(self._pending), timeout)
