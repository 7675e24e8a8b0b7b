"""The ``dramawatch`` command line: the group, every command registered here, and ``main``."""

from __future__ import annotations

import logging
import sys

import click

from dramawatch.cli.alerts import alerts_group, rules_group
from dramawatch.cli.archive import export, search, show
from dramawatch.cli.config import check_config, init
from dramawatch.cli.context import ConfigProblem, Context, database_reason
from dramawatch.cli.crawl import crawl
from dramawatch.cli.daemon import run_command, status_command
from dramawatch.cli.demo import demo
from dramawatch.cli.distributed import distributed_worker_command, schedule_command
from dramawatch.cli.metrics import metrics
from dramawatch.cli.serve import serve
from dramawatch.cli.sources import sources
from dramawatch.cli.upkeep import backup_command, prune
from dramawatch.output import FORMATS, console
from storage.errors import DatabaseError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    envvar="DRAMAWATCH_CONFIG",
    type=click.Path(dir_okay=False),
    help="Config file (default: ./dramawatch.yaml, else the shipped catalogue).",
)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="dramawatch")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, verbose: int) -> None:
    """Monitor micro-drama news: crawl, store, dedupe, extract metrics and alert."""
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    handler = logging.StreamHandler()
    # The level sits on the handler: Scrapy resets its own loggers to DEBUG when it starts.
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(handlers=[handler], level=level, force=True)
    ctx.obj = Context(config_path)


COMMANDS: tuple[click.Command, ...] = (
    check_config,
    init,
    crawl,
    search,
    show,
    metrics,
    export,
    sources,
    demo,
    alerts_group,
    rules_group,
    run_command,
    status_command,
    schedule_command,
    distributed_worker_command,
    serve,
    prune,
    backup_command,
)
for _command in COMMANDS:
    cli.add_command(_command)


def main() -> None:
    """Console-script entry point; a database failure is one line, never a traceback."""
    try:
        cli(prog_name="dramawatch")
    except DatabaseError as exc:
        click.echo(f"Error: the database failed: {database_reason(exc)}", err=True)
        sys.exit(1)


__all__ = ["FORMATS", "ConfigProblem", "Context", "cli", "console", "main"]
