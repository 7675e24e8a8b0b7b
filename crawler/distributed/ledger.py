"""A distributed pass's books per source, in Redis: shared caps, open requests, run counters.

Workers share a source's pass, so what ``crawl`` counts in one spider is counted here:

* the caps (``max_articles_per_source``, ``max_pages``, child sitemaps): :class:`RedisBudget`;
* the requests of the source still queued or leased: +1 when one is queued, -1 when its
  lease ends (in the same Lua step as the queue change, so a crash cannot skew it);
* the run's counters, errors and warnings: each request's :class:`Tally`, added by the worker
  that ran it in the step that ends its lease (``scripts.ACK``), so it is added once.

A source's run was opened in the database when the pass was scheduled; once its open count
is back to zero, one worker (the one whose claim succeeds) writes the finished run. Every
step is safe to run twice (``scripts.py``): a resent step counts nothing twice.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from crawler.distributed import scripts
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


def run_keys(pass_id: str, source: str) -> list[str]:
    """The run's counters (a hash), its page errors and its warnings (lists)."""
    key = _key("run", pass_id, source)
    return [key, key + ":errors", key + ":warnings"]


@dataclass
class Tally:
    """A request's share of its source's run, added to the ledger as its lease ends."""

    counts: Counter[str] = field(default_factory=Counter)
    errors: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failure: str | None = None  # the source failed as a whole (the first one wins)
    sealed: bool = False  # complete: an ack tried again sends it as it is

    def args(self) -> list[str | int]:
        """The ARGV of ``scripts.ACK`` after the lease."""
        errors = [json.dumps(error) for error in self.errors[-MAX_ERRORS:]]
        lists = (json.dumps(errors), json.dumps(self.warnings[-MAX_ERRORS:]))
        return [TTL, MAX_ERRORS, self.failure or "", json.dumps(self.counts), *lists]


class RedisBudget:
    """A source's caps for one pass, counted across every worker."""

    def __init__(self, server: Redis, pass_id: str, source: str, caps: dict[str, int]) -> None:
        self.keys = [_key("budget", pass_id, source), _key("granted", pass_id, source)]
        self.caps = caps
        self._take = server.register_script(scripts.TAKE_UNIT)

    def take(self, kind: str) -> bool:
        """Use one unit of ``kind``; False once the cap is reached."""
        args: list[str | int] = [kind, self.caps[kind], secrets.token_hex(8), TTL]
        return bool(self._take(keys=self.keys, args=args))


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


def finish_done_runs(server: Redis, database: str) -> int:
    """Write the run of every source whose pass has no request left; returns how many."""
    written = 0
    claim = server.register_script(scripts.CLAIM_RUN)
    for member in cast("set[bytes]", server.smembers(OPEN_RUNS)):
        pass_id, _, source = member.decode().partition("|")
        keys = [OPEN_RUNS, open_key(pass_id, source), _key("writer", pass_id, source)]
        if not claim(keys=keys, args=[member, secrets.token_hex(8), TTL]):
            continue  # requests left, or another worker writes it
        try:
            _write_run(server, database, pass_id, source)
        except Exception:
            server.sadd(OPEN_RUNS, member)  # the next try writes it
            raise
        written += 1
    return written


def _write_run(server: Redis, database: str, pass_id: str, source: str) -> None:
    key, errors_key, warnings_key = run_keys(pass_id, source)
    raw = cast("dict[bytes, bytes]", server.hgetall(key))
    fields = {name.decode(): value.decode() for name, value in raw.items()}
    listed = cast("list[bytes]", server.lrange(errors_key, 0, -1))
    errors = [json.loads(error) for error in listed]
    stats = _stats(fields, errors)
    warned = cast("list[bytes]", server.lrange(warnings_key, 0, -1))
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
        *run_keys(pass_id, source),
        open_key(pass_id, source),
        *(_key(kind, pass_id, source) for kind in ("budget", "granted", "writer")),
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
