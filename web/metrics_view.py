"""Metric observations grouped into charts: one per metric and unit, a line per series."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storage import MetricObservation
from storage.periods import POINT, YEAR, granularity
from storage.reading import series_fields
from web.charts import Chart, build_chart

DEFAULTS = frozenset({"level", "actual", "period", YEAR})
MARKER_ORDER = ("actual", "forecast", "target")
_LENGTH_NAMES = {POINT: "undated"}


@dataclass(frozen=True)
class MetricChart:
    """A chart and the figures drawn on it, newest first."""

    metric: str
    chart: Chart
    figures: list[MetricObservation]
    markers: list[str]  # the kinds of point drawn (actual, forecast, target), for the legend


def series_name(obs: MetricObservation, fields: Sequence[str]) -> str:
    """A series' name: its fields other than metric and unit that have a value."""
    # The default kind and basis name no series: only what sets one apart is shown.
    length = granularity(obs.period)
    values = [getattr(obs, name, None) for name in fields] + [_LENGTH_NAMES.get(length, length)]
    parts = [str(v) for v in values if v and v not in DEFAULTS]
    return " · ".join(parts) or "reported"


def metric_charts(observations: Sequence[MetricObservation]) -> list[MetricChart]:
    """The charts of ``observations`` by metric, then unit."""
    fields = [name for name in series_fields() if name != "unit"]
    grouped: dict[tuple[str, str], dict[str, list[MetricObservation]]] = {}
    for obs in observations:
        lines = grouped.setdefault((obs.metric, obs.unit), {})
        lines.setdefault(series_name(obs, fields), []).append(obs)
    charts = []
    for (metric, unit), series in sorted(grouped.items()):
        figures = [obs for rows in series.values() for obs in rows]
        links = {obs.id: f"/stories/{obs.story_id}#figure-{obs.id}" for obs in figures}
        chart = build_chart(metric, unit, series, links)
        figures.sort(key=lambda o: (o.period or "", o.observed_at), reverse=True)
        drawn = {point.marker for line in chart.lines for point in line.points}
        # Only charts with forecasts or targets need a key to the point shapes.
        markers: list[str] = [m for m in MARKER_ORDER if m in drawn and drawn != {"actual"}]
        charts.append(MetricChart(metric, chart, figures, markers))
    return charts
