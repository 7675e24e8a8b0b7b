"""Discovery of feeds, sitemaps, JSON lists and listings on a site served on 127.0.0.1."""

from __future__ import annotations

import json

from crawler.discover import classify, discover, http_fetcher, json_list
from tests.support.site_server import serve

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Micro-drama apps grow</title><link>{{base}}/news/2025/12/01/a.html</link></item>
<item><title>Studio opens</title><link>{{base}}/news/2025/12/02/b.html</link></item>
</channel></rss>"""
NEWS_SITEMAP = """<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{{base}}/news/2025/12/01/a.html</loc><news:news><news:title>A</news:title></news:news></url>
</urlset>"""
LIST_JSON = json.dumps({"data": {"list": [
    {"title": "A", "url": "/news/a.html", "display_date": "2025-12-01"},
    {"title": "B", "url": "/news/b.html", "display_date": "2025-12-02"},
]}})  # fmt: skip
PAGE = """<!DOCTYPE html><html><head><title>News</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>
<body><ul class="news">{items}</ul>
<script>var api = "/api/news/list.json?page=1";</script></body></html>"""
ITEMS = "".join(
    f'<li><a href="/news/2025/12/{i:02d}/story-{i}.html">Micro-drama story number {i} today</a>'
    f"<span>2025-12-{i:02d}</span></li>"
    for i in range(1, 9)
)
ROUTES = {
    "/news/": ("text/html; charset=utf-8", PAGE.format(items=ITEMS)),
    "/feed.xml": ("application/rss+xml", FEED),
    "/api/news/list.json?page=1": ("application/json", LIST_JSON),
    "/robots.txt": ("text/plain", "User-agent: *\nAllow: /\nSitemap: {{base}}/news-sitemap.xml\n"),
    "/news-sitemap.xml": ("application/xml", NEWS_SITEMAP),
}


def _fetch():  # type: ignore[no-untyped-def]
    return http_fetcher("dramawatch-test", timeout=5, max_bytes=1_000_000, obey_robots=True)


def test_discovery_ranks_the_feed_first_and_finds_every_way_in() -> None:
    with serve(ROUTES) as base:
        found = discover(f"{base}/news/", _fetch())
    kinds = [(c.kind, c.url.removeprefix(base)) for c in found]
    assert kinds[0] == ("rss", "/feed.xml")
    assert ("sitemap", "/news-sitemap.xml") in kinds
    assert ("json", "/api/news/list.json?page=1") in kinds
    assert ("html", "/news/") in kinds
    assert "declared by the page" in found[0].reason


def test_json_candidate_carries_its_item_expressions() -> None:
    with serve(ROUTES) as base:
        found = discover(f"{base}/news/", _fetch())
    (listed,) = [c for c in found if c.kind == "json"]
    assert listed.options == {"items": "data.list", "item_link": "url", "item_title": "title",
                              "item_date": "display_date"}  # fmt: skip


def test_listing_candidate_suggests_a_link_selector() -> None:
    with serve(ROUTES) as base:
        found = discover(f"{base}/news/", _fetch())
    (listing,) = [c for c in found if c.kind == "html"]
    assert listing.options == {"link_selector": "ul.news a"}
    assert "8 article links" in listing.reason


def test_a_feed_url_is_its_own_candidate() -> None:
    with serve(ROUTES) as base:
        found = discover(f"{base}/feed.xml", _fetch())
    assert [(c.kind, c.score) for c in found] == [("rss", 5.02)]


def test_robots_txt_is_obeyed() -> None:
    routes = {**ROUTES, "/robots.txt": ("text/plain", "User-agent: *\nDisallow: /news/\n")}
    with serve(routes) as base:
        assert discover(f"{base}/news/", _fetch()) == []


def test_classify_and_json_list_keys() -> None:
    assert classify(b"<rss><channel><item/></channel></rss>", "text/xml").kind == "rss"
    assert classify(b"<!DOCTYPE html><html></html>", "text/html").kind == "html"
    listed = json_list([{"URL": "/a", "TITLE": "A", "DOCRELPUBTIME": "2025-12-05"}])
    assert listed is not None
    assert (listed.items, listed.link, listed.title, listed.date) == ("@", "URL", "TITLE",
                                                                       "DOCRELPUBTIME")  # fmt: skip
