"""Rules in the store pipeline: alerts and deliveries written with the article, once per story."""

from __future__ import annotations

import importlib
import threading
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from alerts import alert_on_sources, record_alerts
from alerts.outbox import digest_boundary
from alerts.records import AlertDraft
from config import Config
from crawler.sources import register_sources
from storage import RunStats, Store
from tests.support.alert_servers import MARKET, T0, alert_config, deliveries, ingest

STORY = (
    Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "nrta-notice-tiered-review.yaml"
)
HOOK = {"name": "hook", "kind": "webhook", "url": "http://127.0.0.1:9/hook"}
MAIL = {
    "name": "mail",
    "kind": "email",
    "to": ["a@example.com"],
    "from": "dw@example.com",
    "smtp": {"host": "127.0.0.1", "port": 9},
}


MOVES = {
    "name": "moves",
    "kind": "metric_change",
    "metric": "market_value",
    "min_change_pct": 5,
    "channels": ["hook"],
}


def _config(store: Store, *rules: dict[str, Any], **sections: Any) -> Config:
    sections.setdefault("channels", [HOOK, MAIL])
    config = alert_config(store.url, rules=list(rules), **sections)
    register_sources(store, config.sources)
    return config


def _keyword(*terms: str, channels: tuple[str, ...] = ("hook",)) -> dict[str, Any]:
    return {"name": "regulation", "kind": "keyword", "any": list(terms), "channels": channels}


def test_three_syndicated_copies_raise_one_alert_with_one_delivery_per_channel(
    store: Store,
) -> None:
    config = _config(store, _keyword("分类分层", "NRTA", channels=("hook", "mail")))
    copies = yaml.safe_load(STORY.read_text(encoding="utf-8"))["articles"][:3]
    items = [
        ingest(config, f"https://site{i}.example/a", c["title"], c["text"], language="zh")
        for i, c in enumerate(copies)
    ]
    assert [item.status for item in items] == ["new", "new", "new"]
    assert len({item.story_id for item in items}) == 1
    rows = deliveries(store)
    assert sorted(row["channel"] for row in rows) == ["hook", "mail"]
    assert {row["key"] for row in rows} == {f"keyword:regulation:{items[0].story_id}"}
    assert all(row["status"] == "pending" and row["attempts"] == 0 for row in rows)
    assert all(uuid.UUID(row["id"]).version == 4 for row in rows)
    assert rows[0]["payload"]["matched"] == ["分类分层"]


def test_unchanged_reingest_raises_nothing_new(store: Store) -> None:
    config = _config(store, _keyword("regulation"))
    text = "NRTA announced a new regulation for micro-dramas on streaming platforms today."
    first = ingest(config, "https://nrta.example/1", "Regulation", text)
    again = ingest(config, "https://nrta.example/1", "Regulation", text)
    assert (first.status, again.status) == ("new", "unchanged")
    assert len(deliveries(store)) == 1


def test_revision_that_newly_matches_alerts_once(store: Store) -> None:
    config = _config(store, _keyword("ban"))
    base = "The platform published its quarterly content report for vertical dramas."
    ingest(config, "https://nrta.example/2", "Report", base)
    assert deliveries(store) == []
    revised = ingest(config, "https://nrta.example/2", "Report", base + " It adds a ban.")
    assert revised.status == "revision"
    rows = deliveries(store)
    assert len(rows) == 1 and rows[0]["payload"]["revision"] is True
    ingest(config, "https://nrta.example/2", "Report", base + " It adds a ban, again.")
    assert len(deliveries(store)) == 1


def test_metric_change_new_period_and_revised_figure(store: Store) -> None:
    config = _config(store, MOVES, metrics=[MARKET])
    text = "Analysts said the micro-drama market size reached 37.39 billion yuan in 2023."
    ingest(config, "https://a.example/2023", "Market 2023", text)
    assert deliveries(store) == []  # the first figure has nothing to compare with
    report = "A new industry report says the micro-drama market size reached {} in 2024."
    ingest(config, "https://b.example/2024", "Market 2024", report.format("50.44 billion yuan"))
    ingest(config, "https://b.example/2024", "Market 2024", report.format("55.2 billion yuan"))
    metrics = [row["payload"]["metric"] for row in deliveries(store)]
    found = sorted((m["comparison"], m["previous_value"], m["value"]) for m in metrics)
    assert found == [("new_period", 37.39e9, 50.44e9), ("revised", 50.44e9, 55.2e9)]


