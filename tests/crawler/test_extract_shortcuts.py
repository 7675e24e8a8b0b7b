"""The fast paths of extraction give the answers of their plain definitions."""

from __future__ import annotations

import re
from datetime import UTC

import htmldate.extractors
import pytest
from lxml import etree
from lxml.html import HtmlElement, document_fromstring

from crawler.extract import byline, chrome_lines, htmldate_day, listing, meta, recover
from crawler.extract.article import container_candidates
from crawler.extract.chrome import remove_chrome, strip_chrome_tags, strip_code
from crawler.extract.date_page import Page
from crawler.extract.date_parse import ANY_DATE_RE, NUMERIC_RE, dates_in, parse_loose
from crawler.extract.kind import _SENTENCE_RE, declared_article
from crawler.extract.listing import find_items
from crawler.extract.meta import XPATH_SPACE, squash
from crawler.extract.parsing import (
    _has_control_characters,
    _parse_text,
    drop_control_characters,
    parse_html,
)
from crawler.extract.title_headings import heading_candidates
from storage.cjk import CJK_LETTERS

_ONE_PASS_CONTROL_RE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01]|127)"
    r"|[xX]0*(?:[0-8]|[bBcCeEfF]|1[0-9a-fA-F]|7[fF]));"
)
_HEADINGS_XPATH = (
    "//body//*[self::h1 or self::h2 or ((self::h3 or self::div or self::p or self::td"
    " or self::span or self::strong) and ((contains(translate(@class, 'TITLEHADN', 'titlehadn'),"
    " 'title') and not(contains(translate(@class, 'SUBTILE', 'subtile'), 'subtitle')))"
    " or contains(translate(@id, 'TITLE', 'title'), 'title')"
    " or contains(translate(@class, 'HEADLIN', 'headlin'), 'headline')))]"
)


@pytest.mark.parametrize(
    "html",
    [
        "a\x01b&#27;c&#x1B;d",
        "&\x01#27;",
        "&#2\x017;",
        "&&#27;#27;",
        "&#x7f;&#X7F;&#9;&#10;&#13;&#0000;&#32;",
        "plain text without any",
    ],
)
def test_control_characters_go_as_one_pass_would_remove_them(html: str) -> None:
    assert drop_control_characters(html) == _ONE_PASS_CONTROL_RE.sub("", html)


def test_headline_candidates_are_the_xpath_s_in_document_order() -> None:
    root = document_fromstring(
        "<html><head><title>t</title></head><body><h1>A</h1><div class='ArticleTITLE'>B</div>"
        "<span id='PageTitle'>C</span><p class='HeadLine'>D</p><td class='subtitle'>E</td>"
        "<section class='title'>F</section><strong id='head'>G</strong><h2>H</h2>"
        "<div class='x'><h3 class='Title'>I</h3></div></body></html>"
    )
    assert list(heading_candidates(root)) == root.xpath(_HEADINGS_XPATH)


