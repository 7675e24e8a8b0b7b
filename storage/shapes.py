"""The contract's JSON shapes of stored objects, shared by the CLI and the web app."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage.models import Article, Delivery


def iso(value: datetime | None) -> str | None:
    """ISO 8601, or None."""
    return value.isoformat() if value is not None else None


def article_json(article: Article, *, with_text: bool = True) -> dict[str, Any]:
    """An article as the contract's Article JSON."""
    row: dict[str, Any] = {
        "id": article.id,
        "url": article.url,
        "source": article.source.name,
        "category": article.category,
        "title": article.title,
        "published_at": iso(article.published_at),
        "language": article.language,
        "text": article.text,
        "story_id": article.story_id,
        "fetched_at": iso(article.fetched_at),
    }
    if not with_text:
        row.pop("text")
    return row


def alert_json(delivery: Delivery) -> dict[str, Any]:
    """One delivery of an alert as the contract's Alert JSON (plus delivery details)."""
    alert, payload = delivery.alert, delivery.alert.payload or {}
    pending = delivery.status == "pending"
    return {
        "id": delivery.id,
        "alert_id": alert.id,
        "rule": alert.rule,
        "kind": alert.kind,
        "article_url": None if alert.kind == "source_health" else payload.get("url"),
        "story_id": alert.story_id,
        "channel": delivery.channel,
        "status": delivery.status,
        "created_at": iso(alert.created_at),
        "title": payload.get("title"),
        "source": payload.get("source"),
        "matched": payload.get("matched") or [],
        "attempts": delivery.attempts,
        "last_status_code": delivery.last_status_code,
        "last_error": delivery.last_error,
        "next_attempt_at": iso(delivery.next_attempt_at) if pending else None,
        "delivered_at": iso(delivery.delivered_at),
    }
