"""The mechanisms behind the Chinese page probes (``test_extract_zh_portals.py``), one by one."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from scrapy.http import HtmlResponse

from crawler.extract import extract_article
from crawler.extract.charset import DETECT, settled_charset
from crawler.extract.chrome_lines import clean_paragraphs
from crawler.extract.date_parse import parse_loose
from crawler.extract.table_layout import drop_row_copies
from crawler.extract.url_day import url_date
from crawler.spiders.base import page_html

CST = timezone(timedelta(hours=8))
TITLE = "省局召开网络微短剧行业座谈会_浙江省广播电视局"
BODY = (
    "<p>省广播电视局近日召开网络微短剧行业座谈会，三十余家制作机构负责人参加会议。</p>"
    "<p>会上，企业代表围绕内容创作、审核备案和人才培养等方面交流了经验。</p>"
    "<p>省局负责人表示，将进一步优化审核服务，推动微短剧产业健康发展。</p>"
)


def _page(head: str, title: str, info: str, body: str = BODY, tail: str = "") -> str:
    return (
        f"<html><head><meta charset='utf-8'>{head}<title>{title}</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/news/'>新闻中心</a></div>"
        f"<div class='bt'>省局召开网络微短剧行业座谈会</div><div class='info'>{info}</div>"
        f"<div class='nr'>{body}</div>{tail}<div class='footer'>版权所有：省广播电视局</div>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年3月10日 星期一 10:30", datetime(2025, 3, 10, 10, 30, tzinfo=CST)),
        ("2025年3月10日（周一）10:30", datetime(2025, 3, 10, 10, 30, tzinfo=CST)),
        ("发布时间：２０２５年３月１０日 １０：３０", datetime(2025, 3, 10, 10, 30, tzinfo=CST)),
    ],
)
def test_a_chinese_weekday_or_full_width_digits_keep_the_date_and_time(
    text: str, expected: datetime
) -> None:
    assert parse_loose(text, CST) == expected


def test_a_trs_address_dates_the_page() -> None:
    found = url_date("http://www.gd.gov.cn/gdywdt/bmdt/t20250310_4612345.htm", CST)
    assert found == datetime(2025, 3, 10, tzinfo=CST)


@pytest.mark.parametrize("other", ["更新时间：2025-03-12 09:00", "成文日期：2025-03-05 09:00"])
def test_an_update_or_writing_time_before_the_publication_time_is_not_the_date(
    other: str,
) -> None:
    info = f"<span>{other}</span> <span>发布时间：2025-03-10 10:30</span>"
    found = extract_article(_page("", TITLE, info), "http://gd.example.cn/a/1.html")
    assert found.published_at == datetime(2025, 3, 10, 10, 30, tzinfo=CST)


def test_a_day_in_the_metadata_takes_the_time_the_byline_shows() -> None:
    head = '<meta name="publishdate" content="2025-03-10">'
    found = extract_article(_page(head, TITLE, "2025年03月10日10:30"), "http://a.cn/1.html")
    assert found.published_at == datetime(2025, 3, 10, 10, 30, tzinfo=CST)


@pytest.mark.parametrize(
    "title", ["省局召开网络微短剧行业座谈会_浙江省广播电视局", "省局召开网络微短剧行业座谈会"]
)
def test_the_element_showing_the_title_less_its_site_is_the_title(title: str) -> None:
    found = extract_article(
        _page("", title, "发布时间：２０２５年３月１０日"), "http://a.cn/1.html"
    )
    assert found.title == "省局召开网络微短剧行业座谈会"
    assert found.published_at == datetime(2025, 3, 10, tzinfo=CST)


def test_a_site_name_set_off_by_a_space_in_a_chinese_title_is_left_out() -> None:
    html = _page("", "省局召开网络微短剧行业座谈会 浙江省广播电视局", "")
    html = html.replace("class='bt'", "class='title'")
    assert extract_article(html, "http://a.cn/1.html").title == "省局召开网络微短剧行业座谈会"


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ("<meta charset='gb2312'>", "text/html; charset=utf-8", "gb18030"),
        ("<meta charset='gbk'>", "text/html; charset=ISO-8859-1", "gb18030"),
        ("<meta charset='gbk'>", "text/html; charset=gbk", None),
        ("<meta charset='gbk'>", "text/html", None),
    ],
)
def test_the_page_charset_wins_over_a_header_that_cannot_be_right(
    body: str, content_type: str, expected: str | None
) -> None:
    page = f"<html><head>{body}</head><body><p>微短剧</p></body></html>".encode("gb18030")
    assert settled_charset(page, content_type) == expected


def test_a_header_charset_the_bytes_do_not_decode_under_is_no_declaration() -> None:
    page = "<html><body><p>国家广播电视总局发布微短剧管理通知。</p></body></html>".encode("gbk")
    assert settled_charset(page, "text/html; charset=utf-8") == DETECT
    response = HtmlResponse(
        "http://a.cn/1.html", body=page, headers={"Content-Type": "text/html; charset=utf-8"}
    )
    assert "国家广播电视总局发布微短剧管理通知。" in page_html(response)


def test_a_utf8_page_under_its_own_gb2312_meta_is_read_as_utf8() -> None:
    page = "<html><head><meta charset='gb2312'></head><body>横店影视城</body></html>".encode()
    assert settled_charset(page, "text/html") == "utf-8"


def test_a_gbk_page_under_its_own_utf8_meta_is_read_in_the_charset_detected() -> None:
    text = "记者从金华影视产业园获悉，园区内注册的微短剧相关企业已突破500家，上半年营收超过18亿元。"
    page = f"<html><head><meta charset='utf-8'></head><body><p>{text}</p></body></html>"
    response = HtmlResponse(
        "http://a.cn/1.html", body=page.encode("gbk"), headers={"Content-Type": "text/html"}
    )
    assert settled_charset(response.body, "text/html") == "gb18030"
    assert text in page_html(response)


def test_a_utf8_page_behind_a_gbk_header_is_read_as_utf8() -> None:
    page = "<html><head><meta charset='utf-8'></head><body>微短剧</body></html>".encode()
    assert settled_charset(page, "text/html; charset=GBK") == "utf-8"


def test_a_layout_row_repeating_the_paragraphs_is_dropped() -> None:
    paras = [
        "河北省近日发布支持网络微短剧产业发展的若干措施，鼓励各地打造拍摄基地。",
        "措施提出，对在河北取景拍摄的优秀微短剧作品，给予最高五十万元的奖励。",
    ]
    row = "| 河北出台措施 发布时间：2025年03月10日 " + " ".join(paras) + " 责任编辑：周蕾 | |"
    assert drop_row_copies([*paras, row]) == paras
    assert drop_row_copies([*paras, "| 一行 | 两格 |"]) == [*paras, "| 一行 | 两格 |"]


@pytest.mark.parametrize(
    "tail",
    [
        "<p>本内容为作者独立观点，不代表本站立场。</p><p>如对本稿件有异议，请联系tougao@a.com</p>",
        "<p>- END -</p><p>以上内容不构成投资建议。</p><p>喜欢本文，请点赞、转发支持！</p>",
        "<p>李然</p><p>本站作者，关注文娱产业，欢迎交流，微信：liran36kr</p>",
        "<p>点击量：2315</p>",
        "<p>特别提醒：如果我们使用了您的图片，请作者与本站联系索取稿酬。"
        "如您不希望作品出现在本站，可联系我们要求撤下您的作品。</p>",
        "<p>往期推荐</p><p>分享、点赞、在看，三连支持一下吧</p>",
    ],
)
def test_a_disclaimer_request_or_contact_after_the_body_goes(tail: str) -> None:
    text = extract_article(_page("", "座谈会", "", BODY + tail), "http://a.cn/1.html").text
    assert text.endswith("推动微短剧产业健康发展。")


def test_a_date_stamp_and_player_controls_before_the_body_go() -> None:
    lead = (
        "<p>2025-03-10 10:30:00</p><p>来源：看看新闻</p><p>视频加载中...</p>"
        "<p>00:00 / 02:15 播放 全屏</p>"
    )
    text = extract_article(_page("", "座谈会", "", lead + BODY), "http://a.cn/1.html").text
    assert text.startswith("省广播电视局近日召开")


def test_a_list_of_names_a_chinese_sentence_introduces_stays() -> None:
    names = [f"《短剧作品{i}号》" for i in range(1, 10)]
    paras = ["总局公布优秀网络微短剧推荐名单，共有9部作品入选。", "入选作品名单如下：", *names]
    assert clean_paragraphs([*paras, "总局表示，将对入选作品给予支持。"], None)[2:-1] == names
    assert not set(names) & set(clean_paragraphs(["相关阅读：", *names], None))


def test_a_publication_time_labelled_fabu_yu_after_the_body_is_read_with_its_time() -> None:
    tail = "<div class='time'>发布于 2025-03-10 21:37・IP 属地浙江</div>"
    found = extract_article(_page("", TITLE, "", tail=tail), "http://a.cn/1.html")
    assert found.published_at == datetime(2025, 3, 10, 21, 37, tzinfo=CST)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("微短剧“出圈”更要“出彩”", "微短剧“出圈”更要“出彩”"),
        ("综合新闻", "中国新闻出版广电报数字报"),
    ],
)
def test_a_lone_heading_of_eight_characters_is_a_headline_a_column_name_is_not(
    heading: str, expected: str
) -> None:
    html = (
        "<html><head><meta charset='utf-8'><title>中国新闻出版广电报数字报</title></head><body>"
        f"<div class='ep-top'><span>中国新闻出版广电报</span></div><h1>{heading}</h1>"
        f"<div class='nr'>{BODY}</div></body></html>"
    )
    assert extract_article(html, "http://epaper.example.cn/content_1.htm").title == expected


def test_a_decisions_heading_and_parties_stay_a_menu_does_not() -> None:
    parties = [
        "杭州市市场监督管理局",
        "行政处罚决定书",
        "杭市监处罚〔2025〕156号",
        "当事人：杭州某网络科技有限公司",
        "主体资格证照名称：营业执照",
        "统一社会信用代码：91330106MA2XXXXX7K",
        "住所（住址）：浙江省杭州市西湖区",
        "法定代表人（负责人、经营者）：李某",
    ]
    body = "经查，当事人在多个短视频平台投放其运营的微短剧小程序推广视频，构成发布虚假广告的行为。"
    assert clean_paragraphs([*parties, body], None) == [*parties, body]
    menu = ["首页", "机构概况", "政务公开", "办事服务", "互动交流", "专题专栏", "联系我们"]
    menu.append("地址：杭州")
    assert clean_paragraphs([*menu, body], None) == [body]
