"""Words of an item's text, the unit of headline and prose lengths; the length of an item."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from crawler.extract.kind import FRONT_ITEM
from crawler.extract.listing import MAX_ITEM, _at_front, _item_length, units
from crawler.extract.meta import squash


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Short dramas grow", 3),
        ("微短剧 news", 2.5),
        ("主演山\ufa11 news", 3),  # a compatibility ideograph (﨑) is half a word as any other
    ],
)
def test_two_ideographs_count_as_one_word(text: str, words: float) -> None:
    assert units(text) == words


def test_a_long_block_is_an_item_at_a_front_only_and_never_a_section_of_items() -> None:
    """Past :data:`MAX_ITEM` characters a block is an item only where items may be longer (a
    section's front: its story with a teaser), and there only when it holds no list of links."""
    teaser = "Platforms must file every short drama before release, the regulator said. " * 20
    story = fromstring(f'<div><h2><a href="/s/1">Filing rules reach studios</a></h2>{teaser}</div>')
    rows = "".join(f'<li><a href="/s/{n}">Story {n}</a></li>' for n in range(3))
    section = fromstring(f"<div><h2>Latest</h2><ul>{rows}</ul>{teaser}</div>")
    text = squash(story.text_content())
    assert len(text) > MAX_ITEM
    assert not _at_front(MAX_ITEM) and _at_front(FRONT_ITEM)
    assert not _item_length(text, story, MAX_ITEM)
    assert _item_length(text, story, FRONT_ITEM)
    assert not _item_length(squash(section.text_content()), section, FRONT_ITEM)
