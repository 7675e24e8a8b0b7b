"""Article or listing: a section's cards, each a heading of a word or two that links to a page
and a paragraph closed by a link to the same page, are items; a listicle's named entries stay."""

from __future__ import annotations

from lxml.html import fromstring

from crawler.extract import extract_article
from crawler.extract.listing import find_items

SECTIONS = ["Getting started", "Localization", "Pricing", "Payments and tax", "Content policy"]
BLURB = (
    "This section explains what a publisher needs to know about {0}, with the steps to follow "
    "and the questions partners ask us most often. Read it before your first upload."
)


def _cards(closing: bool) -> str:
    return "".join(
        f'<section class="card"><h2><a href="/docs/{i}/">{name}</a></h2>'
        f"<p>{BLURB.format(name.lower())}</p>"
        + (f'<a class="more" href="/docs/{i}/">View articles &rarr;</a>' if closing else "")
        + "</section>"
        for i, name in enumerate(SECTIONS)
    )


def test_cards_whose_short_heading_and_closing_link_lead_to_one_page_are_items() -> None:
    assert find_items(fromstring(f"<div>{_cards(closing=True)}</div>")).count == len(SECTIONS)


def test_a_short_linked_heading_without_a_closing_link_is_no_headline() -> None:
    assert find_items(fromstring(f"<div>{_cards(closing=False)}</div>")).count == 0


def test_a_documentation_index_of_such_cards_is_not_stored() -> None:
    html = (
        "<html><head><title>Publisher documentation</title></head><body>"
        '<header><a href="/">Docs</a></header><main><h1>Publisher documentation</h1>'
        "<p>Everything you need to publish and sell your series.</p>"
        f"<div>{_cards(closing=True)}</div></main><footer><p>Example Media</p></footer>"
        "</body></html>"
    )
    assert not extract_article(html, "https://docs.example.com/").is_article
