"""A dispatcher killed with SIGKILL mid-delivery loses nothing: the restart resends the same id."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from alerts import DispatchPolicy, dispatch_pending, record_alerts
from alerts.records import AlertDraft
from storage import Store
from storage.models import utcnow
from tests.support.alert_servers import BLOCK, HookReceiver, alert_config, deliveries, write_config

ROOT = Path(__file__).resolve().parents[2]
LEASE = timedelta(seconds=60)
CHILD = """
import sys
from datetime import timedelta
from alerts import DispatchPolicy, dispatch_pending
from config import load_config
from storage import Store

config = load_config(sys.argv[1])
# One delivery at a time, so exactly one is in flight when the process is killed (the
# round's other delivery is claimed but not sent yet).
policy = DispatchPolicy(lease=timedelta(seconds=60), concurrency=1)
dispatch_pending(Store(config.database), config, policy=policy)
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


@pytest.fixture
def blocking_receiver() -> Iterator[HookReceiver]:
    """A receiver that holds the first request open until released, then answers 200."""
    server = HookReceiver([BLOCK])
    yield server
    server.close()


def test_sigkill_mid_delivery_then_restart_delivers_everything_once(
    store: Store, blocking_receiver: HookReceiver, tmp_path: Path
) -> None:
    hook = {"name": "hook", "kind": "webhook", "url": blocking_receiver.url, "timeout": 30}
    config = alert_config(store.url, channels=[hook])
    with store.transaction() as tx:
        drafts = [
            AlertDraft("r", "keyword", f"k{i}", ("hook",), {"title": f"t{i}"}) for i in (1, 2)
        ]
        record_alerts(tx, config, drafts, now=utcnow() - timedelta(seconds=1))
        tx.commit()
    path = write_config(tmp_path / "dramawatch.yaml", config)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=ROOT)
    try:
        assert blocking_receiver.wait_for(1, timeout=30), "the dispatcher never sent anything"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    in_flight = blocking_receiver.requests[0].headers["x-dramawatch-delivery"]
    rows = {row["id"]: row for row in deliveries(store)}
    assert len(blocking_receiver.requests) == 1
    assert {(row["status"], row["attempts"]) for row in rows.values()} == {("pending", 1)}

    blocking_receiver.release()
    # Within the lease the killed dispatcher's claims still hold; after it, the restart
    # sends both: the interrupted one again, under the same delivery id.
    policy = DispatchPolicy(lease=LEASE)
    assert dispatch_pending(store, config, now=utcnow(), policy=policy).delivered == []
    report = dispatch_pending(store, config, now=utcnow() + LEASE * 2, policy=policy)
    assert sorted(report.delivered) == sorted(rows)
    final = deliveries(store)
    assert {row["status"] for row in final} == {"delivered"}
    received = [r.headers["x-dramawatch-delivery"] for r in blocking_receiver.requests]
    assert received.count(in_flight) == 2  # the same id, resent after the kill
    assert set(received) == {row["id"] for row in final}  # nothing lost
