"""Replay recorded sites over HTTP on 127.0.0.1, driven by a ``manifest.yaml`` of routes.

The manifest lists every URL the server answers, matched exactly on path plus query string::

    last_modified: "Mon, 01 Dec 2025 00:00:00 GMT"   # optional default for Last-Modified
    extends: manifest.yaml                            # optional: start from another manifest
    routes:
      - {path: /robots.txt, file: robots.txt, content_type: text/plain}
      - {path: /a.html, file: a.html, content_type: "text/html; charset=GBK"}
      - {path: /old.html, redirect: "{{base}}/a.html", status: 301}
      - {path: /huge.html, body_size: 3000000}
      - {path: /slow.html, file: a.html, hang: 30}
      - {path: /blank.html, empty: true}

Files are served as the raw bytes on disk (GBK stays GBK); only ``{{base}}`` is replaced, on
bytes, by the server's base URL. A route in an ``extends`` manifest is replaced by a route of
the same path. Every 200 answer carries an ``ETag`` and a ``Last-Modified`` and honours
``If-None-Match`` / ``If-Modified-Since`` with a 304.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import threading
import time
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

DEFAULT_MANIFEST = "manifest.yaml"
DEFAULT_LAST_MODIFIED = "Mon, 01 Dec 2025 00:00:00 GMT"
BASE_MARKER = b"{{base}}"
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
_ROUTE_KEYS = frozenset(
    {"path", "file", "status", "content_type", "headers", "redirect", "body_size", "hang", "empty"}
    | {"last_modified"}
)
_TYPES_BY_SUFFIX = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
}
_HTML = "text/html; charset=utf-8"


class ManifestError(ValueError):
    """Raised by :func:`load_manifest` for a malformed manifest; caught by nobody (a bug)."""

    def __init__(self, manifest: Path, where: str, problem: str) -> None:
        super().__init__(f"{manifest}: {where}: {problem}")
        self.manifest = manifest
        self.where = where


@dataclass(frozen=True)
class Route:
    """One served URL and how to answer it."""

    path: str
    file: str | None = None
    status: int = 200
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    redirect: str | None = None
    body_size: int | None = None
    hang: float = 0
    empty: bool = False
    last_modified: str = DEFAULT_LAST_MODIFIED


@dataclass(frozen=True)
class Reply:
    """A complete HTTP answer: status, headers and body bytes."""

    status: int
    headers: dict[str, str]
    body: bytes


def sites_root() -> Path:
    """Return the directory of the bundled recorded sites (holds ``manifest.yaml``)."""
    return Path(__file__).resolve().parent / "sites"


def load_manifest(root: Path, name: str = DEFAULT_MANIFEST) -> dict[str, Route]:
    """Read ``root/name`` (following ``extends``) into routes keyed by path plus query."""
    return _load(Path(root), name, seen=())


def _load(root: Path, name: str, seen: tuple[str, ...]) -> dict[str, Route]:
    manifest = root / name
    if name in seen:
        raise ManifestError(manifest, "extends", f"circular: {' -> '.join((*seen, name))}")
    doc = _read_yaml(manifest)
    routes = _load(root, doc["extends"], (*seen, name)) if doc.get("extends") else {}
    last_modified = str(doc.get("last_modified", DEFAULT_LAST_MODIFIED))
    entries = doc.get("routes") or []
    if not isinstance(entries, list):
        raise ManifestError(manifest, "routes", "must be a list of route mappings")
    for index, entry in enumerate(entries):
        route = _parse_route(entry, last_modified, manifest, f"routes[{index}]")
        _check_route(route, manifest, f"routes[{index}] ({route.path})")
        routes[route.path] = route
    return routes


def _read_yaml(manifest: Path) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(manifest, "file", "not found; pass an existing manifest") from None
    except yaml.YAMLError as exc:
        raise ManifestError(manifest, "yaml", f"cannot be parsed: {exc}") from None
    if not isinstance(doc, dict):
        raise ManifestError(manifest, "top level", "must be a mapping with a 'routes' list")
    return doc


def _parse_route(entry: Any, last_modified: str, manifest: Path, where: str) -> Route:
    if not isinstance(entry, dict) or "path" not in entry:
        raise ManifestError(manifest, where, "each route needs a 'path'")
    unknown = sorted(set(entry) - _ROUTE_KEYS)
    if unknown:
        supported = ", ".join(sorted(_ROUTE_KEYS))
        raise ManifestError(manifest, where, f"unknown key(s) {unknown} (supported: {supported})")
    values = dict(entry)
    values.setdefault("last_modified", last_modified)
    if values.get("redirect") and "status" not in values:
        values["status"] = 302
    values["headers"] = {str(k): str(v) for k, v in (values.get("headers") or {}).items()}
    return Route(**values)


def _check_route(route: Route, manifest: Path, where: str) -> None:
    # A missing file is reported when it is requested (404 plus a warning), not here, so that
    # one absent page does not take every other recorded site down with it.
    if not route.path.startswith("/"):
        raise ManifestError(manifest, where, "path must start with '/'")
    if route.redirect and route.status not in REDIRECT_STATUSES:
        raise ManifestError(manifest, where, f"a redirect needs a status in {REDIRECT_STATUSES}")
    sources = [bool(route.file), bool(route.redirect), route.body_size is not None, route.empty]
    if sum(sources) > 1:
        raise ManifestError(manifest, where, "give only one of file, redirect, body_size, empty")


def render(route: Route, root: Path, base_url: str) -> Reply:
    """Build the full answer for ``route``, with ``{{base}}`` replaced by ``base_url``."""
    body = _body(route, root, base_url)
    headers = {"Content-Type": route.content_type or _guess_type(route.file)}
    headers.update({k: _expand(v, base_url) for k, v in route.headers.items()})
    if route.redirect:
        headers["Location"] = _expand(route.redirect, base_url)
    if route.status == 200:
        headers["ETag"] = '"' + hashlib.sha256(body).hexdigest()[:24] + '"'
        headers["Last-Modified"] = route.last_modified
    return Reply(route.status, headers, body)


def _body(route: Route, root: Path, base_url: str) -> bytes:
    if route.empty:
        return b""
    if route.body_size is not None:
        return generate_page(route.body_size)
    if route.file:
        return (root / route.file).read_bytes().replace(BASE_MARKER, base_url.encode("ascii"))
    if route.redirect:
        target = _expand(route.redirect, base_url)
        return f'<html><body>Moved to <a href="{target}">{target}</a></body></html>'.encode()
    return b"<html><head><title>OK</title></head><body><p>OK</p></body></html>"


def _expand(value: str, base_url: str) -> str:
    return value.replace(BASE_MARKER.decode("ascii"), base_url)


def _guess_type(file: str | None) -> str:
    return _TYPES_BY_SUFFIX.get(Path(file).suffix.lower(), _HTML) if file else _HTML


def generate_page(size: int) -> bytes:
    """Return a well-formed HTML page of exactly ``size`` bytes (for over-size tests)."""
    head = b"<!DOCTYPE html><html><head><title>Oversize page</title></head><body>\n"
    tail = b"</body></html>\n"
    line = b"<p>Filler paragraph to make this page very large. 0123456789 abcdefghij.</p>\n"
    room = size - len(head) - len(tail)
    if room < 0:
        return (head + tail)[:size]
    filler = line * (room // len(line) + 1)
    return head + filler[:room] + tail


def not_found_page(path: str) -> Reply:
    """The 404 answer for a path no route serves."""
    body = (
        b"<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>"
        b"<h1>404 Not Found</h1><p>The requested URL was not found on this server.</p>"
        b"</body></html>"
    )
    logger.debug("No route for %s", path)
    return Reply(404, {"Content-Type": _HTML}, body)


def is_not_modified(request_headers: Any, reply: Reply) -> bool:
    """True when a conditional GET matches ``reply`` (If-None-Match wins over the date)."""
    if reply.status != 200:
        return False
    if_none_match = request_headers.get("If-None-Match")
    if if_none_match:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or reply.headers["ETag"] in tags
    since = request_headers.get("If-Modified-Since")
    return bool(since) and _not_after(reply.headers["Last-Modified"], since)


def _not_after(last_modified: str, since: str) -> bool:
    try:
        return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


class _Handler(BaseHTTPRequestHandler):
    """Answers from the owning :class:`SiteServer`'s current routes."""

    server: _HTTPServer
    server_version = "nginx"
    sys_version = ""

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        reply = self.server.site.reply_for(self.path, self.headers)
        if reply is None:  # the server is stopping while this request hung
            return
        try:
            self._send(reply, send_body)
        except (BrokenPipeError, ConnectionResetError) as exc:
            logger.debug("Client went away during %s: %s", self.path, exc)

    def _send(self, reply: Reply, send_body: bool) -> None:
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if send_body and reply.body:
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s " + format, self.address_string(), *args)


