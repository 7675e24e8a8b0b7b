"""The dispatcher: claim due deliveries, send them, record delivered / retry / failed.

Guarantees (SQLite or PostgreSQL, one or many dispatcher processes):

* A delivery is claimed by one conditional UPDATE (pending, due) that moves its
  ``next_attempt_at`` forward by a lease and counts the attempt, and is committed before
  sending. Two dispatchers never send one delivery at the same time.
* The outcome is written in a second transaction. A crash or kill -9 between the two leaves
  the row pending: once the lease expires the next dispatch sends it again, with the same
  delivery id (at-least-once; receivers drop repeats by ``X-Dramawatch-Delivery``). A
  database that goes away meanwhile (a restart) is waited for, up to ``RECORD_PATIENCE``
  seconds, so a message sent is recorded rather than sent again.
* 2xx = delivered; 408/425/429/5xx, timeouts and connection errors = retry with
  exponential backoff and jitter; other answers, ``max_attempts`` or ``max_age`` = failed.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from alerts.channels import Channel, build_channel
from alerts.errors import DeliveryError
from alerts.records import AlertMessage
from storage.alerts import DELIVERED, FAILED
from storage.errors import DatabaseError, is_outage
from storage.models import utcnow

if TYPE_CHECKING:
    from config.schema import Config
    from storage import Store, Transaction
    from storage.models import Delivery

logger = logging.getLogger(__name__)

_MAX_ERROR = 2000
# Batches claimed per sender thread and round: a round's claims must outlast its sends (the
# lease), so rounds stay small even when a channel times out on every delivery.
_BATCHES_PER_SENDER = 4
RECORD_PATIENCE = 60.0  # seconds the outcome of a send waits for an unreachable database


@dataclass(frozen=True)
class DispatchPolicy:
    """Retry timing and limits (seconds unless noted)."""

    base: float = 30
    factor: float = 2
    cap: float = 3600
    jitter: float = 0.5  # this share of each delay is random ("equal jitter")
    max_attempts: int = 8
    max_age: timedelta = timedelta(days=2)
    lease: timedelta = timedelta(minutes=5)  # longer than any channel timeout
    batch: int = 100
    concurrency: int = 4  # deliveries (or digests) sent at the same time

    def backoff(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        delay = min(self.cap, self.base * self.factor ** max(attempt - 1, 0))
        return delay * (1 - self.jitter) + delay * self.jitter * random.random()


@dataclass
class DispatchReport:
    """What one dispatch did, by delivery id."""

    delivered: list[str] = field(default_factory=list)
    retrying: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    busy: int = 0  # due deliveries another dispatcher claimed first

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return asdict(self)

    def add(self, other: DispatchReport) -> None:
        """Count ``other``'s outcomes in this report too."""
        self.delivered += other.delivered
        self.retrying += other.retrying
        self.failed += other.failed
        self.busy += other.busy


def dispatch_pending(
    store: Store,
    config: Config,
    *,
    now: datetime | None = None,
    policy: DispatchPolicy | None = None,
) -> DispatchReport:
    """Send every delivery due at ``now``; email digests go out as one message per channel."""
    now = now or utcnow()
    policy = policy or DispatchPolicy()
    channels = {c.name: build_channel(c) for c in config.channels}
    report = DispatchReport()
    attempted: set[str] = set()  # one attempt per delivery and call, whatever the policy

    started = time.monotonic()

    def send(claimed: _Claimed) -> _Outcome:
        error = _send(claimed.channel, channels.get(claimed.channel), claimed.messages)
        # Backoff counts from when this send ended (a timeout can take the channel's whole
        # timeout), on the caller's clock: ``now`` plus the time spent since.
        return claimed, error, now + timedelta(seconds=time.monotonic() - started)

    # Sending waits on the network, so several deliveries go out at once. Each round of
    # them is claimed in one transaction before anything is sent and recorded in another.
    rounds = policy.concurrency * _BATCHES_PER_SENDER
    with ThreadPoolExecutor(max_workers=policy.concurrency) as senders:
        while True:
            with store.transaction() as tx:
                due = tx.alerts.due(now, policy.batch + len(attempted))
            due = [(d, name) for d, name in due if d not in attempted]
            if not due:
                return report
            attempted.update(delivery_id for delivery_id, _name in due)
            batches = _batches(due, channels)
            for first in range(0, len(batches), rounds):
                claimed = _claim(store, batches[first : first + rounds], now, policy, report)
                _record_patiently(store, list(senders.map(send, claimed)), policy, report)


def _batches(
    due: Sequence[tuple[str, str]], channels: dict[str, Channel]
) -> list[tuple[str, list[str]]]:
    """One batch per delivery, except one batch per digest channel."""
    batches: list[tuple[str, list[str]]] = []
    digests: dict[str, list[str]] = {}
    for delivery_id, name in due:
        if getattr(channels.get(name), "digest", None):
            digests.setdefault(name, []).append(delivery_id)
        else:
            batches.append((name, [delivery_id]))
    return batches + list(digests.items())


@dataclass(frozen=True)
class _Claimed:
    """Deliveries claimed for one attempt: one, or one digest channel's."""

    channel: str
    messages: list[AlertMessage]


_Outcome = tuple[_Claimed, DeliveryError | None, datetime]  # and when the send ended