def test_date_search_finds_what_the_forms_find_without_the_look_ahead() -> None:
    plain = re.compile(ANY_DATE_RE.pattern.removeprefix(r"(?=[\dJFMASONDjfmasond])"), re.I)
    text = (
        "posted 2024-03-05 10:00 · sept. 3, 2023 · 3rd of March 2022 · 12/31/2021 · 1.2.2020 "
        "· ſep 9 2019 · 2019年05月17日 · DEC 1 2018, x2017-01-01"
    )
    assert [m.span() for m in ANY_DATE_RE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    assert NUMERIC_RE.pattern in ANY_DATE_RE.pattern


@pytest.mark.parametrize(
    "text",
    [
        'var t="2024-03-05T10:00:00+08:00";x={"d":"Sept. 3 , 2023 at 5:07 pm"} 1920x1080',
        "(posted 3rd of March 2022) [12/31/2021] <1.2.2020> 发布时间：2019年05月17日 10:00",
        "x2017-01-01 20250101 2025-02-30 02-12-2025 13-12-2025, 2024 — Mar 4\n2024",
        "no year at all: 12:30, Jan 5, 19, 20 and 1899",
    ],
)
def test_dates_found_in_runs_holding_a_year_are_those_of_the_whole_text(text: str) -> None:
    everywhere = (
        (m.start(), m.end(), parse_loose(m.group(0), UTC)) for m in ANY_DATE_RE.finditer(text)
    )
    assert list(dates_in(text, UTC)) == [found for found in everywhere if found[2] is not None]


def test_htmldate_is_not_asked_when_the_page_states_no_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> str:
        raise AssertionError("htmldate asked")

    monkeypatch.setattr(htmldate_day, "_htmldate", refuse)
    html = "<html><head><title>t</title></head><body><p>No date here, © 2024.</p></body></html>"
    root = parse_html(html)
    assert root is not None
    page = Page(html, "https://example.com/a", root, {}, UTC)
    assert htmldate_day.stated_htmldate(page) is None


def test_long_and_linkless_blocks_are_no_items() -> None:
    teaser = "A headline of a few words"
    item = f"<li><a href='/{{n}}'>{teaser} {{n}}</a> short teaser</li>"
    long_block = "<li><a href='/long'>Long block headline here</a>" + "word " * 400 + "</li>"
    root = document_fromstring(
        "<html><body><ul>"
        + "".join(item.format(n=n) for n in range(4))
        + long_block
        + "<li>no link at all in this block</li></ul></body></html>"
    )
    items = find_items(root)
    assert items.count == 4
    assert all("long" not in text for text in items.texts)


def test_squashing_as_bytes_drops_what_the_search_drops() -> None:
    every_ascii = "".join(map(chr, range(128)))
    spaced = "Don’t miss — the “best” of 2024, résumé_tips… 国务院 " * 5 + "\ud800"
    for text in (every_ascii, "Read_more: the 2024 ELECTIONS!", "", " \t\n", spaced):
        assert squash(text) == re.sub(r"[\W_]+", "", text).lower()


@pytest.mark.parametrize(
    "html",
    [
        "<script>a</script><SCRIPT type='x'>b</sCrIpT> <script <script>c</script>",
        "<scriptx>no</script><script>open",
        "<script>a</script",
        "",
    ],
)
def test_scripts_are_those_the_lazy_pattern_finds(html: str) -> None:
    lazy = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
    assert list(htmldate_day._scripts(html)) == lazy.findall(html)


@pytest.mark.parametrize(
    ("html", "og_type", "declared"),
    [
        ("<p>no JSON-LD</p>", "article", True),
        ("<p>no JSON-LD</p>", "website", None),
        ('{"@type": "CollectionPage"}', "article", False),
        ('{"@type": "NewsArticle"}', "", True),
        ("<p>no JSON-LD</p>", "product.group", False),
        ('{"@type": "Product"}', "product.group", False),
    ],
)
def test_pages_without_a_json_ld_type_declare_only_by_og_type(
    html: str, og_type: str, declared: bool | None
) -> None:
    assert declared_article(html, {"og:type": og_type}) is declared


def test_control_characters_are_found_as_bytes_where_the_class_finds_them() -> None:
    for code in [*range(0x100), 0x2028, 0x3000, 0xFEFF, 0x10FFFF]:
        text = f"é{chr(code)}中"
        assert _has_control_characters(text) == bool(
            re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
        )


@pytest.mark.parametrize(
    "text",
    [
        'He said "no." Then left! Why? e.g. this... and that.) end.',
        "现将有关事项通知如下。请认真贯彻执行！“特此通知。”是吗？」",
        "a.” b. c.) d.）x!\u3000y?\u00a0z.\n",
        "。。！？。”.'. ?!",
    ],
)
def test_sentence_ends_are_those_of_the_two_branch_pattern(text: str) -> None:
    two_branches = re.compile(r"[.!?][\"'”’)）]?(?:\s|$)|[。！？][”’）」』]?")
    assert _SENTENCE_RE.findall(text) == two_branches.findall(text)


@pytest.mark.parametrize(
    "html",
    [
        '<html><head><meta charset="iso-8859-1"></head><body><p>café 中文 😀 ’</p></body></html>',
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>国务院</p>',
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>é</p></body></html>',
        "<p>a\x01b&#27;c&#x1B;d&&#27;#27;</p>",
        "",
        "  ",
        "<!-- only a comment -->",
    ],
)
def test_pages_parsed_as_utf8_bytes_give_the_tree_of_the_str(html: str) -> None:
    as_text = _parse_text(drop_control_characters(html))
    parsed = parse_html(html)
    assert (parsed is None) == (as_text is None)
    if parsed is not None and as_text is not None:
        assert etree.tostring(parsed) == etree.tostring(as_text)


def test_a_lone_surrogate_is_read_as_a_replacement_character() -> None:
    parsed = parse_html("<p>a lone \ud800 surrogate</p>")
    assert parsed is not None and parsed.text_content() == "a lone \ufffd surrogate"


def test_named_elements_are_those_of_the_slash_slash_xpath() -> None:
    root = parse_html(
        "<html><body><div id='a'><p class='b'>x</p><p>y</p></div></body></html>"
        "<html class='y'><footer class='x'>a second top-level element</footer></html>"
    )
    assert root is not None
    strip_code(root)
    assert strip_chrome_tags(root) == root.xpath("//*[@class or @id]")


_NESTED_CHROME = (
    "<html><body><div class='sidebar'><ul class='menu'><li class='menu-item'>a</li>"
    "<li class='menu-item share'>b<span class='social'>c</span></li></ul>"
    "<div class='Content'><p>Text of a container in a sidebar.</p><div class='share'>s</div>"
    "<pre><code class='hljs-comment'>// code</code></pre></div></div>"
    "<article><p>{body}</p><div class='related'><a href='/x' class='nav'>Other</a></div>"
    "</article><footer class='footer'><p class='copyright'>c</p></footer></body></html>"
)


def test_chrome_inside_removed_chrome_is_left_as_a_full_pass_would_leave_the_page() -> None:
    html = _NESTED_CHROME.format(body="Body of the article, long enough to stay. " * 20)
    trees = []
    for every_element_read_later in (False, True):
        root = parse_html(html)
        assert root is not None
        strip_code(root)
        named = strip_chrome_tags(root)
        candidates = container_candidates(named)
        remove_chrome(root, named, None, named if every_element_read_later else candidates)
        trees.append((etree.tostring(root), [etree.tostring(el) for el in candidates]))
    assert trees[0] == trees[1]
    assert b"Text of a container" in trees[0][1][0]  # read as it is, inside removed chrome
    assert b"share" not in trees[0][1][0]


def test_item_groups_are_those_a_search_of_every_sibling_finds() -> None:
    card = "<div><a href='/{n}'>A headline of several words {n}</a> teaser</div>"
    parts = [
        "<ul>"
        + "".join(f"<li><a href='/l{n}'>List headline number {n}</a></li>" for n in range(6)),
        "<li>plain</li>" * 3 + "</ul>",  # six items of nine: a group
        "<section>" + "".join(card.format(n=n) for n in range(2)) + "<div>no link</div>" * 4,
        "</section>",  # two of six: no group
        "<nav>" + "<p><a href='/same'>The same headline every time</a></p>" * 5 + "</nav>",
    ]
    root = document_fromstring(f"<html><body>{''.join(parts)}</body></html>")
    every_sibling = set()
    for parent in root.iter():
        children = [c for c in parent if isinstance(c.tag, str)]
        for tag in {c.tag for c in children}:
            siblings = [c for c in children if c.tag == tag]
            group = listing._items(siblings, 0, listing.MAX_ITEM, "")  # every sibling read
            if len(siblings) >= 3 and len(group) >= max(3, 0.6 * len(siblings)):
                every_sibling.update(text for text, _, _ in group)
    assert find_items(root).texts == frozenset(every_sibling)
    assert find_items(root).count == 6


def test_container_is_the_ancestor_the_count_over_every_ancestor_finds() -> None:
    para = "<p>{} words of a paragraph that goes on for a while.</p>"
    root = document_fromstring(
        "<html><body><div id='page'><div id='main'><article id='story'>"
        + "".join(para.format(n) * (n % 3 + 1) for n in range(6))
        + "<div><p>A deeper paragraph, longest of them all by quite some margin here.</p></div>"
        + "</article><aside><p>Aside text that the text also holds.</p></aside></div>"
        + "<footer><p>Footer line held too.</p></footer></div></body></html>"
    )
    matched = [(p, p.text_content()) for p in root.iter("p")]

    def by_every_ancestor(blocks: list[tuple[HtmlElement, str]]) -> HtmlElement | None:
        held: dict[HtmlElement, int] = {}
        for el, text in blocks:
            for ancestor in el.iterancestors():
                held[ancestor] = held.get(ancestor, 0) + len(text)
        total = sum(len(text) for _, text in blocks)
        longest = max(blocks, key=lambda block: len(block[1]))[0]
        return next((a for a in longest.iterancestors() if held[a] >= 0.9 * total), None)

    for blocks in (matched, matched[:8], matched[-3:], matched[::2]):
        assert recover._container(blocks) is by_every_ancestor(blocks)
    assert recover._container(matched[:8]) is root.get_element_by_id("story")


def test_leaf_blocks_are_the_leaf_tagged_elements_holding_no_block() -> None:
    root = document_fromstring(
        "<html><body><div><p>One <b>bold</b> line.</p><div>Loose <span>text</span></div>"
        "<ul><li>Item <p>in a paragraph</p></li><li>Plain item</li></ul>"
        "<table><tr><td>a</td><td>b</td></tr></table><section><h1>Head</h1>Tail</section>"
        "<figure><div>Caption box</div></figure><p></p></div></body></html>"
    )
    holders = {a for el in root.iter(*recover._INNER_BLOCKS) for a in el.iterancestors()}
    plain = [
        (el, recover._block_text(el))
        for el in root.iter(*recover._LEAF_TAGS)
        if el not in holders and squash(recover._block_text(el))
    ]
    assert recover.leaf_blocks(root) == plain
    assert [text for _, text in plain] == [
        "One bold line.",
        "Loose text",
        "in a paragraph",
        "Plain item",
        "a | b",
        "Caption box",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our NEWSLETTER today",
        "newſletter: subscribe now",
        "We use cooKies to improve your visit",
        "Read more: the full story",
        "Get our weekly newsletter",
        "As an Amazon Associate we earn from qualifying purchases.",
        "It was delivered straight to your İnbox",
        "The city council met on Tuesday – “a long day”.",
    ],
)
def test_promotion_lines_are_those_the_patterns_find(line: str) -> None:
    anywhere = bool(chrome_lines._COOKIE_RE.search(line) or chrome_lines._PROMO_RE.search(line))
    assert chrome_lines._may_promote(line) or not anywhere
    found = anywhere or bool(chrome_lines._PROMO_START_RE.match(line))
    assert chrome_lines._is_chrome_paragraph(line) == (
        found or bool(chrome_lines._CHROME_LINE_RE.match(line))
    )


