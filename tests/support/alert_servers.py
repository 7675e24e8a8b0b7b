"""Alert test helpers: real servers on 127.0.0.1 (HTTP receiver, SMTP sink) and store helpers."""

from __future__ import annotations

import asyncio
import email
import socket
import ssl
import threading
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import click
import yaml
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from config import Config
from crawler.analysis import analyse_text
from crawler.items import ArticleItem
from crawler.pipelines.store import StorePipeline
from crawler.pipelines.url import CanonicalUrlPipeline
from dramawatch.cli.alerts import alerts_group, rules_group
from dramawatch.cli.context import Context
from storage import Store

HANG = "hang"  # never answer (until the receiver closes): the client times out
BLOCK = "block"  # answer 200 only once ``release()`` is called


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Received:
    """One request as the receiver saw it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class HookReceiver:
    """A threaded HTTP server that records requests and answers from a script.

    ``script`` lists one action per request: an HTTP status, ``HANG`` or ``BLOCK``; once it
    runs out every request gets 200.
    """

    def __init__(self, script: Sequence[int | str] = ()) -> None:
        self.script = list(script)
        self.requests: list[Received] = []
        self._changed = threading.Condition()
        self._release = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The hook URL."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def record(self, received: Received) -> int | str:
        """Remember a request and return the scripted action for it."""
        with self._changed:
            self.requests.append(received)
            self._changed.notify_all()
            return self.script.pop(0) if self.script else 200

    def wait_for(self, count: int, timeout: float = 20) -> bool:
        """Wait until ``count`` requests arrived."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self.requests) >= count, timeout)

    def wait_released(self, timeout: float) -> None:
        """Block a handler until ``release`` (or the timeout)."""
        self._release.wait(timeout)

    def release(self) -> None:
        """Let every blocked or hanging handler finish."""
        self._release.set()

    def close(self) -> None:
        """Stop serving."""
        self.release()
        self.server.shutdown()
        self.server.server_close()


def _handler(receiver: HookReceiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {key.lower(): value for key, value in self.headers.items()}
            action = receiver.record(Received("POST", self.path, headers, body))
            if action == HANG:
                receiver.wait_released(30)
                self.close_connection = True
                return
            if action == BLOCK:
                receiver.wait_released(30)
                action = 200
            self._answer(int(action))

        def _answer(self, status: int) -> None:
            payload = b'{"ok": true}' if status < 300 else b'{"error": "scripted"}'
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except OSError:
                pass  # the client gave up (timeout, killed process)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


class _Collector:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        self.sink.add(message, list(envelope.rcpt_tos))  # type: ignore[arg-type]
        return "250 Message accepted"


class SmtpSink:
    """An aiosmtpd server on 127.0.0.1 collecting parsed messages; start/stop at will."""

    def __init__(
        self,
        port: int | None = None,
        credentials: tuple[str, str] | None = None,
        *,
        tls: str | None = None,
        certificate: ssl.SSLContext | None = None,
    ) -> None:
        """``tls``: "starttls" (required before mail) or "ssl" (implicit TLS), served with
        ``certificate``, a server-side SSL context."""
        self.port = port or free_port()
        self.credentials = credentials
        self.tls, self.certificate = tls, certificate
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self._changed = threading.Condition()
        self._controller: Controller | None = None

    def add(self, message: EmailMessage, recipients: list[str]) -> None:
        """Store one received message."""
        with self._changed:
            self.messages.append(message)
            self.recipients.append(recipients)
            self._changed.notify_all()

    def start(self) -> SmtpSink:
        """Listen on ``port``."""
        options: dict[str, Any] = {}
        if self.credentials:
            # aiosmtpd counts only STARTTLS as TLS here; an implicit-TLS socket is one already.
            require_tls = self.tls == "starttls"
            options = {"authenticator": self._authenticate, "auth_require_tls": require_tls}
        if self.tls == "starttls":
            options |= {"tls_context": self.certificate, "require_starttls": True}
        elif self.tls == "ssl":
            options["ssl_context"] = self.certificate
        self._controller = Controller(
            _Collector(self), hostname="127.0.0.1", port=self.port, **options
        )
        self._controller.start()
        return self

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        login = (
            (data.login.decode(), data.password.decode())
            if isinstance(data, LoginPassword)
            else None
        )
        return AuthResult(success=login == self.credentials, handled=False)

    def wait_for(self, count: int, timeout: float = 10) -> bool:
        """Wait until ``count`` messages arrived."""
        with self._changed:
            return self._changed.wait_for(lambda: len(self.messages) >= count, timeout)

    def stop(self) -> None:
        """Stop listening (connections are refused afterwards)."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


# --- store and config helpers shared by the alert tests -------------------------------------

T0 = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)
MARKET = {"key": "market_value", "label": "Market", "unit": "CNY", "terms": ["market size"]}


def alert_config(database: str, **sections: Any) -> Config:
    """A validated config with two sources plus the given rules, channels and metrics."""
    sources = [
        {"name": "nrta", "kind": "html", "url": "https://nrta.example/", "category": "government"},
        {"name": "portal", "kind": "rss", "url": "https://portal.example/feed"},
    ]
    return Config.model_validate({"database": database, "sources": sources, **sections})


def ingest(
    config: Config, url: str, title: str, text: str, *, source: str = "nrta", **fields: Any
) -> ArticleItem:
    """Run an article through text analysis, dedupe and store (with its alerts) like a crawl."""
    item = ArticleItem(
        url=url,
        source=source,
        category=config.source(source).category,
        title=title,
        text=text,
        language=fields.pop("language", "en"),
        fetched_at=fields.pop("fetched", T0),
        **fields,
    )
    crawler = get_crawler(settings_dict={"DRAMAWATCH_ANALYSIS_PROCESSES": 0})
    analysis = analyse_text(text, config.metrics, item.published_at)
    item.content_hash, item.signature, item.bands = (
        analysis.identity.content_hash,
        analysis.identity.signature,
        analysis.identity.bands,
    )
    item.observations = analysis.observations
    CanonicalUrlPipeline(crawler, config).process_item(item)
    with suppress(DropItem):  # duplicate or unchanged: item.status says which
        asyncio.run(StorePipeline(crawler, config).process_item(item))
    return item


def deliveries(store: Store) -> list[dict[str, Any]]:
    """Every delivery with its alert, as plain dicts."""
    with store.transaction() as tx:
        return [
            {
                "id": d.id,
                "channel": d.channel,
                "status": d.status,
                "attempts": d.attempts,
                "rule": d.alert.rule,
                "kind": d.alert.kind,
                "key": d.alert.dedupe_key,
                "payload": d.alert.payload,
                "code": d.last_status_code,
                "error": d.last_error,
                "next": d.next_attempt_at,
            }
            for d in tx.alerts.deliveries()
        ]


def alerts_cli() -> click.Group:
    """The alert commands under a root group like ``dramawatch`` (the lead registers them)."""

    @click.group()
    @click.option("--config", "config_path", type=click.Path(dir_okay=False))
    @click.pass_context
    def root(ctx: click.Context, config_path: str | None) -> None:
        ctx.obj = Context(config_path)

    root.add_command(alerts_group)
    root.add_command(rules_group)
    return root


def write_config(path: Path, config: Config) -> Path:
    """Write ``config`` as a YAML file the CLI can load."""
    data = config.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path