def _claim(
    store: Store,
    batches: Sequence[tuple[str, list[str]]],
    now: datetime,
    policy: DispatchPolicy,
    report: DispatchReport,
) -> list[_Claimed]:
    """Take the batches' deliveries for one attempt, committed before anything is sent."""
    claimed: list[_Claimed] = []
    with store.transaction(write=True) as tx:
        for name, ids in batches:
            taken = [i for i in ids if tx.alerts.claim(i, now, now + policy.lease)]
            report.busy += len(ids) - len(taken)
            messages = [_message(tx, d) for d in map(tx.alerts.get, taken) if d is not None]
            if messages:
                claimed.append(_Claimed(name, messages))
        tx.commit()
    return claimed


def _send(name: str, channel: Channel | None, messages: list[AlertMessage]) -> DeliveryError | None:
    """Send one batch; the error when it failed."""
    try:
        if channel is None:
            detail = f"channel {name!r} is not in the config any more; add it back and retry"
            raise DeliveryError(name, None, messages[0].attempt, False, detail)
        if len(messages) > 1:  # a digest period's alerts, as one message
            channel.send_digest(messages)  # type: ignore[attr-defined]
        else:
            channel.send(messages[0])
    except DeliveryError as exc:
        return exc
    except Exception as exc:  # a channel bug must not stop the other deliveries
        logger.exception("Channel %s crashed on attempt %d", name, messages[0].attempt)
        return DeliveryError(name, None, messages[0].attempt, True, repr(exc))
    return None


def _message(tx: Transaction | None, delivery: Delivery) -> AlertMessage:
    """The delivery's message, carrying its riders' alerts when ``tx`` is given."""
    alert = delivery.alert
    riders = tuple(_message(None, d) for d in tx.alerts.riders(delivery.id)) if tx else ()
    return AlertMessage(
        delivery_id=delivery.id,
        alert_id=alert.id,
        rule=alert.rule,
        kind=alert.kind,
        payload=dict(alert.payload),
        story_id=alert.story_id,
        created_at=delivery.created_at,
        attempt=delivery.attempts,
        riders=riders,
    )


def _record_patiently(
    store: Store, outcomes: Sequence[_Outcome], policy: DispatchPolicy, report: DispatchReport
) -> None:
    """Record the outcomes; while the database is unreachable, try again for up to
    ``RECORD_PATIENCE`` seconds (the messages are out: recording them beats sending twice)."""
    deadline, pause = time.monotonic() + RECORD_PATIENCE, 0.25
    while True:
        recorded = DispatchReport()  # counted only once the transaction commits
        try:
            _record(store, outcomes, policy, recorded)
        except DatabaseError as exc:
            if not is_outage(exc) or time.monotonic() + pause > deadline:
                raise
            logger.warning(
                "Database unreachable; %d sent messages wait to be recorded", len(outcomes)
            )
            time.sleep(pause)
            pause = min(pause * 2, 5.0)
            continue
        report.add(recorded)
        return


def _record(
    store: Store, outcomes: Sequence[_Outcome], policy: DispatchPolicy, report: DispatchReport
) -> None:
    """Write each attempt's outcome: delivered, retry later, or failed."""
    with store.transaction(write=True) as tx:
        for claimed, error, ended in outcomes:
            for message in claimed.messages:
                if error is None:
                    _record_success(tx, message, ended, report)
                else:
                    _record_failure(tx, message, error, ended, policy, report)
        tx.commit()


def _record_success(
    tx: Transaction, message: AlertMessage, now: datetime, report: DispatchReport
) -> None:
    values = {"status": DELIVERED, "delivered_at": now, "last_error": None}
    if tx.alerts.finish(message.delivery_id, **values):
        report.delivered.append(message.delivery_id)
        report.delivered += _finish_riders(tx, message, values)
        logger.info("Delivery %s delivered on attempt %d", message.delivery_id, message.attempt)


def _record_failure(
    tx: Transaction,
    message: AlertMessage,
    error: DeliveryError,
    now: datetime,
    policy: DispatchPolicy,
    report: DispatchReport,
) -> None:
    values = _failure_values(message, error, now, policy)
    if not tx.alerts.finish(message.delivery_id, **values):
        return
    final = values.get("status") == FAILED
    riders = _finish_riders(tx, message, values)
    (report.failed if final else report.retrying).extend([message.delivery_id, *riders])
    logger.warning(
        "Delivery %s attempt %d failed: %s; %s",
        message.delivery_id,
        message.attempt,
        error,
        "giving up" if final else f"next attempt at {values['next_attempt_at']}",
    )


def _finish_riders(tx: Transaction, message: AlertMessage, values: dict[str, Any]) -> list[str]:
    """The carrier's outcome on the deliveries that rode in its message."""
    if not message.riders:
        return []
    return tx.alerts.finish_riders(message.delivery_id, attempts=message.attempt, **values)


def _failure_values(
    message: AlertMessage, error: DeliveryError, now: datetime, policy: DispatchPolicy
) -> dict[str, Any]:
    values: dict[str, Any] = {"last_error": str(error)[:_MAX_ERROR]}
    values["last_status_code"] = error.status
    too_old = now - message.created_at >= policy.max_age
    if not error.retryable or message.attempt >= policy.max_attempts or too_old:
        values["status"] = FAILED
        return values
    delay = policy.backoff(message.attempt)
    if error.retry_after is not None:
        delay = max(delay, min(error.retry_after, policy.cap))
    values["next_attempt_at"] = now + timedelta(seconds=delay)
    return values
