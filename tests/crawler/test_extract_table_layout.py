"""A page laid out by a table: the cell holding the article is read block by block (a cell of
lines broken by ``<br>`` line by line, also beside nested layout rows), not as one table row run
together with the sidebar's cell."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract import extract_article
from crawler.extract.article import block_text
from crawler.extract.table_layout import layout_text

PARAS = [
    "11月24日，我县首届微短剧创作大赛颁奖仪式在县文化中心举行。",
    "本次大赛自今年6月启动以来，共收到来自全国各地的参赛作品326部，作品以竹林和白茶为素材。",
    "经过初评、复评和终评，《竹海来信》《白茶姑娘》等10部作品获奖。",
    "据悉，获奖作品将在县融媒体中心各平台及合作短剧平台展播。",
]
HTML = (
    "<html><head><meta charset='utf-8'><title>我县举办首届微短剧创作大赛颁奖仪式 - 某县新闻网"
    "</title></head><body><table width='1000'><tr><td width='700' valign='top'>"
    "<div class='weizhi'>您当前的位置：<a href='/'>某县新闻网</a> &gt;&gt; <a>本县要闻</a></div>"
    "<div class='tit'>我县举办首届微短剧创作大赛颁奖仪式</div>"
    "<div class='info'>2025-11-25 09:31:10　来源：某县新闻网　作者：章华</div>"
    "<div class='con'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>"
    "<div class='bianji'>编辑：李倩　　审核：王强　　终审：陈明</div></td>"
    "<td width='300' valign='top'><div>图片新闻</div><div>点击排行</div></td></tr></table>"
    "</body></html>"
)


def test_the_cell_holding_the_article_is_read_paragraph_by_paragraph() -> None:
    found = extract_article(HTML, "http://news.example.cn/system/2025/11/25/034123456.shtml")
    assert found.text == "\n\n".join(PARAS)


def test_a_cell_of_broken_lines_among_nested_layout_rows_is_read_line_by_line() -> None:
    cell = "<br><br>".join(f"\u3000\u3000{p}" for p in PARAS)
    html = (
        "<html><head><meta charset='gb2312'><title>某镇人民政府--我县举办首届微短剧创作大赛颁奖仪式"
        "</title></head><body><table width='980'><tr><td><a href='#'>设为首页</a> | "
        "<a href='#'>加入收藏</a></td></tr></table><table width='980'><tr>"
        "<td width='240'><table><tr><td>热点新闻</td></tr><tr><td><a href='/1.html'>镇里召开"
        "安全生产工作会议</a></td></tr></table></td><td><table><tr><td>我县举办首届微短剧创作大赛"
        "颁奖仪式</td></tr><tr><td>来源：镇宣传办　发布时间：25-11-25</td></tr>"
        f"<tr><td class='content'>{cell}</td></tr></table></td></tr></table></body></html>"
    )
    found = extract_article(html, "http://www.example.gov.cn/art/news/25-11-25/1178.html")
    assert found.text == "\n\n".join(PARAS)


def test_a_text_without_a_row_of_text_is_no_layout() -> None:
    root = document_fromstring("<html><body><table><tr><td></td></tr></table></body></html>")
    assert layout_text("", root, block_text) is None
    assert layout_text("|  |  |", root, block_text) is None


def test_a_row_far_longer_than_every_other_line_is_read_paragraph_by_paragraph() -> None:
    rows = "".join(
        f"<tr><td>{cell}</td></tr>"
        for cell in (
            "当前位置：首页>>检察频道>>正文",
            "我县举办首届微短剧创作大赛颁奖仪式",
            "2025-11-25　来源：某县新闻网",
        )
    )
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (
        "<html><head><meta charset='gbk'><title>我县举办首届微短剧创作大赛颁奖仪式_某县新闻网"
        "</title></head><body><table><tr><td><a href='/'>首页</a> | <a href='/a/'>要闻</a> | "
        "<a href='/b/'>评论</a> | <a href='/c/'>视频</a></td></tr></table><table><tr>"
        f"<td width='680'><table>{rows}<tr><td class='content'>{paras}</td></tr>"
        "<tr><td>编辑：李倩</td></tr></table></td><td width='300'><div>热点排行</div>"
        "<div>某县新闻网微信公众号</div></td></tr></table>"
        "<table><tr><td>某县新闻网版权所有 未经授权禁止转载 地址：某县某路1号</td></tr></table>"
        "</body></html>"
    )
    found = extract_article(html, "http://news.example.cn/system/2025/11/25/034123457.shtml")
    assert found.text == "\n\n".join(PARAS)
