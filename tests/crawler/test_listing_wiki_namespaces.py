"""A wiki's category pages (``/wiki/Category:Name``) are categories, not items."""

from __future__ import annotations

from crawler.spiders.links import detect_links
from crawler.spiders.links.features import url_is_excluded
from crawler.spiders.listing_links import listing_selector

SITE = "https://wiki.example"


def test_a_wiki_category_page_is_excluded() -> None:
    assert url_is_excluded(f"{SITE}/wiki/Category:Programming_languages")
    assert url_is_excluded(f"{SITE}/wiki/Help:Category")
    assert not url_is_excluded(f"{SITE}/wiki/Categorical_logic")


def test_a_pages_category_links_are_not_taken() -> None:
    names = ["Articles with short description", "Short description is different from Wikidata"]
    cats = "".join(
        f'<li><a href="/wiki/Category:{n.replace(" ", "_")}">{n}</a></li>' for n in names
    )
    html = f'<html><body><main><div class="catlinks"><ul>{cats}</ul></div></main></body></html>'
    assert not detect_links(listing_selector(html).root, f"{SITE}/wiki/List_of_languages").chosen
