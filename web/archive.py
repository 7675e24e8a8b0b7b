"""The app's handle on the store: short read transactions and cached filter choices."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from starlette.requests import Request

from storage import Store, Transaction

CHOICES_TTL_S = 60.0


class Archive:
    """The store behind the app."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._choices: dict[str, list[str]] = {}
        self._choices_at = float("-inf")

    @contextmanager
    def read(self) -> Iterator[Transaction]:
        """A read-only unit of work (rolled back at the end)."""
        with self.store.transaction() as tx:
            yield tx

    def choices(self, tx: Transaction) -> dict[str, list[str]]:
        """The filter choices, read at most once a minute (they change only with crawls)."""
        now = time.monotonic()
        if now - self._choices_at > CHOICES_TTL_S:
            self._choices, self._choices_at = tx.reading.choices(), now
        return self._choices

    def next_runs(self, tx: Transaction) -> dict[str, datetime | None]:
        """Source name -> next scheduled run, when a daemon holds the schedule."""
        holder = tx.daemon.holder()
        if holder is None:
            return {}
        runs = tx.daemon.scheduled_runs()
        return {job.removeprefix("source:"): at for job, at in runs.items()}

    def daemon(self, tx: Transaction) -> Any:
        """Who runs the daemon on this database (None: no daemon)."""
        return tx.daemon.holder()


def archive_of(request: Request) -> Archive:
    """The archive of the app serving ``request``."""
    archive: Archive = request.app.state.archive
    return archive
