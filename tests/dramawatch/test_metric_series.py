"""Series of metric figures: one point per period, sources counted, revisions kept; charts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dramawatch.charts import human_number, terminal_chart, tick_label, write_png
from dramawatch.series import SeriesKey, build_series, latest_two
from storage.periods import period_midpoint, period_span, spellings, year_after


@dataclass
class Fig:
    """A stand-in for a stored observation."""

    id: int
    value: float
    period: str | None
    metric: str = "market_value"
    unit: str = "CNY"
    kind: str = "level"
    entity: str | None = None
    region: str | None = "cn"
    status: str = "actual"
    basis: str = "period"
    observed_at: datetime = datetime(2025, 1, 1, tzinfo=UTC)


def _at(day: int) -> datetime:
    return datetime(2025, 1, day, tzinfo=UTC)


@pytest.mark.parametrize(
    ("period", "span"),
    [
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2024-12", (date(2024, 12, 1), date(2024, 12, 31))),
        ("2025-Q1", (date(2025, 1, 1), date(2025, 3, 31))),
        ("2025-H2", (date(2025, 7, 1), date(2025, 12, 31))),
        ("2025-01/2025-08", (date(2025, 1, 1), date(2025, 8, 31))),
        ("soon", None),
        (None, None),
    ],
)
def test_period_spans(period: str | None, span: tuple[date, date] | None) -> None:
    assert period_span(period) == span


def test_points_sit_at_period_midpoints() -> None:
    assert period_midpoint("2024") == date(2024, 7, 1)
    assert period_midpoint("2025-Q1") == date(2025, 2, 14)


def test_one_series_per_entity_region_status_basis_unit_and_kind() -> None:
    figures = [
        Fig(1, 6.62e8, "2024", metric="users", unit="count"),
        Fig(2, 1e8, "2025", metric="users", unit="count", entity="hongguo", region=None),
        Fig(3, 7e8, "2025", metric="users", unit="count", status="forecast"),
        Fig(4, 2.3e9, "2025-03", metric="users", unit="count", basis="cumulative"),
        Fig(5, 6.9e9, "2024", metric="users", unit="USD"),
        Fig(6, 7.0, "2024", metric="users", unit="percent", kind="change"),
    ]
    keys = [one.key for one in build_series(figures)]
    assert len(keys) == 6
    assert SeriesKey("users", "hongguo", None, "count", "actual", "period", "level", "year") in keys


def test_periods_of_different_lengths_are_series_of_their_own() -> None:
    figures = [
        Fig(1, 5.044e10, "2024", observed_at=_at(2)),
        Fig(2, 2.8e10, "2025-H1", observed_at=_at(3)),
        Fig(3, 1.2e10, "2025-Q1", observed_at=_at(4)),
        Fig(4, 1.5e10, "2025-Q2", observed_at=_at(5)),
        Fig(5, 2.1e10, "2025-01/2025-06", observed_at=_at(6)),  # the first half, as a range
        Fig(6, 3.9e10, "2025-01/2025-09", observed_at=_at(7)),
        Fig(7, 5.044e10, None, observed_at=_at(8)),  # an undated copy of the 2024 figure
        Fig(8, 6e10, None, observed_at=_at(9)),  # "now worth": a point in time
    ]
    by_length = {one.key.granularity: one for one in build_series(figures)}
    assert list(by_length) == ["year", "9 months", "half", "quarter", "point"]
    (half,) = by_length["half"].points  # one period, written two ways: a revision
    assert (half.period, half.value, half.revised_from) == ("2025-H1", 2.1e10, [2.8e10])
    assert latest_two(by_length["quarter"])[1].period == "2025-Q1"  # type: ignore[union-attr]
    assert latest_two(by_length["year"])[1] is None and by_length["year"].points[0].sources == 2
    assert by_length["half"].key.name() == "sector, cn, half"


def test_syndicated_copies_are_one_point_and_a_new_figure_a_revision() -> None:
    figures = [
        Fig(1, 5.044e10, "2024", observed_at=_at(2)),
        Fig(2, 5.044e10, "2024", observed_at=_at(3)),  # a syndicated copy
        Fig(3, 3.739e10, "2023", observed_at=_at(1)),
        Fig(4, 5.05e10, "2024", observed_at=_at(9)),  # revised later
        Fig(5, 5.05e10, "2024", observed_at=_at(10)),
    ]
    (series,) = build_series(figures)
    assert [p.period for p in series.points] == ["2023", "2024"]
    latest = series.points[-1]
    assert (latest.value, latest.sources, latest.revised_from) == (5.05e10, 2, [5.044e10])


def test_figures_without_a_period_are_placed_on_their_report_date() -> None:
    (series,) = build_series([Fig(1, 3e7, None, observed_at=_at(5))])
    assert series.points[0].when == date(2025, 1, 5)


@pytest.mark.parametrize(
    ("value", "unit", "label"),
    [
        (5.04e10, "CNY", "50.4 bn"),
        (1.33e6, "count", "1.33 m"),
        (34.9, "percent", "34.9%"),
        (18.4, "percentage_points", "18.4 pp"),
        (0, "CNY", "0"),
    ],
)
def test_ticks_are_readable(value: float, unit: str, label: str) -> None:
    assert tick_label(value, unit) == label


def test_human_number() -> None:
    assert human_number(67_790_000_000.0) == "67.79 bn"


def _mixed() -> list[Fig]:
    return [
        Fig(1, 3.68e9, "2021"),
        Fig(2, 5.044e10, "2024"),
        Fig(3, 6.779e10, "2025", status="forecast"),
        Fig(4, 1.5e10, "2027", status="target", region="shanghai"),
        Fig(5, 6.9e9, "2024", unit="USD"),
    ]


def test_terminal_chart_has_one_panel_per_unit_and_readable_ticks() -> None:
    chart = terminal_chart(build_series(_mixed()), "Market size")
    assert "Market size (CNY)" in chart and "Market size (USD)" in chart
    assert "bn" in chart and "e+" not in chart and "67790000000" not in chart
    assert "shanghai, target" in chart and "\x1b[" not in chart
    assert "2024-07-01" in chart or "2024" in chart


def test_png_chart_is_written(tmp_path: Path) -> None:
    path = tmp_path / "market.png"
    write_png(build_series(_mixed()), "Market size", path)
    assert path.read_bytes().startswith(b"\x89PNG")


def _undated_target() -> list[Fig]:
    # "力争到2027年…150亿元", then a plan that states no year ("力争…达到300亿元").
    return [
        Fig(1, 1.5e10, "2027", status="target", region="shanghai", observed_at=_at(3)),
        Fig(2, 3e10, None, status="target", region="shanghai", observed_at=_at(9)),
    ]


def test_a_target_without_a_period_is_not_placed_in_time_nor_compared() -> None:
    dated, plan = build_series(_undated_target())  # a year's series, then a point's
    assert [p.period for p in dated.timed] == ["2027"] and plan.key.granularity == "point"
    assert plan.timeless(plan.points[0]) and not plan.timed
    assert latest_two(dated)[1] is None and latest_two(plan)[1] is None
    actual = build_series([Fig(1, 3e7, None, observed_at=_at(5))])[0]
    assert not actual.timeless(actual.points[0])


def test_charts_draw_a_target_without_a_period_as_a_level(tmp_path: Path) -> None:
    chart = terminal_chart(build_series(_undated_target()), "Market size")
    assert "no date" in chart and "2025-01-09" not in chart
    path = tmp_path / "target.png"
    write_png(build_series([*_mixed(), *_undated_target()]), "Market size", path)
    assert path.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("period", "forms"),
    [
        ("2025-H1", ["2025-01/2025-06", "2025-H1"]),
        ("2025-07/2025-12", ["2025-07/2025-12", "2025-H2"]),
        ("2025-Q3", ["2025-07/2025-09", "2025-Q3"]),
        ("2025-01/2025-12", ["2025", "2025-01/2025-12"]),
        ("2025-02/2025-07", ["2025-02/2025-07"]),
        ("FY2025", ["FY2025"]),
    ],
)
def test_a_period_is_looked_up_under_every_way_it_is_stored(period: str, forms: list[str]) -> None:
    assert spellings(period) == forms
    assert year_after(period) == ("2026" if period[0].isdigit() else period)
