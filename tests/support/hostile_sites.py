"""Hostile and broken sites, served on 127.0.0.1 for the crawl tests.

One ``HostileSites`` runs two servers: ``home`` (the sources' own host and port) and ``other``
(the same host on another port). The foreign host is ``localhost`` on the home port: the same
socket, another host name, so any request that crosses the fence is recorded with its Host
header. Every case is a source of :func:`hostile_sources`; :data:`FENCE_TRAPS` are the paths
behind which a foreign page waits.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml

from tests.support.hostile_pages import CRAWLED, page_at

LIMIT = 1_000_000  # the test config's download_maxsize
BOMB_SIZE = 200_000_000  # what each bomb expands to
CHUNKED_SIZE = 3 * LIMIT
TOPIC = "micro-drama"
MARKUP_TITLE = "Micro-drama [/x] boom [link=http://evil.invalid/]click here[/link] [bold]"
CONTROL_TEXT = "Micro-drama output rose\x1b[31m sharply\x07 in the third quarter"
CRLF_TITLE = "Micro-drama rules\r\nMatched: forged rule"
REDIRECT_CODES = (301, 302, 303, 307, 308)
WIDE = 4  # child sitemaps of /wide/index.xml, three articles each

Reply = tuple[int, dict[str, str], bytes]


@dataclass
class Hit:
    """One request a server received."""

    host: str
    path: str


@dataclass
class _State:
    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _html(title: str, body: str, head: str = "") -> bytes:
    paragraphs = "".join(f"<p>{body} Paragraph {n} about the {TOPIC} market.</p>" for n in range(6))
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body><article>"
        f"<h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _feed(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>Mon, 01 Dec 2025 0{n % 10}:00:00 GMT</pubDate></item>"
        for n, (link, title) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{entries}'
        "</channel></rss>"
    ).encode()


def _urlset(locs: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


def _index(locs: list[str]) -> bytes:
    maps = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return (
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>'
    ).encode()


@cache
def gzip_bomb() -> bytes:
    """A gzip stream of a sitemap that expands to :data:`BOMB_SIZE` bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><!--'
    parts = [packer.compress(head)]
    block = b" " * 1_000_000
    parts += [packer.compress(block) for _ in range(BOMB_SIZE // len(block))]
    parts.append(packer.compress(b"--></urlset>") + packer.flush())
    return b"".join(parts)


_HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}
_XML_TYPE = {"Content-Type": "application/xml; charset=utf-8"}
_RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}


class HostileSites:
    """The two servers and the routes of every hostile case."""

    def __init__(self) -> None:
        self._state = _State()
        gzip_bomb()  # built before any request waits for it
        self.home = _serve(self)
        self.other = _serve(self)

    @property
    def base(self) -> str:
        """The sources' own origin."""
        return f"http://127.0.0.1:{self.home.server_port}"

    @property
    def foreign(self) -> str:
        """Another host name on the home port."""
        return f"http://localhost:{self.home.server_port}"

    @property
    def other_port(self) -> str:
        """The same host on another port."""
        return f"http://127.0.0.1:{self.other.server_port}"

    @property
    def hits(self) -> list[Hit]:
        """Every request received so far."""
        with self._state.lock:
            return list(self._state.hits)

    def foreign_hits(self) -> list[Hit]:
        """Requests that crossed the fence: another host name or the other port."""
        home = f"127.0.0.1:{self.home.server_port}"
        return [hit for hit in self.hits if hit.host != home]

    def count(self, key: str) -> int:
        """How often ``key`` was answered (for the stateful routes)."""
        with self._state.lock:
            self._state.counts[key] = self._state.counts.get(key, 0) + 1
            return self._state.counts[key]

    def close(self) -> None:
        """Stop both servers."""
        for server in (self.home, self.other):
            server.shutdown()
            server.server_close()

    def __enter__(self) -> HostileSites:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def record(self, host: str, path: str) -> None:
        """Remember one request."""
        with self._state.lock:
            self._state.hits.append(Hit(host, path))

    def answer(self, host: str, path: str) -> Reply | Callable[[Any], None]:
        """The reply to ``path``: anything off the home origin gets a foreign page."""
        if host != f"127.0.0.1:{self.home.server_port}":
            return 200, _HTML_TYPE, _html(f"Foreign {TOPIC} page", f"Foreign {TOPIC} news.")
        route = urlsplit(path).path
        handler = _ROUTES.get(route) or (_hostile_page if route.startswith("/hostile/") else None)
        if handler is None:
            return 404, _HTML_TYPE, b"<html><body>not found</body></html>"
        return handler(self, path)


