"""A page typed Article that stands above its list with only an introduction is a topic hub."""

from __future__ import annotations

from crawler.extract import ExtractionSettings, extract_article
from crawler.extract.kind import PageShape, is_article

_SECTIONS = {
    "Start here": (
        "What is a vertical drama? A plain guide to the two-minute episode",
        "How the apps make money from coins, passes and advertising",
        "Who owns what among the companies behind the top ten apps",
    ),
    "Making them": (
        "How a hundred-episode drama is shot in nine days",
        "Inside a writers' room that turns out eighty episodes a week",
        "The performers' union agreement for vertical series, explained",
        "Casting for the phone screen and what directors look for",
    ),
    "The market": (
        "The top-grossing short-drama apps of the summer",
        "Short-drama apps are now the biggest entertainment advertisers",
        "Regional languages drive the growth of the newest apps",
    ),
}


def _hub() -> str:
    sections = "".join(
        f'<section class="hub-section"><h2>{name}</h2><ul>'
        + "".join(
            f'<li><a href="/2025/0{n + 4}/story-{i}-{n}/">{headline}</a></li>'
            for n, headline in enumerate(headlines)
        )
        + "</ul></section>"
        for i, (name, headlines) in enumerate(_SECTIONS.items())
    )
    return (
        '<html><head><meta property="og:type" content="article">'
        "<title>Vertical Dramas, Explained</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About</a></nav>'
        '<main><header><h1>Vertical Dramas, Explained</h1><p class="intro">Vertical short '
        "dramas went from a novelty to a business worth billions in three years. These are the "
        "stories we point newcomers to first, from the shoots to the money.</p></header>"
        f"{sections}</main><footer><p>All rights reserved.</p></footer></body></html>"
    )


def test_a_hub_typed_article_with_an_introduction_above_its_headlines_is_no_article() -> None:
    found = extract_article(_hub(), "https://news.example.com/guides/vertical-dramas-explained/")
    assert found.shape is not None and found.shape.declared
    assert found.shape.own_sentences == 2
    assert not found.is_article


def _shape(item_chars: int, own: int = 2, trailing: bool = False) -> PageShape:
    return PageShape(
        declared=True,
        links=0.5,
        sentences=own,
        own_sentences=own,
        items=3,
        item_chars=item_chars,
        section_url=True,
        trailing=trailing,
    )


def test_a_short_story_typed_article_keeps_a_small_box_a_long_text_or_a_trailing_one() -> None:
    settings = ExtractionSettings()
    half = settings.listing_chars // 2
    assert not is_article(_shape(half), settings)
    assert is_article(_shape(half - 1), settings)  # a box of three short related headlines
    assert is_article(_shape(half, own=3), settings)  # a three-sentence notice
    assert is_article(_shape(half, trailing=True), settings)  # a box after the story
