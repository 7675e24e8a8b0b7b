"""Words of an item's text, the unit of headline and prose lengths."""

from __future__ import annotations

import pytest

from crawler.extract.listing import units


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
