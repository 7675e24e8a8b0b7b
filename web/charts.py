"""Server-side line charts: one per metric and unit, one line per series, drawn as SVG."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from storage import MetricObservation

WIDTH, HEIGHT = 480, 240
LEFT, RIGHT, TOP, BOTTOM = 52, 14, 14, 36
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

    @property
    def path(self) -> str:
        """The SVG path through the series' points."""
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
    if obs.period:
        return obs.period
    article = obs.article
    return (article.published_at or article.fetched_at or obs.observed_at).date().isoformat()


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
    labels = sorted({x_label(obs) for rows in series.values() for obs in rows})
    values = [obs.value for rows in series.values() for obs in rows]
    low, high = _bounds(values)
    xs = {label: _x_position(i, len(labels)) for i, label in enumerate(labels)}

    def y(value: float) -> float:
        return TOP + (HEIGHT - BOTTOM - TOP) * (1 - (value - low) / (high - low))

    lines = []
    for index, (name, rows) in enumerate(sorted(series.items())):
        line = Line(name, COLOURS[index % len(COLOURS)])
        for obs in sorted(rows, key=lambda o: (x_label(o), o.observed_at, o.id)):
            marker = MARKERS.get(str(getattr(obs, "status", "") or ""), "actual")
            point = Point(xs[x_label(obs)], y(obs.value), f"{compact(obs.value)} {obs.unit}",
                          links.get(obs.id, "#"), obs.quote, marker)  # fmt: skip
            line.points.append(point)
        lines.append(line)
    x_ticks = [Tick(xs[label], label) for label in _thinned(labels)]
    y_ticks = [Tick(y(v), compact(v)) for v in _steps(low, high)]
    return Chart(title, unit, lines, x_ticks, y_ticks)


def _x_position(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT - 24
    return LEFT + 12 + (span / 2 if count == 1 else span * index / (count - 1))


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


def _thinned(labels: list[str], most: int = 8) -> list[str]:
    """At most ``most`` labels, evenly picked, the last always kept."""
    if len(labels) <= most:
        return labels
    every = math.ceil(len(labels) / most)
    picked = labels[::every]
    return picked if picked[-1] == labels[-1] else [*picked[:-1], labels[-1]]
