"""Email channel: SMTP (plain, STARTTLS or SSL, optional auth), text + escaped HTML, digests."""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import formatdate

from alerts.channels import email_render as render
from alerts.errors import DeliveryError
from alerts.records import AlertMessage
from config.schema import EmailChannel as EmailConfig

logger = logging.getLogger(__name__)

# Connection-level failures are transient; an SMTP reply's class decides for the rest.
_TRANSIENT = (OSError, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)


class EmailChannel:
    """Sends each alert, or each digest period's alerts, as one email."""

    def __init__(self, config: EmailConfig) -> None:
        self.name = config.name
        self.config = config

    @property
    def digest(self) -> int | None:
        """The digest period in seconds, or None to send each alert on its own."""
        return self.config.digest

    def send(self, message: AlertMessage) -> None:
        """Send one alert as one email."""
        email = self._envelope(render.subject(message), message.delivery_id)
        email["X-Dramawatch-Delivery"] = message.delivery_id
        email.set_content(render.text_body([message]))
        email.add_alternative(render.html_body([message]), subtype="html")
        self._deliver(email, message.attempt)

    def send_digest(self, messages: Sequence[AlertMessage]) -> None:
        """Send several alerts as one email (its Message-ID follows the first delivery id)."""
        first = messages[0]
        email = self._envelope(render.digest_subject(messages), f"digest-{first.delivery_id}")
        email["X-Dramawatch-Delivery"] = ", ".join(m.delivery_id for m in messages)
        email.set_content(render.text_body(messages))
        email.add_alternative(render.html_body(messages), subtype="html")
        self._deliver(email, max(m.attempt for m in messages))

    def _envelope(self, subject: str, message_id: str) -> EmailMessage:
        email = EmailMessage()
        email["Subject"] = subject
        email["From"] = self.config.from_
        email["To"] = ", ".join(self.config.to)
        email["Date"] = formatdate(localtime=False, usegmt=True)
        # A stable Message-ID lets mail clients drop a copy re-sent after a crash.
        email["Message-ID"] = f"<{message_id}@dramawatch>"
        return email

    def _deliver(self, email: EmailMessage, attempt: int) -> None:
        try:
            with self._connect() as smtp:
                smtp.send_message(email, self.config.from_, list(self.config.to))
        except smtplib.SMTPResponseException as exc:
            detail = f"{exc.smtp_code} {_text(exc.smtp_error)}"
            retryable = 400 <= exc.smtp_code < 500
            raise DeliveryError(self.name, exc.smtp_code, attempt, retryable, detail) from exc
        except smtplib.SMTPRecipientsRefused as exc:
            raise _refused(self.name, exc, attempt) from exc
        except (*_TRANSIENT, smtplib.SMTPException) as exc:
            detail = f"{type(exc).__name__}: {exc}"
            raise DeliveryError(self.name, None, attempt, True, detail) from exc
        logger.info("Email %s: sent %s", self.name, email["Message-ID"])

    def _connect(self) -> smtplib.SMTP:
        smtp_config = self.config.smtp
        host, port, timeout = smtp_config.host, smtp_config.port, smtp_config.timeout
        context = ssl.create_default_context(cafile=smtp_config.ca_file)
        smtp: smtplib.SMTP
        if smtp_config.ssl:
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        try:
            if smtp_config.starttls and not smtp_config.ssl:
                smtp.starttls(context=context)
            if smtp_config.username:
                smtp.login(smtp_config.username, smtp_config.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _refused(channel: str, exc: smtplib.SMTPRecipientsRefused, attempt: int) -> DeliveryError:
    codes = [code for code, _reply in exc.recipients.values()]
    code = max(codes) if codes else None
    retryable = code is not None and 400 <= code < 500
    return DeliveryError(channel, code, attempt, retryable, f"recipients refused: {exc.recipients}")