def _serve(sites: HostileSites) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            host = self.headers.get("Host", "")
            sites.record(host, self.path)
            reply = sites.answer(host, self.path)
            if callable(reply):
                reply(self)
                return
            status, headers, body = reply
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _article(title: str = f"Plain {TOPIC} article", body: str = f"{TOPIC} news") -> Reply:
    return 200, _HTML_TYPE, _html(title, body)


def _redirect(location: str, status: int = 302) -> Reply:
    return status, {"Location": location, **_HTML_TYPE}, b""


# --- fence tricks -------------------------------------------------------------------------


def _retry_feed(sites: HostileSites, path: str) -> Reply:
    links = [f"{sites.base}/retry/host.html", f"{sites.base}/retry/port.html"]
    return 200, _RSS_TYPE, _feed([(link, f"{TOPIC} retried {n}") for n, link in enumerate(links)])


def _retry_then_leave(sites: HostileSites, path: str) -> Reply:
    if sites.count(path) == 1:
        return 503, _HTML_TYPE, b"busy"
    target = sites.foreign if "host" in path else sites.other_port
    return _redirect(f"{target}/foreign/retried.html")


def _codes_feed(sites: HostileSites, path: str) -> Reply:
    items = [(f"{sites.base}/codes/go?code={code}", f"{TOPIC} {code}") for code in REDIRECT_CODES]
    items.append((f"{sites.base}/codes/go?code=302&port=1", f"{TOPIC} port"))
    items.append((f"{sites.base}/codes/refresh.html", f"{TOPIC} refresh"))
    items.append((f"{sites.base}/codes/canonical.html", f"{TOPIC} canonical"))
    return 200, _RSS_TYPE, _feed(items)


def _code(sites: HostileSites, path: str) -> Reply:
    query = parse_qs(urlsplit(path).query)
    target = sites.other_port if "port" in query else sites.foreign
    code = int(query["code"][0])
    return _redirect(f"{target}/foreign/{code}.html", code)


def _meta_refresh(sites: HostileSites, path: str) -> Reply:
    head = f'<meta http-equiv="refresh" content="0; url={sites.foreign}/foreign/refresh.html">'
    return 200, _HTML_TYPE, _html(f"{TOPIC} refresh", "moving", head)


def _canonical(sites: HostileSites, path: str) -> Reply:
    head = f'<link rel="canonical" href="{sites.foreign}/foreign/canonical.html">'
    return 200, _HTML_TYPE, _html(f"Canonical {TOPIC} story", f"{TOPIC} canonical", head)


def _foreign_links_feed(sites: HostileSites, path: str) -> Reply:
    items = [
        (f"{sites.foreign}/foreign/feed-item.html", f"{TOPIC} foreign"),
        (f"{sites.other_port}/foreign/feed-port.html", f"{TOPIC} port"),
        (f"{sites.base}/article/own.html", f"{TOPIC} own"),
    ]
    return 200, _RSS_TYPE, _feed(items)


def _foreign_sitemap_index(sites: HostileSites, path: str) -> Reply:
    locs = [
        f"{sites.foreign}/foreign/sitemap.xml",
        f"{sites.other_port}/foreign/sitemap.xml",
        f"{sites.base}/sitemaps/urls.xml",
    ]
    return 200, _XML_TYPE, _index(locs)


def _foreign_urlset(sites: HostileSites, path: str) -> Reply:
    locs = [
        f"{sites.foreign}/foreign/sitemap-item.html",
        f"{sites.other_port}/foreign/sitemap-port.html",
        f"{sites.base}/article/own-sitemap.html",
    ]
    return 200, _XML_TYPE, _urlset(locs)


def _own_article(sites: HostileSites, path: str) -> Reply:
    route = urlsplit(path).path
    return _article(f"Own {TOPIC} article {route}", f"{TOPIC} news of {route}")


