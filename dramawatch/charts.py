"""Charts of metric series, in the terminal (plotext) and as PNG (matplotlib).

One panel per unit (CNY and USD never share an axis), one line per series with a legend,
points at their period's midpoint on a real time axis, actual figures solid and forecasts or
targets dashed with hollow markers, earlier figures of a revised period as grey crosses, and
ticks written as 50.4 bn rather than 5.04e10.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from dramawatch.series import Point, Series

_STYLES = {"actual": ("-", "o"), "forecast": ("--", "^"), "target": (":", "s")}
_TERMINAL_MARKERS = {"actual": "dot", "forecast": "x", "target": "+"}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def human_number(value: float) -> str:
    """1330000 -> '1.33 m', 50440000000 -> '50.44 bn', 59.7 -> '59.7'."""
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{value / scale:,.4g} {suffix}"
    return f"{value:,.4g}"


def by_unit(series: Sequence[Series]) -> dict[str, list[Series]]:
    """The series grouped by unit (levels and changes apart), in order of first appearance;
    each group's name, such as "CNY" or "percent, change", titles its panel."""
    panels: dict[str, list[Series]] = {}
    for one in series:
        name = one.key.unit + (", change" if one.key.kind == "change" else "")
        panels.setdefault(name, []).append(one)
    return panels


def tick_label(value: float, unit: str) -> str:
    """An axis tick: 50.4 bn, 35%, 12 pp."""
    if unit == "percent":
        return f"{value:,.4g}%"
    if unit == "percentage_points":
        return f"{value:,.4g} pp"
    return human_number(value)


def write_png(series: Sequence[Series], title: str, path: Path) -> None:
    """Every series as lines on a time axis, one panel per unit, into a PNG file."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    panels = by_unit(series)
    figure, axes_list = pyplot.subplots(
        len(panels),
        1,
        figsize=(9, 3.6 * len(panels) + 0.8),
        dpi=100,
        squeeze=False,
        sharex=True,
    )
    for axes, (unit, members) in zip(axes_list[:, 0], panels.items(), strict=True):
        _draw_panel(axes, members, f"{title} ({unit})")
    figure.tight_layout()
    figure.savefig(path)
    pyplot.close(figure)


def _draw_panel(axes: Any, members: list[Series], title: str) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.ticker import FuncFormatter

    values: list[float] = []
    for one in members:
        values += [p.value for p in one.points]
        _draw_series(axes, one)
        _draw_revisions(axes, one)
    # Zero stays on the axis: a small move must not look like a crash.
    axes.set_ylim(min(0.0, min(values)) * 1.1, max(0.0, max(values)) * 1.15 or 1)
    unit = members[0].key.unit
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: tick_label(value, unit)))
    axes.set_title(title)
    axes.grid(alpha=0.3)
    axes.legend(fontsize="small", loc="best")


def _draw_series(axes: Any, one: Series) -> None:
    """Figures of a period joined by a line; undated ones ("now worth …") as markers only, at
    the day they were reported: they are reports, not a time series."""
    line, marker = _STYLES.get(one.key.status, _STYLES["actual"])
    style = {"marker": marker, "markerfacecolor": "white"} if one.key.status != "actual" else {}
    style = style or {"marker": marker}
    dated = [p for p in one.points if p.period is not None]
    undated = [p for p in one.timed if p.period is None]
    color = None
    if dated:
        (drawn,) = axes.plot(
            [_day(p) for p in dated],
            [p.value for p in dated],
            linestyle=line,
            label=one.key.name(),
            **style,
        )
        color = drawn.get_color()
    if undated:
        axes.plot(
            [_day(p) for p in undated],
            [p.value for p in undated],
            linestyle="none",
            color=color,
            label=f"{one.key.name()}, undated (as reported)",
            **style,
        )
    for point in (p for p in one.points if one.timeless(p)):
        # A level to reach, not a point in time: a line across the panel, named as such.
        axes.axhline(point.value, linestyle=line, color=color or "grey", linewidth=1)
        axes.annotate(
            f"{one.key.name()}, no date stated: {human_number(point.value)}",
            (0.01, point.value),
            xycoords=("axes fraction", "data"),
            fontsize="x-small",
            xytext=(0, 3),
            textcoords="offset points",
        )


def _day(point: Point) -> datetime:
    return datetime.combine(point.when, datetime.min.time())


def _draw_revisions(axes: Any, one: Series) -> None:
    """Earlier figures of a revised period: grey crosses at the period, no line."""
    for point in one.points:
        day = datetime.combine(point.when, datetime.min.time())
        for value in point.revised_from:
            axes.plot([day], [value], linestyle="none", marker="x", color="grey")
            axes.annotate(
                "revised",
                (day, value),
                fontsize="x-small",
                color="grey",
                xytext=(4, 4),
                textcoords="offset points",
            )


def terminal_chart(series: Sequence[Series], title: str) -> str:
    """Every series as a text chart: one panel per unit, dates on the x axis."""
    import plotext

    span = _date_span(series)
    panels = []
    for unit, members in by_unit(series).items():
        plotext.clear_figure()  # one figure per panel: plotext's subplots keep stale state
        plotext.limitsize(False, False)  # the size of a terminal, or of none at all: ours
        plotext.plotsize(100, 22)
        plotext.theme("clear")
        _terminal_panel(plotext, members, f"{title} ({unit})", span)
        plotext.xlim(*span)
        panels.append(_ANSI.sub("", str(plotext.build())))
    return "\n".join(panels)


def _date_span(series: Sequence[Series]) -> tuple[str, str]:
    """The dates of every point, widened by half a year on each side."""
    days = [point.when for one in series for point in one.timed]
    days = days or [point.when for one in series for point in one.points]
    pad = timedelta(days=183)
    return (min(days) - pad).isoformat(), (max(days) + pad).isoformat()


def _terminal_panel(plotext: Any, members: list[Series], title: str, span: tuple[str, str]) -> None:
    plotext.date_form("Y-m-d")
    values: list[float] = []
    for one in members:
        label = one.key.name() + ("" if one.key.status == "actual" else " (not actual)")
        marker = _TERMINAL_MARKERS.get(one.key.status, "dot")
        values += [p.value for p in one.points]
        dated = [p for p in one.timed if p.period is not None]
        undated = [p for p in one.timed if p.period is None]  # reports, not a time series
        for points, draw in ((dated, plotext.plot), (undated, plotext.scatter)):
            if points:
                days = [p.when.isoformat() for p in points]
                draw(days, [p.value for p in points], label=label, marker=marker)
        for point in (p for p in one.points if one.timeless(p)):
            plotext.plot(list(span), [point.value] * 2, label=f"{label}, no date", marker="-")
    ticks = _ticks(values)
    plotext.ylim(ticks[0], ticks[-1])  # from zero: a small change must not fill the panel
    plotext.yticks(ticks, [tick_label(t, members[0].key.unit) for t in ticks])
    plotext.title(title)


def _ticks(values: Sequence[float], count: int = 5) -> list[float]:
    """Evenly spaced ticks from 0 (or the lowest value) to the highest value."""
    low, high = min(0.0, min(values)), max(values)
    if high == low:
        return [high]
    step = (high - low) / (count - 1)
    return [low + step * i for i in range(count)]
