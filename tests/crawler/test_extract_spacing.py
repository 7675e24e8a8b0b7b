"""Words of neighbouring elements kept apart where the markup writes no space between them."""

from __future__ import annotations

import pytest
from lxml.html import fragment_fromstring

from crawler.extract import extract_article
from crawler.extract.spacing import space_boundaries

STORY = (
    "The review team spent three weeks on the trail with every pack, carrying full loads "
    "through rain and heat before settling on a verdict for each of them."
)


def _page(body: str) -> str:
    return (
        "<html><head><title>Packs</title></head><body><article>"
        f"<h1>The best packs</h1><p>{STORY}</p>{body}<p>{STORY}</p></article></body></html>"
    )


def test_a_brand_name_and_price_in_side_by_side_spans_are_separate_words() -> None:
    html = _page(
        '<p><span class="brand">Osprey</span><span class="title">Atmos AG 65 Pack</span>'
        '<span class="price">$370.00</span> is our pick for long trips with heavy loads.</p>'
    )
    text = extract_article(html, "https://shop.example.com/reviews/packs").text
    assert "Osprey Atmos AG 65 Pack $370.00 is our pick" in text


def test_a_space_lost_before_an_inline_title_is_put_back() -> None:
    html = _page(
        "<p>What Paul Verhoeven is doing in<em>Starship Troopers </em>is very interesting, "
        "and the film has aged better than anyone expected at the time.</p>"
    )
    text = extract_article(html, "https://films.example.com/essays/troopers").text
    assert "doing in Starship Troopers is very interesting" in text


@pytest.mark.parametrize(
    "html",
    [
        "<p>Water is H<sub>2</sub>O and the area is 3 m<sup>2</sup>.</p>",
        "<p><b>W</b>ord, a link<a href='/x'>s</a> plural</p>",
        "<h1>Category:<span>Programming languages</span></h1>",
        "<p>监管<b>A</b>股</p>",
        "<p>a->B and <i>x</i></p>",
        "<p><span>NASA</span><span>JPL</span></p>",
    ],
)
def test_words_split_by_a_tag_inside_them_stay_as_written(html: str) -> None:
    assert space_boundaries(html.encode()) == html.encode()


def test_only_the_tags_before_a_new_word_get_the_space() -> None:
    html = "<p>July 31<i>Jul 21, 2017 02:19 pm</i><i>Guest post</i></p>"
    assert space_boundaries(html.encode()).decode() == (
        "<p>July 31<i> Jul 21, 2017 02:19 pm</i><i> Guest post</i></p>"
    )


def test_blocks_run_together_in_a_list_item_stay_apart() -> None:
    item = (
        '<li><a href="/p/1"><div class="name">Petzl ARIA 1 RGB Headlamp</div>'
        '<div class="price">$29.73</div><div class="sale">Save 25%</div></a></li>'
    )
    spaced = fragment_fromstring(space_boundaries(item.encode()).decode())
    assert spaced.text_content() == "Petzl ARIA 1 RGB Headlamp $29.73 Save 25%"