def test_a_revised_figure_is_compared_with_the_most_recently_published_one(store: Store) -> None:
    config = _config(store, MOVES, metrics=[MARKET])
    stories = [
        (
            "a",
            2,
            "Analysts at one firm said the micro-drama market size reached 50 billion "
            "yuan in 2024, led by ReelShort and DramaBox.",
        ),
        # Stored later, published earlier: not the figure to compare with.
        (
            "b",
            1,
            "An older regional survey, released only now, put the micro-drama market "
            "size at 52 billion yuan in 2024 across the provinces it covered.",
        ),
        (
            "c",
            3,
            "Official statistics out this week show the micro-drama market size "
            "reached 60 billion yuan in 2024 for the country as a whole.",
        ),
    ]
    for name, day, text in stories:
        ingest(
            config,
            f"https://{name}.example/market",
            f"Market {name}",
            text,
            published_at=T0 + timedelta(days=day),
        )
    (alert,) = [row["payload"]["metric"] for row in deliveries(store)]
    assert (alert["comparison"], alert["previous_value"], alert["value"]) == (
        "revised",
        50e9,
        60e9,
    )


def test_figures_of_one_article_are_not_compared_with_each_other(store: Store) -> None:
    rule = {"name": "moves", "kind": "metric_change", "channels": ["hook"]}
    config = _config(store, rule, metrics=[MARKET])
    text = (
        "The market size was 37.39 billion yuan in 2023. "
        "The market size reached 50.44 billion yuan in 2024."
    )
    ingest(config, "https://a.example/both", "Both years", text)
    assert deliveries(store) == []


def _run(store: Store, ok: bool, at: Any) -> None:
    with store.transaction() as tx:
        source = tx.sources.get("nrta")
        assert source is not None
        tx.sources.record_run(source, at, RunStats(), None if ok else "HTTP 503")
        tx.commit()


def test_source_health_fires_once_per_outage(store: Store) -> None:
    rule = {"name": "health", "kind": "source_health", "failures": 2, "channels": ["hook"]}
    config = _config(store, rule)
    for hour in range(3):
        _run(store, ok=False, at=T0 + timedelta(hours=hour))
        alert_on_sources(store, config)
    assert len(deliveries(store)) == 1
    _run(store, ok=True, at=T0 + timedelta(hours=4))
    for hour in range(5, 7):
        _run(store, ok=False, at=T0 + timedelta(hours=hour))
        alert_on_sources(store, config)
    rows = deliveries(store)
    assert len(rows) == 2 and len({row["key"] for row in rows}) == 2
    assert rows[0]["payload"]["health"]["state"] == "failing"


def test_silent_source_alerts(store: Store) -> None:
    rule = {"name": "quiet", "kind": "source_health", "silent_for": "1d", "channels": ["hook"]}
    config = _config(store, rule)
    _run(store, ok=True, at=T0)
    assert alert_on_sources(store, config, now=T0 + timedelta(hours=2)) == []
    assert len(alert_on_sources(store, config, now=T0 + timedelta(days=2))) == 1
    assert alert_on_sources(store, config, now=T0 + timedelta(days=3)) == []


def test_digest_deliveries_wait_for_the_period_boundary(store: Store) -> None:
    config = _config(store, channels=[HOOK, {**MAIL, "digest": "1h"}])
    draft = AlertDraft("r", "keyword", "k1", ("hook", "mail"), {"title": "t"})
    now = T0 + timedelta(minutes=17)
    with store.transaction() as tx:
        record_alerts(tx, config, [draft], now=now)
        tx.commit()
    due = {row["channel"]: row["next"] for row in deliveries(store)}
    assert due == {"hook": now, "mail": T0.replace(hour=10)}
    assert digest_boundary(T0, 3600) == T0


def test_alerts_are_rolled_back_with_their_transaction(store: Store) -> None:
    config = _config(store)
    draft = AlertDraft("r", "keyword", "k1", ("hook",), {"title": "t"})
    with store.transaction() as tx:
        assert record_alerts(tx, config, [draft, draft]) != []  # a duplicate key is skipped
    assert deliveries(store) == []
    with pytest.raises(KeyError):
        config.source("missing")


def test_a_health_alert_is_queued_while_another_process_writes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = {"name": "health", "kind": "source_health", "failures": 1, "channels": ["hook"]}
    config = _config(store, rule)
    _run(store, ok=False, at=T0)
    other = Store(store.url)

    def another_process_writes() -> None:  # the daemon, or another source's pass
        with other.transaction(write=True) as tx:
            tx.sources.ensure("cnsa-news", "html", "https://www.cnsa.cn/", "association")
            tx.commit()

    writer = threading.Thread(target=another_process_writes)
    evaluation = importlib.import_module(
        "alerts.evaluate"
    )  # the package exports a function so named
    record = evaluation.record_alerts

    def record_after_a_write(*args: Any, **kwargs: Any) -> list[int]:
        writer.start()
        writer.join(timeout=1.0)  # a transaction that holds the write lock makes it wait
        return record(*args, **kwargs)

    monkeypatch.setattr(evaluation, "record_alerts", record_after_a_write)
    assert len(alert_on_sources(store, config)) == 1
    writer.join()
    other.dispose()
