"""Apprise channel: Slack, Telegram, Discord, Teams, ntfy ... through apprise URLs."""

from __future__ import annotations

import logging
import warnings

from alerts.errors import DeliveryError
from alerts.records import AlertMessage
from config.schema import AppriseChannel as AppriseConfig

logger = logging.getLogger(__name__)


class AppriseChannel:
    """Notifies every configured apprise URL; any failure is retried by the dispatcher."""

    def __init__(self, config: AppriseConfig) -> None:
        self.name = config.name
        self.config = config

    def send(self, message: AlertMessage) -> None:
        """Send the alert's summary to every URL; DeliveryError unless all accepted it."""
        notifier = self._notifier(message)
        title = f"[dramawatch] {message.rule}: {message.title}"
        # apprise reports only success or failure, not why: a failure is retried until the
        # dispatcher's attempt or age limit turns it into a failed delivery.
        if not notifier.notify(body=message.text, title=title):
            raise DeliveryError(self.name, None, message.attempt, True, "apprise notify failed")
        logger.info("Apprise %s: sent delivery %s", self.name, message.delivery_id)

    def _notifier(self, message: AlertMessage):  # type: ignore[no-untyped-def]
        import apprise  # imported on use: loading apprise's plugins is slow

        notifier = apprise.Apprise()
        with warnings.catch_warnings():
            # apprise 2.x's e-mail plugin imports the deprecated imghdr module on Python 3.11+.
            warnings.filterwarnings("ignore", "'imghdr' is deprecated", DeprecationWarning)
            accepted = notifier.add(list(self.config.urls))
        if not accepted:
            detail = "an apprise URL was rejected: check the channel's urls"
            raise DeliveryError(self.name, None, message.attempt, False, detail)
        return notifier
