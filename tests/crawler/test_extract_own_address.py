"""A line that is only the page's own address (a print view's footer) is not text."""

from __future__ import annotations

from crawler.extract.own_address import drop_own_address

URL = "https://www.example.com/news/2026/09/30/studio-lease.html?print=1"
BODY = ["A producer of vertical dramas has signed a lease in Burbank.", "Rents have fallen."]


def test_the_pages_own_address_printed_under_the_text_goes() -> None:
    printed = "https://www.example.com/news/2026/09/30/studio-lease.html"
    assert drop_own_address([*BODY, printed], URL) == BODY


def test_other_addresses_and_sentences_naming_it_stay() -> None:
    paras = [*BODY, "https://journals.example.org/doi/10.1002/abc", f"Source: {URL}"]
    assert drop_own_address(paras, URL) == paras
