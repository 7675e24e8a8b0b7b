"""``dramawatch sources`` (list, test, add, import, export) and which sources a command acts on."""

from __future__ import annotations

import click

from config import Config, SourceConfig
from dramawatch.cli.context import Context
from dramawatch.cli.source_files import export_command, import_command
from dramawatch.cli.source_trial import add_command, test_command
from dramawatch.output import format_option, write_rows
from dramawatch.views import source_json

SOURCE_COLUMNS = (
    "source",
    "kind",
    "articles",
    "last_run_at",
    "status",
    "new",
    "last_error",
    "warning",
)


def choose_sources(config: Config, names: tuple[str, ...]) -> list[SourceConfig]:
    """The named sources, or every enabled one; an unknown name lists the known ones."""
    known = [source.name for source in config.sources]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise click.BadParameter(
            f"unknown source {', '.join(unknown)}. Try --source with one of: {', '.join(known)}",
            param_hint="--source",
        )
    chosen = [s for s in config.sources if (s.name in names if names else s.enabled)]
    if not chosen:
        raise click.UsageError("no sources to act on: add some under sources: in the config")
    return chosen


@click.group(invoke_without_command=True)
@format_option("table", "json")
@click.pass_context
def sources(click_ctx: click.Context, fmt: str) -> None:
    """List the configured sources with their region, last run (ok, warning or failed),
    counts, last error and warning; `sources test|add|import|export` try, find and move sources.

    Example: dramawatch sources --format json
    """
    if click_ctx.invoked_subcommand is None:
        _list(click_ctx.ensure_object(Context), fmt)


def _list(ctx: Context, fmt: str) -> None:
    rows = []
    with ctx.store.transaction() as tx:
        for configured in ctx.config.sources:
            row = tx.sources.get(configured.name)
            if row is None:
                rows.append(
                    {"source": configured.name, "kind": configured.kind, "ok": None, "status": None}
                )
            else:
                last_run = tx.sources.last_run(row)
                rows.append(source_json(row, last_run, tx.sources.article_count(row)))
            rows[-1]["region"] = configured.region  # the city or province 本市 means there
    regional = any(source.region for source in ctx.config.sources)
    columns = (*SOURCE_COLUMNS[:2], "region", *SOURCE_COLUMNS[2:]) if regional else SOURCE_COLUMNS
    write_rows(rows, fmt, columns, title="Sources")  # region: only when some source has one


for _command in (test_command, add_command, import_command, export_command):
    sources.add_command(_command)
