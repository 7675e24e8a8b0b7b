"""The recorded-sites server: routes, raw bytes, conditional GET, manifests, and the goldens."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.request import HTTPRedirectHandler, Request, build_opener

import pytest
import yaml

from dramawatch.demo.server import (
    ManifestError,
    SiteServer,
    generate_page,
    load_manifest,
    sites_root,
)

REPO = Path(__file__).resolve().parents[2]
EXPECTED = yaml.safe_load((REPO / "tests/fixtures/expected_articles.yaml").read_text("utf-8"))
DEMO_CONFIG = yaml.safe_load((REPO / "config/demo.yaml").read_text("utf-8"))
SITES = sites_root()
GBK_HEADER_PAGE = "/shanghai-zh/nw12344/20240625/4d1d0b2f8c7a4e9b9d3c2f1a0e6b5c47.html"
GB2312_META_PAGE = "/shanghai-zh/nw12344/20241220/5c2f7e1a9b3d4f60a8e2c1d7b9f3a6e4.html"
SHIO_LISTING = "/shio/jsp/zfxw_default_en.jsp?p_page=1&siteId=300"
NRTA_LISTING = "/nrta/col/col113/index.html"
NEW_NOTICE = "/nrta/art/2025/3/20/art_113_70402.html"
WHITE_PAPER = "/cnsa/art/2025/3/27/art_1955_41102.html"


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = build_opener(_NoRedirect)


def fetch(
    url: str, headers: dict[str, str] | None = None, method: str = "GET", timeout: float = 5
) -> tuple[int, Message, bytes]:
    """GET (or HEAD) without following redirects: (status, headers, body)."""
    request = Request(url, headers=headers or {}, method=method)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def server() -> Iterator[SiteServer]:
    with SiteServer(SITES) as running:
        yield running


@pytest.fixture
def fresh_server() -> Iterator[SiteServer]:
    with SiteServer(SITES) as running:
        yield running


def _file_bytes(relative: str, base_url: str) -> bytes:
    return (SITES / relative).read_bytes().replace(b"{{base}}", base_url.encode("ascii"))


# --- routes and status codes -------------------------------------------------------------------


def test_base_url_is_loopback_with_a_real_port(server: SiteServer) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.base_url)
    assert server.port > 0


def test_robots_txt_disallows_private(server: SiteServer) -> None:
    status, headers, body = fetch(server.url("/robots.txt"))
    assert status == 200
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert b"User-agent: *\nDisallow: /private/" in body
    assert f"Sitemap: {server.base_url}/globaltimes/sitemap.xml".encode() in body


def test_route_matches_path_and_query_exactly(server: SiteServer) -> None:
    status, headers, body = fetch(server.url(SHIO_LISTING))
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert b'class="next"' in body
    assert fetch(server.url("/shio/jsp/zfxw_default_en.jsp?siteId=300&p_page=1"))[0] == 404


def test_unknown_path_is_a_404_page(server: SiteServer) -> None:
    status, headers, body = fetch(server.url("/no/such/page.html"))
    assert status == 404
    assert headers["Content-Type"].startswith("text/html")
    assert b"404 Not Found" in body


def test_status_routes_serve_their_error_pages(server: SiteServer) -> None:
    status, _, body = fetch(server.url("/broken/articles/missing.html"))
    assert (status, b"Page not found" in body) == (404, True)
    status, _, body = fetch(server.url("/broken/articles/error.html"))
    assert (status, b"Internal Server Error" in body) == (500, True)


def test_redirect_has_absolute_location(server: SiteServer) -> None:
    status, headers, _ = fetch(server.url("/broken/articles/moved.html"))
    assert status == 301
    target = "/broken/articles/2025/xian-microdrama-tourism-trail.html"
    assert headers["Location"] == server.url(target)
    assert fetch(headers["Location"])[0] == 200


def test_empty_route_is_200_with_no_body(server: SiteServer) -> None:
    status, headers, body = fetch(server.url("/broken/articles/empty.html"))
    assert (status, body, headers["Content-Length"]) == (200, b"", "0")


def test_body_size_generates_exact_size(server: SiteServer) -> None:
    status, headers, body = fetch(server.url("/broken/articles/huge.html"))
    assert status == 200
    assert len(body) == 3_000_000 == int(headers["Content-Length"])
    assert body.startswith(b"<!DOCTYPE html>") and body.endswith(b"</html>\n")


@pytest.mark.parametrize("size", [0, 10, 100, 4096])
def test_generate_page_sizes(size: int) -> None:
    assert len(generate_page(size)) == size


def test_head_sends_headers_only(server: SiteServer) -> None:
    status, headers, body = fetch(server.url("/broken/articles/fine.html"), method="HEAD")
    assert status == 200 and body == b""
    assert int(headers["Content-Length"]) == len(_file_bytes("broken/articles/fine.html", ""))


def test_malformed_feed_is_served_as_rss(server: SiteServer) -> None:
    status, headers, body = fetch(server.url("/broken/feed.xml"))
    assert status == 200
    assert headers["Content-Type"].startswith("application/rss+xml")
    assert not body.lstrip(b"\xef\xbb\xbf").startswith(b"<?xml")


# --- bytes on the wire --------------------------------------------------------------------------


def test_base_placeholder_is_replaced(server: SiteServer) -> None:
    _, _, body = fetch(server.url(NRTA_LISTING))
    assert b"{{base}}" not in body
    assert f'href="{server.base_url}/nrta/art/2025/2/5/art_113_70148.html"'.encode() in body
    assert body == _file_bytes("nrta/col/col113/index.html", server.base_url)


def test_gbk_page_bytes_are_served_unchanged(server: SiteServer) -> None:
    status, headers, body = fetch(server.url(GBK_HEADER_PAGE))
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=GBK"
    assert body == _file_bytes(GBK_HEADER_PAGE.lstrip("/"), server.base_url)
    text = body.decode("gb18030")
    assert "年度微短剧产业规模达到150亿元" in text and "𠮷" in text
    with pytest.raises(UnicodeDecodeError):
        body.decode("gbk")  # a GB18030 four-byte character: decode "GBK" as gb18030
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")


def test_meta_only_charset_page_needs_gbk(server: SiteServer) -> None:
    status, headers, body = fetch(server.url(GB2312_META_PAGE))
    assert status == 200
    assert headers["Content-Type"] == "text/html"
    assert b'content="text/html; charset=gb2312"' in body
    assert "上海喆影文化传媒有限公司" in body.decode("gb18030")
    assert body.decode("gbk") == body.decode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb2312")


# --- conditional GET ----------------------------------------------------------------------------


def test_if_none_match_gives_304(server: SiteServer) -> None:
    url = server.url("/sixthtone/rss")
    status, headers, _ = fetch(url)
    etag = headers["ETag"]
    assert status == 200 and etag.startswith('"')
    assert headers["Last-Modified"] == "Mon, 01 Dec 2025 00:00:00 GMT"
    status, headers, body = fetch(url, {"If-None-Match": etag})
    assert (status, body, headers["ETag"]) == (304, b"", etag)
    assert fetch(url, {"If-None-Match": '"something-else"'})[0] == 200


def test_if_modified_since_gives_304(server: SiteServer) -> None:
    url = server.url("/sixthtone/rss")
    assert fetch(url, {"If-Modified-Since": "Mon, 01 Dec 2025 00:00:00 GMT"})[0] == 304
    assert fetch(url, {"If-Modified-Since": "Tue, 02 Dec 2025 08:00:00 GMT"})[0] == 304
    assert fetch(url, {"If-Modified-Since": "Sun, 30 Nov 2025 00:00:00 GMT"})[0] == 200
    assert fetch(url, {"If-Modified-Since": "not a date"})[0] == 200


def test_etag_depends_on_base_url(server: SiteServer) -> None:
    with SiteServer(SITES) as other:
        first = fetch(server.url(NRTA_LISTING))[1]["ETag"]
        second = fetch(other.url(NRTA_LISTING))[1]["ETag"]
    assert first != second


# --- request log and manifest switching ---------------------------------------------------------


def test_requests_log_records_path_and_query(fresh_server: SiteServer) -> None:
    fetch(fresh_server.url(SHIO_LISTING))
    fetch(fresh_server.url("/nowhere"))
    fetch(fresh_server.url(SHIO_LISTING), method="HEAD")
    assert fresh_server.requests == [SHIO_LISTING, "/nowhere", SHIO_LISTING]
    fresh_server.clear_requests()
    assert fresh_server.requests == []


def test_use_manifest_switches_to_the_update(fresh_server: SiteServer) -> None:
    _, _, listing = fetch(fresh_server.url(NRTA_LISTING))
    _, old_headers, old_paper = fetch(fresh_server.url(WHITE_PAPER))
    assert NEW_NOTICE.encode() not in listing
    assert fetch(fresh_server.url(NEW_NOTICE))[0] == 404
    fresh_server.use_manifest("manifest-update.yaml")
    _, _, listing = fetch(fresh_server.url(NRTA_LISTING))
    assert f"{fresh_server.base_url}{NEW_NOTICE}".encode() in listing
    status, _, notice = fetch(fresh_server.url(NEW_NOTICE))
    assert status == 200 and "下线微短剧25300多部、计1365004集" in notice.decode()
    status, headers, paper = fetch(
        fresh_server.url(WHITE_PAPER), {"If-None-Match": old_headers["ETag"]}
    )
    assert status == 200 and headers["ETag"] != old_headers["ETag"]
    assert "市场规模504.4亿元" in old_paper.decode() and "市场规模677.9亿元" in paper.decode()
    assert fetch(fresh_server.url("/sixthtone/rss"))[0] == 200  # inherited via extends


def test_update_manifest_changes_only_what_it_says() -> None:
    before, after = load_manifest(SITES), load_manifest(SITES, "manifest-update.yaml")
    changed = {path for path in after if before.get(path) != after[path]}
    assert changed == {NRTA_LISTING, NEW_NOTICE, WHITE_PAPER}


# --- hanging routes -----------------------------------------------------------------------------


def test_hang_times_out_the_client_and_not_the_server(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<html><body>late</body></html>", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(
        "routes:\n"
        "  - {path: /slow.html, file: page.html, hang: 2}\n"
        "  - {path: /fast.html, file: page.html}\n",
        encoding="utf-8",
    )
    server = SiteServer(tmp_path).start()
    try:
        started = time.monotonic()
        with pytest.raises((TimeoutError, URLError)):
            fetch(server.url("/slow.html"), timeout=0.3)
        assert fetch(server.url("/fast.html"))[0] == 200
    finally:
        server.stop()
    assert time.monotonic() - started < 1.5
    assert server.requests == ["/slow.html", "/fast.html"]


# --- manifest validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("routes:\n  - {path: /a, colour: red}\n", "unknown key(s) ['colour']"),
        ("routes:\n  - {file: a.html}\n", "each route needs a 'path'"),
        ("routes:\n  - {path: a.html}\n", "path must start with '/'"),
        ("routes:\n  - {path: /a, redirect: /b, status: 200}\n", "a redirect needs a status"),
        ("routes:\n  - {path: /a, empty: true, body_size: 10}\n", "give only one of"),
        ("extends: manifest.yaml\nroutes: []\n", "circular"),
        ("routes: {path: /a}\n", "must be a list"),
        ("- just a list\n", "must be a mapping"),
    ],
)
def test_bad_manifests_are_refused(tmp_path: Path, manifest: str, message: str) -> None:
    (tmp_path / "manifest.yaml").write_text(manifest, encoding="utf-8")
    with pytest.raises(ManifestError, match=re.escape(message)):
        load_manifest(tmp_path)


def test_redirect_defaults_to_302(tmp_path: Path) -> None:
    (tmp_path / "manifest.yaml").write_text("routes:\n  - {path: /a, redirect: /b}\n", "utf-8")
    assert load_manifest(tmp_path)["/a"].status == 302


def test_missing_file_is_a_404_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "manifest.yaml").write_text("routes:\n  - {path: /a, file: gone.html}\n", "utf-8")
    with SiteServer(tmp_path) as server:
        assert fetch(server.url("/a"))[0] == 404


def test_base_url_needs_a_started_server() -> None:
    with pytest.raises(RuntimeError, match="not started"):
        _ = SiteServer(SITES).base_url


# --- the bundled sites themselves ---------------------------------------------------------------


@pytest.mark.parametrize("manifest", ["manifest.yaml", "manifest-update.yaml"])
def test_every_bundled_file_exists(manifest: str) -> None:
    routes = load_manifest(SITES, manifest)
    missing = [r.file for r in routes.values() if r.file and not (SITES / r.file).is_file()]
    assert missing == []


def test_demo_sources_point_at_served_routes() -> None:
    routes = load_manifest(SITES)
    for source in DEMO_CONFIG["sources"]:
        path = re.sub(r"\$\{DEMO_BASE(:-[^}]*)?\}", "", source["url"])
        assert path in routes, source["name"]
        assert routes[path].status == 200 and not routes[path].hang, source["name"]
    assert all("/hang/" not in source["url"] for source in DEMO_CONFIG["sources"])


def _charset(content_type: str, raw: bytes) -> str:
    declared = re.search(r"charset=([\w-]+)", content_type) or re.search(
        rb"""charset=["']?([\w-]+)""", raw[:2048]
    )
    name = declared.group(1) if declared else "utf-8"
    name = (name.decode("ascii") if isinstance(name, bytes) else name).lower()
    return "gb18030" if name in {"gbk", "gb2312", "gb18030"} else name


