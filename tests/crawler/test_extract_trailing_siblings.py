"""A story whose heading, date and paragraphs stand side by side, then a box of related stories
with their excerpts, is an article: the box trails the run of blocks the heading opens. So is
one beside a column of them before it."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article

_EN = [
    ("Short drama filing rules take effect", "Platforms must now file scripts for larger series"),
    ("Hengdian hosts twenty vertical crews a day", "Hotels, props and extras are in short supply"),
    ("Overseas short drama revenue triples", "In-app spending abroad is rising fast in the US"),
    ("From extra to lead in six months", "Young actors describe how quickly careers can move"),
    ("Provinces roll out short drama subsidies", "Support covers shoots, talent and studio bases"),
    ("Complaints grow over auto-renewing coins", "Some apps make renewals hard to understand"),
]
_ZH = [
    ("微短剧备案新规落地", "国家广电总局日前发布通知，要求重点网络微短剧在上线前完成备案……"),
    ("横店：一天开机二十个剧组", "随着短剧拍摄需求持续旺盛，横店影视城的酒店和群演资源一度紧张……"),
    ("微短剧出海收入增长两倍", "第三方数据显示，中国短剧应用在海外市场的内购收入持续攀升……"),
    ("短剧演员：从群演到主角", "在郑州的一个拍摄基地，记者见到了几位正在拍摄短剧的年轻演员……"),
    ("多地出台政策扶持微短剧", "浙江、河南、陕西等地相继发布扶持措施，涉及拍摄补贴和人才引进……"),
    ("微短剧付费模式引发消费者投诉", "有消费者反映，部分短剧应用自动续费规则不清，退款困难……"),
]
_STORIES = {
    "en": (
        "Over 1,200 short dramas filed with regulator",
        "December 7, 2026",
        "<p>More than 1,200 major online short dramas had been filed with China's broadcasting "
        "regulator by the end of November, state media reported.</p><p>The filing system began "
        "in June. The regulator said it would keep refining its review rules.</p>",
        "Related",
        _EN,
        "https://news.example.com/2026/12/07/short-dramas-filed-with-regulator/",
    ),
    "zh": (
        "全国超1200部重点网络微短剧完成备案",
        "2026-12-07 09:12",
        "<p>记者从国家广播电视总局获悉，截至11月底，全国已有超过1200部重点网络微短剧完成备案。</p>"
        "<p>据介绍，备案工作自今年6月启动以来，平台主体责任进一步压实。总局将继续完善审核制度。</p>",
        "相关阅读",
        _ZH,
        "https://www.wstv.example.cn/news/2026/12/07/88213.html",
    ),
}


def _page(language: str, column: bool = False) -> tuple[str, str]:
    heading, day, body, label, related, url = _STORIES[language]
    box = "".join(
        f'<div class="rel"><h4><a href="/news/2026/12/0{n}/{n}0{n}881.html">{title}</a></h4>'
        f"<p>{excerpt}</p></div>"
        for n, (title, excerpt) in enumerate(related, start=1)
    )
    html = (
        f'<html><head><meta charset="utf-8"><title>{heading} - Example</title></head><body>'
        '<div class="nav"><a href="/">Home</a><a href="/news/">News</a></div>'
        + (f'<div class="col"><h3>{label}</h3>{box}</div>' if column else "")
        + f'<div class="article"><h1>{heading}</h1><div class="info"><span>{day}</span></div>'
        f'<div class="text">{body}</div>'
        + ("" if column else f'<div class="related"><h3>{label}</h3>{box}</div>')
        + "</div>"
        '<div class="footer"><p>Copyright Example</p></div></body></html>'
    )
    return html, url


@pytest.mark.parametrize("column", [False, True], ids=["box-after", "column-before"])
@pytest.mark.parametrize("language", sorted(_STORIES))
def test_a_short_story_beside_its_heading_with_related_excerpts_beside_it_is_an_article(
    language: str, column: bool
) -> None:
    html, url = _page(language, column)
    found = extract_article(html, url)
    assert found.shape is not None and found.shape.trailing
    assert found.is_article
