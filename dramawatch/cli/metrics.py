"""``dramawatch metrics``: latest value per metric, a metric's history, and charts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from dramawatch.cli.context import Context, pass_context
from dramawatch.output import format_option, write_rows
from storage import MetricObservation, Store

SUMMARY_COLUMNS = ("metric", "label", "value", "unit", "period", "previous", "change_pct", "source")
HISTORY_COLUMNS = ("period", "value", "unit", "qualifier", "source", "observed_at", "quote")


@click.command()
@click.argument("key", required=False)
@click.option("--plot", is_flag=True, help="Draw the metric's history in the terminal.")
@click.option("--png", type=click.Path(dir_okay=False, path_type=Path), help="Write a chart image.")
@format_option("table", "json", "jsonl", "csv")
@pass_context
def metrics(ctx: Context, key: str | None, plot: bool, png: Path | None, fmt: str) -> None:
    """Latest value per metric with its change, or one metric's history (KEY).

    Example: dramawatch metrics market_value --plot --png market.png
    """
    if png is not None and not png.parent.is_dir():
        raise click.BadParameter(
            f"{png.parent} is not a directory; create it or write the chart elsewhere",
            param_hint="--png",
        )
    labels = {metric.key: metric.label for metric in ctx.config.metrics}
    show_metrics(ctx.store, key, fmt, labels=labels, plot=plot, png=png)


def observation_json(obs: MetricObservation) -> dict[str, Any]:
    """The contract's metric observation JSON (plus its story, source and qualifiers)."""
    return {
        "metric": obs.metric, "value": obs.value, "unit": obs.unit, "period": obs.period,
        "kind": obs.kind, "qualifier": obs.qualifier, "article_url": obs.article.url,
        "source": obs.article.source.name, "story_id": obs.story_id,
        "observed_at": obs.observed_at.isoformat(), "quote": obs.quote,
    }  # fmt: skip


def series(observations: Sequence[MetricObservation]) -> list[MetricObservation]:
    """Levels (not changes) in time order: by period, then by when they were reported."""
    levels = [o for o in observations if o.kind == "level"]
    return sorted(
        levels, key=lambda o: (o.period or o.observed_at.date().isoformat(), o.observed_at, o.id)
    )


def change_pct(previous: float, latest: float) -> float | None:
    """Percentage change, None when the previous value is zero."""
    return None if previous == 0 else round((latest - previous) / abs(previous) * 100, 2)


def summary_rows(store: Store, labels: dict[str, str]) -> list[dict[str, Any]]:
    """One row per metric and unit: the latest value and its change from the previous one."""
    with store.transaction() as tx:
        by_metric: dict[tuple[str, str], list[MetricObservation]] = {}
        for obs in tx.metrics.all():
            by_metric.setdefault((obs.metric, obs.unit), []).append(obs)
        return [
            _summary(key, series(obs), labels)
            for key, obs in sorted(by_metric.items())
            if series(obs)
        ]


def _summary(
    key: tuple[str, str], ordered: list[MetricObservation], labels: dict[str, str]
) -> dict[str, Any]:
    latest = ordered[-1]
    row = observation_json(latest) | {
        "label": labels.get(key[0], key[0]),
        "previous": None,
        "change_pct": None,
    }
    if len(ordered) > 1:
        row["previous"] = ordered[-2].value
        row["change_pct"] = change_pct(ordered[-2].value, latest.value)
    return row


def history_rows(store: Store, key: str) -> list[dict[str, Any]]:
    """Every observation of ``key`` in time order, with its source and quote."""
    with store.transaction() as tx:
        return [observation_json(o) for o in series(tx.metrics.history(key))]


def show_metrics(
    store: Store, key: str | None, fmt: str, *, labels: dict[str, str], plot: bool, png: Path | None
) -> None:
    """Print the summary or one metric's history; optionally chart the history."""
    if key is None:
        rows = summary_rows(store, labels)
        write_rows(_readable(rows, fmt), fmt, SUMMARY_COLUMNS, title="Metrics: latest values")
        return
    rows = history_rows(store, key)
    if not rows:
        raise click.ClickException(
            f"no observations of {key!r}; see `dramawatch metrics` for the tracked ones"
        )
    write_rows(_readable(rows, fmt), fmt, HISTORY_COLUMNS, title=f"{labels.get(key, key)} ({key})")
    if plot:  # beside data for a program, the chart goes to stderr: stdout stays parseable
        click.echo(terminal_chart(rows, labels.get(key, key)), err=fmt != "table")
    if png is not None:
        try:
            write_png(rows, labels.get(key, key), png)
        except OSError as exc:
            raise click.BadParameter(
                f"cannot write {png} ({exc.strerror or exc}); choose another path",
                param_hint="--png",
            ) from None
        click.echo(f"chart written to {png}", err=True)


def _readable(rows: list[dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    """In tables, values as 50.44 bn rather than 50440000000.0; data formats keep numbers."""
    if fmt != "table":
        return rows
    return [
        row | {name: human_number(row[name]) for name in ("value", "previous") if row.get(name)}
        for row in rows
    ]


def human_number(value: float) -> str:
    """1330000 -> '1.33 m', 50440000000 -> '50.44 bn', 59.7 -> '59.7'."""
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            return f"{value / scale:,.4g} {suffix}"
    return f"{value:,.10g}"


def _points(rows: list[dict[str, Any]]) -> tuple[list[str], list[float]]:
    return [r["period"] or r["observed_at"][:10] for r in rows], [r["value"] for r in rows]


def terminal_chart(rows: list[dict[str, Any]], title: str) -> str:
    """The series as a text chart (plotext)."""
    import plotext

    labels, values = _points(rows)
    plotext.clear_figure()
    plotext.plotsize(80, 20)
    plotext.theme("clear")
    plotext.bar(labels, values)
    plotext.title(f"{title} ({rows[-1]['unit']})")
    return str(plotext.build())


def write_png(rows: list[dict[str, Any]], title: str, path: Path) -> None:
    """The series as a PNG line chart (matplotlib, no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    labels, values = _points(rows)
    figure, axes = pyplot.subplots(figsize=(8, 4.5), dpi=100)
    axes.plot(labels, values, marker="o")
    axes.set_title(f"{title} ({rows[-1]['unit']})")
    axes.grid(alpha=0.3)
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(path)
    pyplot.close(figure)
