"""Webhook and apprise deliveries against a real HTTP receiver on 127.0.0.1."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest

from alerts import DispatchPolicy, dispatch_pending, record_alerts
from alerts.records import ArticleFacts
from alerts.rules import keyword
from config import Config, KeywordRule
from dramawatch.runner import dispatch_during
from storage import Store
from storage.models import Story, utcnow
from tests.support.alert_servers import (
    BLOCK,
    HANG,
    HookReceiver,
    alert_config,
    deliveries,
    free_port,
)


def script(*actions: int | str) -> pytest.MarkDecorator:
    """What the receiver answers, request by request."""
    return pytest.mark.parametrize("receiver", [actions], indirect=True, ids=["script"])


FAST = DispatchPolicy(base=1, factor=2, cap=10, jitter=0, max_attempts=5)


@pytest.fixture
def receiver(request: pytest.FixtureRequest) -> Iterator[HookReceiver]:
    """A receiver answering the script given by ``@script(...)`` (else 200 to everything)."""
    server = HookReceiver(getattr(request, "param", ()))
    yield server
    server.close()


def _queue(
    store: Store, channel: dict[str, Any], title: str = "NRTA tightens rules", key: str = ""
) -> Config:
    """A config with one channel and one queued keyword alert for it."""
    config = alert_config(store.url, channels=[channel])
    rule = KeywordRule(
        name="regulation", kind="keyword", any=("NRTA",), channels=(channel["name"],)
    )
    article = ArticleFacts(
        article_id=None,
        story_id=None,
        url="https://nrta.example/n1",
        source="nrta",
        category="government",
        language="en",
        title=title,
        text="NRTA notice on micro-dramas",
    )
    verdict = keyword(rule, article)
    assert verdict is not None and verdict.draft is not None
    draft = replace(verdict.draft, dedupe_key=verdict.draft.dedupe_key + key)
    with store.transaction() as tx:
        record_alerts(tx, config, [draft])
        tx.commit()
    return config


def _hook(receiver: HookReceiver, **fields: Any) -> dict[str, Any]:
    return {"name": "hook", "kind": "webhook", "url": receiver.url, "timeout": 2, **fields}


def test_body_headers_and_signature(store: Store, receiver: HookReceiver) -> None:
    config = _queue(store, _hook(receiver, secret="s3cret", headers={"X-Team": "drama"}))
    report = dispatch_pending(store, config, policy=FAST)
    (row,) = deliveries(store)
    assert report.delivered == [row["id"]] and row["status"] == "delivered"
    (got,) = receiver.requests
    assert got.method == "POST" and got.headers["content-type"] == "application/json"
    assert got.headers["x-dramawatch-delivery"] == row["id"]
    assert got.headers["x-team"] == "drama"
    expected = "sha256=" + hmac.new(b"s3cret", got.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(got.headers["x-dramawatch-signature"], expected)
    body = json.loads(got.body)
    assert list(body) == [
        "rule",
        "kind",
        "title",
        "url",
        "source",
        "story_id",
        "matched",
        "text",
        "rules",
    ]
    assert body["rules"] == [{"rule": "regulation", "kind": "keyword", "matched": ["NRTA"]}]
    assert body["rule"] == "regulation" and body["kind"] == "keyword"
    assert body["title"] == "NRTA tightens rules" and body["matched"] == ["NRTA"]
    assert body["url"] == "https://nrta.example/n1" and body["source"] == "nrta"
    assert "NRTA tightens rules" in body["text"]


def test_no_signature_without_a_secret(store: Store, receiver: HookReceiver) -> None:
    dispatch_pending(store, _queue(store, _hook(receiver)), policy=FAST)
    assert "x-dramawatch-signature" not in receiver.requests[0].headers


@script(500, 500, 200)
def test_two_500s_then_200_delivers_once_with_one_id(store: Store, receiver: HookReceiver) -> None:
    config = _queue(store, _hook(receiver, secret="k"))
    now = utcnow()
    outcomes = []
    for step in range(3):
        report = dispatch_pending(store, config, now=now + timedelta(minutes=step), policy=FAST)
        outcomes.append((len(report.delivered), len(report.retrying)))
    assert outcomes == [(0, 1), (0, 1), (1, 0)]
    assert (
        dispatch_pending(store, config, now=now + timedelta(hours=1), policy=FAST).delivered == []
    )
    (row,) = deliveries(store)
    assert (row["status"], row["attempts"]) == ("delivered", 3)
    assert len(receiver.requests) == 3
    assert {r.headers["x-dramawatch-delivery"] for r in receiver.requests} == {row["id"]}
    assert len({r.body for r in receiver.requests}) == 1


def test_backoff_waits_before_the_next_attempt(store: Store) -> None:
    config = _queue(
        store, {"name": "hook", "kind": "webhook", "url": f"http://127.0.0.1:{free_port()}/down"}
    )
    now = utcnow()
    policy = DispatchPolicy(base=30, factor=2, cap=3600, jitter=0)
    assert len(dispatch_pending(store, config, now=now, policy=policy).retrying) == 1
    (row,) = deliveries(store)
    assert _near(row["next"], now + timedelta(seconds=30)) and row["code"] is None
    assert "ConnectionRefusedError" in row["error"]
    early = dispatch_pending(store, config, now=now + timedelta(seconds=29), policy=policy)
    assert early.retrying == [] and early.delivered == []
    dispatch_pending(store, config, now=now + timedelta(seconds=31), policy=policy)
    assert _near(deliveries(store)[0]["next"], now + timedelta(seconds=31 + 60))


def _near(moment: datetime, expected: datetime) -> bool:
    """``moment`` is ``expected`` plus the (short) time the send itself took."""
    return expected <= moment < expected + timedelta(seconds=2)


@script(HANG)
def test_backoff_counts_from_the_failure_not_the_round(
    store: Store, receiver: HookReceiver
) -> None:
    config = _queue(store, _hook(receiver, timeout=1.0))
    now = utcnow()
    policy = DispatchPolicy(base=2, factor=2, cap=60, jitter=0)
    assert len(dispatch_pending(store, config, now=now, policy=policy).retrying) == 1
    (row,) = deliveries(store)
    # The send timed out after 1 s: the next try is 2 s after that, not 2 s after `now`.
    assert now + timedelta(seconds=3) <= row["next"] < now + timedelta(seconds=5), row["next"]


@script(HANG, 200)
def test_a_receiver_that_hangs_past_the_timeout_is_retried(
    store: Store, receiver: HookReceiver
) -> None:
    config = _queue(store, _hook(receiver, timeout=0.3))
    now = utcnow()
    first = dispatch_pending(store, config, now=now, policy=FAST)
    assert len(first.retrying) == 1 and "timed out" in deliveries(store)[0]["error"]
    second = dispatch_pending(store, config, now=now + timedelta(minutes=1), policy=FAST)
    assert len(second.delivered) == 1
    ids = {r.headers["x-dramawatch-delivery"] for r in receiver.requests}
    assert len(receiver.requests) == 2 and len(ids) == 1


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        (404, "failed"),
        (400, "failed"),
        (410, "failed"),
        (408, "pending"),
        (429, "pending"),
        (503, "pending"),
    ],
)
def test_status_classes(store: Store, status: int, outcome: str) -> None:
    server = HookReceiver([status])
    try:
        config = _queue(store, _hook(server))
        dispatch_pending(store, config, policy=FAST)
    finally:
        server.close()
    (row,) = deliveries(store)
    assert (row["status"], row["code"]) == (outcome, status)
    assert str(status) in row["error"]


@script(500, 500)
def test_max_attempts_turns_into_failed(store: Store, receiver: HookReceiver) -> None:
    config = _queue(store, _hook(receiver))
    policy = DispatchPolicy(base=1, jitter=0, max_attempts=2)
    now = utcnow()
    dispatch_pending(store, config, now=now, policy=policy)
    report = dispatch_pending(store, config, now=now + timedelta(minutes=1), policy=policy)
    assert len(report.failed) == 1 and deliveries(store)[0]["status"] == "failed"


def test_max_age_turns_into_failed(store: Store) -> None:
    config = _queue(
        store, {"name": "hook", "kind": "webhook", "url": f"http://127.0.0.1:{free_port()}/down"}
    )
    report = dispatch_pending(store, config, now=utcnow() + timedelta(days=3), policy=FAST)
    assert len(report.failed) == 1


def test_a_claimed_delivery_is_not_claimed_twice(store: Store, receiver: HookReceiver) -> None:
    config = _queue(store, _hook(receiver))
    (row,) = deliveries(store)
    now = utcnow()
    with store.transaction() as tx:
        assert tx.alerts.claim(row["id"], now, now + timedelta(minutes=5))
        tx.commit()
    with store.transaction() as tx:
        assert not tx.alerts.claim(row["id"], now, now + timedelta(minutes=5))
    assert dispatch_pending(store, config, now=now, policy=FAST).delivered == []
    assert receiver.requests == []
    later = dispatch_pending(store, config, now=now + timedelta(minutes=6), policy=FAST)
    assert later.delivered == [row["id"]] and deliveries(store)[0]["attempts"] == 2


@script(BLOCK, BLOCK)
def test_deliveries_go_out_concurrently_each_once(store: Store, receiver: HookReceiver) -> None:
    config = _queue(store, _hook(receiver, timeout=30), key="1")
    for key in ("2", "3"):
        _queue(store, _hook(receiver, timeout=30), key=key)
    policy = replace(FAST, concurrency=3)
    with ThreadPoolExecutor(max_workers=1) as runner:
        dispatch = runner.submit(dispatch_pending, store, config, now=utcnow(), policy=policy)
        # The third request arrives while the first two are still held open.
        assert receiver.wait_for(3, timeout=20)
        receiver.release()
        report = dispatch.result(timeout=30)
    ids = {row["id"] for row in deliveries(store)}
    assert sorted(report.delivered) == sorted(ids) and len(ids) == 3
    assert sorted(r.headers["x-dramawatch-delivery"] for r in receiver.requests) == sorted(ids)


def test_a_pass_delivers_alerts_while_it_runs(store: Store, receiver: HookReceiver) -> None:
    config = _queue(store, _hook(receiver))
    with dispatch_during(store, config):
        assert receiver.wait_for(1, timeout=10), "nothing was sent during the block"
    assert [row["status"] for row in deliveries(store)] == ["delivered"]


def test_apprise_channel_posts_through_apprise(store: Store, receiver: HookReceiver) -> None:
    port = receiver.server.server_address[1]
    channel = {"name": "chat", "kind": "apprise", "urls": [f"json://127.0.0.1:{port}/apprise"]}
    config = _queue(store, channel, title="Apprise <b>title</b>")
    report = dispatch_pending(store, config, policy=FAST)
    assert len(report.delivered) == 1
    (got,) = receiver.requests
    body = json.loads(got.body)
    assert got.path == "/apprise"
    assert "regulation" in body["title"] and "Apprise <b>title</b>" in body["message"]


@script(500)
def test_apprise_failure_is_retried(store: Store, receiver: HookReceiver) -> None:
    port = receiver.server.server_address[1]
    config = _queue(
        store, {"name": "chat", "kind": "apprise", "urls": [f"json://127.0.0.1:{port}/"]}
    )
    now = utcnow()
    assert len(dispatch_pending(store, config, now=now, policy=FAST).retrying) == 1
    later = dispatch_pending(store, config, now=now + timedelta(minutes=1), policy=FAST)
    assert len(later.delivered) == 1


def test_one_attempt_per_call_even_with_zero_backoff(store: Store) -> None:
    config = _queue(
        store, {"name": "hook", "kind": "webhook", "url": f"http://127.0.0.1:{free_port()}/down"}
    )
    report = dispatch_pending(store, config, policy=DispatchPolicy(base=0, jitter=0))
    assert len(report.retrying) == 1 and deliveries(store)[0]["attempts"] == 1


def test_more_deliveries_than_one_batch(store: Store, receiver: HookReceiver) -> None:
    config = _queue(store, _hook(receiver))
    for title in ("two", "three", "four"):
        _queue(store, _hook(receiver), title=title, key=title)
    report = dispatch_pending(store, config, policy=DispatchPolicy(batch=2))
    assert len(report.delivered) == 4 and len(receiver.requests) == 4


def _two_rules_on_one_story(store: Store, receiver: HookReceiver) -> Config:
    """Two keyword rules fire on one article: both queued for the same webhook."""
    config = alert_config(store.url, channels=[_hook(receiver)])
    with store.transaction() as tx:
        story = Story(title="NRTA caps")
        tx.session.add(story)
        tx.session.flush()
        tx.commit()
    article = ArticleFacts(
        article_id=None,
        story_id=story.id,
        url="https://nrta.example/n1",
        source="nrta",
        category="government",
        language="en",
        title="NRTA caps",
        text="NRTA notice on ReelShort",
    )
    drafts = []
    for name, word in (("regulation", "NRTA"), ("apps", "ReelShort")):
        rule = KeywordRule(name=name, kind="keyword", any=(word,), channels=("hook",))
        verdict = keyword(rule, article)
        assert verdict is not None and verdict.draft is not None
        drafts.append(verdict.draft)
    with store.transaction() as tx:
        assert len(record_alerts(tx, config, drafts)) == 2
        tx.commit()
    return config


def test_one_post_per_story_and_channel_carries_every_rule(
    store: Store, receiver: HookReceiver
) -> None:
    config = _two_rules_on_one_story(store, receiver)
    report = dispatch_pending(store, config, policy=FAST)
    (got,) = receiver.requests
    body = json.loads(got.body)
    assert body["rule"] == "regulation" and body["matched"] == ["NRTA"]
    assert [(r["rule"], r["matched"]) for r in body["rules"]] == [
        ("regulation", ["NRTA"]),
        ("apps", ["ReelShort"]),
    ]
    rows = deliveries(store)
    assert sorted(report.delivered) == sorted(row["id"] for row in rows)
    assert {row["status"] for row in rows} == {"delivered"}
    assert got.headers["x-dramawatch-delivery"] in report.delivered


@script(500, 200)
def test_riders_share_the_carriers_retries(store: Store, receiver: HookReceiver) -> None:
    config = _two_rules_on_one_story(store, receiver)
    now = utcnow()
    first = dispatch_pending(store, config, now=now, policy=FAST)
    assert len(first.retrying) == 2 and len(receiver.requests) == 1
    second = dispatch_pending(store, config, now=now + timedelta(minutes=1), policy=FAST)
    assert len(second.delivered) == 2 and len(receiver.requests) == 2
    assert len({r.headers["x-dramawatch-delivery"] for r in receiver.requests}) == 1
    assert {(row["status"], row["attempts"]) for row in deliveries(store)} == {("delivered", 2)}


def test_short_delivery_ids_find_the_full_ones(store: Store, receiver: HookReceiver) -> None:
    _two_rules_on_one_story(store, receiver)
    ids = [row["id"] for row in deliveries(store)]
    with store.transaction() as tx:
        for full in ids:
            assert tx.alerts.find_ids(full[:8]) == [full]
        assert sorted(tx.alerts.find_ids("")) == sorted(ids)
        assert tx.alerts.find_ids("%") == []
