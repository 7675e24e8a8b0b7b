"""``dramawatch run`` (the scheduler daemon) and ``dramawatch status``."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import click

from config import parse_duration
from dramawatch.cli.context import Context, pass_context
from dramawatch.daemon.jobs import DaemonOptions
from dramawatch.daemon.lock import DaemonRunning
from dramawatch.logs import LOG_FORMATS, configure, current_level
from dramawatch.output import console, format_option, write_rows

logger = logging.getLogger(__name__)


class Duration(click.ParamType):
    """Seconds, or a duration with a unit: 30, 45s, 30m, 6h, 1d."""

    name = "duration"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        """Seconds as a float."""
        if isinstance(value, int | float):
            return float(value)
        try:
            return float(value) if str(value).strip().isdigit() else float(parse_duration(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class DaemonAlreadyRunning(click.ClickException):
    """Another live daemon holds the database's lock: exit code 2."""

    exit_code = 2


DURATION = Duration()


@click.command("run")
@click.option(
    "--log-format",
    type=click.Choice(LOG_FORMATS),
    default="text",
    show_default=True,
    help="json: one JSON object per line.",
)
@click.option(
    "--grace",
    type=DURATION,
    default="30s",
    show_default=True,
    help="On SIGTERM/SIGINT, how long a running crawl may finish before it is killed.",
)
@click.option(
    "--crawl-timeout",
    type=DURATION,
    default="30m",
    show_default=True,
    help="A crawl still running after this is stopped and recorded as failed.",
)
@click.option(
    "--workers",
    "concurrent_crawls",
    type=click.IntRange(1, 64),
    default=4,
    show_default=True,
    help="Crawls running at the same time (each in its own process).",
)
@click.option(
    "--dispatch-every",
    type=DURATION,
    default="5s",
    show_default=True,
    help="How often due alert deliveries are sent.",
)
@click.option(
    "--backoff-ceiling",
    type=DURATION,
    default="24h",
    show_default=True,
    help="Longest wait of a failing source between tries.",
)
@click.option(
    "--distributed",
    "redis_url",
    metavar="REDIS_URL",
    help="Scale-out: queue due sources into this Redis for `dramawatch worker` processes "
    "every 60 s instead of crawling here.",
)
@pass_context
def run_command(
    ctx: Context,
    log_format: str,
    grace: float,
    crawl_timeout: float,
    concurrent_crawls: int,
    dispatch_every: float,
    backoff_ceiling: float,
    redis_url: str | None,
) -> None:
    """Run the scheduler: every source on its interval, alerts sent as they fall due.

    Stop it with SIGTERM or Ctrl-C (a second one exits at once); SIGHUP reloads the config.

    Example: dramawatch --config dramawatch.yaml run --log-format json
    """
    from dramawatch.daemon.service import Daemon

    configure(log_format, min(current_level(), logging.INFO))
    if redis_url:
        from dramawatch.cli.distributed import schedule_command

        click.get_current_context().invoke(
            schedule_command, names=(), due=True, every=60.0, wait=False, redis_url=redis_url
        )
        return
    options = DaemonOptions(
        Path(ctx.config_path).resolve(),
        grace,
        crawl_timeout,
        concurrent_crawls,
        dispatch_every,
        backoff_ceiling,
    )
    try:
        code = Daemon(options, ctx.config, ctx.writable_store).run()
    except DaemonRunning as exc:
        raise DaemonAlreadyRunning(str(exc)) from None
    raise SystemExit(code)


@click.command("status")
@format_option("table", "json")
@pass_context
def status_command(ctx: Context, fmt: str) -> None:
    """Show whether a daemon runs, each source's next and last run, and pending deliveries.

    Example: dramawatch status --format json
    """
    from dramawatch.daemon.status import SOURCE_COLUMNS, status

    report = status(ctx.store, ctx.config)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    console().print(_daemon_line(report["daemon"]))
    write_rows(report["sources"], "table", SOURCE_COLUMNS, title="Sources")
    deliveries = report["deliveries"]
    console().print(f"Deliveries: {deliveries['pending']} pending, {deliveries['failed']} failed")


def _daemon_line(daemon: dict[str, Any]) -> str:
    if "pid" not in daemon:
        return "Daemon: not running"
    state = "running" if daemon["running"] else "not running (stale lock)"
    return (
        f"Daemon: {state}, pid {daemon['pid']} on {daemon['host']}, since "
        f"{daemon['started_at']}, heartbeat {daemon['heartbeat_age_s']:.0f}s ago"
    )
