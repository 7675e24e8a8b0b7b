"""Pool processes die with the process that started them, even after SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support.process_tree import kill_all, marked_env, marked_pids

ROOT = Path(__file__).resolve().parents[2]
# A forkserver pool like the crawl's: its workers are the grandchildren of the script.
SCRIPT = """
import multiprocessing, os, time
from concurrent.futures import ProcessPoolExecutor
from crawler.lifeline import die_with

if __name__ == "__main__":
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(2, mp_context=context, initializer=die_with, initargs=(os.getpid(),))
    print(len({pool.submit(os.getpid).result() for _ in range(4)}), flush=True)
    time.sleep(60)
"""


def test_pool_processes_die_with_a_killed_parent() -> None:
    marker, env = marked_env(PYTHONPATH=str(ROOT))
    parent = subprocess.Popen(
        [sys.executable, "-c", SCRIPT], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None and int(parent.stdout.readline()) >= 1
        assert len(marked_pids(marker)) >= 3  # the script, the forkserver and a worker
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 3
        while marked_pids(marker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marked_pids(marker) == []
    finally:
        parent.stdout.close()  # type: ignore[union-attr]
        kill_all(marker)
