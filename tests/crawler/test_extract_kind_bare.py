"""Article or listing: short lists with next to no prose of their own, and site searches."""

from __future__ import annotations

from dataclasses import replace

from crawler.extract import ExtractionSettings, extract_article
from crawler.extract.kind import NOTICE_SENTENCES, PageShape, is_article, read_address

SETTINGS = ExtractionSettings()
MENU = "".join(f'<li><a href="/c{i}/">栏目{i}</a></li>' for i in range(8))


def _page(title: str, main: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<div class="nav"><ul>{MENU}</ul></div><div class="main">{main}</div>'
        '<div class="footer"><p>版权所有 短剧观察网</p></div></body></html>'
    )


EVENTS = "".join(
    f'<li><h3><a href="/huodong/2025/e{i}/">2025年第{i}期微短剧编剧沙龙</a></h3>'
    f"<p>地点：杭州。面向新人编剧开放报名。</p></li>"
    for i in range(1, 6)
)
CHART = "".join(
    f'<tr><td>{i}</td><td><a href="/juku/{1300 + i}.html">短剧作品第{i}名</a></td>'
    f"<td>红果短剧</td><td>{9000 - i * 300}万</td></tr>"
    for i in range(1, 11)
)
NOTE = "<p>注：热度值综合播放量、讨论量、搜索量加权计算，每日上午十点更新。</p>"


def test_a_short_calendar_whose_only_prose_is_in_its_entries_is_not_an_article() -> None:
    found = extract_article(_page("活动日历", f"<ul>{EVENTS}</ul>"), "https://a.example.cn/hd/")
    assert found.shape is not None and found.shape.items == 5
    assert found.shape.item_chars < SETTINGS.listing_chars  # too short for the list rule
    assert found.shape.sentences >= 1 and found.shape.own_sentences == 0
    assert not found.is_article


def test_a_chart_under_a_one_sentence_footnote_at_a_section_is_not_an_article() -> None:
    html = _page("短剧热播榜", f"<h1>短剧热播榜</h1><table>{CHART}</table>{NOTE}")
    found = extract_article(html, "https://a.example.cn/data/rebo/")
    assert found.shape is not None and found.shape.section_url
    assert 0 < found.shape.own_sentences < NOTICE_SENTENCES
    assert found.shape.item_chars < SETTINGS.listing_chars
    assert not found.is_article


def test_a_one_sentence_notice_with_a_box_of_files_at_a_story_address_stays_an_article() -> None:
    files = "".join(
        f'<li><a href="/upload/2025/fj{i}.docx">附件{i}：网络微短剧重点项目申报表第{i}部分</a></li>'
        for i in range(1, 5)
    )
    main = (
        "<h1>关于报送网络微短剧重点项目的通知</h1>"
        "<p>各市广播电视主管部门：现将申报表印发给你们，请于7月31日前报送我局。</p>"
        f"<ul>{files}</ul>"
    )
    url = "https://gdj.example.gov.cn/art/2025/7/8/art_1229565_58912345.html"
    found = extract_article(_page("关于报送网络微短剧重点项目的通知", main), url)
    assert found.is_article


def test_a_site_search_address_carries_search_words_in_a_sections_query() -> None:
    assert read_address("https://www.example.com/?s=micro+drama").searched
    assert read_address("https://www.example.cn/search/?wd=%E6%A8%AA%E5%BA%97&t=all").searched
    assert read_address("https://www.example.cn/so?Keyword=duanju").searched
    assert not read_address("https://www.example.com/search/").searched  # no words searched
    assert not read_address("https://www.example.com/?p=12345").searched  # a story by its id
    # a story's id in a key a search may use too
    assert not read_address("https://www.example.gov.tw/News_Content.aspx?n=105&s=234567").searched
    # a story reached from a search keeps its address's verdict
    story = "https://www.example.com/2025/07/reelshort-record-quarter-1240117/?s=reelshort"
    assert not read_address(story).searched


def test_an_empty_search_page_saying_so_in_a_sentence_is_not_an_article() -> None:
    main = (
        "<h1>搜索结果</h1><p>抱歉，没有找到与“横店 群演 工会”相关的结果，"
        "请检查输入字词有无错误，或换用其他关键词再试一次。</p>"
    )
    html = _page("搜索结果：横店 群演 工会", main)
    found = extract_article(html, "https://a.example.cn/search/?wd=%E6%A8%AA%E5%BA%97")
    assert found.text and found.shape is not None and found.shape.sentences >= 1
    assert not found.is_article
    assert extract_article(html, "https://a.example.cn/news/20250712/61212.html").is_article


def test_a_story_named_by_its_id_in_the_query_is_no_bare_list() -> None:
    """A Baijiahao story (``/s?id=…``) whose few paragraphs all read as items is a story: the
    "no sentence of its own" rule needs an address that names no story."""
    story = read_address("https://baijiahao.baidu.com/s?id=1646764000000000002")
    assert story.section and story.story_query
    assert not read_address("https://www.example.cn/huodong/").story_query
    shape = PageShape(None, 0.18, 7, 0, 3, 400, section_url=True, tiles=3, all_items=3)
    assert not is_article(shape, SETTINGS)  # a channel's short entries and nothing else
    assert is_article(replace(shape, address=story), SETTINGS)


def test_a_pages_shape_holds_what_its_address_says() -> None:
    url = "https://a.example.cn/search/?wd=%E6%A8%AA%E5%BA%97"
    found = extract_article(
        _page("搜索结果", "<p>抱歉，没有找到相关的结果，请换用其他关键词再试一次。</p>"), url
    )
    assert found.shape is not None and found.shape.address == read_address(url)
