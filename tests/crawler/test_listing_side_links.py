"""An item's links beside its own (ratings, calendar files) are parts of the item, not items."""

from __future__ import annotations

from lxml import html as lxml_html

from crawler.spiders.links import detect_links
from crawler.spiders.links.anchors import page_anchors
from crawler.spiders.links.sidelinks import item_url
from crawler.spiders.listing_links import listing_selector

URL = "https://shop.example/best-sellers/electronics"


def _detect(body: str) -> tuple[set[str], dict[str, str]]:
    """The chosen paths, and the skipped ones with their reasons."""
    root = listing_selector(f"<html><body>{body}</body></html>").root
    detection = detect_links(root, URL)
    host = "https://shop.example"
    chosen = {d.url.removeprefix(host) for d in detection.chosen}
    return chosen, {d.url.removeprefix(host): d.reason for d in detection.skipped}


def _card(n: int) -> str:
    return (
        f'<div class="card"><a class="pic" href="/Wireless-Headphones-Model-{n}/dp/B0{n}1234">'
        f'<img alt="Wireless headphones model {n} with case"></a>'
        f'<div class="meta"><a class="name" href="/Wireless-Headphones-Model-{n}/dp/B0{n}1234">'
        f"Wireless headphones model {n} with case</a>"
        f'<div class="stars"><a class="rating" href="/product-reviews/B0{n}1234">'
        f"4.{n} out of 5 stars 12,34{n}</a></div></div></div>"
    )


def test_a_ratings_link_beside_each_products_title_is_skipped() -> None:
    chosen, skipped = _detect(f'<div class="grid">{"".join(_card(n) for n in range(1, 7))}</div>')
    assert chosen == {f"/Wireless-Headphones-Model-{n}/dp/B0{n}1234" for n in range(1, 7)}
    reason = skipped["/product-reviews/B011234"]
    assert reason == (
        "a second link of an item whose own link leads to "
        "https://shop.example/Wireless-Headphones-Model-1/dp/B011234"
    )


def test_an_item_of_two_stories_named_alike_keeps_both() -> None:
    items = "".join(
        f'<li><a class="main" href="/2025/03/0{n}/main-story-of-day-{n}">Main story of the day'
        f' {n}</a> <a class="also" href="/2025/03/0{n}/follow-up-of-day-{n}">A follow up story of'
        f" day {n}</a></li>"
        for n in range(1, 6)
    )
    chosen, _ = _detect(f'<ul class="stories">{items}</ul>')
    assert len(chosen) == 10  # no heading and no link repeated: nothing says which is the item's


def test_the_item_url_is_the_headings_else_the_most_linked() -> None:
    def anchors(body: str) -> list:
        return list(page_anchors(lxml_html.fromstring(f"<div>{body}</div>"), "https://a.example/"))

    assert (
        item_url(anchors('<a href="/x">X</a><h3><a href="/y">Y</a></h3>')) == "https://a.example/y"
    )
    assert item_url(anchors('<a href="/x">X</a><a href="/x">X</a><a href="/y">Y</a>')) == (
        "https://a.example/x"
    )
    assert item_url(anchors('<a href="/x">X</a><a href="/y">Y</a>')) is None
    assert item_url(anchors('<a href="/x">X</a>')) is None
