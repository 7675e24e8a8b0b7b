"""The database restarting while a delivery is on its way: the outcome waits for it, so the
message is recorded as delivered instead of being sent again once its lease runs out."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest

from alerts import DispatchReport, dispatch_pending, record_alerts
from alerts.records import AlertDraft
from storage import Store
from storage.models import utcnow
from tests.support.alert_servers import BLOCK, HookReceiver, alert_config, deliveries
from tests.support.pg import PostgresServer

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_store(postgres_server: PostgresServer) -> Iterator[Store]:
    """A migrated store in a fresh PostgreSQL database."""
    name = postgres_server.create_database()
    store = Store(postgres_server.url(name))
    store.migrate()
    yield store
    store.dispose()
    postgres_server.drop_database(name)


def test_a_sent_delivery_is_recorded_once_the_database_is_back(
    pg_store: Store, postgres_server: PostgresServer, caplog: pytest.LogCaptureFixture
) -> None:
    receiver = HookReceiver([BLOCK])  # holds the request until the database is down
    hook = {"name": "hook", "kind": "webhook", "url": receiver.url, "timeout": 30}
    config = alert_config(pg_store.url, channels=[hook])
    with pg_store.transaction() as tx:
        draft = AlertDraft("r", "keyword", "k1", ("hook",), {"title": "t1"})
        record_alerts(tx, config, [draft], now=utcnow() - timedelta(seconds=1))
        tx.commit()
    reports: list[DispatchReport] = []
    dispatcher = threading.Thread(target=lambda: reports.append(dispatch_pending(pg_store, config)))
    try:
        dispatcher.start()
        assert receiver.wait_for(1, timeout=30), "nothing was sent"
        postgres_server.pg_ctl("stop")  # the claim is committed, the outcome not yet
        receiver.release()
        time.sleep(1.5)  # the send ends; recording it finds no database
        postgres_server.pg_ctl("start")
        dispatcher.join(timeout=90)
    finally:
        receiver.close()
    assert "sent messages wait to be recorded" in caplog.text  # the outage did bite
    sent = receiver.requests[0].headers["x-dramawatch-delivery"]
    assert [r.headers["x-dramawatch-delivery"] for r in receiver.requests] == [sent]
    assert reports and reports[0].delivered == [sent]
    assert [(row["id"], row["status"]) for row in deliveries(pg_store)] == [(sent, "delivered")]
