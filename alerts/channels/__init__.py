"""Alert channels behind one interface, picked by ``kind`` from the ``CHANNELS`` registry."""

from __future__ import annotations

from alerts.channels.apprise import AppriseChannel
from alerts.channels.base import Channel, DigestChannel
from alerts.channels.email import EmailChannel
from alerts.channels.webhook import WebhookChannel
from config.schema import ChannelConfig

__all__ = [
    "CHANNELS",
    "AppriseChannel",
    "Channel",
    "DigestChannel",
    "EmailChannel",
    "WebhookChannel",
    "build_channel",
]

CHANNELS: dict[str, type[WebhookChannel] | type[EmailChannel] | type[AppriseChannel]] = {
    "webhook": WebhookChannel,
    "email": EmailChannel,
    "apprise": AppriseChannel,
}


def build_channel(config: ChannelConfig) -> Channel:
    """The channel for one ``channels:`` entry (kinds are validated when the config loads)."""
    try:
        factory = CHANNELS[config.kind]
    except KeyError:
        supported = ", ".join(CHANNELS)
        raise ValueError(f"unknown channel kind {config.kind!r} (supported: {supported})") from None
    return factory(config)  # type: ignore[arg-type]
