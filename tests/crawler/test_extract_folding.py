"""Folded texts: a lower-case phrase is in one exactly where a case-insensitive search finds it."""

from __future__ import annotations

import re

import pytest
from lxml.html import fromstring

from crawler.extract.folding import fold, holds_any
from crawler.extract.shop_cards import _SELLS
from crawler.extract.telltale_boxes import _SPONSOR_RE, _STATUS_RE, _may_hold_telltale

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


@pytest.mark.parametrize(
    "line",
    [
        "Presented by Example",
        "SPONSORED\n  BY Example",
        "Brought to you\u00a0by Example",
        "Together With Example",
        "In partnership with Example",
        "Thank you for \u017fubscribing.",
        "Thanks for signing\tup!",
        "An error has occurred.",
        "An error occured",
        "Something went wrong. Try again.",
    ],
)
def test_a_page_with_a_telltale_line_is_read(line: str) -> None:
    text = " ".join(line.split())
    assert _SPONSOR_RE.match(text) or _STATUS_RE.match(text)
    root = fromstring(f"<div><p>Story text.</p><div><p>{line}</p><a>Join</a></div></div>")
    assert _may_hold_telltale(fold(root.text_content()))


def test_a_page_without_one_is_not() -> None:
    assert not _may_hold_telltale(fold("Presented at the fair, together they went by train."))
