"""A block's further stories, nested in the block beside its lead story, are items too."""

from __future__ import annotations

from crawler.spiders.links import Detection, detect_links
from crawler.spiders.listing_links import listing_selector

SITE = "https://news.example"


def _page(body: str) -> Detection:
    html = f"<html><body><main>{body}</main></body></html>"
    return detect_links(listing_selector(html).root, f"{SITE}/hub/science")


def _story(slug: str) -> str:
    return f"/article/{slug}-5f3c9a1b2d4e6f708192a3b4c5d6e7f8"


def _blocks(more: str) -> str:
    blocks = ""
    for n in range(4):
        lead = f'<div class="lead"><h3><a href="{_story(f"lead-{n}")}">Lead story {n} of the'
        lead += " science desk today</a></h3></div>"
        items = "".join(more.format(url=_story(f"more-{n}-{k}"), n=n, k=k) for k in range(3))
        blocks += f'<div class="block"><div class="inner">{lead}<ol>{items}</ol></div></div>'
    return blocks


def _chosen(detection: Detection) -> set[str]:
    return {d.url.removeprefix(SITE) for d in detection.chosen}


def test_headed_stories_under_a_lead_story_are_chosen() -> None:
    more = '<li><h3><a href="{url}">Further story {n} {k} from the science desk</a></h3></li>'
    chosen = _chosen(_page(_blocks(more)))
    assert {_story(f"more-{n}-{k}") for n in range(4) for k in range(3)} <= chosen
    assert {_story(f"lead-{n}") for n in range(4)} <= chosen


def test_variants_inside_each_card_stay_parts_of_it() -> None:
    more = '<li><a href="{url}">Blue variant {n} {k} of this model here</a></li>'
    detection = _page(_blocks(more))
    assert not {_story(f"more-{n}-{k}") for n in range(4) for k in range(3)} & _chosen(detection)
    reasons = {d.url.removeprefix(SITE): d.reason for d in detection.skipped}
    assert "inside another list's items" in reasons[_story("more-0-0")]
