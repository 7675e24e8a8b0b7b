"""Metric-change alerts find a period's earlier figures in the store however it was written."""

from __future__ import annotations

from config import Config
from crawler.sources import register_sources
from storage import Store
from tests.support.alert_servers import MARKET, alert_config, deliveries, ingest

HOOK = {"name": "hook", "kind": "webhook", "url": "http://127.0.0.1:9/hook"}
RULE = {
    "name": "moves",
    "kind": "metric_change",
    "metric": "market_value",
    "min_change_pct": 5,
    "channels": ["hook"],
}
REPORT = "A new industry report says the micro-drama market size reached {} billion yuan {}."


def _config(store: Store) -> Config:
    config = alert_config(store.url, rules=[RULE], channels=[HOOK], metrics=[MARKET])
    register_sources(store, config.sources)
    return config


def _comparisons(store: Store) -> list[tuple[str, float, float]]:
    metrics = [row["payload"]["metric"] for row in deliveries(store)]
    return sorted((m["comparison"], m["previous_value"], m["value"]) for m in metrics)


def test_a_half_written_as_a_month_range_revises_the_stored_half(store: Store) -> None:
    config = _config(store)
    ingest(config, "https://a.example/h2", "H2", REPORT.format(18, "in the second half of 2024"))
    ingest(config, "https://b.example/h1", "H1", REPORT.format(20, "in the first half of 2025"))
    ingest(config, "https://c.example/range", "Jan-Jun", REPORT.format(23, "in January-June 2025"))
    assert _comparisons(store) == [("new_period", 18e9, 20e9), ("revised", 20e9, 23e9)]


def test_a_month_range_half_is_compared_with_the_half_before_it(store: Store) -> None:
    config = _config(store)
    ingest(config, "https://a.example/h2", "H2", REPORT.format(18, "in the second half of 2024"))
    ingest(config, "https://c.example/range", "Jan-Jun", REPORT.format(21, "in January-June 2025"))
    assert _comparisons(store) == [("new_period", 18e9, 21e9)]
