"""Article or listing: catalogues of short names, 专题 editions, 快讯 streams and item lines the
extracted text shortened; a short story above replies that each link back to it stays."""

from __future__ import annotations

from lxml.html import fromstring

from crawler.extract import extract_article
from crawler.extract.kind import section_url
from crawler.extract.listing import find_items, outside_items

NAMES = ["逆光而来", "龙王赘婿", "医妃倾城", "长安小吏", "家里家外", "归途", "闪婚", "替嫁"]


def _page(title: str, main: str) -> str:
    menu = "".join(f'<li><a href="/c{i}/">栏目{i}</a></li>' for i in range(6))
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<div class="nav"><ul>{menu}</ul></div><div class="main">{main}</div>'
        '<div class="footer"><p>版权所有 短剧平台</p></div></body></html>'
    )


def test_picture_cards_named_in_a_word_or_two_are_items() -> None:
    cards = "".join(
        f'<li><a href="/drama/{7300 + i}"><img src="/c/{i}.jpg"><h4>{name}</h4></a>'
        f'<p class="intro">这部短剧讲述了一个普通人在逆境中奋起的故事，第{i}部。</p></li>'
        for i, name in enumerate(NAMES)
    )
    found = extract_article(
        _page("剧库", f"<ul>{cards}</ul>"), "https://a.example.cn/library?tag=x"
    )
    assert found.shape is not None and found.shape.items == len(NAMES)
    assert found.shape.own_sentences == 0
    assert not found.is_article


def test_a_short_name_without_a_picture_is_no_headline() -> None:
    rows = "".join(
        f'<div><h4><a href="/p/{i}">{name}</a></h4><p>简介。</p></div>'
        for i, name in enumerate(NAMES)
    )
    assert find_items(fromstring(f"<div>{rows}</div>")).count == 0


def test_a_year_written_into_a_word_names_an_edition_of_a_section() -> None:
    assert section_url("https://a.example.cn/zt/2025summer")
    assert section_url("https://a.example.com/cannes2025/")
    assert not section_url("https://a.example.com/zt/summer-2025-picks")
    assert not section_url("https://a.example.com/news/a1234.html")
    assert not section_url("https://a.example.gov.cn/t20250826_1202650.shtml")


def test_a_stream_of_flash_entries_each_with_a_detail_link_is_a_listing() -> None:
    entries = "".join(
        f'<div class="flash-item"><span class="time">1{i}:00</span>'
        f"<div>【平台动态{i}】某短剧平台今日宣布第{i}项新举措，将于下月起正式实施。</div>"
        f'<div class="ops"><a href="/kuaixun/{9000 + i}.html">详情</a></div></div>'
        for i in range(8)
    )
    found = extract_article(
        _page("7×24小时快讯", f"<h1>快讯</h1>{entries}"), "https://a.example.cn/kuaixun/"
    )
    assert found.shape is not None and found.shape.items == 8
    assert found.shape.own_sentences == 0
    assert not found.is_article


def test_an_item_line_missing_its_date_is_still_the_items_text() -> None:
    episodes = "".join(
        f'<li><h3><a href="/pod/ep-{i}/">Episode {i}: the coin economy is cracking</a></h3>'
        f"<div>Sep {i}, 2025 · 52 min</div><p>Why apps add ad tiers, and what it means.</p></li>"
        for i in range(1, 5)
    )
    root = fromstring(f"<div><ol>{episodes}</ol></div>")
    line = "Episode 2: the coin economy is cracking Why apps add ad tiers, and what it means."
    assert outside_items([line, "The show's own words."], find_items(root), root) == [
        "The show's own words."
    ]


def test_a_line_whose_ends_lie_paragraphs_apart_in_an_item_is_the_pages_own() -> None:
    middle = " ".join(
        f"Paragraph {n} of the review weighs price against features." for n in range(6)
    )
    entries = "".join(
        f'<li><h3><a href="/reviews/cam-{i}/">Camera {i}: our pick for small homes</a></h3>'
        f"<p>Start of the review of camera {i} here. {middle} End of the review of camera {i} "
        "here.</p></li>"
        for i in range(1, 4)
    )
    root = fromstring(f"<div><ol>{entries}</ol></div>")
    own = (
        "Start of the review of camera 2 here. Our verdict, in a line. "
        "End of the review of camera 2 here."
    )
    assert outside_items([own], find_items(root), root) == [own]


def test_a_short_story_above_replies_that_each_link_back_to_it_stays_an_article() -> None:
    url = "https://a.example.com/2025/09/reelshort-weekly-pass-europe/"
    replies = "".join(
        f'<div class="r"><b>user{i}</b><p>I think this weekly pass is a smart move for the'
        f' European market, reader number {i}.</p><div class="ops">'
        f'<a href="{path}?replytocom={880 + i}#respond">Reply</a></div></div>'
        for i in range(12)
        for path in ("", "/2025/09/reelshort-weekly-pass-europe/")
    )
    story = (
        "<article><h1>ReelShort tests a weekly pass in Europe</h1><p>ReelShort has started"
        " offering new users in Germany, France and Spain a weekly pass for its catalogue.</p>"
        "<p>The company said the trial would run until the end of the year.</p></article>"
    )
    found = extract_article(_page("ReelShort tests a weekly pass", story + replies), url)
    assert found.shape is not None and found.shape.items == 0
    assert found.is_article
