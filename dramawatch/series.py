"""Metric series: figures of one (metric, entity, region, unit, status, basis, kind,
granularity), one point per period.

The granularity is the length of the period a figure covers (year, half, quarter, month, a
range of N months, or a point: no period stated), so a half-year is never compared with a
year, nor a quarter with a half: each length is a series of its own.

The same figure reported by several copies of a story, or several stories, is one point with
its count of sources; a different figure for the same period is a revision of it: the point
takes the most recently reported figure and keeps the earlier ones. Points sit at their
period's midpoint (2024 -> 2024-07-02, 2025-Q1 -> 2025-02-14), so charts have a real time axis.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple, Protocol

from storage.periods import LENGTHS, YEAR, granularity, period_midpoint, period_span, timeless


class Figure(Protocol):
    """A stored metric observation, as far as series need it."""

    metric: str
    value: float
    unit: str
    period: str | None
    kind: str
    entity: str | None
    region: str | None
    status: str
    basis: str
    observed_at: datetime
    id: int


class SeriesKey(NamedTuple):
    """What a series holds: figures compared with each other and with nothing else."""

    metric: str
    entity: str | None
    region: str | None
    unit: str
    status: str
    basis: str
    kind: str
    granularity: str

    @classmethod
    def of(cls, figure: Figure) -> SeriesKey:
        """The series of ``figure``."""
        return cls(
            figure.metric,
            figure.entity,
            figure.region,
            figure.unit,
            figure.status,
            figure.basis,
            figure.kind,
            granularity(figure.period),
        )

    def name(self) -> str:
        """A short label: "reelshort, overseas, forecast, cumulative, change, half" (or
        "sector"); a yearly series names no granularity."""
        parts = [self.entity or "sector", self.region]
        parts += [self.status if self.status != "actual" else None]
        parts += [self.basis if self.basis != "period" else None]
        parts += ["change" if self.kind == "change" else None]
        parts += [self.granularity if self.granularity != YEAR else None]
        return ", ".join(part for part in parts if part)


@dataclass
class Point:
    """One period of a series: its latest figure, how many sources gave it, and revisions."""

    period: str | None
    when: date
    figures: list[Figure] = field(default_factory=list)  # every report of this period

    @property
    def latest(self) -> Figure:
        """The most recently reported figure: the point's value."""
        return max(self.figures, key=lambda f: (f.observed_at, f.id))

    @property
    def value(self) -> float:
        """The value of the latest figure."""
        return self.latest.value

    @property
    def sources(self) -> int:
        """How many reports gave the latest value."""
        return sum(1 for f in self.figures if _same(f.value, self.value))

    @property
    def revised_from(self) -> list[float]:
        """Other values reported for this period, oldest first (the latest value excluded)."""
        ordered = sorted(self.figures, key=lambda f: (f.observed_at, f.id))
        values: list[float] = []
        for figure in ordered:
            if not _same(figure.value, self.value) and figure.value not in values:
                values.append(figure.value)
        return values


@dataclass
class Series:
    """The points of one series, in time order."""

    key: SeriesKey
    points: list[Point]

    def timeless(self, point: Point) -> bool:
        """True for a forecast or target that states no period (see ``storage.periods``)."""
        return timeless(point.period, self.key.status)

    @property
    def timed(self) -> list[Point]:
        """The points that have a place on a time axis."""
        return [p for p in self.points if not self.timeless(p)]


def build_series(figures: Iterable[Figure]) -> list[Series]:
    """Group ``figures`` into series of points, each in time order; series sorted by key.

    A figure without a period joins a point of the same value (a copy of a dated report, or
    of an undated one); otherwise it is a point of its own on the day it was reported.
    """
    grouped: dict[SeriesKey, list[Point]] = {}
    undated: list[Figure] = []
    for figure in sorted(figures, key=lambda f: (f.observed_at, f.id)):
        if period_midpoint(figure.period) is None:
            undated.append(figure)
        else:
            _add(grouped.setdefault(SeriesKey.of(figure), []), figure)
    for figure in undated:
        _add_undated(grouped, figure)
    return [
        Series(key, sorted(points, key=lambda p: p.when))
        for key, points in sorted(grouped.items(), key=lambda item: _sort_key(item[0]))
    ]


def _add(points: list[Point], figure: Figure) -> None:
    """Add a dated figure to its period's point (2025-H1 and 2025-01/2025-06 are one period)."""
    span = period_span(figure.period)
    point = next((p for p in points if period_span(p.period) == span), None)
    if point is None:
        when = period_midpoint(figure.period) or figure.observed_at.date()
        point = Point(figure.period, when)
        points.append(point)
    point.figures.append(figure)


def _add_undated(grouped: dict[SeriesKey, list[Point]], figure: Figure) -> None:
    """Add an undated figure to a point of the same value in a series that differs at most
    by granularity (an undated copy of a dated report), else as a point of its own in its
    series of points."""
    key = SeriesKey.of(figure)
    siblings = [p for k, points in grouped.items() if k[:-1] == key[:-1] for p in points]
    point = next(
        (p for p in siblings if any(_same(f.value, figure.value) for f in p.figures)), None
    )
    if point is None:
        point = Point(None, figure.observed_at.date())
        grouped.setdefault(key, []).append(point)
    point.figures.append(figure)


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9)


def _sort_key(key: SeriesKey) -> tuple[Any, ...]:
    return (
        key.metric,
        key.kind,
        key.status,
        key.entity or "",
        key.region or "",
        key.unit,
        key.basis,
        _months(key.granularity),
    )


def _months(granularity: str) -> int:
    """Longest periods first: a year's series before the half's, a point's last."""
    lengths = {name: months for months, name in LENGTHS.items()}
    if granularity in lengths:
        return -lengths[granularity]
    return -int(granularity.split()[0]) if granularity[0].isdigit() else 0


def latest_two(series: Series) -> tuple[Point, Point | None]:
    """The latest point of a series and the one before it to compare it with (none for a
    forecast or target that states no period, nor any such point as the one before)."""
    latest = series.points[-1]
    if series.timeless(latest):
        return latest, None
    timed: Sequence[Point] = series.timed
    return latest, (timed[-2] if len(timed) > 1 else None)
