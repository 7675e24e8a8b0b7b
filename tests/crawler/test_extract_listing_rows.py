"""Rows that open with a linked title and set a blurb apart by a dash are a list's items."""

from __future__ import annotations

from lxml.html import fromstring

from crawler.extract import extract_article
from crawler.extract.listing import find_items

_PICKS = (
    ("the-heiress-returns", "The Heiress Returns", "The year's most shameless revenge plot."),
    ("river-town", "River Town", "The rare mystery that plays fair."),
    ("dear-landlord", "Dear Landlord", "A comedy about rent, of all things."),
    ("my-boss-is-my-ex", "My Boss Is My Ex", "Workplace romance with real bite."),
    ("the-last-kitchen", "The Last Kitchen", "A cooking drama that earns its tears."),
    ("ninety-seconds", "Ninety Seconds", "Each episode is one real-time minute and a half."),
)


def _page(mark: str) -> str:
    rows = "".join(
        f'<li><a href="/reviews/{slug}/">{name}</a>{mark}{blurb}</li>'
        for slug, name, blurb in _PICKS
    )
    return (
        "<html><head><title>The Best Micro-Dramas of 2026</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/tv/">TV</a></nav>'
        f"<main><h1>The Best Micro-Dramas of 2026</h1><ul>{rows}</ul></main>"
        "<footer><p>All rights reserved.</p></footer></body></html>"
    )


def test_titles_with_dashed_blurbs_are_items_however_short_the_title() -> None:
    items = find_items(fromstring(_page(" — ")))
    assert items.count == len(_PICKS)


def test_a_link_running_into_its_sentence_is_no_item() -> None:
    assert find_items(fromstring(_page(" is, in a word, "))).count == 0


def test_a_roundup_of_titles_and_one_line_blurbs_is_no_article() -> None:
    found = extract_article(_page(" — "), "https://bingeable.example/best-of-2026/micro-dramas/")
    assert not found.is_article


def test_a_menu_of_links_set_apart_by_dashes_or_pipes_is_no_list_of_titles() -> None:
    menu = "".join(
        f'<div><a href="/{slug}/">{name}</a> - <a href="/{slug}/more/">More</a> | </div>'
        for slug, name, _ in _PICKS
    )
    assert find_items(fromstring(f"<html><body><main>{menu}</main></body></html>")).count == 0


def test_a_roundup_of_other_sites_with_a_line_on_each_is_no_list_of_titles() -> None:
    rows = "".join(
        f'<li><a href="https://{slug}.example.org/story">{name}</a>: {blurb}</li>'
        for slug, name, blurb in _PICKS
    )
    page = f"<html><body><main><ul>{rows}</ul></main></body></html>"
    assert find_items(fromstring(page), site="bingeable.example").count == 0
    own = page.replace(".example.org/story", "/").replace("https://", "https://bingeable.example/")
    assert find_items(fromstring(own), site="bingeable.example").count == len(_PICKS)
