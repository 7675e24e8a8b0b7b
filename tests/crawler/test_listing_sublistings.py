"""Lists of other listings beside a list of items are left out of the detected links."""

from __future__ import annotations

from crawler.spiders.links import Detection, detect_links
from crawler.spiders.listing_links import listing_selector

SITE = "https://shop.example"


def _product(n: int) -> str:
    return f"/product/{1000 + n}/trail-running-shoe-model-{n}"


def _page(blocks: str, url: str = f"{SITE}/c/running-shoes") -> Detection:
    html = f"<html><body>{blocks}</body></html>"
    return detect_links(listing_selector(html).root, url)


def _products(count: int = 6) -> str:
    cards = "".join(
        f'<li class="card"><a href="{_product(n)}">Trail Running Shoe Model {n} Womens</a></li>'
        for n in range(count)
    )
    return f'<ul class="grid">{cards}</ul>'


def _categories() -> str:
    tiles = "".join(
        f'<div class="tile"><a href="/c/{who}-{kind}-shoes">{who.title()} {kind} shoes for '
        f"every day</a></div>"
        for who in ("mens", "womens")
        for kind in ("road", "trail", "track")
    )
    return f'<section class="tiles">{tiles}</section>'


def _paths(detection: Detection) -> dict[str, str]:
    decisions = (*detection.chosen, *detection.skipped)
    return {d.url.removeprefix(SITE): d.reason for d in decisions}


def test_sub_categories_are_left_out_beside_items_but_kept_when_alone() -> None:
    detection = _page(_categories() + _products())
    assert _chosen(detection) == {_product(n) for n in range(6)}
    assert "other listings" in _paths(detection)["/c/mens-road-shoes"]
    # On a product page, related products are laid out as its address and are its only list.
    alone = _page(_products(), f"{SITE}{_product(0)}")
    assert _chosen(alone) == {_product(n) for n in range(1, 6)}


def _chosen(detection: Detection) -> set[str]:
    return {d.url.removeprefix(SITE) for d in detection.chosen}


def test_a_list_far_below_the_best_says_so_and_a_weak_one_names_what_it_lacks() -> None:
    carded = _products().replace('<li class="card">', '<li class="card"><article>')
    shop = _page(_categories() + carded.replace("</li>", "</article></li>"))
    reason = _paths(shop)["/c/mens-road-shoes"]
    assert "below the page's best list" in reason and "<" not in reason
    pages = ("shipping", "returns", "help")
    links = "".join(f'<li><a href="/info/{w}">{w}</a></li>' for w in pages)
    weak = _paths(_page(f"<ul>{links}</ul>"))["/info/shipping"]
    assert weak.startswith("list scored") and " < " in weak
    assert "few headline-like texts, article-like URLs or dated items" in weak
