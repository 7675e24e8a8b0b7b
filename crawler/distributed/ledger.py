"""A distributed pass's books per source, in Redis: shared caps, open requests, run counters.

Workers share a source's pass, so what ``crawl`` counts in one spider is counted here:

* the caps (``max_articles_per_source``, ``max_pages``, child sitemaps): :class:`RedisBudget`;
* the requests of the source still queued or leased: +1 when one is queued, -1 when its
  lease ends (in the same Lua step as the queue change, so a crash cannot skew it);
* the run's counters, errors and warnings, added by whichever worker saw them.

A source's run was opened in the database when the pass was scheduled; once its open count
is back to zero, one worker (the one whose SREM succeeds) writes the finished run.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from storage import open_store
from storage.records import RunStats

if TYPE_CHECKING:
    from collections.abc import Sequence

    from redis import Redis

    from config import SourceConfig

logger = logging.getLogger(__name__)

OPEN_RUNS = "dramawatch:runs"  # set of "pass|source" whose run is not written yet
TTL = 7 * 24 * 3600
MAX_ERRORS = 50  # per source and pass, like a crawl's error list kept short


def _key(kind: str, pass_id: str, source: str) -> str:
    return f"dramawatch:{kind}:{pass_id}:{source}"


def open_key(pass_id: str, source: str) -> str:
    """The counter of the source's requests still queued or leased in the pass."""
    return _key("open", pass_id, source)


class RedisBudget:
    """A source's caps for one pass, counted across every worker."""

    def __init__(self, server: Redis, pass_id: str, source: str, caps: dict[str, int]) -> None:
        self.server = server
        self.key = _key("budget", pass_id, source)
        self.caps = caps

    def take(self, kind: str) -> bool:
        """Use one unit of ``kind``; False once the cap is reached."""
        pipe = self.server.pipeline()
        pipe.hincrby(self.key, kind, 1)
        pipe.expire(self.key, TTL)
        used, _ = pipe.execute()
        return int(used) <= self.caps[kind]


def open_runs(server: Redis, database: str, sources: Sequence[SourceConfig], pass_id: str) -> None:
    """Store each source's run as begun, and remember it for the worker that will finish it."""
    started = datetime.now(UTC)
    with open_store(database).transaction(write=True) as tx:
        runs = {}
        for source in sources:
            row = tx.sources.get(source.name)
            if row is not None:
                runs[source.name] = tx.sources.open_run(row, started, {"pass": pass_id})
        tx.commit()
    for name, run_id in runs.items():
        open_run(server, pass_id, name, run_id)


def open_run(server: Redis, pass_id: str, source: str, run_id: int) -> None:
    """Remember the database run of ``source`` in the pass (before its requests are queued)."""
    pipe = server.pipeline()
    pipe.hset(_key("run", pass_id, source), mapping={"id": run_id})
    pipe.expire(_key("run", pass_id, source), TTL)
    pipe.sadd(OPEN_RUNS, f"{pass_id}|{source}")
    pipe.execute()


def count(server: Redis, pass_id: str, source: str, field: str, by: int = 1) -> None:
    """Add ``by`` to one of the run's counters (fetched, kept, new, unchanged, dropped:*)."""
    pipe = server.pipeline()
    pipe.hincrby(_key("run", pass_id, source), field, by)
    pipe.expire(_key("run", pass_id, source), TTL)
    pipe.execute()


def add_errors(
    server: Redis, pass_id: str, source: str, errors: list[dict[str, str]], failure: str | None
) -> None:
    """Add page errors and the source's failure (the first one wins) to the run."""
    key = _key("run", pass_id, source)
    pipe = server.pipeline()
    for error in errors:
        pipe.rpush(key + ":errors", json.dumps(error))
    pipe.ltrim(key + ":errors", -MAX_ERRORS, -1)
    pipe.expire(key + ":errors", TTL)
    if failure:
        pipe.hsetnx(key, "error", failure)
    pipe.execute()


def add_warnings(server: Redis, pass_id: str, source: str, warnings: list[str]) -> None:
    """Add the source's warnings (read, but not as it should be: an empty listing) to the run."""
    key = _key("run", pass_id, source) + ":warnings"
    pipe = server.pipeline()
    for warning in warnings:
        pipe.rpush(key, warning)
    pipe.ltrim(key, -MAX_ERRORS, -1)
    pipe.expire(key, TTL)
    pipe.execute()


def finish_done_runs(server: Redis, database: str) -> int:
    """Write the run of every source whose pass has no request left; returns how many."""
    written = 0
    for member in cast("set[bytes]", server.smembers(OPEN_RUNS)):
        pass_id, _, source = member.decode().partition("|")
        if int(cast("bytes | None", server.get(open_key(pass_id, source))) or 0) > 0:
            continue
        if not server.srem(OPEN_RUNS, member):  # another worker writes it
            continue
        try:
            _write_run(server, database, pass_id, source)
        except Exception:
            server.sadd(OPEN_RUNS, member)  # the next try writes it
            raise
        written += 1
    return written


def _write_run(server: Redis, database: str, pass_id: str, source: str) -> None:
    key = _key("run", pass_id, source)
    raw = cast("dict[bytes, bytes]", server.hgetall(key))
    fields = {name.decode(): value.decode() for name, value in raw.items()}
    listed = cast("list[bytes]", server.lrange(key + ":errors", 0, -1))
    errors = [json.loads(error) for error in listed]
    stats = _stats(fields, errors)
    warned = cast("list[bytes]", server.lrange(key + ":warnings", 0, -1))
    warnings = list(dict.fromkeys(warning.decode() for warning in warned))
    with open_store(database).transaction(write=True) as tx:
        row = tx.sources.get(source)
        if row is not None:
            run_id = int(fields.get("id", 0)) or None
            # The opened run keeps its start time; the fallback is for a run row gone missing.
            tx.sources.record_run(
                row, datetime.now(UTC), stats, fields.get("error"), run_id, warnings
            )
        tx.commit()
    server.delete(
        key,
        key + ":errors",
        key + ":warnings",
        open_key(pass_id, source),
        _key("budget", pass_id, source),
    )
    logger.info("Pass %s: run of %s recorded", pass_id, source)


def _stats(fields: dict[str, str], errors: list[dict[str, Any]]) -> RunStats:
    stats = RunStats(
        fetched=int(fields.get("fetched", 0)),
        kept=int(fields.get("kept", 0)),
        new=int(fields.get("new", 0)),
        unchanged=int(fields.get("unchanged", 0)),
    )
    for name, value in fields.items():
        if name.startswith("dropped:"):
            stats.dropped[name.removeprefix("dropped:")] = int(value)
    stats.errors.extend(errors)
    return stats
