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
    """Store each draft not raised before, with its deliveries; returns the new alert ids."""
    now = now or utcnow()
    channels = {channel.name: channel for channel in config.channels}
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
        for name in dict.fromkeys(draft.channels):
            due = first_attempt_at(channels.get(name), now)
            tx.alerts.add_delivery(alert_id, name, str(uuid.uuid4()), due, created_at=now)
        logger.info("Alert %s raised by rule %s (%s)", alert_id, draft.rule, draft.dedupe_key)
        created.append(alert_id)
    return created
