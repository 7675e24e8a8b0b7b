"""Lists named as side lists in camel case (``PagePromoTrending``) are page chrome."""

from __future__ import annotations

from crawler.spiders.links import detect_links
from crawler.spiders.listing_links import listing_selector

URL = "https://news.example/hub/science"


def _chosen(trending_class: str) -> set[str]:
    stories = "".join(
        f'<li><a href="/article/science-story-number-{n}-a1b2c3d4">Science story number {n} of'
        f" the week</a></li>"
        for n in range(6)
    )
    trending = "".join(
        f'<li class="{trending_class}"><a href="/article/trending-topic-{n}-e5f6a7b8">Trending'
        f" topic number {n} today</a></li>"
        for n in range(4)
    )
    body = f'<ul class="PageList">{stories}</ul><ul class="PageList">{trending}</ul>'
    root = listing_selector(f"<html><body>{body}</body></html>").root
    return {d.url.rsplit("/", 1)[-1] for d in detect_links(root, URL).chosen}


def test_a_list_whose_class_names_it_trending_in_camel_case_is_left_out() -> None:
    assert _chosen("PagePromoTrending") == {f"science-story-number-{n}-a1b2c3d4" for n in range(6)}


def test_a_posts_term_class_names_no_side_list() -> None:
    assert len(_chosen("post tag-popular")) == 10
