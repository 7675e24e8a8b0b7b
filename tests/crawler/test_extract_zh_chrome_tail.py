"""Chinese chrome lines at the edges of the text: hotline, handle, citation and live-update
notes, rankings, original-document links, Traditional characters and a statement's English
translation."""

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
    ],
)
def test_a_chrome_line_closing_the_text_goes(tail: str) -> None:
    assert trim_chrome_runs([*BODY, tail], _root()) == BODY


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