def test_letters_counted_by_runs_are_those_found_one_by_one() -> None:
    text = "Hello, wörld 2024_x ½ 微短剧市场规模 カナ 한국어 ſK!"
    assert len(meta._NOT_LETTERS_RE.sub("", text)) == len(meta._LETTER_RE.findall(text))
    letters = re.findall(f"[{CJK_LETTERS}]", text)
    assert len(text) - len(meta._CJK_RUN_RE.sub("", text)) == len(letters)


_BEFORE_XPATH = etree.XPath("preceding::text()[normalize-space()][position() <= 6]")
_AFTER_XPATH = etree.XPath("following::text()[normalize-space()][position() <= 80]")


@pytest.mark.parametrize(
    "html",
    [
        "<p>Dec 3, 2025 <b>by</b> A</p><div><p>One</p>\n<p> </p><p>Two</p></div>",
        "<p>Dec 3<script>x</script>, 2025</p><p>One</p>",
        "<p>Dec 3</p><script>x</script>\n<p>One</p>",
        "<p>By<script>x</script> <style>y</style>A<script>z</script>B</p>",
    ],
)
def test_texts_after_the_title_are_those_the_xpath_finds(html: str) -> None:
    root = document_fromstring(f"<html><body><div><h1>Title</h1>{html}</div>x</body></html>")
    cuts = strip_code(root)
    heading = root.find(".//h1")
    found = [text.strip(XPATH_SPACE) for text in _AFTER_XPATH(heading)]
    assert [text.strip(XPATH_SPACE) for text in byline._texts_after(heading, cuts)] == found


