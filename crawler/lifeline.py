"""Child processes die with the crawl that started them, even when it is killed with SIGKILL.

A crawl killed by the OOM killer, ``timeout -s KILL`` or cron gets no chance to stop its
analysis processes and its writer; reparented to init they would go on, holding memory and
the database. :func:`die_with` runs first in every such child (a pool initializer).

The forkserver makes the children grandchildren of the crawl, and it lives as long as any
of them does, so watching the direct parent is not enough. Each child watches the crawl:

* on Linux, a pidfd of the crawl becomes readable the moment it dies;
* elsewhere, the crawl's pid is polled;
* and ``PR_SET_PDEATHSIG`` (Linux) kills a child whose direct parent dies, for pools whose
  workers the crawl forks itself.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
import signal
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

_PR_SET_PDEATHSIG = 1
POLL_EVERY_S = 0.5


def die_with(owner: int) -> None:
    """End this process when process ``owner`` (the crawl) ends; call it first in the child."""
    _kernel_lifeline()
    watch = _wait_pidfd if hasattr(os, "pidfd_open") else _poll
    threading.Thread(target=_exit_after, args=(watch, owner), name="lifeline", daemon=True).start()
    if not _alive(owner):  # it died before the watch was in place
        os._exit(1)


def _kernel_lifeline() -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _exit_after(watch: Callable[[int], None], owner: int) -> None:
    watch(owner)
    os._exit(1)


def _wait_pidfd(owner: int) -> None:
    try:
        descriptor = os.pidfd_open(owner)
    except OSError:  # gone already, or a kernel without pidfds
        _poll(owner)
        return
    select.select([descriptor], [], [])


def _poll(owner: int) -> None:
    while _alive(owner):
        threading.Event().wait(POLL_EVERY_S)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True
