"""Chinese chrome lines at the edges of the text: hotline, handle, citation and live-update
notes, rankings, original-document links, a related-links heading left without its links,
disclaimers, Traditional characters and a statement's English translation; a story's sentence
that states a disclaimer's clause late (被告未经许可……) is no chrome; an offer of the page's links
that ends a sentence goes, and a line of labelled fields goes at the start, not at the end."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement, document_fromstring

from crawler.extract.chrome_zh import trim_chrome_runs

BODY = [
    "横店影视城相关负责人介绍，今年以来，每天在横店开机的短剧剧组超过100个。",
    "为规范拍摄秩序，当地已出台规定，要求短剧剧组提前报备拍摄计划，并配备安全员。",
]
TRADITIONAL = [
    "中國大陸短劇應用程式在台灣的下載量持續攀升，多款App擠進娛樂類下載排行前十名。",
    "文化部表示將研議相關因應措施，並持續鼓勵國內業者投入短劇製作。",
]


def _root() -> HtmlElement:
    return document_fromstring("<html><body><p>x</p></body></html>")


@pytest.mark.parametrize(
    "tail",
    [
        "澎湃新闻报料：021-962866",
        "每经头条（nbdtoutiao）——每日经济新闻 独家报道",
        "本报告由艾媒咨询出品，如需引用请注明出处。",
        "本网站所刊载信息，不代表中新社和中新网观点。 刊用本网站稿件，务经书面授权。",
        "电报持续更新中",
        "图片排行",
        "往期推荐",
        "本内容由作者授权发布，观点仅代表作者本人，不代表虎嗅立场。如对本稿件有异议或投诉，请联系我们。",
        "以上内容仅供参考，不构成投资建议。",
        "新浪网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。文章内容仅供参考，不构成投资建议。投资者据此操作，风险自担。",
        "未经许可",
        "【纠错】",
    ],
)
def test_a_chrome_line_closing_the_text_goes(tail: str) -> None:
    assert trim_chrome_runs([*BODY, tail], _root()) == BODY


@pytest.mark.parametrize(
    "lead",
    [
        "近日，北京互联网法院审结一起侵害作品信息网络传播权纠纷案，认定被告未经许可将原告的微短剧剪辑为短视频并投放引流，构成侵权。",
        "最近一个月把几家做短剧出海的公司年报和调研纪要都翻了一遍，说说我的看法，不构成投资建议。",
    ],
)
def test_a_story_sentence_stating_a_disclaimers_clause_late_stays(lead: str) -> None:
    assert trim_chrome_runs([lead, *BODY], _root()) == [lead, *BODY]


def test_a_link_to_the_original_document_opening_the_text_goes() -> None:
    assert trim_chrome_runs(["公告日期：2025-10-09查看PDF原文", *BODY], _root()) == BODY


def test_traditional_chrome_is_read_like_simplified() -> None:
    assert trim_chrome_runs([*TRADITIONAL, "自由時報版權所有不得轉載"], _root()) == TRADITIONAL


def test_the_english_translation_of_a_closing_statement_goes_with_it() -> None:
    statement = [
        "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台用户上传并发布，本平台仅提供信息存储服务。",
        "Notice: The content above is uploaded and posted by a user of a social media platform.",
    ]
    assert trim_chrome_runs([*BODY, *statement], _root()) == BODY


def test_an_english_line_closing_the_text_without_chrome_stays() -> None:
    paras = [*BODY, "Short dramas are here to stay."]
    assert trim_chrome_runs(paras, _root()) == paras


def test_a_closing_offer_of_the_pages_links_goes_though_it_ends_a_sentence() -> None:
    root = document_fromstring(
        "<html><body><p>更多內容，歡迎<a>鏡週刊紙本雜誌</a>、<a>鏡週刊數位訂閱</a>。</p></body></html>"
    )
    offer = "更多內容，歡迎鏡週刊紙本雜誌、鏡週刊數位訂閱。"
    assert trim_chrome_runs([*TRADITIONAL, offer], root) == TRADITIONAL


def test_a_report_s_field_line_opening_the_text_goes() -> None:
    fields = "类别：行业研究机构：华鑫证券股份有限公司研究员：陈晓 李楠日期：2026-12-02"
    assert trim_chrome_runs([fields, *BODY], _root()) == BODY


def test_a_notice_s_deadline_fields_closing_the_text_stay() -> None:
    paras = [*BODY, "报名截止：2026年12月15日 联系人：王老师"]
    assert trim_chrome_runs(paras, _root()) == paras
