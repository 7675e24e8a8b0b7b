"""Folded texts: a lower-case phrase is in one exactly where a case-insensitive search finds it."""

from __future__ import annotations

import re

import pytest

from crawler.extract.folding import fold, holds_any
from crawler.extract.shop_cards import _SELLS

_ASCII_IGNORING_CASE = re.compile(r"(?i)[\x00-\x7f]")


def test_every_character_folds_to_one_that_an_ignoring_case_search_takes_it_for() -> None:
    for code in range(0x110000):
        char = chr(code)
        folded = fold(char)
        assert len(folded) == 1, hex(code)
        if _ASCII_IGNORING_CASE.fullmatch(char):
            assert folded.isascii() and re.fullmatch(f"(?i){re.escape(folded)}", char), hex(code)
        else:
            assert not folded.isascii(), hex(code)


@pytest.mark.parametrize(
    "text",
    [
        "Add To Cart",
        "ADD TO BASKET",
        "add to bag",
        "SELECT OPT\u0130ONS",
        "select opt\u0131ons",
        "\u017fhop now",
        "Buy\u00a0now",
        "Shopping now",
        "Read the story",
        "",
    ],
)
def test_a_folded_text_holds_a_phrase_where_an_ignoring_case_search_finds_it(text: str) -> None:
    search = re.compile("(?i)" + "|".join(map(re.escape, _SELLS)))
    assert holds_any(fold(text), _SELLS) is (search.search(text) is not None)