class _HTTPServer(ThreadingHTTPServer):
    """A threading server that knows its :class:`SiteServer` and logs errors quietly."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], site: SiteServer) -> None:
        super().__init__(address, _Handler)
        self.site = site

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that time out or cancel (the point of several tests) are not errors here.
        logger.debug("Error while answering %s", client_address, exc_info=True)


class SiteServer:
    """Serve a manifest-described tree of recorded sites on a free local port."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = Path(root)
        self.host = host
        self.port = port
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._routes = load_manifest(self.root)
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT`` of the running server."""
        if self._httpd is None:
            raise RuntimeError("SiteServer is not started; call start() or use it in a with")
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        """Absolute URL of ``path`` (path plus query) on this server."""
        return self.base_url + path

    def start(self) -> SiteServer:
        """Bind and serve in a daemon thread; return self."""
        if self._httpd is not None:
            return self
        self._stopping.clear()
        self._httpd = _HTTPServer((self.host, self.port), self)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"SiteServer:{self.port}",
            daemon=True,
        )
        self._thread.start()
        logger.debug("Serving %s at %s", self.root, self.base_url)
        return self

    def stop(self) -> None:
        """Stop serving and release the port (hanging requests are abandoned)."""
        if self._httpd is None:
            return
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd, self._thread = None, None

    def use_manifest(self, name: str) -> None:
        """Switch to another manifest under the same root, e.g. ``manifest-update.yaml``."""
        self._routes = load_manifest(self.root, name)
        logger.debug("Now serving manifest %s", name)

    def clear_requests(self) -> None:
        """Forget the request log (e.g. between two crawls)."""
        with self._lock:
            self.requests.clear()

    def reply_for(self, path: str, request_headers: Any) -> Reply | None:
        """Record ``path`` and build its answer; None if the server stopped mid-hang."""
        with self._lock:
            self.requests.append(path)
        route = self._routes.get(path)
        if route is None:
            return not_found_page(path)
        if route.hang and self._stopping.wait(route.hang):
            return None
        if route.file and not (self.root / route.file).is_file():
            logger.warning("Route %s: file %s is missing under %s", path, route.file, self.root)
            return not_found_page(path)
        reply = render(route, self.root, self.base_url)
        if is_not_modified(request_headers, reply):
            headers = {k: v for k, v in reply.headers.items() if k != "Content-Type"}
            return replace(reply, status=304, headers=headers, body=b"")
        return reply

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """Serve the bundled sites until Ctrl-C (``python -m dramawatch.demo.server``)."""
    parser = argparse.ArgumentParser(description="Serve dramawatch's recorded demo sites.")
    parser.add_argument("--port", type=int, default=8000, help="port (0 = any free port)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--manifest", default=DEFAULT_MANIFEST, help="manifest under the root")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = SiteServer(sites_root(), host=args.host, port=args.port)
    server.use_manifest(args.manifest)
    with server:
        logger.info("Serving the demo sites at %s (Ctrl-C to stop)", server.base_url)
        logger.info("For the demo config: export DEMO_BASE=%s", server.base_url)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            logger.info("Stopped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