def _page_text(path: str, entry: dict[str, Any]) -> str:
    route = load_manifest(SITES, entry.get("manifest", "manifest.yaml"))[path]
    assert route.status == 200 and route.file, path
    raw = (SITES / route.file).read_bytes()
    text = html.unescape(raw.decode(_charset(route.content_type or "", raw)))
    return " ".join(text.replace("&nbsp;", " ").split())


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_expected_article_matches_its_page(path: str) -> None:
    entry = EXPECTED[path]
    text = _page_text(path, entry)
    assert entry["language"] in {"en", "zh"}
    assert re.fullmatch(
        r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?", entry["published_at"]
    )
    assert entry["source"] in {source["name"] for source in DEMO_CONFIG["sources"]}
    assert entry["title"] in text
    for phrase in entry["must_contain"]:
        assert phrase in text, phrase
    for chrome in entry["must_not_contain"]:
        assert chrome in text, f"{chrome!r} is not on the page, so the check would be vacuous"


@pytest.mark.parametrize("path", sorted(p for p, e in EXPECTED.items() if not e["on_topic"]))
def test_off_topic_pages_have_no_topic_keyword_anywhere(path: str) -> None:
    text = _page_text(path, EXPECTED[path]).lower()
    hits = [kw for kw in DEMO_CONFIG["topic"]["keywords"] if kw.lower() in text]
    assert hits == []


def test_every_article_route_has_an_expectation() -> None:
    routes = load_manifest(SITES, "manifest-update.yaml")
    articles = {
        path
        for path, route in routes.items()
        if route.status == 200
        and route.file
        and "/col/" not in path
        and not route.file.endswith((".xml", ".txt"))
        and not path.endswith(("/index.html", "siteId=300"))
        and not path.startswith(("/private/", "/hang/"))
    }
    assert articles == set(EXPECTED)
