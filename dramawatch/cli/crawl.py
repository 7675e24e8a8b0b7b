"""``dramawatch crawl``: one pass with a live progress display and a summary."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.live import Live
from rich.table import Table

from config import Config, SourceConfig
from dramawatch.cli.context import Context, pass_context
from dramawatch.cli.sources import choose_sources
from dramawatch.output import console, format_option
from dramawatch.report import PassReport, SourceResult

if TYPE_CHECKING:
    from dramawatch.runner import Progress


@click.command()
@click.option("--source", "names", multiple=True, help="Only this source (repeatable).")
@format_option("table", "json")
@pass_context
def crawl(ctx: Context, names: tuple[str, ...], fmt: str) -> None:
    """Crawl the sources once, now, whatever their intervals.

    Exits 0 when the pass ran, even if some sources failed (they are listed and recorded).

    Example: dramawatch crawl --source nrta-notices
    """
    sources = choose_sources(ctx.config, names)
    ctx.writable_store  # noqa: B018 (an unusable database is one line before the pass starts)
    run_crawl(ctx.config, sources, fmt)


def run_crawl(config: Config, sources: Sequence[SourceConfig], fmt: str) -> PassReport:
    """Run the pass and print its summary (exit status stays 0 when sources failed)."""
    from dramawatch.runner import run_pass  # Scrapy loads only for the commands that crawl

    with _live_progress(sources) as progress:
        report = run_pass(config, sources, progress=progress)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        console().print(summary_table(report.results))
        for result in report.failed:
            click.echo(f"source {result.source} failed: {result.error}", err=True)
        for result in report.warned:
            click.echo(f"source {result.source} warning: {result.warnings[0]}", err=True)
        click.echo(alerts_line(report.alerts))
    return report


def alerts_line(alerts: dict[str, int]) -> str:
    """The pass's alerts: raised, and their deliveries delivered / pending / failed."""
    line = (
        f"Alerts: {alerts.get('raised', 0)} raised; deliveries {alerts.get('delivered', 0)} "
        f"delivered, {alerts.get('pending', 0)} pending, {alerts.get('failed', 0)} failed"
    )
    if alerts.get("pending") or alerts.get("failed"):
        line += " (see `dramawatch alerts`)"
    return line


def progress_caption(results: Sequence[SourceResult]) -> str:
    """Sources done, pages fetched and new articles so far."""
    done = sum(result.done for result in results)
    fetched = sum(result.stats.fetched for result in results)
    new = sum(result.stats.new for result in results)
    return f"{done}/{len(results)} sources done · {fetched} pages fetched · {new} new articles"


def summary_table(
    results: Sequence[SourceResult], title: str = "Crawl summary", *, live: bool = False
) -> Table:
    """A table of per-source counts (``live``: a source still crawling says so)."""
    table = Table(title=title)
    for column in ("source", "status", "fetched", "new", "revised", "known", "dropped", "errors"):
        table.add_column(column, justify="left" if column in ("source", "status") else "right")
    for r in results:
        other = {k: v for k, v in r.stats.dropped.items() if k not in ("unchanged", "duplicate")}
        dropped = ", ".join(f"{k} {v}" for k, v in sorted(other.items())) or "0"
        status = {"ok": "ok", "warning": "[yellow]warning[/yellow]"}.get(
            r.status, "[red]failed[/red]"
        )
        if live and not r.done:
            status = "crawling"
        table.add_row(
            r.source,
            status,
            str(r.stats.fetched),
            str(r.stats.new),
            str(r.revisions),
            str(r.stats.unchanged),
            dropped,
            str(len(r.stats.errors)),
        )
    return table


@contextmanager
def _live_progress(sources: Sequence[SourceConfig]) -> Iterator[Progress | None]:
    """On a terminal, a live table updated as pages arrive; elsewhere nothing."""
    if not sys.stderr.isatty():
        yield None
        return
    results: dict[str, SourceResult] = {s.name: SourceResult(s.name) for s in sources}

    def table() -> Table:
        rows = list(results.values())
        live_table = summary_table(rows, "Crawling", live=True)
        live_table.caption = progress_caption(rows)
        return live_table

    with Live(
        table(),
        console=Console(stderr=True),
        refresh_per_second=4,
        transient=True,
    ) as live:

        def update(result: SourceResult) -> None:
            results[result.source] = result
            live.update(table())

        yield update
