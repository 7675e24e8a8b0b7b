"""The /api/v1 API and the feeds over a crawled archive: shapes, cursors, ETags, errors."""

from __future__ import annotations

import json
from typing import Any

import feedparser
import httpx
import pytest

from tests.support.e2e import ARTICLE_KEYS

pytestmark = pytest.mark.slow
OBSERVATION_KEYS = {
    "metric",
    "value",
    "unit",
    "period",
    "article_url",
    "quote",
    "entity",
    "region",
    "status",
    "basis",
}
ALERT_KEYS = {"id", "rule", "kind", "article_url", "story_id", "channel", "status", "created_at"}


def _walk(api: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, page by page through next_cursor."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        page = api.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        items.extend(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items
        assert page.headers["link"].endswith('rel="next"')
    raise AssertionError("the cursor never ends")


def test_articles_have_the_contract_shape_and_page_without_repeats(api: httpx.Client) -> None:
    everything = _walk(api, "/api/v1/articles", limit=7)
    assert len(everything) > 20
    assert all(set(item) == ARTICLE_KEYS for item in everything)
    ids = [item["id"] for item in everything]
    assert len(ids) == len(set(ids)) and ids == sorted(ids, reverse=True)
    one = api.get(f"/api/v1/articles/{ids[0]}").json()
    assert one == everything[0]


def test_stories_page_each_story_once_newest_first(api: httpx.Client) -> None:
    stories = _walk(api, "/api/v1/stories", limit=4)
    ids = [story["id"] for story in stories]
    assert len(ids) == len(set(ids))
    dates = [s["lead"]["published_at"] or s["lead"]["fetched_at"] for s in stories]
    assert dates == sorted(dates, reverse=True)
    together = [s for s in stories if s["copies"] > 1]
    assert together and len(together[0]["sources"]) >= 1


def test_story_filters(api: httpx.Client) -> None:
    chinese = _walk(api, "/api/v1/stories", language="zh")
    assert chinese and all(s["lead"]["language"] == "zh" for s in chinese)
    government = _walk(
        api, "/api/v1/stories", category="government", since="2025-03-01", until="2025-12-31"
    )
    assert government
    assert all(s["lead"]["category"] == "government" for s in government)
    assert all("2025-03-01" <= s["lead"]["published_at"][:10] <= "2025-12-31" for s in government)
    ruled = _walk(api, "/api/v1/stories", rule="regulation")
    assert ruled and all("regulation" in s["rules"] for s in ruled)


def test_search_uses_the_cli_syntax(api: httpx.Client) -> None:
    simplified = _walk(api, "/api/v1/search", q="监管")
    assert simplified
    assert _walk(api, "/api/v1/search", q="監管") == simplified
    either = _walk(api, "/api/v1/search", q='"micro drama" OR 备案')
    assert len(either) >= len(_walk(api, "/api/v1/search", q="备案"))
    assert _walk(api, "/api/v1/search", q="zzqqxxnotaword") == []


def test_metrics_series_and_observations(api: httpx.Client) -> None:
    series = _walk(api, "/api/v1/metrics/series")
    assert series and all(
        {"metric", "unit", "granularity", "observations"} <= set(s) for s in series
    )
    observations = _walk(api, "/api/v1/metrics/observations", metric="market_value", limit=3)
    assert observations and all(set(o) >= OBSERVATION_KEYS for o in observations)
    assert {o["metric"] for o in observations} == {"market_value"}


def test_alerts_and_sources(api: httpx.Client) -> None:
    alerts = _walk(api, "/api/v1/alerts", limit=5)
    assert alerts and all(set(a) >= ALERT_KEYS for a in alerts)
    assert {a["status"] for a in alerts} >= {"pending"}
    sources = {s["source"]: s for s in _walk(api, "/api/v1/sources")}
    assert sources["broken-feed"]["ok"] is False and sources["broken-feed"]["last_error"]
    assert sources["cnsa-news"]["ok"] is True and sources["cnsa-news"]["articles"] >= 1


def test_lists_carry_an_etag_and_answer_304(api: httpx.Client) -> None:
    for path in ("/api/v1/stories", "/api/v1/articles", "/api/v1/alerts", "/feeds/search.atom"):
        first = api.get(path)
        etag = first.headers["etag"]
        again = api.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b"", path
        assert api.get(path, headers={"If-None-Match": 'W/"other"'}).status_code == 200


def test_errors_are_json_with_a_message(api: httpx.Client) -> None:
    cases = {
        "/api/v1/stories?cursor=garbage": 400,
        "/api/v1/stories?since=yesterday": 400,
        "/api/v1/articles?limit=0": 400,
        "/api/v1/articles/999999": 404,
        "/api/v1/search": 400,
        "/api/v1/nothing": 404,
        "/api/v1/alerts?status=lost": 400,
    }
    for path, status in cases.items():
        answer = api.get(path)
        assert answer.status_code == status, path
        error = answer.json()["error"]
        assert error["status"] == status and error["message"], path


def test_openapi_document_lists_the_api(api: httpx.Client) -> None:
    document = api.get("/api/v1/openapi.json").json()
    paths = set(document["paths"])
    assert {
        "/api/v1/articles",
        "/api/v1/stories",
        "/api/v1/search",
        "/api/v1/alerts",
        "/api/v1/sources",
        "/api/v1/metrics/series",
        "/api/v1/metrics/observations",
    } <= paths
    assert not any(path.startswith("/alerts") for path in paths)  # pages stay out


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/search.atom?q=监管",
        "/feeds/search.atom",
        "/feeds/rules/regulation.atom",
        "/feeds/sources/cnsa-news.atom",
        "/feeds/sources/hostile-site.atom",
    ],
)
def test_atom_feeds_are_valid_with_stable_ids(api: httpx.Client, path: str) -> None:
    first, second = api.get(path), api.get(path)
    assert first.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(first.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries and parsed.feed.get("updated")
    for entry in parsed.entries:
        assert entry.id.startswith("tag:") and entry.updated and entry.link.startswith("http")
        assert "\n" not in entry.title
    assert [e.id for e in parsed.entries] == [
        e.id for e in feedparser.parse(second.content).entries
    ]


def test_search_feed_holds_the_matching_stories(api: httpx.Client) -> None:
    feed = feedparser.parse(api.get("/feeds/search.atom", params={"q": "监管"}).content)
    stories = _walk(api, "/api/v1/stories", q="监管")
    assert [e.id.rsplit("/", 1)[1] for e in feed.entries] == [str(s["id"]) for s in stories]


def test_json_feeds(api: httpx.Client) -> None:
    for path in (
        "/feeds/search.json?q=短剧",
        "/feeds/rules/regulation.json",
        "/feeds/sources/nrta-notices.json",
    ):
        answer = api.get(path)
        assert answer.headers["content-type"].startswith("application/feed+json")
        feed = json.loads(answer.content)
        assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["items"], path
        assert all(
            item["id"].startswith("tag:") and item["date_modified"] for item in feed["items"]
        )
    assert api.get("/feeds/search.rss").status_code == 404