@pytest.mark.parametrize(
    "html",
    [
        "<a href='/'>Home</a> News<p>By <b>A</b>\n</p><span>Dec 3, 2025</span>",
        "<p>By<script>x</script>A</p>News<script>y</script> today<span>Dec 3</span>",
    ],
)
def test_texts_before_the_title_are_those_the_xpath_finds(html: str) -> None:
    root = document_fromstring(
        f"<html><body><div>{html}<div><h1>Title</h1></div></div></body></html>"
    )
    cuts = strip_code(root)
    heading = root.find(".//h1")
    found = []
    for text in _BEFORE_XPATH(heading):
        holder = text.getparent()
        found.append((text.strip(XPATH_SPACE), holder.getparent() if text.is_tail else holder))
    walked = byline._texts_before(heading, cuts)
    assert [(text.strip(XPATH_SPACE), holder) for text, holder in walked] == found


def test_texts_before_the_title_go_back_to_the_nearest_link() -> None:
    root = document_fromstring(
        "<html><body><div><a href='/'>Home</a> News<p>By <b>A</b>\n</p><span>Dec 3,"
        " 2025</span><div><h1>Title</h1></div></div></body></html>"
    )
    before = byline._texts_before(root.find(".//h1"), strip_code(root))
    assert byline._up_to_a_link(before, root.find(".//h1")) == [" News", "By ", "A", "Dec 3, 2025"]


