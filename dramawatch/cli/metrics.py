"""``dramawatch metrics``: the latest point of every series, a metric's history, and charts.

A series is (metric, entity, region, unit, status, basis, kind, granularity): the summary
compares a point only with the previous point of its own series, so Hongguo's users never read
as a fall of the sector's, a forecast as a move of the market, nor a half-year as a fall from
the full year before it. Growth figures are series of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import click

from dramawatch.charts import human_number, terminal_chart, write_png
from dramawatch.cli.context import Context, pass_context
from dramawatch.output import format_option, write_rows
from dramawatch.retag import RetagReport, retag
from dramawatch.series import Point, Series, SeriesKey, build_series, latest_two
from storage import MetricObservation, Store

SERIES_COLUMNS = ("entity", "region", "status", "basis", "granularity")
SUMMARY_COLUMNS = (
    "metric",
    *SERIES_COLUMNS,
    "value",
    "unit",
    "period",
    "previous",
    "change_pct",
    "sources",
)  # the table's; JSON rows also carry label, kind, previous_period, quote and the rest
HISTORY_COLUMNS = (
    "series",
    "period",
    "value",
    "unit",
    "sources",
    "revised_from",
    "source",
    "quote",
)
STATUSES = ("actual", "forecast", "target")
RETAG = "retag"  # the word that re-tags instead of naming a metric
RETAG_COLUMNS = tuple(f.name for f in fields(RetagReport))


@click.command()
@click.argument("key", required=False)
@click.option(
    "--entity", help="Only figures about this entity (a catalogue key); 'none': sector-wide."
)
@click.option(
    "--region", help="Only figures about this region (cn, overseas, global, shanghai ...)."
)
@click.option(
    "--status",
    type=click.Choice(STATUSES),
    multiple=True,
    help="Only figures of this status (repeatable; default: all).",
)
@click.option("--plot", is_flag=True, help="Draw the metric's series in the terminal.")
@click.option("--png", type=click.Path(dir_okay=False, path_type=Path), help="Write a chart image.")
@format_option("table", "json", "jsonl", "csv")
@pass_context
def metrics(
    ctx: Context,
    key: str | None,
    entity: str | None,
    region: str | None,
    status: tuple[str, ...],
    plot: bool,
    png: Path | None,
    fmt: str,
) -> None:
    """Latest point of every series with its change, or one metric's history (KEY);
    `metrics retag` runs metric extraction again over every stored article.

    Example: dramawatch metrics market_value --region cn --status actual --png market.png
    """
    if key == RETAG:
        _retag(ctx, fmt, entity or region or status or plot or png)
        return
    if png is not None and not png.parent.is_dir():
        raise click.BadParameter(
            f"{png.parent} is not a directory; create it or write the chart elsewhere",
            param_hint="--png",
        )
    labels = {metric.key: metric.label for metric in ctx.config.metrics}
    chosen = Filters(entity, region, status)
    if key is None:
        rows = summary_rows(ctx.store, labels, chosen)
        write_rows(_readable(rows, fmt), fmt, SUMMARY_COLUMNS, title="Metrics: latest per series")
        return
    with ctx.store.transaction() as tx:  # rows and charts read the figures' articles
        series = [one for one in build_series(tx.metrics.history(key)) if chosen.keep(one.key)]
        if not series:
            raise click.ClickException(
                f"no observations of {key!r}{chosen.describe()}; see `dramawatch metrics` for "
                "the tracked series"
            )
        title = labels.get(key, key)
        rows = history_rows(series)
        write_rows(_readable(rows, fmt), fmt, HISTORY_COLUMNS, title=f"{title} ({key})")
        _charts(series, title, plot, png, fmt)


def _retag(ctx: Context, fmt: str, filtered: object) -> None:
    """Re-extract the archive's figures with the current extractor and catalogue."""
    if filtered:
        raise click.UsageError("`metrics retag` takes no filters or charts, only --format")
    report = retag(ctx.store, ctx.config)
    write_rows([asdict(report)], fmt, RETAG_COLUMNS, title="Figures re-tagged")


