"""``dramawatch schedule`` and ``dramawatch worker``: crawling through a shared Redis queue.

``dramawatch worker`` runs a distributed worker; ``schedule_sources`` is the function a
scheduler (``schedule --every``, or the daemon's ``run --distributed``) calls per pass.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from types import ModuleType
from typing import TYPE_CHECKING

import click

from config import Config, SourceConfig
from crawler.distributed import HEARTBEAT_TTL
from crawler.distributed import ledger as distributed_ledger
from crawler.sources import register_sources
from dramawatch.cli.context import Context, pass_context
from dramawatch.cli.sources import choose_sources
from storage import open_store

if TYPE_CHECKING:
    from crawler.distributed.queue import EnqueueReport

logger = logging.getLogger(__name__)

DEFAULT_REDIS = "redis://127.0.0.1:6379/0"

redis_option = click.option(
    "--redis",
    "redis_url",
    default=DEFAULT_REDIS,
    show_default=True,
    metavar="URL",
    help="The Redis holding the shared request queue.",
)


def new_pass_id() -> str:
    """A sortable, unique pass id: UTC time plus a random suffix."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"


def _parts() -> tuple[ModuleType, ModuleType]:
    """The Redis queue and the distributed worker, imported when used (an optional extra)."""
    try:
        from crawler.distributed import queue as distributed
        from crawler.distributed import run as distributed_worker
    except ImportError as exc:
        raise click.ClickException(
            f"{exc.name} is not installed: pip install 'dramawatch[distributed]'"
        ) from None
    return distributed, distributed_worker


def schedule_sources(
    config: Config, sources: Sequence[SourceConfig], redis_url: str, *, due_only: bool = False
) -> EnqueueReport:
    """Queue one pass over ``sources`` for the distributed workers (due ones with ``due_only``)."""
    distributed, distributed_worker = _parts()
    store = open_store(config.database)
    store.migrate()
    register_sources(store, sources)
    server = distributed.connect(redis_url)
    report = distributed.EnqueueReport(new_pass_id())
    chosen = distributed.claim_due(server, sources, report.pass_id, force=not due_only)
    distributed_ledger.open_runs(server, config.database, chosen, report.pass_id)
    # The spider only names the callbacks of the queued requests.
    spider = distributed_worker.WorkerSpider(config=config)
    requests = [r for s in chosen for r in spider.start_requests_of(s, report.pass_id)]
    distributed.push_requests(server, spider, requests)
    report.queued = [source.name for source in chosen]
    report.skipped = [source.name for source in sources if source not in chosen]
    logger.info("Pass %s: queued %s", report.pass_id, ", ".join(report.queued) or "nothing")
    return report


def wait_until_drained(redis_url: str, *, settle: float = 2.0, timeout: float = 3600) -> bool:
    """Block until no request is queued or leased for ``settle`` seconds; False on timeout."""
    distributed, _distributed_worker = _parts()
    server = distributed.connect(redis_url)
    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        if distributed.pending(server):
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= settle:
            return True
        time.sleep(0.2)
    return False


@click.command("schedule")
@click.option("--source", "names", multiple=True, help="Only this source (repeatable).")
@click.option("--due", is_flag=True, help="Only sources whose interval has run out.")
@click.option(
    "--every",
    type=click.FloatRange(min=1),
    metavar="SECONDS",
    help="Keep going: look for due sources every SECONDS (implies --due after the first).",
)
@click.option("--wait", is_flag=True, help="Return once the workers have finished the pass.")
@redis_option
@pass_context
def schedule_command(
    ctx: Context,
    names: tuple[str, ...],
    due: bool,
    every: float | None,
    wait: bool,
    redis_url: str,
) -> None:
    """Queue a crawl pass for `dramawatch worker` processes (any number, any machine).

    Example: dramawatch schedule --redis redis://queue:6379/0 --source nrta-notices --wait
    """
    config = ctx.config
    sources = choose_sources(config, names)
    ctx.writable_store  # noqa: B018 (an unusable database is one line, before Redis is asked)
    while True:
        report = schedule_sources(config, sources, redis_url, due_only=due)
        click.echo(f"pass {report.pass_id}: queued {len(report.queued)} sources", err=True)
        if wait and not wait_until_drained(redis_url):
            raise click.ClickException("the workers did not finish within an hour")
        if every is None:
            return
        due = True
        time.sleep(every)


@click.command("worker")
@redis_option
@click.option(
    "--concurrency",
    default=8,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Requests in flight in this worker.",
)
@click.option("--id", "worker_id", help="Worker name (default: host-pid-random).")
@click.option(
    "--idle-exit",
    default=0.0,
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="Exit after SECONDS with nothing queued anywhere (0: run until stopped).",
)
@click.option(
    "--dispatch/--no-dispatch",
    default=True,
    show_default=True,
    help="Also send due alert deliveries (safe with any number of workers).",
)
@click.option(
    "--heartbeat-ttl",
    default=HEARTBEAT_TTL,
    show_default=True,
    type=click.IntRange(1, 3600),
    metavar="SECONDS",
    help="Silence after which other workers take this one's requests back.",
)
@pass_context
def distributed_worker_command(
    ctx: Context,
    redis_url: str,
    concurrency: int,
    worker_id: str | None,
    idle_exit: float,
    dispatch: bool,
    heartbeat_ttl: int,
) -> None:
    """Crawl requests from the shared Redis queue into the configured database.

    Example: dramawatch --config dramawatch.yaml worker --redis redis://queue:6379/0
    """
    _distributed, distributed_worker = _parts()
    ctx.writable_store  # noqa: B018 (an unusable database is one line, before Redis is asked)
    distributed_worker.run_worker(
        ctx.config,
        redis_url,
        worker_id=worker_id,
        concurrency=concurrency,
        idle_exit=idle_exit,
        dispatch=dispatch,
        heartbeat_ttl=heartbeat_ttl,
    )
