"""A lone link in a box marked as sponsored is a paid post, not a featured item."""

from __future__ import annotations

from crawler.spiders.links import detect_links
from crawler.spiders.listing_links import listing_selector

SITE = "https://stories.example"
PAID = f"{SITE}/securitymetrics-announces-suite-of-solutions-for-contractors"


def _detect(box_class: str) -> set[str]:
    stories = "".join(
        f'<li><h3><a href="/how-we-rebuilt-our-data-pipeline-part-{n}">'
        f"How we rebuilt our data pipeline, part {n}</a></h3></li>"
        for n in range(1, 7)
    )
    box = (
        f'<div class="{box_class}"><div class="w-full"><h2 class="font-bold">'
        f'<a href="{PAID}">SecurityMetrics announces suite of solutions</a></h2></div></div>'
    )
    html = f'<html><body><main>{box}<ul class="stories">{stories}</ul></main></body></html>'
    return {d.url for d in detect_links(listing_selector(html).root, SITE + "/").chosen}


def test_a_lone_story_in_a_sponsored_box_is_not_taken() -> None:
    chosen = _detect("border-lightSponsorTextLight flex")
    assert PAID not in chosen
    assert len(chosen) == 6


def test_the_same_lone_story_in_a_plain_box_is_taken() -> None:
    assert PAID in _detect("featured flex")
