"""Chinese government notices in a full page frame: dates read from the page or none at all."""

from __future__ import annotations

import pytest

from crawler.extract import extract_article

TITLE = "国家广播电视总局办公厅关于实施“微短剧里看中国”创作计划的通知"
URL = "https://www.nrta.gov.cn/col/c113/detail.html?id=70001"  # no date in the address
BODY = (
    "<p>各省、自治区、直辖市广播电视局，新疆生产建设兵团文化体育广电和旅游局：</p>"
    "<p>为推动网络微短剧高质量发展，国家广播电视总局决定实施“微短剧里看中国”创作计划，"
    "引导创作者聚焦现实题材，讲好新时代中国故事。</p>"
    "<p>请各单位于2025年4月30日前将推荐项目报送总局网络视听节目管理司。</p>"
)


def _page(body: str, *, info: str = "来源：国家广播电视总局", signature: str = "") -> str:
    nav = '<div class="nav"><a href="/">首页</a><a href="/xxgk/">信息公开</a></div>'
    crumb = '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/tz/">通知</a></div>'
    tools = "<div>【字体：<a>大</a> <a>中</a> <a>小</a>】 <a>打印本页</a> <a>关闭窗口</a></div>"
    foot = "<div class='footer'>版权所有：国家广播电视总局 京ICP备05034688号</div>"
    return (
        f"<html><head><title>{TITLE}_国家广播电视总局</title></head><body>{nav}{crumb}"
        f'<div class="article"><h1>{TITLE}</h1><div class="info">{info}</div>{tools}'
        f'<div id="zoom">{body}{signature}</div></div>{foot}</body></html>'
    )


def test_a_deadline_in_the_notice_is_not_its_publication_date() -> None:
    found = extract_article(_page(BODY, signature="<p>国家广播电视总局办公厅</p>"), URL)
    assert found.is_article
    assert found.title == TITLE
    assert "于2025年4月30日前" in found.text
    assert found.published_at is None


@pytest.mark.parametrize(
    "info", ["国家广播电视总局 2025年3月21日", "新华网2025年3月21日10:30来源：新华网"]
)
def test_a_byline_date_beside_the_title_is_still_read(info: str) -> None:
    found = extract_article(_page(BODY, info=info), URL)
    assert found.published_at is not None
    assert found.published_at.date().isoformat() == "2025-03-21"


def test_an_editor_note_after_the_last_sentence_goes_and_the_sentence_stays() -> None:
    last = "<p>请各单位于2025年4月30日前将推荐项目报送管理司。【责任编辑：李明】</p>"
    found = extract_article(_page(BODY.rsplit("<p>", 1)[0] + last), URL)
    assert "将推荐项目报送管理司。" in found.text
    assert "责任编辑" not in found.text
