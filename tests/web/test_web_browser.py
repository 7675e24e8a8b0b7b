"""The web app in headless Chromium over a crawled archive: every page, search, diff, chart,
retry, phone width, and a hostile page that must not run any script."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.slow
PAGES = ("/", "/metrics", "/alerts", "/sources", "/?q=监管", "/alerts?status=failed")
PHONE = {"width": 375, "height": 740}


def _story_with_revisions(api: httpx.Client) -> int:
    stories = api.get("/api/v1/stories", params={"source": "cnsa-news"}).json()["items"]
    for item in stories:
        detail = api.get(f"/api/v1/stories/{item['id']}").json()
        if any(len(revs) > 1 for revs in detail["revisions"].values()):
            return int(item["id"])
    raise AssertionError("no revised story in the archive")


def _hostile_story(api: httpx.Client) -> int:
    items = api.get("/api/v1/stories", params={"source": "hostile-site"}).json()["items"]
    assert items, "the hostile page was not stored"
    return int(items[0]["id"])


def _no_scripts_ran(page: Any) -> None:
    assert page.dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script").count() == 0
    hrefs = page.eval_on_selector_all("[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))]


def test_every_page_opens_without_errors(page: Any, web_url: str, artifacts: Path) -> None:
    for path in PAGES:
        response = page.goto(web_url + path)
        assert response.status == 200, path
        assert page.locator("header.top nav a").count() == 5
        name = path.strip("/").replace("?", "-").replace("=", "-") or "stories"
        page.screenshot(path=str(artifacts / f"page-{name}.png"), full_page=True)
    assert page.errors == []


def test_story_list_shows_copies_sources_figures_and_rules(page: Any, web_url: str) -> None:
    page.goto(web_url + "/")
    first = page.locator("li.story").first
    assert "cop" in first.locator(".meta").inner_text()
    assert page.locator("li.story .figures li").count() >= 1
    assert page.locator("li.story .rules a.tag").count() >= 1
    assert page.locator("a[rel=next]").count() == 1
    page.click("a[rel=next]")
    assert page.locator("li.story").count() >= 1


def test_search_in_chinese_and_english(page: Any, web_url: str, artifacts: Path) -> None:
    page.goto(web_url + "/")
    page.fill("input[name=q]", "监管")
    page.click("form.search button[type=submit]")
    chinese = page.locator("li.story h2").all_inner_texts()
    assert chinese and any("监管" in title or "短剧" in title for title in chinese)
    page.screenshot(path=str(artifacts / "search-chinese.png"), full_page=True)
    page.fill("input[name=q]", '"micro drama" OR microdrama')
    page.click("form.search button[type=submit]")
    english = page.locator("li.story h2").all_inner_texts()
    assert english and any("drama" in title.lower() for title in english)
    page.goto(web_url + "/?q=監管")  # Traditional folds to Simplified
    assert page.locator("li.story h2").all_inner_texts() == chinese


def test_story_page_shows_copies_text_and_side_by_side_diff(
    page: Any, web_url: str, api: httpx.Client, artifacts: Path
) -> None:
    story_id = _story_with_revisions(api)
    page.goto(f"{web_url}/stories/{story_id}")
    assert page.locator("table.diff").count() >= 1
    assert page.locator("table.diff ins").count() >= 1
    assert "677.9" in page.locator("table.diff").first.inner_text()
    assert page.locator(".text p").count() >= 1
    page.screenshot(path=str(artifacts / "story-diff.png"), full_page=True)


def test_metrics_chart_is_drawn(page: Any, web_url: str, artifacts: Path) -> None:
    page.goto(web_url + "/metrics")
    chart = page.locator("svg.plot").first
    box = chart.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 80
    assert page.locator("svg.plot path.series").count() >= 1
    assert page.locator("svg.plot circle.point").count() >= 1
    href = page.locator("svg.plot a").first.get_attribute("href")
    assert href.startswith("/stories/") and "#figure-" in href
    chart.screenshot(path=str(artifacts / "chart.png"))


def test_retry_a_failed_delivery(page: Any, web_url: str, api: httpx.Client) -> None:
    failed = api.get("/api/v1/alerts", params={"status": "failed"}).json()["items"]
    assert failed, "the refusing webhook left no failed delivery"
    page.goto(web_url + "/alerts?status=failed")
    target = page.locator(f"#delivery-{failed[0]['id']}")
    target.locator("button", has_text="Retry").click()
    assert "pending again" in page.locator(".notice").inner_text()
    state = {d["id"]: d["status"] for d in api.get("/api/v1/alerts").json()["items"]}
    assert state[failed[0]["id"]] == "pending"


def test_phone_width_has_no_sideways_scroll(browser: Any, web_url: str, api: httpx.Client,
                                            artifacts: Path) -> None:  # fmt: skip
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    phone = context.new_page()
    story = _story_with_revisions(api)
    for path in (*PAGES, f"/stories/{story}"):
        phone.goto(web_url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide"
        name = path.strip("/").replace("?", "-").replace("=", "-").replace("/", "-") or "stories"
        phone.screenshot(path=str(artifacts / f"phone-{name}.png"), full_page=True)
    context.close()


def test_hostile_page_is_shown_as_text_and_runs_nothing(
    page: Any, web_url: str, api: httpx.Client, artifacts: Path
) -> None:
    story_id = _hostile_story(api)
    for path in (f"/stories/{story_id}", "/?source=hostile-site", "/?q=micro-drama", "/alerts"):
        page.goto(web_url + path)
        _no_scripts_ran(page)
    page.goto(f"{web_url}/stories/{story_id}")
    assert "<script>window.__pwned=1</script>" in page.locator("h1").inner_text()
    assert "onerror" in page.locator(".text").inner_text()
    page.screenshot(path=str(artifacts / "hostile-story.png"), full_page=True)
