"""Alerts: rules -> outbox (alert and delivery rows) -> dispatcher -> channels."""

from __future__ import annotations

from alerts.dispatcher import DispatchPolicy, DispatchReport, dispatch_pending
from alerts.errors import AlertError, DeliveryError, UnknownTargetError
from alerts.evaluate import alert_on_article, alert_on_sources
from alerts.outbox import record_alerts
from alerts.records import AlertDraft, AlertMessage, Verdict
from alerts.rules import RULES, evaluate

__all__ = [
    "RULES",
    "AlertDraft",
    "AlertError",
    "AlertMessage",
    "DeliveryError",
    "DispatchPolicy",
    "DispatchReport",
    "UnknownTargetError",
    "Verdict",
    "alert_on_article",
    "alert_on_sources",
    "dispatch_pending",
    "evaluate",
    "record_alerts",
]
