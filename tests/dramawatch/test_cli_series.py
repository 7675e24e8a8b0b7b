"""`dramawatch metrics` and `search --entity` over series: no row compares two series."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from config import load_config
from crawler.analysis import analyse_text
from dramawatch.cli import cli
from storage import ArticleRecord, Store

# The confusions of the bundled demo: Hongguo's users beside the sector's, a company's revenue
# beside the market, a cumulative total beside a year, a target and a forecast beside actuals,
# the same figure in a syndicated copy, and a revised figure.
ARTICLES = [
    (
        "https://a.example/1",
        "2025-03-01",
        "2024年我国微短剧用户规模达6.62亿人。红果短剧月活跃用户达1.73亿。",
    ),
    (
        "https://b.example/2",
        "2025-04-01",
        "2023年我国微短剧市场规模为373.9亿元。预计2025年中国微短剧市场规模将达到677.9亿元。",
    ),
    ("https://c.example/3", "2025-05-01", "2024年我国微短剧市场规模为504.4亿元，同比增长34.9%。"),
    ("https://d.example/4", "2025-06-25", "到2027年，上海市微短剧年度产业规模达到150亿元。"),
    ("https://e.example/5", "2025-06-26", "2024年我国微短剧市场规模为504.4亿元。Syndicated copy."),
    (
        "https://f.example/6",
        "2025-07-01",
        "Revised: 2024年我国微短剧市场规模为505亿元。"
        "ReelShort has 55 million monthly active users.",
    ),
    (
        "https://g.example/7",
        "2025-07-02",
        "Short drama apps made $1.5 billion in in-app revenue in 2024, bringing cumulative"
        " in-app revenue to $2.3 billion.",
    ),
]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    config_path = tmp_path / "dramawatch.yaml"
    config_path.write_text(f"database: sqlite:///{tmp_path / 'series.db'}\n", encoding="utf-8")
    config = load_config(config_path)
    store = Store(config.database)
    store.migrate()
    for url, day, text in ARTICLES:
        _store(store, config, url, datetime.fromisoformat(day).replace(tzinfo=UTC), text)
    store.dispose()
    return config_path


def _store(store: Store, config: Any, url: str, day: datetime, text: str) -> None:
    analysis = analyse_text(text, config.metrics, day, config.entities)
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("news", "rss", "https://news.example/feed", "media")
        record = ArticleRecord(
            url=url,
            source="news",
            category="media",
            title=text[:20],
            published_at=day,
            language="zh",
            text=text,
            content_hash=url,
            fetched_at=day,
        )
        result = tx.articles.ingest(record, source, lambda _a, _b: False)
        assert result.story_id is not None
        tx.mentions.replace(result.article_id, analysis.mentions)
        figures = [o.__dict__ | {"observed_at": day} for o in analysis.observations]
        tx.metrics.add_all(result.story_id, result.article_id, figures)
        tx.commit()


def _json(archive: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--config", str(archive), *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _series(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["metric"], row["entity"], row["region"], row["unit"], row["status"], row["basis"])


def test_summary_has_one_row_per_series_and_compares_inside_it(archive: Path) -> None:
    rows = _json(archive, "metrics")
    by_series = {(*_series(row), row["kind"]): row for row in rows}
    assert len(by_series) == len(rows)
    users = by_series[("users", None, "cn", "count", "actual", "period", "level")]
    assert users["previous"] is None  # Hongguo's MAU is not the sector's previous figure
    market = by_series[("market_value", None, "cn", "CNY", "actual", "period", "level")]
    assert (market["period"], market["value"], market["previous_period"]) == (
        "2024",
        5.05e10,
        "2023",
    )
    assert market["sources"] == 1 and market["revised_from"] == [5.044e10]
    assert ("market_value", None, "cn", "CNY", "forecast", "period", "level") in by_series
    assert ("market_value", None, "shanghai", "CNY", "target", "period", "level") in by_series
    assert ("market_value", None, "cn", "percent", "actual", "period", "change") in by_series
    assert ("mau", "hongguo", None, "count", "actual", "period", "level") in by_series
    assert ("app_revenue", None, None, "USD", "actual", "cumulative", "level") in by_series


def test_history_counts_syndicated_copies_and_filters(archive: Path) -> None:
    rows = _json(archive, "metrics", "market_value", "--status", "actual", "--region", "cn")
    levels = [row for row in rows if row["kind"] == "level"]
    assert [(row["period"], row["value"]) for row in levels] == [
        ("2023", 3.739e10),
        ("2024", 5.05e10),
    ]
    forecast = _json(archive, "metrics", "market_value", "--status", "forecast")
    assert [(row["period"], row["status"]) for row in forecast] == [("2025", "forecast")]
    shanghai = _json(archive, "metrics", "market_value", "--region", "shanghai")
    assert [(row["period"], row["status"]) for row in shanghai] == [("2027", "target")]
    reelshort = _json(archive, "metrics", "mau", "--entity", "reelshort")
    assert [row["value"] for row in reelshort] == [5.5e7]
    sector = _json(archive, "metrics", "users", "--entity", "none")
    assert [row["entity"] for row in sector] == [None]


def test_growth_figures_are_a_series_of_their_own(archive: Path) -> None:
    rows = _json(archive, "metrics", "market_value", "--status", "actual")
    growth = [row for row in rows if row["kind"] == "change"]
    assert [(row["value"], row["unit"]) for row in growth] == [(34.9, "percent")]


def test_copies_and_a_revision_of_one_period_are_one_point(archive: Path) -> None:
    rows = _json(archive, "metrics", "market_value", "--region", "cn", "--status", "actual")
    (point,) = [row for row in rows if row["period"] == "2024" and row["kind"] == "level"]
    assert point["value"] == 5.05e10 and point["revised_from"] == [5.044e10]


def test_chart_of_several_series_and_units(archive: Path, tmp_path: Path) -> None:
    png = tmp_path / "market.png"
    args = ["--config", str(archive), "metrics", "market_value", "--plot", "--png", str(png)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "(CNY)" in result.output and "(percent, change)" in result.output
    assert "shanghai, target" in result.output and "e+" not in result.output
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_search_by_entity(archive: Path) -> None:
    rows = _json(archive, "search", "--entity", "hongguo")
    assert [row["url"] for row in rows] == ["https://a.example/1"]
    bad = CliRunner().invoke(cli, ["--config", str(archive), "search", "--entity", "nobody"])
    assert bad.exit_code == 2 and "not in the entity catalogue" in bad.output


def test_a_user_defined_growth_metric_is_shown(tmp_path: Path) -> None:
    config_path = tmp_path / "growth.yaml"
    config_path.write_text(
        f"database: sqlite:///{tmp_path / 'growth.db'}\n"
        "metrics:\n"
        "  - {key: market_growth, label: Market growth, unit: percent, terms: [同比增长]}\n",
        encoding="utf-8",
    )
    config = load_config(config_path)
    store = Store(config.database)
    store.migrate()
    day = datetime(2025, 3, 1, tzinfo=UTC)
    _store(
        store,
        config,
        "https://a.example/g",
        day,
        "2024年我国微短剧市场规模504.4亿元，同比增长34.9%。",
    )
    store.dispose()
    rows = _json(config_path, "metrics", "market_growth")
    assert [(row["value"], row["unit"], row["kind"]) for row in rows] == [
        (34.9, "percent", "change")
    ]
    summary = _json(config_path, "metrics")
    assert [row["metric"] for row in summary] == ["market_growth"]


def test_filters_that_match_nothing_say_so(archive: Path) -> None:
    args = [
        "--config",
        str(archive),
        "metrics",
        "mau",
        "--entity",
        "dramabox",
        "--status",
        "target",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "no observations of 'mau' for entity 'dramabox', status target" in result.output


def test_a_half_year_is_never_compared_with_a_full_year(tmp_path: Path) -> None:
    config_path = tmp_path / "halves.yaml"
    config_path.write_text(f"database: sqlite:///{tmp_path / 'halves.db'}\n", encoding="utf-8")
    config = load_config(config_path)
    store = Store(config.database)
    store.migrate()
    for url, day, text in [
        ("https://h.example/1", "2025-02-01", "2024年红果短剧营收达到100亿元。"),
        ("https://h.example/2", "2025-08-01", "2025年上半年红果短剧营收达到60亿元。"),
    ]:
        _store(store, config, url, datetime.fromisoformat(day).replace(tzinfo=UTC), text)
    store.dispose()
    rows = [row for row in _json(config_path, "metrics") if row["entity"] == "hongguo"]
    assert sorted((row["period"], row["granularity"]) for row in rows) == [
        ("2024", "year"),
        ("2025-H1", "half"),
    ]
    assert all(row["previous"] is None and row["change_pct"] is None for row in rows)
    history = _json(config_path, "metrics", rows[0]["metric"], "--entity", "hongguo")
    assert [row["series"] for row in history] == ["hongguo", "hongguo, half"]