def test_htmldate_reads_free_text_with_its_settings_in_our_languages_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def every_locale() -> object:
        raise AssertionError("dateparser asked with every locale")

    monkeypatch.setattr(htmldate.extractors, "get_external_parser", every_locale)
    html = "<html><body><div><p>Mar 16 - 19</p></div></body></html>"
    assert htmldate_day._htmldate(html, "https://example.com/a", extensive=True) == (
        "2019-03-16T00:00:00"
    )
    assert htmldate.extractors.get_external_parser is every_locale


@pytest.mark.parametrize(
    "text",
    [
        "Mar 16 - 19",
        "March 3, 2024",
        "3 March 2024",
        "Posted on Tuesday, 5 November 2024",
        "Nov. 5th, 2024 at 10:00 AM",
        "Updated: 12 Sep 2023",
        "Sept 12, 2023",
        "12/03/2024",
        "2024年3月5日",
        "Offer valid Dec. 17, 2025 - Jan. 7, 2026",
        "4.5 out of 5 Stars. 31 reviews",
        "Top 5 HR Management Software in 2026",
    ],
)
def test_htmldate_free_text_reads_english_as_with_every_locale(text: str) -> None:
    ours = htmldate_day.language_parser().get_date_data(text)
    every = htmldate_day._HTMLDATE_PARSER().get_date_data(text)
    assert (ours.date_obj, ours.period) == (every.date_obj, every.period)
