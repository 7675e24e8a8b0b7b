"""Email deliveries to a real SMTP server (aiosmtpd) on 127.0.0.1, parsed as MIME."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import trustme
from click.testing import CliRunner

from alerts import DispatchPolicy, dispatch_pending, record_alerts
from alerts.outbox import digest_boundary
from alerts.records import ArticleFacts
from alerts.rules import keyword
from config import Config, KeywordRule
from storage import Store
from storage.models import utcnow
from tests.support.alert_servers import SmtpSink, alert_config, alerts_cli, deliveries, write_config

FAST = DispatchPolicy(base=1, factor=2, cap=10, jitter=0)
EVIL = '<script>alert("x")</script> Micro-drama & "rules"'


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    """A running SMTP sink."""
    sink = SmtpSink().start()
    yield sink
    sink.stop()


def _mail(port: int, **fields: Any) -> dict[str, Any]:
    smtp = {"host": "127.0.0.1", "port": port, "timeout": 5, **fields.pop("smtp", {})}
    return {
        "name": "mail",
        "kind": "email",
        "to": ["analyst@example.com"],
        "from": "dramawatch@example.com",
        "smtp": smtp,
        **fields,
    }


def _queue(store: Store, channel: dict[str, Any], titles: list[str], now: Any = None) -> Config:
    config = alert_config(store.url, channels=[channel])
    rule = KeywordRule(name="regulation", kind="keyword", any=("NRTA",), channels=("mail",))
    with store.transaction() as tx:
        for story, title in enumerate(titles):
            article = ArticleFacts(
                article_id=None,
                story_id=None,
                url=f"https://nrta.example/{story}",
                source="nrta",
                category="government",
                language="en",
                title=title,
                text="NRTA notice",
                source_id=None,
            )
            verdict = keyword(rule, article)
            assert verdict is not None and verdict.draft is not None
            draft = replace(verdict.draft, dedupe_key=title)
            record_alerts(tx, config, [draft], now=now)
        tx.commit()
    return config


def test_email_is_multipart_with_escaped_html(store: Store, smtp: SmtpSink) -> None:
    config = _queue(store, _mail(smtp.port), [EVIL])
    report = dispatch_pending(store, config, policy=FAST)
    (row,) = deliveries(store)
    assert report.delivered == [row["id"]]
    (message,) = smtp.messages
    assert smtp.recipients == [["analyst@example.com"]]
    # Python's folder may break right after "Subject:"; readers drop the folding space.
    assert message["Subject"].strip() == f"[dramawatch] regulation: {EVIL}"
    assert message["Message-ID"] == f"<{row['id']}@dramawatch>"
    assert message["From"] == "dramawatch@example.com"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert EVIL in text and "https://nrta.example/0" in text
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Micro-drama &amp;" in html
    assert '<a href="https://nrta.example/0">' in html


def test_smtp_down_then_up_is_delivered_by_alerts_retry(store: Store, tmp_path: Path) -> None:
    sink = SmtpSink()  # not started: connections are refused
    config = _queue(store, _mail(sink.port), ["NRTA notice"])
    report = dispatch_pending(store, config, policy=FAST)
    (row,) = deliveries(store)
    assert report.retrying == [row["id"]] and row["status"] == "pending"
    assert "Connection refused" in row["error"] or "ConnectionRefused" in row["error"]
    sink.start()
    try:
        path = write_config(tmp_path / "dramawatch.yaml", config)
        result = CliRunner().invoke(
            alerts_cli(), ["--config", str(path), "alerts", "retry", row["id"]]
        )
    finally:
        sink.stop()
    assert result.exit_code == 0, result.output
    assert "1 deliveries pending again" in result.output and "delivered 1" in result.output
    assert deliveries(store)[0]["status"] == "delivered"
    assert [m["Message-ID"] for m in sink.messages] == [f"<{row['id']}@dramawatch>"]


def test_smtp_down_then_up_is_delivered_by_the_next_dispatch(store: Store) -> None:
    sink = SmtpSink()
    config = _queue(store, _mail(sink.port), ["NRTA notice"])
    now = utcnow()
    assert len(dispatch_pending(store, config, now=now, policy=FAST).retrying) == 1
    sink.start()
    try:
        later = dispatch_pending(store, config, now=now + timedelta(minutes=1), policy=FAST)
    finally:
        sink.stop()
    assert len(later.delivered) == 1 and len(sink.messages) == 1


def test_digest_sends_three_alerts_as_one_email(store: Store, smtp: SmtpSink) -> None:
    now = utcnow()
    titles = ["NRTA notice one", "NRTA notice two", "NRTA <b>three</b>"]
    config = _queue(store, _mail(smtp.port, digest="1h"), titles, now=now)
    held = dispatch_pending(store, config, now=now, policy=FAST)
    assert held.delivered == [] and smtp.messages == []
    boundary = digest_boundary(now, 3600)
    report = dispatch_pending(store, config, now=boundary, policy=FAST)
    rows = deliveries(store)
    assert sorted(report.delivered) == sorted(row["id"] for row in rows)
    assert {row["status"] for row in rows} == {"delivered"}
    (message,) = smtp.messages
    assert message["Subject"] == "[dramawatch] 3 alerts (regulation)"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert all(title in text for title in titles)
    assert "NRTA &lt;b&gt;three&lt;/b&gt;" in html and "<b>three</b>" not in html
    assert set(message["X-Dramawatch-Delivery"].split(", ")) == {row["id"] for row in rows}


def test_smtp_auth(store: Store) -> None:
    sink = SmtpSink(credentials=("robot", "s3cret")).start()
    try:
        good = _queue(
            store, _mail(sink.port, smtp={"username": "robot", "password": "s3cret"}), ["NRTA good"]
        )
        assert len(dispatch_pending(store, good, policy=FAST).delivered) == 1
        bad = _queue(
            store, _mail(sink.port, smtp={"username": "robot", "password": "wrong"}), ["NRTA bad"]
        )
        report = dispatch_pending(store, bad, policy=FAST)
    finally:
        sink.stop()
    assert len(report.failed) == 1 and len(sink.messages) == 1
    failed = [row for row in deliveries(store) if row["status"] == "failed"]
    assert failed[0]["code"] == 535


@pytest.fixture(scope="module")
def authority() -> trustme.CA:
    """A throwaway certificate authority for 127.0.0.1."""
    return trustme.CA()


def _tls_sink(authority: trustme.CA, mode: str, **options: Any) -> SmtpSink:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return SmtpSink(tls=mode, certificate=context, **options).start()


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_tls_with_auth_verifies_the_server_against_the_configured_ca(
    store: Store, authority: trustme.CA, tmp_path: Path, mode: str
) -> None:
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    sink = _tls_sink(authority, mode, credentials=("robot", "s3cret"))
    login = {"username": "robot", "password": "s3cret", mode: True}
    try:
        trusted = _queue(
            store, _mail(sink.port, smtp={**login, "ca_file": str(ca_file)}), ["NRTA over TLS"]
        )
        assert len(dispatch_pending(store, trusted, policy=FAST).delivered) == 1
        # The system's CAs do not know the throwaway one: no mail, and the reason is kept.
        untrusted = _queue(store, _mail(sink.port, smtp=login), ["NRTA unverified"])
        report = dispatch_pending(store, untrusted, policy=FAST)
    finally:
        sink.stop()
    assert [m["Subject"] for m in sink.messages] == [sink.messages[0]["Subject"]]
    assert "NRTA over TLS" in sink.messages[0]["Subject"]
    (retrying,) = [row for row in deliveries(store) if row["status"] == "pending"]
    assert report.retrying == [retrying["id"]] and "CERTIFICATE_VERIFY_FAILED" in retrying["error"]


def test_starttls_required_by_the_server_is_refused_in_plain(
    store: Store, authority: trustme.CA
) -> None:
    sink = _tls_sink(authority, "starttls")
    try:
        config = _queue(store, _mail(sink.port), ["NRTA plain"])
        report = dispatch_pending(store, config, policy=FAST)
    finally:
        sink.stop()
    assert sink.messages == [] and len(report.delivered) == 0
    (row,) = deliveries(store)
    assert row["status"] in ("pending", "failed") and "530" in (row["error"] or "")
