"""The fast paths of extraction give the answers of their plain definitions."""

from __future__ import annotations

import re
from datetime import UTC

import pytest
from lxml.html import document_fromstring

from crawler.extract import dates
from crawler.extract.article import _has_control_characters, drop_control_characters, parse_html
from crawler.extract.date_parse import ANY_DATE_RE, NUMERIC_RE, dates_in, parse_loose
from crawler.extract.kind import _SENTENCE_RE, declared_article
from crawler.extract.listing import find_items
from crawler.extract.meta import squash
from crawler.extract.title import _heading_candidates

_ONE_PASS_CONTROL_RE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01]|127)"
    r"|[xX]0*(?:[0-8]|[bBcCeEfF]|1[0-9a-fA-F]|7[fF]));"
)
_HEADINGS_XPATH = (
    "//body//*[self::h1 or self::h2 or ((self::h3 or self::div or self::p or self::td"
    " or self::span or self::strong) and (contains(translate(@class, 'TITLEHADN', 'titlehadn'),"
    " 'title') or contains(translate(@id, 'TITLE', 'title'), 'title')"
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
    assert list(_heading_candidates(root)) == root.xpath(_HEADINGS_XPATH)


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

    monkeypatch.setattr(dates, "_htmldate", refuse)
    html = "<html><head><title>t</title></head><body><p>No date here, © 2024.</p></body></html>"
    root = parse_html(html)
    assert root is not None
    page = dates.Page(html, "https://example.com/a", root, {}, UTC)
    assert dates.stated_htmldate(page) is None


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
    assert list(dates._scripts(html)) == lazy.findall(html)


@pytest.mark.parametrize(
    ("html", "og_type", "declared"),
    [
        ("<p>no JSON-LD</p>", "article", True),
        ("<p>no JSON-LD</p>", "website", None),
        ('{"@type": "CollectionPage"}', "article", False),
        ('{"@type": "NewsArticle"}', "", True),
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
