"""Links to a site's service pages (newsletters, cookies, sitemap) are never items of a list."""

from __future__ import annotations

import pytest

from crawler.spiders.links import detect_links
from crawler.spiders.links.features import url_is_excluded
from crawler.spiders.listing_links import listing_selector


@pytest.mark.parametrize(
    "path",
    [
        "/newsletters/daily-briefing",
        "/newsletter",
        "/advertise/with-us",
        "/sitemap",
        "/usingthebbc/cookies/how-can-i-change-my-cookie-settings/",
        "/accessibility",
        "/privacy-policy-terms-and-conditions",
        "/legal/terms-of-use",
        "/cookie-policy",
    ],
)
def test_service_page_urls_are_excluded(path: str) -> None:
    assert url_is_excluded(f"https://news.example{path}")


def test_a_story_about_privacy_is_not_a_service_page() -> None:
    assert not url_is_excluded("https://news.example/privacy-fears-over-new-streaming-app")


def test_a_newsletter_sign_up_inside_a_list_of_stories_is_left_out() -> None:
    stories = "".join(
        f'<li><a href="/news/2025/12/{d:02d}/story-{d}.html">Studio news item number {d}</a></li>'
        for d in range(1, 7)
    )
    sign_up = '<li><a href="/newsletters/daily-briefing">Get the daily briefing by email</a></li>'
    html = f'<html><body><ul class="list">{stories}{sign_up}</ul></body></html>'
    detection = detect_links(listing_selector(html).root, "https://news.example/news/")
    chosen = {d.url.removeprefix("https://news.example") for d in detection.chosen}
    assert len(chosen) == 6
    assert "/newsletters/daily-briefing" not in chosen
