"""``dramawatch prune`` and ``dramawatch backup``: keeping an archive."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

import click

from config import parse_duration
from dramawatch.cli.context import ConfigProblem, Context, pass_context
from dramawatch.output import format_option
from storage import DatabaseSetupError, PruneReport, backup
from storage.models import utcnow


def _days(value: str) -> timedelta:
    try:
        return timedelta(seconds=parse_duration(value))
    except ValueError:
        raise click.BadParameter(
            f"{value!r}: use a duration such as 365d, 26w or 12h", param_hint="--older-than"
        ) from None


@click.command()
@click.option(
    "--older-than",
    "age",
    required=True,
    metavar="DURATION",
    help="Remove articles published (else fetched) longer ago than this: 365d, 26w ...",
)
@click.option("--dry-run", is_flag=True, help="Count what would go; change nothing.")
@click.option("--with-alerts", is_flag=True, help="Also remove stories that raised alerts.")
@format_option("table", "json")
@pass_context
def prune(ctx: Context, age: str, dry_run: bool, with_alerts: bool, fmt: str) -> None:
    """Remove old articles with their search rows, figures, revisions and story links.

    Stories that raised an alert are kept unless --with-alerts.

    Example: dramawatch prune --older-than 365d --dry-run
    """
    before = utcnow() - _days(age)
    with ctx.store.transaction(write=True) as tx:
        report = tx.maintenance.prune(before, with_alerts=with_alerts, dry_run=dry_run)
        tx.commit()
    if fmt == "json":
        click.echo(json.dumps({**asdict(report), "before": before.isoformat()}, indent=2))
        return
    click.echo(_describe(report, before.date().isoformat()))


def _describe(report: PruneReport, before: str) -> str:
    verb = "Would remove" if report.dry_run else "Removed"
    line = (
        f"{verb} {report.articles} articles dated before {before}, {report.stories} stories, "
        f"{report.figures} figures, {report.revisions} revisions and {report.urls} URLs."
    )
    if report.kept_for_alerts:
        line += (
            f" Kept {report.kept_for_alerts} old articles whose stories raised alerts"
            " (--with-alerts removes them too)."
        )
    return line


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_context
def backup_command(ctx: Context, file: Path) -> None:
    """Copy the SQLite archive to FILE while it stays in use (PostgreSQL: use pg_dump).

    Example: dramawatch backup backups/dramawatch-2026-12-01.db
    """
    try:
        size = backup(ctx.store, file)
    except DatabaseSetupError as exc:
        raise ConfigProblem(str(exc)) from None
    click.echo(f"Backed up the archive to {file} ({size:,} bytes)")
