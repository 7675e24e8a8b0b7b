"""Bodies served as HTML that are no page: JSON documents and binary bytes."""

from __future__ import annotations

from crawler.extract.non_html import is_non_html

PAGE = "<html><body><p>The micro-drama market grew by a third last year.</p></body></html>"


def test_a_json_document_is_no_page() -> None:
    assert is_non_html('\ufeff {"title": "x", "html": "<p>a paragraph</p>"}')
    assert is_non_html('[{"headline": "x"}, 1, null]')
    assert not is_non_html("[" * 100_000 + "]" * 100_000)  # too deep to read: left to the parser


def test_markup_that_opens_with_a_bracket_is_a_page() -> None:
    assert not is_non_html("[if IE]" + PAGE)
    assert not is_non_html("{{ template }}" + PAGE)


def test_binary_bytes_read_as_text_are_no_page() -> None:
    png = "\ufffdPNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00"
    assert is_non_html(png + "<p>text</p>" * 5)


def test_a_page_with_stray_control_characters_is_a_page() -> None:
    assert not is_non_html(PAGE.replace("grew", "\x00grew\x00").replace("year", "\x1byear"))
    assert not is_non_html("")
