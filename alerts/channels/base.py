"""The channel interface: ``send(message)`` delivers or raises ``DeliveryError``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from alerts.records import AlertMessage

# HTTP statuses worth another attempt; every other non-2xx answer is final.
RETRYABLE_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504}) | frozenset(range(505, 600))


class Channel(Protocol):
    """Delivers one alert; the dispatcher, not the channel, records delivery state."""

    name: str

    def send(self, message: AlertMessage) -> None:
        """Deliver ``message`` or raise ``DeliveryError``."""
        ...


@runtime_checkable
class DigestChannel(Protocol):
    """A channel that can also deliver several alerts as one message."""

    name: str

    def send(self, message: AlertMessage) -> None:
        """Deliver ``message`` or raise ``DeliveryError``."""
        ...

    def send_digest(self, messages: Sequence[AlertMessage]) -> None:
        """Deliver all of ``messages`` at once or raise ``DeliveryError``."""
        ...

    @property
    def digest(self) -> int | None:
        """The digest period in seconds, or None to send each alert on its own."""
        ...


def is_retryable_status(status: int) -> bool:
    """408, 425, 429 and 5xx are worth retrying; other answers are final."""
    return status in RETRYABLE_STATUSES
