"""A fast threaded HTTP/1.1 server on 127.0.0.1 that answers from a dict of pre-rendered pages."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

from bench.pages import Site

LAST_MODIFIED = "Mon, 01 Dec 2025 00:00:00 GMT"
_EMPTY = Site({}, {}, ())


class _Handler(BaseHTTPRequestHandler):
    """Serves ``server.site``; honours If-None-Match with a 304."""

    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    server: _Server

    def do_GET(self) -> None:
        """Answer one GET from memory."""
        path = self.path.split("#", 1)[0]
        body = self.server.site.pages.get(path)
        self.server.count(path)
        if body is None:
            self._send(404, b"not found", "text/plain", None)
            return
        etag = self.server.etags[path]
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", None, etag)
            return
        self._send(200, body, self.server.site.types[path], etag)

    def do_POST(self) -> None:
        """Accept a webhook delivery (the bench config's alert channel points here)."""
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.count(self.path)
        self._send(204, b"", None, None)

    def _send(self, status: int, body: bytes, content_type: str | None, etag: str | None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
        if status != 204:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: thousands of requests per run."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = _EMPTY
        self.etags: dict[str, str] = {}
        self.articles: frozenset[str] = frozenset()
        self.requests = 0
        self.article_requests = 0
        self._lock = threading.Lock()

    def count(self, path: str) -> None:
        with self._lock:
            self.requests += 1
            self.article_requests += path in self.articles


class PageServer:
    """``with PageServer() as server: server.set_site(build(server.base_url))``, in a thread."""

    def __init__(self) -> None:
        self._server = _Server()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def requests(self) -> int:
        """How many requests were answered so far."""
        return self._server.requests

    @property
    def article_requests(self) -> int:
        """How many of them asked for an article page (answered 200 or 304)."""
        return self._server.article_requests

    def set_site(self, site: Site) -> None:
        """Serve ``site`` from now on (its pages may embed ``base_url``)."""
        self._server.etags = {path: _etag(body) for path, body in site.pages.items()}
        self._server.articles = frozenset(site.article_paths)
        self._server.site = site

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def _etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
