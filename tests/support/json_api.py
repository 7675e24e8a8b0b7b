"""A JSON list API on 127.0.0.1 shaped like real government portals, with its articles.

``POST /zwgk-search-front/api/data/affair`` answers like Pudong's channel list (body
``{"channelList": [...], "pageSize": N, "pageNo": P}``, items in ``data.list``); ``GET
/zhengce/zuixin/ZUIXINZHENGCE.json`` like gov.cn's policy list (a bare array of ``URL``,
``TITLE``, ``DOCRELPUBTIME``). ``GET /zwgk/zxxxgk/index.html`` is the page whose inline script
POSTs to the channel list. Requests are recorded for the tests to inspect.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PAGES = Path(__file__).parents[1] / "fixtures" / "json_lists"
ARTICLES = {
    "/0060011/20250212/801408.html": "pudong-801408.html",
    "/0060011/20250210/801377.html": "pudong-801377.html",
    "/0060011/20250205/801201.html": "pudong-801201.html",
    "/zhengce/content/202512/content_7050101.htm": "govcn-7050101.html",
    "/zhengce/content/202512/content_7050088.htm": "govcn-7050088.html",
}


@dataclass
class JsonApi:
    """The running server: its base URL and the requests it received."""

    base_url: str
    requests: list[dict[str, Any]] = field(default_factory=list)


@contextmanager
def json_api() -> Iterator[JsonApi]:
    """Serve the JSON lists and articles on a free port for the duration of the block."""
    api = JsonApi("")
    handler = type("Handler", (_Handler,), {"api": api})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    api.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield api
    finally:
        server.shutdown()
        server.server_close()


class _Handler(BaseHTTPRequestHandler):
    api: JsonApi

    def log_message(self, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        self._record(b"")
        path = self.path.split("?", 1)[0]
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/zwgk/zxxxgk/index.html":
            page = (PAGES / "pudong-zxxxgk.html").read_bytes()
            self._send(200, page, "text/html; charset=utf-8")
        elif path == "/zhengce/zuixin/ZUIXINZHENGCE.json":
            self._send(200, (PAGES / "govcn-zuixin.json").read_bytes(), "application/json")
        elif path in ARTICLES:
            self._send(200, (PAGES / ARTICLES[path]).read_bytes(), "text/html; charset=utf-8")
        else:
            self._send(404, b"not found", "text/plain")

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._record(body)
        if self.path != "/zwgk-search-front/api/data/affair":
            self._send(404, b"not found", "text/plain")
            return
        try:
            page = int(json.loads(body or b"{}").get("pageNo", 1))
        except (ValueError, AttributeError):
            self._send(400, b'{"code": 400, "message": "bad body"}', "application/json")
            return
        file = PAGES / f"pudong-affair-{page}.json"
        empty = b'{"code": 200, "data": {"total": 3, "list": []}}'
        self._send(200, file.read_bytes() if file.is_file() else empty, "application/json")

    def _record(self, body: bytes) -> None:
        self.api.requests.append(
            {
                "method": self.command,
                "path": self.path,
                "body": body.decode("utf-8", "replace"),
                "content_type": self.headers.get("Content-Type"),
            }
        )

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        # This server closes every connection after one answer (HTTP/1.0); said so, the
        # client does not pool the connection and send a later request into a closing socket.
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
