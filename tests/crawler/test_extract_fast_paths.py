"""More fast paths of extraction, each giving the answers of its plain definition."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from lxml.html import document_fromstring

from crawler.extract.article import canonical_href
from crawler.extract.blocks import block_fingerprints, block_key, fingerprint
from crawler.extract.byline import closing_chars
from crawler.extract.chrome import _chrome_named
from crawler.extract.chrome_lines import drop_link_tail, link_texts
from crawler.extract.chrome_zh import trim_chrome_runs
from crawler.extract.link_boxes import headed_boxes
from crawler.extract.listing import find_items, outside_items
from crawler.extract.meta import letter_count, squash, squashed_len
from crawler.extract.parsing import parse_html
from crawler.extract.time_elements import _own_time_elements

_TEXTS = (
    "",
    " \t\n ",
    "short",
    "x" * 500,
    "The end of a story.   \n\n  " + "word " * 200,
    "Last words" + " " * 700,
    "国务院办公厅\u3000关于印发\u00a0通知的通知。" * 20,
    "a" * 159 + " " + "b" * 40,
    "a" * 160 + "\u2003" * 30 + "end",
)


@pytest.mark.parametrize("text", _TEXTS)
def test_closing_chars_are_the_end_of_the_whole_text_collapsed(text: str) -> None:
    for chars in (1, 10, 40, 300):
        assert closing_chars(text, chars) == " ".join(text.split())[-chars:]


@pytest.mark.parametrize(
    "text",
    [
        *_TEXTS,
        "".join(map(chr, range(128))),
        "Don’t miss — the “best” of 2024, résumé_tips… ١٢٣ Ⅻ ²",
        "Ελληνικά, русский, עברית 12_34",
    ],
)
def test_letter_count_is_what_the_letter_search_leaves(text: str) -> None:
    assert letter_count(text) == len(re.sub(r"[\W\d_]+", "", text))


@pytest.mark.parametrize(
    "text",
    [
        *_TEXTS,
        "".join(map(chr, range(128))),
        "".join(c for c in map(chr, range(0x3001)) if c.isspace()) * 40 + "x",
        "Don’t miss — the “best” of 2024,\u00a0résumé\u2028tips\x1c\x85 " * 30,
        "lone \ud800 surrogate " * 20,
    ],
)
def test_squashed_len_is_the_length_the_split_leaves(text: str) -> None:
    assert squashed_len(text) == len("".join(text.split()))


def test_chrome_names_read_the_id_unless_it_is_a_heading_slug() -> None:
    assert _chrome_named("share-box", None)
    assert _chrome_named(None, "menu-item")
    assert not _chrome_named("how-to-share-your-news-today", None)
    assert _chrome_named("how-to-share-your-news-today", "sidebar")
    assert not _chrome_named("main", "content")
    assert not _chrome_named("", "")


def test_block_fingerprints_from_the_shared_keys_are_those_of_each_block() -> None:
    blocks = ["First paragraph, with words.", "—", "Second: 2024 “quoted”", "第二段。"]
    assert block_key(blocks[0]) == squash(blocks[0])
    assert block_fingerprints(blocks) == {fingerprint(b) for b in blocks if squash(b)}


def test_the_page_s_link_texts_read_once_serve_every_check() -> None:
    headlines = ["Markets rally on rate cut hopes", "Europe braces for a cold winter"] * 2
    links = "".join(f"<li><a href='/{i}'>{h}</a></li>" for i, h in enumerate(headlines[:3]))
    root = document_fromstring(f"<html><body><p>Body.</p><ul>{links}</ul></body></html>")
    anchors = link_texts(root)
    assert anchors == {squash(h) for h in headlines}
    paras = [
        "The story, told in full sentences.",
        "Another paragraph of the story.",
        *headlines[:3],
    ]
    assert drop_link_tail(paras, root, anchors) == drop_link_tail(paras, root) == paras[:2]
    zh = ["国务院办公厅关于印发通知的通知。", "分享到", headlines[0]]
    assert trim_chrome_runs(zh, root, None, anchors) == trim_chrome_runs(zh, root)
    items = find_items(root)
    assert outside_items(paras, items, root, anchors) == outside_items(paras, items, root)


_MARKUP = (
    "<html><head><link rel='alternate' href='/a'><link rel='canonical'>"
    "<link rel='canonical' href=' /story '><link rel='canonical' href='/second'></head>"
    "<body><div><h2>Related</h2><a href='/x'>x</a></div>Text after.\n"
    "<section><p>Short</p><div><span>inner</span></div></section>"
    "<div>\n<header>A header</header>\n</div>\n<div><b>" + "long " * 80 + "</b></div>"
    "<div><!-- a note --><p>Caption</p>\n</div> tail <figure><img><p>c</p>\n \n</figure>x"
    "<blockquote><p>q</p>&#160;</blockquote>y<div><p>a</p>\n<p>b</p>\n</div>\u00a0"
    "<div><div><p>nested</p>\n</div>\n</div>after"
    "<section><ul><li>item</li></ul><strong>Bold</strong></section></body></html>"
)


@pytest.mark.parametrize(
    "html",
    [
        _MARKUP,
        _MARKUP.replace("<head>", "<head><link rel='canonical' href=''>"),
        "<html><body><p>no link</p><link rel='canonical' href='/in-body'></body></html>",
        "<html><body><p>x</p></body></html><link rel='canonical' href='/stray'><p>after</p>",
        "<html><body><div><div><div><h2>Related</h2><a href='/x'>x</a></div><p>"
        + "long text " * 40
        + "</p></div><div><span>a</span></div></div><section><p><span>"
        + "y" * 301
        + "</span></p></section><div><p>"
        + "z" * 300
        + "</p></div></body></html>",
        "<html><body><time datetime='1'>a</time><a><time datetime='2'>b</time></a><ul><li><p>"
        "<time datetime='3'>c</time></p></li></ul><time>d</time><p><time datetime=''>e</time>"
        "</p><time data-time='5'>f</time><time data-id='6' title='date'>g</time><time "
        "data-pubdate='7'>h</time></body></html><time datetime='4'>stray</time>",
    ],
)
def test_the_walks_find_what_their_xpaths_find(html: str) -> None:
    root = parse_html(html)
    assert root is not None
    canonical = etree.XPath("/descendant::link[@rel='canonical']/@href")(root)
    assert canonical_href(root) == next(iter(canonical), None)
    boxes = etree.XPath(
        "(//div|//section)[*[1][self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
        " or self::p or self::span or self::strong or self::b or self::div or self::header]"
        "[string-length(.) <= 300]]"
    )
    headed = headed_boxes(root)
    assert [box for box, _ in headed] == boxes(root)
    assert all(heading == box[0].text_content() for box, heading in headed)
    times = etree.XPath(
        "/descendant::time[not(ancestor::a) and not(ancestor::li)][@datetime or @*["
        "starts-with(name(), 'data-') and (contains(name(), 'time') or contains(name(), 'date'))]]"
    )
    assert list(_own_time_elements(root)) == times(root)
