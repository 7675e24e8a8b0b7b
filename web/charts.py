"""Server-side line charts: one per metric and unit, one line per series, drawn as SVG."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from storage import MetricObservation
from storage.periods import period_midpoint, timeless

WIDTH, HEIGHT = 480, 240
LEFT, RIGHT, TOP, BOTTOM = 52, 34, 14, 36
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b")
MARKERS = {"forecast": "forecast", "target": "target"}


@dataclass(frozen=True)
class Point:
    """One drawn figure: where, its value label, its link and its quote."""

    x: float
    y: float
    label: str
    href: str
    quote: str
    marker: str  # actual | forecast | target


@dataclass
class Line:
    """One series on a chart."""

    name: str
    colour: str
    points: list[Point] = field(default_factory=list)
    joined: bool = True  # figures of periods; undated reports are markers only
    level: bool = False  # a forecast or target that states no period: a level, not a time

    @property
    def path(self) -> str:
        """The SVG path: through the points of a period series, across the chart at each
        level's height for a level, none for undated reports."""
        if self.level:
            return " ".join(f"M{LEFT},{p.y:.1f} H{WIDTH - RIGHT}" for p in self.points)
        if not self.joined:
            return ""
        return " ".join(
            f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points)
        )


@dataclass(frozen=True)
class Tick:
    """An axis label at a position."""

    at: float
    label: str


@dataclass(frozen=True)
class Chart:
    """A chart ready to draw."""

    title: str
    unit: str
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    bottom: int = HEIGHT - BOTTOM
    left: int = LEFT
    right: int = WIDTH - RIGHT


def x_label(obs: MetricObservation) -> str:
    """Where a figure sits on the time axis: its period, else the day its article is dated."""
    return obs.period or _day(obs).isoformat()


def compact(value: float) -> str:
    """A short number: 1.33M, 50.4B, 12.5."""
    size = abs(value)
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if size >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.3g}"


def build_chart(
    title: str, unit: str, series: Mapping[str, Sequence[MetricObservation]], links: dict[int, str]
) -> Chart:
    """A chart of ``series`` (name -> observations); ``links`` maps observation id -> URL."""
    days = {
        x_label(o): _day(o)
        for rows in series.values()
        for o in rows
        if not timeless(o.period, o.status)
    }
    labels = sorted(days, key=lambda label: (days[label], label))
    values = [obs.value for rows in series.values() for obs in rows]
    low, high = _bounds(values)
    xs = _time_positions(days)

    def y(value: float) -> float:
        return TOP + (HEIGHT - BOTTOM - TOP) * (1 - (value - low) / (high - low))

    lines = []
    for index, (name, rows) in enumerate(sorted(series.items())):
        level = all(timeless(obs.period, obs.status) for obs in rows)
        colour = COLOURS[index % len(COLOURS)]
        line = Line(name, colour, joined=rows[0].period is not None, level=level)
        for obs in sorted(rows, key=lambda o: (x_label(o), o.observed_at, o.id)):
            marker = MARKERS.get(str(getattr(obs, "status", "") or ""), "actual")
            x = WIDTH - RIGHT - 12 if level else xs[x_label(obs)]
            label = f"{compact(obs.value)} {obs.unit}" + (", no date stated" if level else "")
            point = Point(x, y(obs.value), label, links.get(obs.id, "#"), obs.quote, marker)
            line.points.append(point)
        lines.append(line)
    x_ticks = [Tick(xs[label], label) for label in _spaced(labels, xs)]
    y_ticks = [Tick(y(v), compact(v)) for v in _steps(low, high)]
    return Chart(title, unit, lines, x_ticks, y_ticks)


def _day(obs: MetricObservation) -> date:
    """A figure's place in time: its period's midpoint, else the day its article is dated."""
    article = obs.article
    reported = (article.published_at or article.fetched_at or obs.observed_at).date()
    return period_midpoint(obs.period) or reported


def _time_positions(days: Mapping[str, date]) -> dict[str, float]:
    """x of each label on a real time axis: equal gaps in the chart are equal spans of time."""
    if not days:
        return {}
    first, last = min(days.values()), max(days.values())
    width = WIDTH - LEFT - RIGHT - 24
    if first == last:
        return {label: LEFT + 12 + width / 2 for label in days}
    span = (last - first).days
    return {label: LEFT + 12 + width * (day - first).days / span for label, day in days.items()}


def _bounds(values: Sequence[float]) -> tuple[float, float]:
    low, high = min(0.0, *values), max(0.0, *values)
    if high == low:
        high = low + 1
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step


def _nice_step(span: float) -> float:
    """A round step giving about four intervals over ``span``."""
    raw = span / 4
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _steps(low: float, high: float) -> list[float]:
    step = _nice_step(high - low)
    count = round((high - low) / step)
    return [low + step * i for i in range(count + 1)]


def _spaced(labels: list[str], xs: Mapping[str, float]) -> list[str]:
    """Labels in time order, each kept only if it clears the one kept before it (about 6.4
    pixels a character, half of each label on either side of its point, and a gap)."""
    kept: list[str] = []
    for label in labels:
        if not kept or xs[label] - xs[kept[-1]] >= 3.2 * (len(label) + len(kept[-1])) + 10:
            kept.append(label)
    return kept
