"""The outbox: alerts and one delivery per channel, written in the caller's transaction."""

from __future__ import annotations

import logging
import math
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from storage.models import utcnow

if TYPE_CHECKING:
    from alerts.records import AlertDraft
    from config.schema import ChannelConfig, Config
    from storage.db import Transaction

logger = logging.getLogger(__name__)


def digest_boundary(moment: datetime, period: int) -> datetime:
    """The end of the digest period holding ``moment`` (periods are aligned on the epoch)."""
    seconds = math.ceil(moment.timestamp() / period) * period
    return datetime.fromtimestamp(seconds, UTC)


def first_attempt_at(channel: ChannelConfig | None, now: datetime) -> datetime:
    """When a new delivery becomes due: now, or the end of its digest period."""
    digest = getattr(channel, "digest", None)
    return digest_boundary(now, digest) if digest else now


def record_alerts(
    tx: Transaction, config: Config, drafts: Iterable[AlertDraft], *, now: datetime | None = None
) -> list[int]:
    """Store each draft not raised before, with its deliveries; returns the new alert ids.

    Drafts about one story that go to one webhook travel in one POST: the first one's
    delivery carries the others (each alert still has its own delivery row).
    """
    now = now or utcnow()
    channels = {channel.name: channel for channel in config.channels}
    carriers: dict[tuple[int, str], str] = {}
    created: list[int] = []
    for draft in drafts:
        # The unique dedupe_key backs this check: a concurrent writer's insert makes this
        # transaction fail with IntegrityError, and the StorePipeline retries it.
        if tx.alerts.has_alert(draft.dedupe_key):
            continue
        alert_id = tx.alerts.add_alert(
            rule=draft.rule,
            kind=draft.kind,
            dedupe_key=draft.dedupe_key,
            story_id=draft.story_id,
            article_id=draft.article_id,
            source_id=draft.source_id,
            payload=draft.payload,
            created_at=now,
        )
        _queue_deliveries(tx, alert_id, draft, channels, carriers, now)
        logger.info("Alert %s raised by rule %s (%s)", alert_id, draft.rule, draft.dedupe_key)
        created.append(alert_id)
    return created


def _queue_deliveries(
    tx: Transaction,
    alert_id: int,
    draft: AlertDraft,
    channels: dict[str, ChannelConfig],
    carriers: dict[tuple[int, str], str],
    now: datetime,
) -> None:
    """One delivery per channel; one riding in an earlier draft's POST when it can."""
    for name in dict.fromkeys(draft.channels):
        channel = channels.get(name)
        key = _carrier_key(draft, channel)
        carrier = carriers.get(key) if key else None
        delivery_id = str(uuid.uuid4())
        due = first_attempt_at(channel, now)
        tx.alerts.add_delivery(alert_id, name, delivery_id, due, now, carrier_id=carrier)
        if key and carrier is None:
            carriers[key] = delivery_id


def _carrier_key(draft: AlertDraft, channel: ChannelConfig | None) -> tuple[int, str] | None:
    """The (story, webhook) whose one POST the delivery can share; None: it goes alone."""
    if draft.story_id is None or channel is None or channel.kind != "webhook":
        return None
    return draft.story_id, channel.name
