"""``dramawatch sources``, and which configured sources a command acts on."""

from __future__ import annotations

import click

from config import Config, SourceConfig
from dramawatch.cli.context import Context, pass_context
from dramawatch.output import format_option, write_rows
from dramawatch.views import source_json

SOURCE_COLUMNS = ("source", "kind", "articles", "last_run_at", "ok", "new", "last_error")


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


@click.command()
@format_option("table", "json")
@pass_context
def sources(ctx: Context, fmt: str) -> None:
    """List the configured sources with their last run, counts and last error.

    Example: dramawatch sources --format json
    """
    rows = []
    with ctx.store.transaction() as tx:
        for configured in ctx.config.sources:
            row = tx.sources.get(configured.name)
            if row is None:
                rows.append({"source": configured.name, "kind": configured.kind, "ok": None})
                continue
            rows.append(source_json(row, tx.sources.last_run(row), tx.sources.article_count(row)))
    write_rows(rows, fmt, SOURCE_COLUMNS, title="Sources")
