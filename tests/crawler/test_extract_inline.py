"""Inline elements inside a sentence survive chrome removal whatever their class names."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract.chrome import remove_chrome

SENTENCE = (
    "<p>Growing up on a farm, I thought everyone had an acre or two set aside as a "
    "<a class='recommendation-inline-link' href='/garden'>vegetable garden</a>. It was not "
    "until I owned my first home that I had to start a garden from scratch.</p>"
)
SHARE = "<div class='post-share'><a class='share-link' href='/x'>Share on X</a></div>"


def test_a_link_in_a_sentence_stays_and_a_share_box_goes() -> None:
    html = f"<html><body><article>{SENTENCE}{SHARE}</article></body></html>"
    text = remove_chrome(document_fromstring(html)).text_content()
    assert "set aside as a vegetable garden. It was not" in text
    assert "Share on X" not in text


def test_a_named_link_beside_little_text_is_still_chrome() -> None:
    html = (
        "<html><body><article><p>Follow: <a class='social-link' href='/x'>our page</a></p>"
        f"{SENTENCE}</article></body></html>"
    )
    assert "our page" not in remove_chrome(document_fromstring(html)).text_content()
