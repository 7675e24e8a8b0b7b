"""A lone link styled as a button is a call to action, not a featured item."""

from __future__ import annotations

from crawler.spiders.links import detect_links
from crawler.spiders.listing_links import listing_selector

SITE = "https://podcasts.example"
URL = f"{SITE}/podcasts/category/technology"


def _detect(hero_class: str) -> set[str]:
    shows = "".join(
        f'<li><h3><a href="/podcasts/podcast/talking-about-technology-show-{n}">'
        f"Talking about technology, show number {n}</a></h3></li>"
        for n in range(1, 7)
    )
    hero = (
        f'<div class="hero"><a class="{hero_class}" '
        f'href="/podcasts/podcast/calm-conversations-with-a-friend">Listen to the Podcast</a></div>'
    )
    html = f'<html><body><main>{hero}<ul class="shows">{shows}</ul></main></body></html>'
    return {d.url for d in detect_links(listing_selector(html).root, URL).chosen}


def test_a_lone_button_shaped_like_the_items_is_not_taken() -> None:
    chosen = _detect("btn btn-lg btn-primary")
    assert f"{SITE}/podcasts/podcast/calm-conversations-with-a-friend" not in chosen
    assert len(chosen) == 6


def test_the_same_lone_link_as_plain_text_is_taken() -> None:
    assert f"{SITE}/podcasts/podcast/calm-conversations-with-a-friend" in _detect("hero-link")
