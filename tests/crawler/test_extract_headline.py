"""The headline repeated at the top of the text, under a kicker, is left out of it."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article
from crawler.extract.blocks import block_key
from crawler.extract.chrome_lines import clean_paragraphs

TITLE = "Short dramas win a wider audience"
BODY = [
    "The regulator published new rules for short dramas on Monday morning, officials said.",
    "Platforms must review every series before it goes online, the notice says, or face a fine.",
]


@pytest.mark.parametrize(
    "opening",
    [
        [TITLE],
        [TITLE, TITLE],
        ["News", TITLE],
        ["Review", TITLE, TITLE],
        ["Back to selection", TITLE],
        ["Exclusive", "Television", f"{TITLE} May 1, 2024"],
        ["- Example News", "- 2025-06-09", "- Short dramas rules", TITLE],  # facts lost labels
    ],
)
def test_the_repeated_title_goes_with_its_kicker(opening: list[str]) -> None:
    assert clean_paragraphs([*opening, *BODY], TITLE) == BODY


@pytest.mark.parametrize(
    "opening",
    [
        ["The studios knew the rules were coming for months.", TITLE],  # a sentence
        ["Season 2", TITLE],  # a label with a number
        ["- Dramas", TITLE],  # a list item
        ["- Dramas", "- Rules", TITLE],  # two
        ["- " + "The studios knew the rules were coming for months.", "- A", "- B", TITLE],
        ["Filed under:", TITLE],  # a label announcing what follows
        ["One", "Two", "Three", TITLE],  # more lines than a kicker has
    ],
)
def test_lines_that_are_no_kicker_stay(opening: list[str]) -> None:
    assert clean_paragraphs([*opening, *BODY], TITLE)[: len(opening)] == opening


def test_a_news_page_opening_with_its_kicker_and_headline_again() -> None:
    story = "".join(f"<p>{p}</p>" for p in BODY)
    html = (
        f"<html><head><title>{TITLE} | Example News</title></head><body>"
        f"<h1>{TITLE}</h1><div class='story'><p>Television</p><h2>{TITLE}</h2>{story}</div>"
        "</body></html>"
    )
    text = extract_article(html, "https://example.com/tv/short-dramas").text
    assert text.startswith(BODY[0])


def test_a_menus_items_above_the_repeated_title_go() -> None:
    menu = ["OTT", "Short drama", "Deals", "People", "Short drama"]
    links = frozenset(block_key(item) for item in menu)
    assert clean_paragraphs([*menu, TITLE, *BODY], TITLE, links=links) == BODY


def test_more_kicker_lines_than_a_kicker_that_are_no_links_stay() -> None:
    opening = ["Exclusive", "Television", "Drama", "Review", TITLE]
    links = frozenset({block_key("Television")})
    assert clean_paragraphs([*opening, *BODY], TITLE, links=links)[:5] == opening
