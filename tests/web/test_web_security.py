"""Security of the web app: headers, the access token, CSRF, escaping, the bind check."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import feedparser
import httpx
import pytest

from config import WebSettings, web_settings
from storage import ArticleRecord, Store
from tests.support.web import serve_app
from web import BindRefused, serve

pytestmark = pytest.mark.slow
TOKEN = "correct-horse-battery-staple"


@pytest.fixture(scope="module")
def guarded(web_store: Store) -> Iterator[str]:
    """The app with an access token."""
    with serve_app(web_store, WebSettings(token=TOKEN)) as url:
        yield url


def test_security_headers_everywhere(api: httpx.Client) -> None:
    for path in ("/", "/alerts", "/api/v1/stories", "/feeds/search.atom", "/static/style.css",
                 "/api/v1/nothing"):  # fmt: skip
        headers = api.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy, path
        assert "script-src" not in policy and "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"


def test_crawled_strings_are_escaped(api: httpx.Client) -> None:
    story = api.get("/api/v1/stories", params={"source": "hostile-site"}).json()["items"][0]
    assert "<script>" in story["title"]  # stored as crawled, shown escaped
    for path in (f"/stories/{story['id']}", "/?source=hostile-site"):
        html = api.get(path).text
        assert "<script" not in html and "&lt;script&gt;" in html
        assert "<img" not in html  # the crawled <img onerror=...> is text
        assert 'href="javascript:' not in html


def test_without_the_token_nothing_is_served(guarded: str) -> None:
    with httpx.Client(base_url=guarded) as client:
        page = client.get("/")
        assert page.status_code == 401 and 'name="token"' in page.text
        api = client.get("/api/v1/stories")
        assert api.status_code == 401 and api.json()["error"]["message"]
        assert client.get("/feeds/search.atom").status_code == 401
        assert client.get("/api/v1/openapi.json").status_code == 401
        wrong = client.get("/api/v1/stories", headers={"Authorization": "Bearer wrong"})
        assert wrong.status_code == 401


def test_the_token_opens_api_feeds_and_pages(guarded: str) -> None:
    with httpx.Client(base_url=guarded) as client:
        bearer = {"Authorization": f"Bearer {TOKEN}"}
        assert client.get("/api/v1/stories", headers=bearer).status_code == 200
        feed = client.get("/feeds/search.atom", params={"q": "短剧", "token": TOKEN})
        assert feed.status_code == 200
        parsed = feedparser.parse(feed.content)
        assert not parsed.bozo and TOKEN not in feed.text  # the token is not echoed
        opened = client.get("/", params={"token": TOKEN})
        assert opened.status_code == 303 and TOKEN not in opened.headers["location"]
        assert client.get("/alerts").status_code == 200  # the cookie now carries it


def test_retry_needs_this_sites_form_token(api: httpx.Client) -> None:
    failed = api.get("/api/v1/alerts", params={"status": "failed"}).json()["items"]
    target = f"/alerts/{failed[-1]['id']}/retry"
    with httpx.Client(base_url=str(api.base_url)) as fresh:
        assert fresh.post(target, data={"csrf": "guess"}).status_code == 403
        fresh.get("/alerts")  # receives its form token cookie
        token = fresh.cookies["dramawatch_csrf"]
        foreign = fresh.post(target, data={"csrf": token}, headers={"Origin": "http://evil.test"})
        assert foreign.status_code == 403
    still = {a["id"]: a["status"] for a in api.get("/api/v1/alerts").json()["items"]}
    assert still[failed[-1]["id"]] == "failed"


def test_an_exposed_bind_needs_a_token(web_store: Store) -> None:
    assert web_settings("127.0.0.1", 8080, environ={}).problem() is None
    exposed = web_settings("0.0.0.0", 8080, environ={})
    assert "DRAMAWATCH_WEB_TOKEN" in (exposed.problem() or "")
    with pytest.raises(BindRefused, match="DRAMAWATCH_WEB_TOKEN"):
        serve(web_store, exposed)
    tokened = web_settings("0.0.0.0", 8080, environ={"DRAMAWATCH_WEB_TOKEN": TOKEN})
    assert tokened.token == TOKEN and tokened.problem() is None


def test_crlf_in_a_stored_title_stays_inside_the_page_and_feed(store: Store) -> None:
    title = "短剧 title\r\nSet-Cookie: owned=1\r\n\r\n<script>window.__pwned=1</script>"
    record = ArticleRecord(
        url="https://a.example/crlf", source="crlf-site", category="media", title=title,
        published_at=datetime(2025, 5, 1, tzinfo=UTC), language="zh", text="微短剧 body",
        content_hash="crlf", fetched_at=datetime(2025, 5, 1, tzinfo=UTC),
    )  # fmt: skip
    with store.transaction(write=True) as tx:
        source = tx.sources.ensure("crlf-site", "rss", "https://a.example/feed", "media")
        story_id = tx.articles.ingest(record, source, lambda _a, _b: False).story_id
        tx.commit()
    with serve_app(store) as url, httpx.Client(base_url=url) as client:
        for path in ("/", f"/stories/{story_id}", "/feeds/sources/crlf-site.atom"):
            answer = client.get(path)
            assert answer.status_code == 200 and "owned" not in answer.headers.get("set-cookie", "")
            assert "<script>window" not in answer.text
        feed = feedparser.parse(client.get("/feeds/sources/crlf-site.atom").content)
        assert not feed.bozo and "\n" not in feed.entries[0].title
        page = client.get(f"/stories/{story_id}").text
        assert "短剧 title Set-Cookie: owned=1 &lt;script&gt;" in page
