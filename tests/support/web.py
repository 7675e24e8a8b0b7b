"""Web test helpers: a hostile site and a refusing webhook on 127.0.0.1, the web app served in a
thread, free ports and waiting for a server to answer."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import uvicorn

from config import WebSettings
from storage import Store
from web import create_app

HOSTILE_TITLE = "短剧 micro-drama <script>window.__pwned=1</script>\r\nX-Injected: yes"
HOSTILE_PAGES = {
    "/hostile/index.html": (
        "<html><head><title>Hostile listing</title></head><body><ul class='news'>"
        "<li><a href='/hostile/a1.html'>Micro-drama news</a></li>"
        "<li><a href='javascript:window.__pwned=1'>click</a></li></ul></body></html>"
    ),
    "/hostile/a1.html": (
        "<html><head><meta charset='utf-8'>"
        "<title>短剧 micro-drama &lt;script&gt;window.__pwned=1&lt;/script&gt;&#13;&#10;"
        "X-Injected: yes</title>"
        "<meta property='article:published_time' content='2025-11-02T08:00:00+08:00'></head>"
        "<body><article><h1>短剧 micro-drama &lt;script&gt;window.__pwned=1&lt;/script&gt;</h1>"
        '<p>The micro-drama market &lt;img src=x onerror="window.__pwned=1"&gt; grew fast '
        "this year, according to an industry report on vertical drama platforms.</p>"
        '<p>Regulators said the short drama sector &lt;a href="javascript:window.__pwned=1"&gt;'
        "link&lt;/a&gt; must register every title. 微短剧行业监管加强，平台需要备案。</p>"
        "<p><a href='javascript:window.__pwned=1'>Read more about micro-drama</a> "
        "<img src='x' onerror='window.__pwned=1'> The short drama audience keeps growing "
        "across the country, and producers plan more vertical drama series next year.</p>"
        "</article></body></html>"
    ),
}
HOSTILE_SOURCE = {
    "name": "hostile-site", "kind": "html", "category": "media", "language": "en",
    "link_selector": "ul.news a",
}  # fmt: skip


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        page = HOSTILE_PAGES.get(self.path)
        if page is None:
            self.send_error(404)
            return
        body = page.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        # The webhook: drain the body, then refuse for good (410: not retried, so failed).
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(410)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def hostile_site() -> Iterator[str]:
    """Serve the hostile pages and the refusing webhook; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_app(store: Store, settings: WebSettings | None = None) -> Iterator[str]:
    """The web app under uvicorn in a thread on a free port; yields its base URL."""
    config = uvicorn.Config(create_app(store, settings), host="127.0.0.1", port=0,
                            log_level="warning", lifespan="off")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float = 30) -> httpx.Response:
    """The first answer of ``url`` (the server may still be starting)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
