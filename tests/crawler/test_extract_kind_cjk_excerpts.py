"""A Chinese excerpt says as much as an English one two and a half times as long, wherever the
list stands; a box of related titles at a story's address still counts a character as one."""

from __future__ import annotations

from lxml import html as lxml_html

from crawler.extract import ExtractionSettings, extract_article
from crawler.extract.listing import CJK_CHARS, find_items
from crawler.extract.meta import squash

SETTINGS = ExtractionSettings()
_URL = "https://www.wenda.example.com/topic/21290183/hot"  # a long id: a story's address
_ANSWERS = [
    ("拍一部微短剧大概需要多少钱？", "以去年一部八十集的剧为例，总成本约六十万元，演员占三成……"),
    ("微短剧演员收入怎么样？", "主演一天两千到八千元不等，配角几百到一两千，群演很少……"),
    ("为什么微短剧都是霸总和逆袭？", "平台要的是付费点，而这两种题材的付费转化最稳定……"),
    ("海外短剧平台为什么能赚钱？", "北美用户付费意愿高，单集解锁价格是国内的十倍左右……"),
    ("微短剧会取代长剧吗？", "不会，但会改变长剧，不少长剧开始学习短剧的开头和节奏……"),
    ("如何看待加强微短剧管理？", "新规的核心是分类分层审核，对重点微短剧实行备案管理……"),
    ("微短剧编剧最看重什么？", "开头三秒决定观众是否继续看下去，节奏比文采更重要……"),
]


def _page(excerpts: bool) -> str:
    rows = "".join(
        f'<div class="item"><h2><a href="/question/6{n:07d}">{title}</a></h2>'
        + (f"<p>{excerpt}</p>" if excerpts else "<span>2026-12-01</span>")
        + "</div>"
        for n, (title, excerpt) in enumerate(_ANSWERS)
    )
    return (
        "<html><head><title>微短剧 - 问答</title></head><body>"
        '<div class="nav"><a href="/">首页</a><a href="/explore/">发现</a></div>'
        '<div class="main"><h1>微短剧</h1><p>微短剧是单集时长从几十秒到十五分钟左右、有着相对明确'
        f'的主题和主线的网络视听节目。</p><div class="list">{rows}</div></div>'
        '<div class="footer"><p>版权所有 问答社区</p></div></body></html>'
    )


def test_a_topic_page_of_chinese_answer_excerpts_is_not_an_article() -> None:
    raw = sum(len(squash(title + excerpt)) for title, excerpt in _ANSWERS)
    assert raw < SETTINGS.listing_chars <= CJK_CHARS * raw  # short only in characters
    found = extract_article(_page(excerpts=True), _URL)
    assert found.shape is not None and found.shape.own_sentences < SETTINGS.listing_sentences
    assert found.shape.item_chars >= SETTINGS.listing_chars
    assert not found.is_article


def test_items_of_titles_alone_at_a_story_address_count_a_character_as_one() -> None:
    items = find_items(lxml_html.fromstring(_page(excerpts=False)))
    assert items.count == len(_ANSWERS)
    assert items.chars == sum(len(squash(title + "20261201")) for title, _ in _ANSWERS)
