"""An item's second link to its own page with a query added (its offers) is a side link."""

from __future__ import annotations

from crawler.spiders.links import detect_links
from crawler.spiders.links.sidelinks import bare_url
from crawler.spiders.listing_links import listing_selector

HOST = "https://shop.example"
URL = f"{HOST}/graphics-cards/c/48"


def _product(n: int) -> str:
    page = f"/graphics-card-model-{n}-with-triple-fans/p/N82E1681493280{n}"
    return (
        f'<div class="cell"><div class="info"><a class="title" href="{page}">'
        f"Graphics card model {n} with triple fans</a></div>"
        f'<div class="action"><ul class="price"><li class="msg">'
        f'<a class="more" href="{page}?Item=N82E1681493280{n}#options">'
        f"More options from $45{n}.99 - $76{n}.88</a></li></ul></div></div>"
    )


def test_a_query_link_beside_each_products_title_is_skipped() -> None:
    body = f'<div class="grid">{"".join(_product(n) for n in range(1, 7))}</div>'
    root = listing_selector(f"<html><body><main>{body}</main></body></html>").root
    detection = detect_links(root, URL)
    paths = {d.url.removeprefix(HOST) for d in detection.chosen}
    assert paths == {
        f"/graphics-card-model-{n}-with-triple-fans/p/N82E1681493280{n}" for n in range(1, 7)
    }
    skipped = {d.url.removeprefix(HOST): d.reason for d in detection.skipped}
    reason = skipped[
        "/graphics-card-model-1-with-triple-fans/p/N82E16814932801?Item=N82E16814932801"
    ]
    assert reason.startswith("a second link of an item whose own link leads to")


def test_the_bare_url_is_the_one_the_others_add_a_query_to() -> None:
    assert bare_url(["https://a.example/p/1", "https://a.example/p/1?item=1"]) == (
        "https://a.example/p/1"
    )
    assert bare_url(["https://a.example/p/1", "https://a.example/p/2"]) is None
    assert bare_url(["https://a.example/p/1?a=1", "https://a.example/p/1?a=2"]) is None
