"""Text after a box: the bare lead sentence set right after a picture's box (its caption a
paragraph ending in the source's line break) stays in the text; the blank tails dropped are
those the XPath the walk replaced selects."""

from __future__ import annotations

from lxml import etree

from crawler.extract import extract_article
from crawler.extract.box_tails import drop_blank_box_ends
from crawler.extract.parsing import parse_html

LEAD = "South Korean drama producers are turning to vertical series as costs rise sharply."
REST = [
    "According to the content agency, drama output for television fell 20 percent last year.",
    "The budget for one traditional episode can pay for an entire vertical series, they said.",
    "Some agencies remain wary of the format, worrying that it could hurt their image.",
]


def test_the_lead_after_a_picture_box_stays() -> None:
    box = '<div class="img_box"><img src="/a.jpg"><p class="caption">A set in Seoul</p>\n</div>\n'
    body = (
        f'<div class="view_con article-body">{box}{LEAD}<br><br>' + "<br><br>".join(REST) + "</div>"
    )
    html = f"<html><body><h1>K-drama producers turn to vertical series</h1>{body}</body></html>"
    text = extract_article(html, "https://herald.example/article/1").text
    assert LEAD in text
    assert all(sentence in text for sentence in REST)


def test_only_a_blank_tail_inside_a_box_followed_by_text_goes() -> None:
    root = parse_html(
        "<html><body><div><p>Caption</p>\n</div>Text after the box."
        "<div><p>Kept</p>\n</div>\n<div><p>Words</p> tail words</div>Text.</body></html>"
    )
    assert root is not None
    drop_blank_box_ends(root)
    first, second, third = root.find("body").iterchildren("div")
    assert first[-1].tail is None
    assert second[-1].tail == "\n"
    assert third[-1].tail == " tail words"


def test_the_tails_dropped_are_those_the_sibling_xpath_selects() -> None:
    blank_ends = etree.XPath(
        "/descendant::*[self::div or self::figure or self::section or self::blockquote]"
        "[following-sibling::node()[1][self::text()][normalize-space()]]"
        "/*[last()][following-sibling::node()[self::text()][not(normalize-space())]]"
        "[not(following-sibling::node()[not(self::text())])]"
    )
    html = (
        "<html><body><div><p>a</p>\n</div>text<figure><img><p>b</p> \t</figure>\u00a0"
        "<section><p>c</p>\u00a0</section>more<blockquote>q<p>d</p>\n</blockquote>\n \n"
        "<div><div><p>e</p>\n</div>\n</div>after<div><p>f</p><!-- note -->\n</div>x"
        "<div>bare text\n</div>y<div><span>g</span>\r\n</div>z<p><b>h</b>\n</p>w</body></html>"
    )
    root, expected = parse_html(html), parse_html(html)
    assert root is not None and expected is not None
    selected = blank_ends(expected)
    assert selected
    for child in selected:
        child.tail = None
    drop_blank_box_ends(root)
    assert etree.tostring(root) == etree.tostring(expected)
