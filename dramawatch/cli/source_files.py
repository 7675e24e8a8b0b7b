"""``dramawatch sources import FILE.opml`` and ``sources export --format opml``."""

from __future__ import annotations

from pathlib import Path

import click

from config import ConfigError
from config.append import append_sources
from config.loader import DEFAULT_CONFIG
from config.opml import read_opml, write_opml
from dramawatch.cli.context import ConfigProblem, Context, pass_context


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_context
def import_command(ctx: Context, file: Path) -> None:
    """Add the feeds of an OPML file (a feed reader's export) as rss sources.

    Feeds already configured (same URL) are left out; the entries are appended to the
    config file, its comments and layout kept.

    Example: dramawatch --config dramawatch.yaml sources import feeds.opml
    """
    path = writable_config(ctx)
    config = ctx.config if path.exists() else None
    known = {s.url for s in config.sources} if config else set()
    names = [s.name for s in config.sources] if config else []
    try:
        entries = [e for e in read_opml(file.read_bytes(), names) if e["url"] not in known]
    except ValueError as exc:
        raise click.ClickException(f"{file}: {exc}") from None
    if not entries:
        click.echo(f"{file}: no new feeds")
        return
    try:
        append_sources(path, entries)
    except ConfigError as exc:
        raise ConfigProblem(str(exc)) from None
    for entry in entries:
        click.echo(f"Added source {entry['name']!r}: {entry['url']}")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["opml"]), default="opml", show_default=True,
              help="Output format.")  # fmt: skip
@pass_context
def export_command(ctx: Context, fmt: str) -> None:
    """Print the rss sources as OPML, one folder per category, for a feed reader.

    Example: dramawatch sources export --format opml > dramawatch.opml
    """
    click.echo(write_opml(ctx.config.sources), nl=False)


def writable_config(ctx: Context) -> Path:
    """The config file to append to; the shipped catalogue is never written."""
    path = Path(ctx.config_path)
    if path.resolve() == DEFAULT_CONFIG.resolve():
        raise click.UsageError(
            "the shipped catalogue is read-only: pass --config FILE (created when missing) "
            "or create ./dramawatch.yaml"
        )
    return path
