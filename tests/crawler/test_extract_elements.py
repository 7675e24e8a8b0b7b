"""The element class of parsed pages: texts read as lxml.html reads them."""

from __future__ import annotations

from copy import deepcopy

from lxml import etree

from crawler.extract.article import main_paragraphs
from crawler.extract.elements import PageElement
from crawler.extract.parsing import parse_html

_STRING = etree.XPath("string()")
_PAGE = (
    "<html><head><title>T</title><script>var a = '<p>';</script></head><body>"
    "<div class='c'>Intro <b>bold</b> tail &amp; more<br>line<p>Para&nbsp;one, <a href='/x'>link"
    "</a> after.</p>\u00a0<ul><li>one</li><li><i>two</i> items</li></ul></div>outside"
    "<p>中文段落，<span>内联</span>文字。</p><table><tr><td>a</td><td></td></tr></table>"
    "</body></html>"
)


def test_texts_are_the_xpath_string_of_every_element_without_its_tail() -> None:
    root = parse_html(_PAGE)
    assert root is not None
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    assert all(isinstance(el, PageElement) for el in elements)
    for el in elements:
        assert el.text_content() == _STRING(el)
        assert type(el.text_content()) is str
    div = root.find(".//div")
    assert div is not None
    assert div.text_content().startswith("Intro bold tail & moreline")
    assert "outside" not in div.text_content()


def test_copies_and_removals_keep_the_element_class_and_texts() -> None:
    root = parse_html(_PAGE)
    assert root is not None
    copied = deepcopy(root)
    assert isinstance(copied.find(".//p"), PageElement)
    link = copied.find(".//a")
    assert link is not None
    link.drop_tree()
    paragraph = copied.find(".//p")
    assert paragraph is not None and paragraph.text_content() == _STRING(paragraph)
    assert paragraph.text_content() == " Para\u00a0one,  after."  # a space parts it from "line"


def test_the_main_text_does_not_change_the_page_s_texts() -> None:
    root = parse_html(_PAGE)
    assert root is not None
    before = [el.text_content() for el in root.iter() if isinstance(el.tag, str)]
    main_paragraphs(root, None, "https://example.com/a", None)
    assert [el.text_content() for el in root.iter() if isinstance(el.tag, str)] == before


def test_an_element_without_children_reads_as_its_text_and_one_with_a_comment_without_it() -> None:
    root = parse_html("<html><body><p>plain &amp; simple</p><p></p><p>a</p></body></html>")
    assert root is not None
    plain, empty, commented = root.findall(".//p")
    commented.append(etree.Comment("not text"))
    commented[0].tail = "b"
    assert plain.text_content() == _STRING(plain) == "plain & simple"
    assert empty.text_content() == _STRING(empty) == ""
    assert commented.text_content() == _STRING(commented) == "ab"
