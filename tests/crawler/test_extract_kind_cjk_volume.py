"""Chinese headlines say as much as English ones two and a half times as long."""

from __future__ import annotations

from crawler.extract import ExtractionSettings, extract_article
from crawler.extract.kind import read_address
from crawler.extract.listing import CJK_CHARS

SETTINGS = ExtractionSettings()
_HEADLINES = [
    "公司出品微短剧入选年度推荐剧目名单",
    "公司与省级卫视达成内容战略合作协议",
    "公司举办第三届青年编剧训练营开营仪式",
    "公司荣获年度网络视听创新企业称号",
    "公司自制短剧全网播放量突破一亿次",
    "公司携多部精品短剧亮相文化博览会",
    "公司党支部开展主题党日学习活动",
    "公司发布年度社会责任报告全文",
    "公司短剧拍摄基地二期工程正式开工",
    "公司与高校共建影视人才实训基地",
    "公司海外短剧平台用户数量创新高",
    "公司召开年度内容创作工作会议",
    "公司董事长出席网络视听大会并发表演讲",
    "公司两部作品获评省级网络视听精品",
    "公司举行新办公大楼启用仪式",
]
_DATE = len("20250615")  # each line's date, squashed


def _page(related: bool) -> str:
    rows = "".join(
        f'<li><a href="/news/2025{m:02d}15{n}.html">{title}</a><span>2025-{m:02d}-15</span></li>'
        for n, title in enumerate(_HEADLINES, start=1)
        if (m := (n - 1) % 12 + 1)
    )
    if related:  # a short notice with a box of related news after it
        body = (
            "<h1>关于召开年度内容创作工作会议的通知</h1><p>发布时间：2025-06-30</p>"
            "<div><p>各部门：定于7月8日上午在公司三楼会议室召开年度内容创作工作会议，请各部门负责人"
            "准时参会。请于7月4日前将参会回执报送至办公室。</p></div>"
            f'<div class="related"><h3>相关新闻</h3><ul>{rows}</ul></div>'
        )
    else:  # the newsroom: a line about the company, then the list
        body = (
            "<h1>新闻中心</h1><p>星耀传媒成立于2016年，是一家专注于微短剧创作的影视公司。"
            "公司总部位于杭州，在北京和横店设有制作中心。</p>"
            f'<ul class="news">{rows}</ul>'
        )
    return (
        "<html><head><title>新闻中心_星耀传媒</title></head><body>"
        '<div class="nav"><a href="/">首页</a><a href="/about/">关于我们</a></div>'
        f'<div class="main">{body}</div><div class="footer"><p>版权所有 星耀传媒</p></div>'
        "</body></html>"
    )


def test_a_newsroom_of_one_line_chinese_headlines_is_not_an_article() -> None:
    cjk = sum(len(title) for title in _HEADLINES)
    dates = _DATE * len(_HEADLINES)
    assert cjk + dates < SETTINGS.listing_chars <= CJK_CHARS * cjk + dates  # short only in chars
    found = extract_article(_page(related=False), "https://www.xingyao.example.com/news/")
    assert found.text and found.shape is not None
    assert found.shape.sentences >= SETTINGS.min_sentences
    assert found.shape.item_chars >= SETTINGS.listing_chars
    assert not found.is_article


def test_a_short_notice_with_the_same_list_at_a_story_address_is_an_article() -> None:
    url = "https://www.xingyao.example.com/news/2025063012.html"
    assert read_address(url).cjk == 1.0
    found = extract_article(_page(related=True), url)
    assert found.is_article and "准时参会" in found.text
