"""Runs whose crawl was killed: each pass opens its runs, the next start closes dead ones.

A pass stores its runs as begun, with their owner (host and process id), before it crawls.
A ``kill -9`` (the OOM killer, ``timeout -s KILL``, cron) leaves them unfinished; the next
pass on the same host finds their owner gone and records them as interrupted failures, so
``source_health`` sees them. Runs of a live process or of another host are left alone.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storage import Store

logger = logging.getLogger(__name__)

INTERRUPTED = "interrupted: the crawl was killed before this run finished"


def owner() -> dict[str, Any]:
    """Who runs this pass: host name and process id."""
    return {"host": socket.gethostname(), "pid": os.getpid()}


def close_interrupted(store: Store) -> int:
    """Record every unfinished run of a dead process on this host as interrupted."""
    closed = 0
    with store.transaction(write=True) as tx:
        for run in tx.sources.unfinished_runs():
            if _is_dead((run.errors or {}).get("owner") or {}):
                tx.sources.interrupt_run(run, INTERRUPTED)
                closed += 1
        tx.commit()
    if closed:
        logger.warning("%d run(s) of a killed crawl recorded as interrupted", closed)
    return closed


def _is_dead(run_owner: dict[str, Any]) -> bool:
    if run_owner.get("host") != socket.gethostname():
        return not run_owner  # another host's pass may still be going
    pid = int(run_owner.get("pid") or 0)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:  # no /proc: trust the signal
        return False
