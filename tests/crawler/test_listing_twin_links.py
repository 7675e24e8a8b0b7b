"""A small block of cards linked twice (picture and heading) beside the main list is kept."""

from __future__ import annotations

from crawler.spiders.links import Detection, detect_links
from crawler.spiders.listing_links import listing_selector

SITE = "https://shop.example"
STORIES = ("climbing-the-north-face", "a-second-chance-at-running", "riding-the-far-hills")


def _page(body: str) -> Detection:
    html = f"<html><body><main>{body}</main></body></html>"
    return detect_links(listing_selector(html).root, f"{SITE}/")


def _products() -> str:
    cards = "".join(
        f'<li class="product"><a href="/products/{9000 + n}-foam-roller-model-{n}">'
        f"Foam roller model {n} for daily recovery</a></li>"
        for n in range(15)
    )
    return f'<ul class="products">{cards}</ul>'


def _picture(slug: str) -> str:
    words = slug.replace("-", " ")
    return f'<a class="pic" href="/story/{slug}"><img alt="Photo of {words} today"></a>'


def _heading(slug: str) -> str:
    words = slug.replace("-", " ")
    return f'<figcaption><a class="title" href="/story/{slug}">Story of {words}</a></figcaption>'


def _chosen(detection: Detection) -> set[str]:
    return {d.url.removeprefix(SITE) for d in detection.chosen}


def test_cards_linked_by_picture_and_heading_are_kept_beside_a_larger_list() -> None:
    cards = "".join(f'<figure class="story">{_picture(s)}{_heading(s)}</figure>' for s in STORIES)
    chosen = _chosen(_page(_products() + f'<section class="stories">{cards}</section>'))
    assert {f"/story/{s}" for s in STORIES} <= chosen


def test_the_same_links_in_separate_blocks_are_no_cards() -> None:
    pictures = "".join(_picture(s) for s in STORIES)
    headings = "".join(_heading(s) for s in STORIES)
    blocks = f'<div class="a">{pictures}</div><div class="b">{headings}</div>'
    detection = _page(_products() + blocks)
    assert not {f"/story/{s}" for s in STORIES} & _chosen(detection)
