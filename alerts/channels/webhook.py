"""Webhook channel: POST the contract's JSON, signed with HMAC-SHA256, with a stable id.

Receivers verify a delivery like this (Python)::

    import hashlib, hmac
    expected = "sha256=" + hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()
    ok = hmac.compare_digest(expected, request.headers["X-Dramawatch-Signature"])

and drop repeats by ``X-Dramawatch-Delivery``, which is the same on every retry.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import ssl
from functools import lru_cache
from urllib.parse import urlsplit

from alerts.channels.base import is_retryable_status
from alerts.errors import DeliveryError
from alerts.records import AlertMessage
from config.schema import WebhookChannel as WebhookConfig

logger = logging.getLogger(__name__)

USER_AGENT = "dramawatch-webhook/0.1"
_MAX_ERROR_BODY = 500


def encode_body(message: AlertMessage) -> bytes:
    """The raw JSON body (UTF-8, compact): exactly the bytes that are signed."""
    return json.dumps(message.body(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(secret: str, body: bytes) -> str:
    """The ``X-Dramawatch-Signature`` value for ``body``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


class WebhookChannel:
    """POSTs each alert as JSON to one URL."""

    def __init__(self, config: WebhookConfig) -> None:
        self.name = config.name
        self.config = config
        self._url = urlsplit(config.url)

    def headers(self, message: AlertMessage, body: bytes) -> dict[str, str]:
        """Custom headers first, then ours (which a custom header cannot override)."""
        headers = {**self.config.headers, "User-Agent": USER_AGENT}
        headers["Content-Type"] = "application/json"
        headers["X-Dramawatch-Delivery"] = message.delivery_id
        if self.config.secret:
            headers["X-Dramawatch-Signature"] = sign(self.config.secret, body)
        return headers

    def send(self, message: AlertMessage) -> None:
        """POST the alert; raise DeliveryError unless the receiver answers 2xx."""
        body = encode_body(message)
        try:
            status, reason, answer, retry_after = self._post(body, self.headers(message, body))
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            detail = f"{type(exc).__name__}: {exc}"
            raise DeliveryError(self.name, None, message.attempt, True, detail) from exc
        if 200 <= status < 300:
            logger.info("Webhook %s: %s answered %d", self.name, message.delivery_id, status)
            return
        detail = f"{status} {reason}: {answer}".strip()
        raise DeliveryError(
            self.name,
            status,
            message.attempt,
            is_retryable_status(status),
            detail,
            retry_after=retry_after,
        )

    def _post(self, body: bytes, headers: dict[str, str]) -> tuple[int, str, str, float | None]:
        connection = self._connection()
        try:
            path = self._url.path or "/"
            path += f"?{self._url.query}" if self._url.query else ""
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            answer = response.read(_MAX_ERROR_BODY).decode("utf-8", "replace")
            retry_after = _seconds(response.getheader("Retry-After"))
            return response.status, response.reason, answer, retry_after
        finally:
            connection.close()

    def _connection(self) -> http.client.HTTPConnection:
        host, port, timeout = self._url.hostname or "", self._url.port, self.config.timeout
        if self._url.scheme == "https":
            context = _tls_context()
            return http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
        return http.client.HTTPConnection(host, port, timeout=timeout)


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """The default TLS context, built once (loading the CA store costs milliseconds)."""
    return ssl.create_default_context()


def _seconds(value: str | None) -> float | None:
    """A numeric Retry-After header in seconds (HTTP dates are ignored)."""
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None
