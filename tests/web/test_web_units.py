"""Units of the web app: diffs, charts, cursors, date parameters, feeds."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import feedparser
import pytest

from web.charts import _bounds, build_chart, compact
from web.diff import side_by_side
from web.feedformat import Entry, FeedInfo, atom
from web.metrics_view import metric_charts
from web.params import BadParameter, decode_cursor, encode_cursor, parse_day
from web.render import safe_href


def test_side_by_side_marks_changed_words_and_keeps_context() -> None:
    old = "第一段。\n市场规模504.4亿元，同比增长34.90%。\n尾段。"
    new = "第一段。\n市场规模677.9亿元，同比增长34.39%。\n尾段。\n新增一段。"
    rows = side_by_side(old, new)
    kinds = [row.kind for row in rows]
    assert kinds == ["equal", "replace", "equal", "insert"]
    changed = "".join(p.text for p in rows[1].new if p.changed)
    assert "677" in changed and "市场" not in changed


def test_compact_numbers_and_round_bounds() -> None:
    assert compact(1_330_000) == "1.33M" and compact(50_440_000_000) == "50.4B"
    assert compact(12.5) == "12.5"
    assert _bounds([3.0, 97.0]) == (0, 100)


def test_cursors_round_trip_and_refuse_garbage() -> None:
    key = (datetime(2025, 3, 1, tzinfo=UTC), 42)
    assert decode_cursor(encode_cursor(key), (datetime, int)) == key
    for bad in ("garbage", encode_cursor((1, 2)), encode_cursor(("x",))):
        with pytest.raises(BadParameter, match="cursor"):
            decode_cursor(bad, (datetime, int))


def test_dates_are_days() -> None:
    assert parse_day("since", "2025-03-01") == datetime(2025, 3, 1, tzinfo=UTC)
    assert parse_day("until", "2025-03-01", end=True) == datetime(2025, 3, 2, tzinfo=UTC)
    with pytest.raises(BadParameter, match="until: 'soon'"):
        parse_day("until", "soon")


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://a.example/x", True),
        ("javascript:alert(1)", False),
        (" JavaScript:x", False),
        ("data:text/html,x", False),
        ("//evil.example", False),
        ("http://[bad", False),
    ],
)
def test_only_http_links_are_linked(url: str, kept: bool) -> None:
    assert (safe_href(url) is not None) is kept


def test_atom_survives_control_characters() -> None:
    when = datetime(2025, 1, 2, tzinfo=UTC)
    entry = Entry(
        "tag:x,2025:story/1",
        "a\x00b\r\nc <b>",
        "https://a.example/",
        when,
        None,
        "text \x1b end",
        "src",
    )
    parsed = feedparser.parse(
        atom(FeedInfo("tag:x,2025:f", "t", "http://h/f", "http://h/"), [entry])
    )
    assert not parsed.bozo
    assert parsed.entries[0].title == "ab c <b>"


def test_forecasts_and_targets_are_marked_on_the_chart() -> None:
    article = SimpleNamespace(published_at=None, fetched_at=datetime(2025, 1, 1, tzinfo=UTC))

    def figure(id_: int, period: str, value: float, status: str) -> Any:
        return SimpleNamespace(
            id=id_,
            period=period,
            value=value,
            unit="CNY",
            status=status,
            quote=f"q{id_}",
            article=article,
            observed_at=article.fetched_at,
        )

    series = {
        "all": [
            figure(1, "2024", 5e10, "actual"),
            figure(2, "2025", 6e10, "forecast"),
            figure(3, "2030", 1e11, "target"),
        ]
    }
    chart = build_chart("market_value", "CNY", series, {1: "/stories/1#figure-1"})
    points = chart.lines[0].points
    assert [p.marker for p in points] == ["actual", "forecast", "target"]
    assert [t.label for t in chart.x_ticks] == ["2024", "2025", "2030"]
    assert points[0].href == "/stories/1#figure-1" and points[1].href == "#"
    assert points[2].y < points[1].y < points[0].y  # larger values sit higher
    # A real time axis: 2025 -> 2030 spans five times the width of 2024 -> 2025.
    assert points[2].x - points[1].x == pytest.approx(5 * (points[1].x - points[0].x), rel=0.01)


def test_a_half_year_is_a_line_apart_from_the_years() -> None:
    article = SimpleNamespace(published_at=None, fetched_at=datetime(2025, 9, 1, tzinfo=UTC))
    figures = [("2023", 3e10), ("2024", 5.04e10), ("2025-H1", 1.9e10)]
    rows = [
        SimpleNamespace(metric="market_value", unit="CNY", period=period, value=value, id=i,
                        entity=None, region="cn", status="actual", basis="period", kind="level",
                        quote="q", article=article, observed_at=article.fetched_at, story_id=i)
        for i, (period, value) in enumerate(figures)
    ]  # fmt: skip
    (chart,) = metric_charts(rows)  # type: ignore[arg-type]
    lines = {line.name: len(line.points) for line in chart.chart.lines}
    assert lines == {"cn": 2, "cn · half": 1}


def test_undated_reports_are_not_joined_and_an_undated_target_is_a_level() -> None:
    article = SimpleNamespace(published_at=None, fetched_at=datetime(2025, 3, 1, tzinfo=UTC))

    def figure(id_: int, period: str | None, value: float, status: str = "actual") -> Any:
        fields = {"id": id_, "period": period, "value": value, "unit": "CNY", "status": status}
        return SimpleNamespace(**fields, quote="q", article=article, observed_at=article.fetched_at)

    series = {
        "years": [figure(1, "2023", 3e10), figure(2, "2024", 5e10)],
        "undated": [figure(3, None, 6.8e10), figure(4, None, 5e10)],
        "target": [figure(5, None, 1.5e10, "target")],
    }
    chart = build_chart("market_value", "CNY", series, {})
    lines = {line.name: line for line in chart.lines}
    assert lines["years"].path.startswith("M") and lines["undated"].path == ""
    assert lines["target"].level and lines["target"].path.count("H") == 1
    assert "no date stated" in lines["target"].points[0].label
    assert [t.label for t in chart.x_ticks] == ["2023", "2024", "2025-03-01"]