def _wide_index(sites: HostileSites, path: str) -> Reply:
    return 200, _XML_TYPE, _index([f"{sites.base}/wide/map?n={n}" for n in range(WIDE)])


def _wide_map(sites: HostileSites, path: str) -> Reply:
    n = parse_qs(urlsplit(path).query)["n"][0]
    return 200, _XML_TYPE, _urlset([f"{sites.base}/wide/article?n={n}&k={k}" for k in range(3)])


def _wide_article(sites: HostileSites, path: str) -> Reply:
    return _article(f"Wide {TOPIC} article {path}", f"{TOPIC} news of {path}")


# --- bombs ----------------------------------------------------------------------------------


def _gzip_sitemap(sites: HostileSites, path: str) -> Reply:
    return 200, {"Content-Type": "application/x-gzip"}, gzip_bomb()


def _gzip_encoded_feed(sites: HostileSites, path: str) -> Reply:
    return 200, {**_RSS_TYPE, "Content-Encoding": "gzip"}, gzip_bomb()


def _chunked_feed(sites: HostileSites, path: str) -> Reply:
    return 200, _RSS_TYPE, _feed([(f"{sites.base}/bombs/chunked.html", f"{TOPIC} chunked")])


def _chunked(sites: HostileSites, path: str) -> Callable[[Any], None]:
    def send(handler: Any) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        chunk = b"<p>" + b"x" * 65_536 + b"</p>"
        try:
            for _ in range(CHUNKED_SIZE // len(chunk) + 1):
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            handler.wfile.write(b"0\r\n\r\n")
        except OSError:  # the client hung up, as it should
            pass
        handler.close_connection = True

    return send


# --- loops and traps ------------------------------------------------------------------------


def _endless_index(sites: HostileSites, path: str) -> Reply:
    n = int(parse_qs(urlsplit(path).query).get("n", ["1"])[0])
    locs = [f"{sites.base}/loops/endless.xml?n={n + 1}", f"{sites.base}/loops/endless.xml?n={-n}"]
    return 200, _XML_TYPE, _index(locs)


def _self_redirect(sites: HostileSites, path: str) -> Reply:
    return _redirect(f"{sites.base}{path}")


def _chain(sites: HostileSites, path: str) -> Reply:
    n = int(parse_qs(urlsplit(path).query).get("n", ["1"])[0])
    return _redirect(f"{sites.base}/loops/chain?n={n + 1}")


def _moved(sites: HostileSites, path: str) -> Reply:
    return _redirect(f"{sites.foreign}/foreign/feed.xml", 301)


# --- markup and control characters ------------------------------------------------------------


def _text_feed(sites: HostileSites, path: str) -> Reply:
    items = [
        (f"{sites.base}/text/markup.html", "markup"),
        (f"{sites.base}/text/control.html", "control"),
        (f"{sites.base}/text/crlf.html", "crlf"),
    ]
    return 200, _RSS_TYPE, _feed(items)


def _markup(sites: HostileSites, path: str) -> Reply:
    return _article(MARKUP_TITLE, f"{TOPIC} markup [red]not red[/red]")


def _control(sites: HostileSites, path: str) -> Reply:
    body = CONTROL_TEXT.replace("\x1b", "&#27;").replace("\x07", "&#7;")
    return _article(f"Control {TOPIC} characters", body)


def _crlf(sites: HostileSites, path: str) -> Reply:
    return _article(CRLF_TITLE.replace("\r\n", "&#13;&#10;"), f"{TOPIC} crlf")


# --- hostile pages (tests.support.hostile_pages) ---------------------------------------------


def _pages_feed(sites: HostileSites, path: str) -> Reply:
    items = [(f"{sites.base}/hostile/{name}.html", f"{TOPIC} {name}") for name in CRAWLED]
    return 200, _RSS_TYPE, _feed([*items, (f"{sites.base}/article/after.html", "after")])


def _hostile_page(sites: HostileSites, path: str) -> Reply:
    page = page_at(urlsplit(path).path)
    if page is None:
        return 404, _HTML_TYPE, b"<html><body>not found</body></html>"
    return 200, {"Content-Type": page.content_type}, page.body


_ROUTES: dict[str, Callable[[HostileSites, str], Reply | Callable[[Any], None]]] = {
    "/robots.txt": lambda sites, path: (200, {"Content-Type": "text/plain"}, b""),
    "/retry/feed.xml": _retry_feed,
    "/retry/host.html": _retry_then_leave,
    "/retry/port.html": _retry_then_leave,
    "/codes/feed.xml": _codes_feed,
    "/codes/go": _code,
    "/codes/refresh.html": _meta_refresh,
    "/codes/canonical.html": _canonical,
    "/links/feed.xml": _foreign_links_feed,
    "/sitemaps/index.xml": _foreign_sitemap_index,
    "/sitemaps/urls.xml": _foreign_urlset,
    "/article/own.html": _own_article,
    "/article/own-sitemap.html": _own_article,
    "/article/after.html": _own_article,
    "/hostile/feed.xml": _pages_feed,
    "/wide/index.xml": _wide_index,
    "/wide/map": _wide_map,
    "/wide/article": _wide_article,
    "/bombs/sitemap.xml.gz": _gzip_sitemap,
    "/bombs/feed.xml": _gzip_encoded_feed,
    "/bombs/chunked-feed.xml": _chunked_feed,
    "/bombs/chunked.html": _chunked,
    "/loops/endless.xml": _endless_index,
    "/loops/self.xml": _self_redirect,
    "/loops/chain": _chain,
    "/loops/moved.xml": _moved,
    "/text/feed.xml": _text_feed,
    "/text/markup.html": _markup,
    "/text/control.html": _control,
    "/text/crlf.html": _crlf,
}

# Source name -> (kind, start path): every case as a configured source.
SOURCES: dict[str, tuple[str, str]] = {
    "retry-redirect": ("rss", "/retry/feed.xml"),
    "redirect-codes": ("rss", "/codes/feed.xml"),
    "foreign-feed-links": ("rss", "/links/feed.xml"),
    "foreign-sitemap-links": ("sitemap", "/sitemaps/index.xml"),
    "wide-sitemap": ("sitemap", "/wide/index.xml"),
    "gzip-sitemap-bomb": ("sitemap", "/bombs/sitemap.xml.gz"),
    "gzip-encoding-bomb": ("rss", "/bombs/feed.xml"),
    "chunked-oversize": ("rss", "/bombs/chunked-feed.xml"),
    "endless-sitemap": ("sitemap", "/loops/endless.xml?n=1"),
    "self-redirect-feed": ("rss", "/loops/self.xml"),
    "redirect-chain": ("rss", "/loops/chain?n=1"),
    "moved-start": ("rss", "/loops/moved.xml"),
    "markup-and-control": ("rss", "/text/feed.xml"),
    "hostile-pages": ("rss", "/hostile/feed.xml"),
}
# Sources whose start request must end in a recorded failure, and what the reason says.
FAILING: dict[str, str] = {
    "gzip-sitemap-bomb": "maximum size",
    "gzip-encoding-bomb": "maximum size",
    "self-redirect-feed": "redirect loop",
    "redirect-chain": "redirect",
    "moved-start": "foreign",
}


def hostile_sources(base: str) -> list[dict[str, str]]:
    """Every case as a config ``sources:`` entry."""
    return [
        {"name": name, "kind": kind, "url": f"{base}{path}", "language": "en"}
        for name, (kind, path) in SOURCES.items()
    ]


# Generous limits: the tree is the crawl, its analysis processes and the writer. A bomb that
# got through would hold its 200 MB (twice, while being copied) in one process.
PEAK_RSS_LIMIT = 1_500_000_000
LARGEST_RSS_LIMIT = 350_000_000


def hostile_config(database: str, base: str, **crawl: Any) -> str:
    """A config crawling every hostile case with a 1 MB size limit."""
    tree = {
        "database": database,
        "topic": {"keywords": [TOPIC, "微短剧"]},
        "crawl": {
            "download_maxsize": LIMIT,
            "download_timeout": 5,
            "retries": 1,
            "autothrottle": False,
            "max_articles_per_source": 20,
            **crawl,
        },
        "sources": hostile_sources(base),
    }
    return yaml.safe_dump(tree, sort_keys=False)


def run(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a CLI command to its end."""
    return subprocess.run(
        [sys.executable, "-m", "dramawatch", *args],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
