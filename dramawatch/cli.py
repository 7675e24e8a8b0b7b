"""The ``dramawatch`` command line."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click

from config import (
    Config,
    ConfigError,
    load_config,
    parse_duration,
    resolve_config_path,
)
from dramawatch.alerts_commands import alerts_group, rules_group
from dramawatch.daemon_commands import run_command, status_command
from dramawatch.distributed_commands import schedule_command, worker_command
from dramawatch.output import FORMATS, console, format_option, write_rows
from dramawatch.sources import choose_sources
from dramawatch.views import article_json, source_json
from storage import open_store

ARTICLE_COLUMNS = ("id", "published_at", "source", "title", "story_id")


class ConfigProblem(click.ClickException):
    """An invalid config: exit code 2, the message names the file, key and fix."""

    exit_code = 2


class Context:
    """What every command shares: the config file, loaded on first use."""

    def __init__(self, config_path: str | None) -> None:
        self.config_path = resolve_config_path(config_path)
        self._config: Config | None = None

    @property
    def config(self) -> Config:
        """The validated config (ConfigProblem when it is invalid)."""
        if self._config is None:
            try:
                self._config = load_config(self.config_path)
            except ConfigError as exc:
                raise ConfigProblem(str(exc)) from None
        return self._config


pass_context = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config", "config_path", envvar="DRAMAWATCH_CONFIG", type=click.Path(dir_okay=False),
    help="Config file (default: ./dramawatch.yaml, else the shipped catalogue).",
)  # fmt: skip
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


@cli.command("check-config")
@pass_context
def check_config(ctx: Context) -> None:
    """Validate the config file and summarise it; exit 2 when it is invalid.

    Example: dramawatch --config dramawatch.yaml check-config
    """
    config = ctx.config
    click.echo(
        f"{ctx.config_path}: OK: {len(config.sources)} sources, {len(config.metrics)} metrics, "
        f"{len(config.rules)} rules, {len(config.channels)} channels; database {config.database}"
    )


@cli.command()
@pass_context
def init(ctx: Context) -> None:
    """Create or upgrade the database schema.

    Example: dramawatch init
    """
    store = open_store(ctx.config.database)
    store.migrate()
    click.echo(f"Database ready: {ctx.config.database}")


@cli.command()
@click.option("--source", "names", multiple=True, help="Only this source (repeatable).")
@format_option("table", "json")
@pass_context
def crawl(ctx: Context, names: tuple[str, ...], fmt: str) -> None:
    """Crawl the sources once, now, whatever their intervals.

    Exits 0 when the pass ran, even if some sources failed (they are listed and recorded).

    Example: dramawatch crawl --source nrta-notices
    """
    from dramawatch.crawl_command import run_crawl

    run_crawl(ctx.config, choose_sources(ctx.config, names), fmt)


def _since(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.now(UTC) - timedelta(seconds=parse_duration(value))
    except ValueError:
        pass
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r}: use a date (2025-12-01), a datetime or a duration (7d)",
            param_hint="--since",
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _filters(func: Any) -> Any:
    func = click.option("--source", help="Only articles from this source.")(func)
    return click.option("--since", help="Published since: 2025-12-01, or 7d, 24h ...")(func)


@cli.command()
@click.argument("query", required=False)
@_filters
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--rank", is_flag=True, help="Order by relevance instead of newest first.")
@click.option("--stories", is_flag=True, help="One row per story, with its number of copies.")
@format_option()
@pass_context
def search(
    ctx: Context, query: str | None, since: str | None, source: str | None,
    limit: int, rank: bool, stories: bool, fmt: str,
) -> None:  # fmt: skip
    """Search the archive (full text; Chinese and English; "quoted phrases", OR).

    Example: dramawatch search 短剧 --since 30d --format json
    """
    store = open_store(ctx.config.database)
    store.migrate()
    with store.transaction() as tx:
        found = tx.archive.search(
            query, since=_since(since), source=source, limit=limit, rank=rank, stories=stories
        )
        rows = [article_json(article, with_text=fmt != "table") for article in found]
        if stories:
            for row, article in zip(rows, found, strict=True):
                row["copies"] = article.story.article_count if article.story else 1
    columns = (*ARTICLE_COLUMNS, "copies") if stories else ARTICLE_COLUMNS
    write_rows(rows, fmt, columns, title=f"{len(rows)} {'stories' if stories else 'articles'}")


@cli.command()
@click.argument("article_id", type=int)
@click.option("--diff", is_flag=True, help="Show what changed between revisions.")
@format_option("table", "json")
@pass_context
def show(ctx: Context, article_id: int, diff: bool, fmt: str) -> None:
    """Show an article with its story siblings and its revisions.

    Example: dramawatch show 42 --diff
    """
    from dramawatch.show_command import show_article

    store = open_store(ctx.config.database)
    store.migrate()
    show_article(store, article_id, diff=diff, fmt=fmt)


@cli.command()
@click.argument("key", required=False)
@click.option("--plot", is_flag=True, help="Draw the metric's history in the terminal.")
@click.option("--png", type=click.Path(dir_okay=False, path_type=Path), help="Write a chart image.")
@format_option("table", "json", "jsonl", "csv")
@pass_context
def metrics(ctx: Context, key: str | None, plot: bool, png: Path | None, fmt: str) -> None:
    """Latest value per metric with its change, or one metric's history (KEY).

    Example: dramawatch metrics market_value --plot --png market.png
    """
    from dramawatch.metrics_command import show_metrics

    store = open_store(ctx.config.database)
    store.migrate()
    labels = {metric.key: metric.label for metric in ctx.config.metrics}
    show_metrics(store, key, fmt, labels=labels, plot=plot, png=png)


@cli.command()
@_filters
@format_option("jsonl", "json", "csv", default="jsonl")
@pass_context
def export(ctx: Context, since: str | None, source: str | None, fmt: str) -> None:
    """Export every stored article (one JSON object a line by default).

    Example: dramawatch export --format jsonl > archive.jsonl
    """
    store = open_store(ctx.config.database)
    store.migrate()
    with store.transaction() as tx:
        articles = tx.archive.iter_all(since=_since(since), source=source)
        write_rows((article_json(article) for article in articles), fmt, ARTICLE_COLUMNS)


@cli.command()
@format_option("table", "json")
@pass_context
def sources(ctx: Context, fmt: str) -> None:
    """List the configured sources with their last run, counts and last error.

    Example: dramawatch sources --format json
    """
    store = open_store(ctx.config.database)
    store.migrate()
    rows = []
    with store.transaction() as tx:
        for configured in ctx.config.sources:
            row = tx.sources.get(configured.name)
            if row is None:
                rows.append({"source": configured.name, "kind": configured.kind, "ok": None})
                continue
            rows.append(source_json(row, tx.sources.last_run(row), tx.sources.article_count(row)))
    columns = ("source", "kind", "articles", "last_run_at", "ok", "new", "last_error")
    write_rows(rows, fmt, columns, title="Sources")


@cli.command()
@click.option(
    "--workdir", type=click.Path(file_okay=False, path_type=Path),
    default=Path("dramawatch-demo"), show_default=True,
    help="Where the demo's fresh SQLite database is written.",
)  # fmt: skip
def demo(workdir: Path) -> None:
    """Run the whole pipeline on the bundled recorded sites (no network needed).

    Example: dramawatch demo --workdir /tmp/dw-demo
    """
    from dramawatch.demo.run import run_demo

    run_demo(workdir)


cli.add_command(alerts_group)
cli.add_command(rules_group)
cli.add_command(run_command)
cli.add_command(status_command)
cli.add_command(schedule_command)
cli.add_command(worker_command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="dramawatch")


__all__ = ["FORMATS", "cli", "console", "main"]

if __name__ == "__main__":  # pragma: no cover
    main()
