"""``dramawatch alerts`` (list, retry, dispatch) and ``dramawatch rules test``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from config import Config
from crawler.sources import register_sources
from storage import Store
from tests.support.alert_servers import (
    MARKET,
    HookReceiver,
    alert_config,
    alerts_cli,
    deliveries,
    ingest,
    write_config,
)

NOTICE = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "nrta_notice.html"
ALERT_KEYS = {"id", "rule", "kind", "article_url", "story_id", "channel", "status", "created_at"}
RULES = [
    {
        "name": "regulation",
        "kind": "keyword",
        "any": ["regulation", "监管", "审核"],
        "channels": ["hook"],
    },
    {"name": "sports", "kind": "keyword", "any": ["marathon"], "channels": ["hook"]},
    {"name": "moves", "kind": "metric_change", "min_change_pct": 5, "channels": ["hook"]},
    {"name": "health", "kind": "source_health", "failures": 3, "channels": ["hook"]},
]
TEXT = "NRTA announced a new regulation for micro-dramas; the market size reached {} in 2024."


@pytest.fixture
def receiver() -> Iterator[HookReceiver]:
    """A receiver that fails the first request, then accepts everything."""
    server = HookReceiver([404])
    yield server
    server.close()


@pytest.fixture
def setup(store: Store, receiver: HookReceiver, tmp_path: Path) -> tuple[Config, Path]:
    """A config file, one stored regulation article and its pending alert."""
    hook = {"name": "hook", "kind": "webhook", "url": receiver.url, "timeout": 2}
    config = alert_config(store.url, rules=RULES, channels=[hook], metrics=[MARKET])
    register_sources(store, config.sources)
    ingest(config, "https://nrta.example/reg", "New regulation", TEXT.format("50 billion yuan"))
    return config, write_config(tmp_path / "dramawatch.yaml", config)


def _run(path: Path, *args: str) -> Result:
    return CliRunner().invoke(alerts_cli(), ["--config", str(path), *args])


def _json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_alerts_lists_contract_json(setup: tuple[Config, Path], store: Store) -> None:
    (row,) = _json(_run(setup[1], "alerts", "--format", "json"))
    assert set(row) >= ALERT_KEYS
    assert row["rule"] == "regulation" and row["kind"] == "keyword"
    assert row["article_url"] == "https://nrta.example/reg" and row["status"] == "pending"
    assert row["id"] == deliveries(store)[0]["id"] and row["channel"] == "hook"
    assert _json(_run(setup[1], "alerts", "--status", "delivered", "--format", "json")) == []
    table = _run(setup[1], "alerts")
    assert table.exit_code == 0 and "regulation" in table.output


def test_dispatch_then_retry_failed(setup: tuple[Config, Path], receiver: HookReceiver) -> None:
    path = setup[1]
    dispatched = _run(path, "alerts", "dispatch")
    assert dispatched.exit_code == 0 and "failed 1" in dispatched.output
    (failed,) = _json(_run(path, "alerts", "--status", "failed", "--format", "json"))
    assert failed["last_status_code"] == 404 and failed["attempts"] == 1
    retried = _run(path, "alerts", "retry", "--failed")
    assert retried.exit_code == 0, retried.output
    assert "1 deliveries pending again" in retried.output and "delivered 1" in retried.output
    (row,) = _json(_run(path, "alerts", "--format", "json"))
    assert (row["status"], row["attempts"]) == ("delivered", 2)
    ids = {r.headers["x-dramawatch-delivery"] for r in receiver.requests}
    assert ids == {row["id"]}


def test_retry_needs_known_ids(setup: tuple[Config, Path]) -> None:
    assert _run(setup[1], "alerts", "retry").exit_code == 2
    unknown = _run(setup[1], "alerts", "retry", "nope")
    assert unknown.exit_code == 2 and "no delivery or alert 'nope'" in unknown.output
    by_alert = _run(setup[1], "alerts", "retry", "1")
    assert by_alert.exit_code == 0 and "1 deliveries pending again" in by_alert.output


def _verdicts(result: Result) -> dict[str, dict[str, Any]]:
    return {row["rule"]: row for row in _json(result)}


def test_rules_test_on_a_stored_article_writes_nothing(
    setup: tuple[Config, Path], store: Store
) -> None:
    config, path = setup
    ingest(config, "https://nrta.example/up", "Update", TEXT.format("60 billion yuan") + " More.")
    before = deliveries(store)
    verdicts = _verdicts(_run(path, "rules", "test", "2", "--format", "json"))
    # As the crawl decided: story 1's first copy raised the keyword alert, the figure moved.
    assert not verdicts["regulation"]["fires"]
    assert verdicts["regulation"]["reason"] == "an earlier copy of this story raised it already"
    assert not verdicts["sports"]["fires"]
    assert verdicts["moves"]["fires"] and verdicts["moves"]["details"]["change_pct"] == 20
    assert verdicts["moves"]["about"] == "market_value 60,000,000,000 CNY (2024)"
    assert verdicts["moves"]["already_alerted"]
    assert not verdicts["health"]["fires"]
    assert deliveries(store) == before
    by_url = _verdicts(_run(path, "rules", "test", "https://nrta.example/reg", "--format", "json"))
    assert by_url["regulation"]["fires"] and by_url["regulation"]["already_alerted"]
    assert by_url["regulation"]["details"]["matched"] == ["regulation"]
    assert not by_url["moves"]["fires"]


def test_rules_test_on_a_local_html_file(setup: tuple[Config, Path]) -> None:
    verdicts = _verdicts(_run(setup[1], "rules", "test", str(NOTICE), "--format", "json"))
    assert verdicts["regulation"]["fires"] is True
    assert verdicts["regulation"]["details"]["matched"] == ["审核"]
    assert verdicts["regulation"]["already_alerted"] is False
    table = _run(setup[1], "rules", "test", str(NOTICE), "--source", "nrta")
    assert table.exit_code == 0 and "matched 审核" in table.output


@pytest.mark.parametrize("target", ["999", "https://nowhere.example/x", "missing.html"])
def test_rules_test_unknown_targets(setup: tuple[Config, Path], target: str) -> None:
    result = _run(setup[1], "rules", "test", target)
    assert result.exit_code == 2 and "TARGET" in result.output


def test_short_ids_are_shown_and_accepted(setup: tuple[Config, Path], store: Store) -> None:
    (full,) = [row["id"] for row in deliveries(store)]
    table = _run(setup[1], "alerts")
    assert f" {full[:8]} " in table.output and full not in table.output
    retried = _run(setup[1], "alerts", "retry", full[:8])
    assert retried.exit_code == 0 and "1 deliveries pending again" in retried.output
    assert _run(setup[1], "alerts", "retry", full.upper()).exit_code == 0


def test_retrying_a_delivered_alert_says_why_nothing_happened(setup: tuple[Config, Path]) -> None:
    path = setup[1]
    _run(path, "alerts", "dispatch")
    _run(path, "alerts", "retry", "--failed")  # the receiver's one 404, then delivered
    (row,) = _json(_run(path, "alerts", "--format", "json"))
    assert row["status"] == "delivered"
    again = _run(path, "alerts", "retry", row["id"][:8])
    assert again.exit_code == 0, again.output
    assert f"{row['id'][:8]} (regulation to hook) was delivered at" in again.output
    assert "nothing to retry" in again.output and "0 deliveries pending again" in again.output


def test_rules_test_judges_a_revision_against_the_figures_stored_before_it(
    setup: tuple[Config, Path], store: Store
) -> None:
    config, path = setup
    revised = (
        TEXT.format("50 billion yuan")
        + " Revised: the market size reached 70 billion yuan in 2025."
    )
    ingest(config, "https://nrta.example/reg", "New regulation", revised)
    rows = _json(_run(path, "rules", "test", "1", "--format", "json"))
    moves = {row["about"]: row for row in rows if row["rule"] == "moves"}
    assert set(moves) == {
        "market_value 50,000,000,000 CNY (2024)",
        "market_value 70,000,000,000 CNY (2025)",
    }
    assert not moves["market_value 50,000,000,000 CNY (2024)"]["fires"]
    later = moves["market_value 70,000,000,000 CNY (2025)"]
    assert later["fires"] and later["details"]["change_pct"] == 40
    assert later["already_alerted"]
    table = _run(path, "rules", "test", "1").output
    assert "market_value 70,000,000,000 CNY" in table and "revision 2" in table
