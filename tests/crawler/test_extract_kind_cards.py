"""Article or listing: at a section's address, cards each a heading of a word or two that links
to a page and a paragraph closed by a link to the same page are items; at a story's address a
listicle's named entries, each closed by a button to the same page, stay its text."""

from __future__ import annotations

from lxml.html import fromstring

from crawler.extract import extract_article
from crawler.extract.kind import FRONT_ITEM
from crawler.extract.listing import find_items

SECTIONS = ["Getting started", "Localization", "Pricing", "Payments and tax", "Content policy"]
BLURB = (
    "This section explains what a publisher needs to know about {0}, with the steps to follow "
    "and the questions partners ask us most often. Read it before your first upload."
)


APPS = ["ReelShort", "DramaBox", "ShortMax", "GoodShort", "FlexTV", "DramaWave"]
REVIEW = (
    "{0} has a large catalogue of romance and revenge series. Its free episodes run longer "
    "than most rivals', and its coin bundles cost less. We liked its offline downloads."
)


def _cards(closing: str | None, names: list[str] = SECTIONS, blurb: str = BLURB) -> str:
    return "".join(
        f'<section class="card"><h2><a href="/p/{i}/">{name}</a></h2>'
        f"<p>{blurb.format(name.lower())}</p>"
        + (f'<a class="more" href="/p/{i}/">{closing}</a>' if closing else "")
        + "</section>"
        for i, name in enumerate(names)
    )


def _page(title: str, main: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body>"
        f'<header><a href="/">Example</a></header><main><h1>{title}</h1>{main}</main>'
        "<footer><p>Example Media</p></footer></body></html>"
    )


def test_cards_whose_short_heading_and_closing_link_lead_to_one_page_are_items() -> None:
    root = fromstring(f"<div>{_cards('View articles &rarr;')}</div>")
    assert find_items(root, FRONT_ITEM).count == len(SECTIONS)


def test_a_short_linked_heading_without_a_closing_link_is_no_headline() -> None:
    assert find_items(fromstring(f"<div>{_cards(None)}</div>"), FRONT_ITEM).count == 0


def test_a_documentation_index_of_such_cards_is_not_stored() -> None:
    intro = "<p>Everything you need to publish and sell your series.</p>"
    html = _page("Publisher documentation", intro + _cards("View articles &rarr;"))
    assert not extract_article(html, "https://docs.example.com/").is_article


def test_a_listicle_of_named_apps_each_closed_by_a_button_stays_an_article() -> None:
    intro = "<p>Short drama apps are everywhere this year, and choosing one is not easy.</p>"
    html = _page("The six best short drama apps", intro + _cards("Get the app", APPS, REVIEW))
    url = "https://www.example.com/2025/09/the-six-best-short-drama-apps/"
    assert extract_article(html, url).is_article
