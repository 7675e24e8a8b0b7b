"""A page typed Article that stands above its list with only an introduction is a topic hub."""

from __future__ import annotations

from dataclasses import replace

from crawler.extract import ExtractionSettings, extract_article
from crawler.extract.kind import PageShape, is_article

_SECTIONS = {
    "Start here": (
        "What is a vertical drama? A plain guide to the two-minute episode",
        "How the apps make money from coins, passes and advertising",
        "Who owns what among the companies behind the top ten apps",
    ),
    "Making them": (
        "How a hundred-episode drama is shot in nine days",
        "Inside a writers' room that turns out eighty episodes a week",
        "The performers' union agreement for vertical series, explained",
        "Casting for the phone screen and what directors look for",
    ),
    "The market": (
        "The top-grossing short-drama apps of the summer",
        "Short-drama apps are now the biggest entertainment advertisers",
        "Regional languages drive the growth of the newest apps",
    ),
}


def _hub() -> str:
    sections = "".join(
        f'<section class="hub-section"><h2>{name}</h2><ul>'
        + "".join(
            f'<li><a href="/2025/0{n + 4}/story-{i}-{n}/">{headline}</a></li>'
            for n, headline in enumerate(headlines)
        )
        + "</ul></section>"
        for i, (name, headlines) in enumerate(_SECTIONS.items())
    )
    return (
        '<html><head><meta property="og:type" content="article">'
        "<title>Vertical Dramas, Explained</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About</a></nav>'
        '<main><header><h1>Vertical Dramas, Explained</h1><p class="intro">Vertical short '
        "dramas went from a novelty to a business worth billions in three years. These are the "
        "stories we point newcomers to first, from the shoots to the money.</p></header>"
        f"{sections}</main><footer><p>All rights reserved.</p></footer></body></html>"
    )


def test_a_hub_typed_article_with_an_introduction_above_its_headlines_is_no_article() -> None:
    found = extract_article(_hub(), "https://news.example.com/guides/vertical-dramas-explained/")
    assert found.shape is not None and found.shape.declared
    assert found.shape.own_sentences == 2
    assert not found.is_article


def _shape(item_chars: int, own: int = 2, trailing: bool = False) -> PageShape:
    return PageShape(
        declared=True,
        links=0.5,
        sentences=own,
        own_sentences=own,
        items=3,
        item_chars=item_chars,
        section_url=True,
        trailing=trailing,
    )


def test_a_short_story_typed_article_keeps_a_small_box_a_long_text_or_a_trailing_one() -> None:
    settings = ExtractionSettings()
    half = settings.listing_chars // 2
    assert not is_article(_shape(half), settings)
    assert is_article(_shape(half - 1), settings)  # a box of three short related headlines
    assert is_article(_shape(half, own=3), settings)  # a three-sentence notice
    assert is_article(_shape(half, trailing=True), settings)  # a box after the story


def test_an_introduction_above_boxes_of_a_few_headlines_each_is_a_thin_section() -> None:
    settings = ExtractionSettings()
    half = settings.listing_chars // 2
    boxes = PageShape(None, 0.65, 2, 2, 4, half // 4, section_url=True, all_items=14)
    assert is_article(boxes, settings)  # the largest box alone is short ...
    spread = replace(boxes, all_chars=half)
    assert not is_article(spread, settings)  # ... the boxes together hold a list's half
    assert is_article(replace(spread, own_sentences=3, sentences=3), settings)  # a notice


_ZHUANTI_BLOCKS = {
    "政策解读": ("备案新规：哪些作品需要重点备案", "付费推广为何要明码标价", "审核细则十问十答"),
    "行业观察": ("横店一天开机二十个剧组的背后", "东南亚市场的机会与风险", "竖屏拍摄催生新工种"),
    "数据看板": ("十一月上线数量环比增长", "付费用户规模突破一点六亿", "广告收入占比升至三成"),
    "精品推荐": ("《归乡》：一部返乡创业的短剧", "《山海之间》入选年度名单", "县城喜剧为何能出圈"),
}


def test_a_zhuanti_of_four_boxes_under_a_two_sentence_introduction_is_no_article() -> None:
    blocks = "".join(
        f'<div class="block"><h3>{name}</h3><ul>'
        + "".join(f'<li><a href="/zt/2026wdj/{i}/{n}.html">{t}</a></li>' for n, t in enumerate(ts))
        + "</ul></div>"
        for i, (name, ts) in enumerate(_ZHUANTI_BLOCKS.items())
    )
    page = (
        "<html><head><title>聚焦微短剧高质量发展_专题</title></head><body>"
        '<div class="nav"><a href="/">首页</a> <a href="/zt/">专题</a></div>'
        '<div class="main"><div class="intro"><h1>聚焦微短剧高质量发展</h1><p>导语：微短剧行业'
        "进入规范发展新阶段。本专题汇集政策解读、行业观察与数据分析，持续关注行业动态。</p></div>"
        f"{blocks}</div></body></html>"
    )
    found = extract_article(page, "https://news.example.cn/zt/2026wdj/")
    assert found.shape is not None and found.shape.own_sentences == 2
    assert found.shape.all_chars > found.shape.item_chars
    assert not found.is_article
