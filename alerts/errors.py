"""Domain exceptions of the alerts package.

Hierarchy::

    AlertError                 base of everything raised by alerts/
    ├── DeliveryError          a channel could not deliver one message (or digest)
    └── UnknownTargetError     ``rules test`` was given something that is not an article

``DeliveryError`` is raised by the channels (``alerts/channels/``) and caught by the
dispatcher, which retries it when ``retryable`` and records it as failed otherwise.
``UnknownTargetError`` is raised by ``dramawatch.explain`` and turned into a usage error by
the CLI.
"""

from __future__ import annotations

from config.masking import mask_text

__all__ = ["AlertError", "DeliveryError", "UnknownTargetError"]


class AlertError(Exception):
    """Base of the alert exceptions."""


class DeliveryError(AlertError):
    """A channel failed to deliver: raised by channels, caught by the dispatcher."""

    def __init__(
        self,
        channel: str,
        status: int | None,
        attempt: int,
        retryable: bool,
        detail: str = "",
        *,
        retry_after: float | None = None,
    ) -> None:
        self.channel = channel
        self.status = status
        self.attempt = attempt
        self.retryable = retryable
        self.detail = detail = mask_text(detail)  # a driver may quote a URL with its token
        self.retry_after = retry_after
        code = f"status {status}" if status is not None else "no response"
        kind = "will retry" if retryable else "permanent"
        super().__init__(
            f"channel {channel!r}: attempt {attempt} failed ({code}, {kind}): {detail}".rstrip(": ")
        )


class UnknownTargetError(AlertError):
    """``rules test`` got neither a stored article id/URL nor a readable HTML file."""

    def __init__(self, target: str, hint: str) -> None:
        self.target = target
        super().__init__(f"{target}: {hint}")
