"""Texts that removed elements leave side by side are cut where XPath sees a new text node."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement, document_fromstring

from crawler.extract.text_nodes import TextCuts, pieces, text_cuts

_TAGS = ("script", "style")


def _stripped(html: str) -> tuple[HtmlElement, TextCuts]:
    root = document_fromstring(f"<html><body>{html}</body></html>")
    cuts = text_cuts(root, _TAGS)
    etree.strip_elements(root, *_TAGS, with_tail=False)
    return root, cuts


def test_a_text_joined_by_removals_is_cut_into_the_nodes_xpath_finds() -> None:
    root, cuts = _stripped("<p>a<script>x</script>b<style>y</style> <script>z</script>c</p>")
    p = root.find(".//p")
    assert p.text == "ab c"
    assert list(pieces(p.text, p, False, cuts)) == ["a", "b ", "c"]  # the blank node kept
    assert [t.strip() for t in p.xpath("text()") if t.strip()] == ["a", "b", "c"]


def test_blank_nodes_cut_nothing() -> None:
    root, cuts = _stripped("<p>a<script>x</script>\n<script>y</script>\n</p><div> <b>c</b></div>")
    assert cuts == {}
    root, cuts = _stripped("<div><b>c</b>\n<script>x</script>d</div>")
    b = root.find(".//b")
    assert list(pieces(b.tail, b, True, cuts)) == ["\nd"]


def test_a_tail_joined_by_removals_is_cut_and_an_untouched_text_stays_whole() -> None:
    root, cuts = _stripped("<div><b>x</b>one<script>s</script><script>t</script>two</div><p>z</p>")
    b, p = root.find(".//b"), root.find(".//p")
    assert list(pieces(b.tail, b, True, cuts)) == ["one", "two"]
    assert list(pieces(p.text, p, False, cuts)) == ["z"]
    assert list(pieces(None, p, True, cuts)) == [""]


def test_no_cut_where_a_removal_leaves_no_text_beside_another() -> None:
    _, cuts = _stripped("<p><script>x</script>after</p><div>before<style>y</style></div>")
    assert cuts == {}