def _charts(series: list[Series], title: str, plot: bool, png: Path | None, fmt: str) -> None:
    if plot:  # beside data for a program, the chart goes to stderr: stdout stays parseable
        click.echo(terminal_chart(series, title), err=fmt != "table")
    if png is not None:
        try:
            write_png(series, title, png)
        except OSError as exc:
            raise click.BadParameter(
                f"cannot write {png} ({exc.strerror or exc}); choose another path",
                param_hint="--png",
            ) from None
        click.echo(f"chart written to {png}", err=True)


class Filters:
    """Which figures a view shows: by entity ("none": sector-wide), region and status."""

    def __init__(self, entity: str | None, region: str | None, status: Sequence[str]) -> None:
        self.entity, self.region, self.status = entity, region, tuple(status)

    def keep(self, key: SeriesKey) -> bool:
        """True when the series passes every filter."""
        if self.entity is not None and key.entity != (
            None if self.entity == "none" else self.entity
        ):
            return False
        if self.region is not None and key.region != self.region:
            return False
        return not self.status or key.status in self.status

    def describe(self) -> str:
        """ " for entity 'reelshort'" ... or "" without filters."""
        parts = [
            f"{name} {value!r}"
            for name, value in (("entity", self.entity), ("region", self.region))
            if value
        ]
        parts += [f"status {'/'.join(self.status)}"] if self.status else []
        return f" for {', '.join(parts)}" if parts else ""


def observation_json(obs: MetricObservation) -> dict[str, Any]:
    """The contract's metric observation JSON (plus its story, source and qualifiers)."""
    return {
        "metric": obs.metric,
        "value": obs.value,
        "unit": obs.unit,
        "period": obs.period,
        "kind": obs.kind,
        "qualifier": obs.qualifier,
        "entity": obs.entity,
        "region": obs.region,
        "status": obs.status,
        "basis": obs.basis,
        "article_url": obs.article.url,
        "source": obs.article.source.name,
        "story_id": obs.story_id,
        "observed_at": obs.observed_at.isoformat(),
        "quote": obs.quote,
    }


def point_json(point: Point) -> dict[str, Any]:
    """A point: its latest observation's JSON, its count of sources and earlier figures."""
    latest: MetricObservation = point.latest  # type: ignore[assignment]
    return observation_json(latest) | {
        "sources": point.sources,
        "revised_from": point.revised_from,
    }


def change_pct(previous: float, latest: float) -> float | None:
    """Percentage change, None when the previous value is zero."""
    return None if previous == 0 else round((latest - previous) / abs(previous) * 100, 2)


def summary_rows(store: Store, labels: dict[str, str], chosen: Filters) -> list[dict[str, Any]]:
    """One row per series: its latest point and the change from the point before."""
    with store.transaction() as tx:
        series = [one for one in build_series(tx.metrics.all()) if chosen.keep(one.key)]
        return [_summary(one, labels) for one in series]


def _summary(one: Series, labels: dict[str, str]) -> dict[str, Any]:
    latest, previous = latest_two(one)
    label = labels.get(one.key.metric, one.key.metric)
    row = point_json(latest) | {
        "granularity": one.key.granularity,
        "label": label + (" (change)" if one.key.kind == "change" else ""),
        "previous": None,
        "previous_period": None,
        "change_pct": None,
    }
    if previous is not None:
        row |= {
            "previous": previous.value,
            "previous_period": previous.period,
            "change_pct": change_pct(previous.value, latest.value),
        }
    return row


def history_rows(series: Iterable[Series]) -> list[dict[str, Any]]:
    """One row per point, series after series, each in time order."""
    return [
        point_json(point) | {"series": one.key.name(), "granularity": one.key.granularity}
        for one in series
        for point in one.points
    ]


def _readable(rows: list[dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    """In tables, values as 50.44 bn rather than 50440000000.0; data formats keep numbers."""
    if fmt != "table":
        return rows
    return [row | _readable_cells(row) for row in rows]


def _readable_cells(row: dict[str, Any]) -> dict[str, Any]:
    cells = {name: human_number(row[name]) for name in ("value", "previous") if row.get(name)}
    if row.get("kind") == "change":
        cells["metric"] = f"{row['metric']} (change)"
    if "revised_from" in row:
        cells["revised_from"] = ", ".join(human_number(v) for v in row["revised_from"])
    return cells
