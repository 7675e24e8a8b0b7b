"""A listing on one host of a site links to its sibling listings on another host of it."""

from __future__ import annotations

from crawler.spiders.links import detect_links
from crawler.spiders.links.features import is_sibling_listing
from crawler.spiders.listing_links import listing_selector

URL = "https://shop.socks.example/collections/mens-socks"


def test_a_listing_laid_out_alike_on_a_sibling_host_is_a_sibling_listing() -> None:
    assert is_sibling_listing("https://socks.example/collections/mens-ankle-socks", URL)
    assert not is_sibling_listing("https://other.example/collections/mens-ankle-socks", URL)


def test_sub_category_cards_on_the_sites_other_host_are_left_out() -> None:
    products = "".join(
        f'<li class="card"><a href="/products/merino-wool-calf-sock-{n}">Merino wool blend calf'
        f" sock {n} pack</a></li>"
        for n in range(6)
    )
    heights = ("ankle", "calf", "quarter", "knee-high", "no-show", "half-calf")
    tiles = "".join(
        f'<li class="tile"><a href="https://socks.example/collections/mens-{h}-socks">{h.title()}'
        f" comfy coverage that stays put all day</a></li>"
        for h in heights
    )
    body = f'<ul class="tiles">{tiles}</ul><ul class="grid">{products}</ul>'
    root = listing_selector(f"<html><body>{body}</body></html>").root
    chosen = {d.url for d in detect_links(root, URL).chosen}
    assert chosen == {
        f"https://shop.socks.example/products/merino-wool-calf-sock-{n}" for n in range(6)
    }
