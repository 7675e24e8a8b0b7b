"""A small site on 127.0.0.1 from a dict of routes, for discovery and ``sources`` tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Routes = dict[str, tuple[str, str | bytes]]  # path (with query) -> (content type, body)


@contextmanager
def serve(routes: Routes) -> Iterator[str]:
    """Serve ``routes`` (``{{base}}`` in bodies becomes the base URL); yield the base URL."""
    handler = type("Handler", (_Handler,), {"routes": routes, "base": ""})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield handler.base
    finally:
        server.shutdown()
        server.server_close()


class _Handler(BaseHTTPRequestHandler):
    routes: Routes
    base: str

    def log_message(self, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        route = self.routes.get(self.path)
        if route is None:
            self._send(404, "text/plain", b"not found")
            return
        kind, body = route
        data = body.encode("utf-8") if isinstance(body, str) else body
        self._send(200, kind, data.replace(b"{{base}}", self.base.encode()))

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
