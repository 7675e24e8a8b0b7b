"""A Chinese standfirst set between the headline and the body's container comes back before the
text; a caption or a linked line there, and an English page's note, do not."""

from __future__ import annotations

from lxml.html import HtmlElement, document_fromstring

from crawler.extract.standfirst import with_standfirst

BODY = [
    "柏林一處攝影棚裡，德國演員正在用德語演繹一段「豪門恩怨」，這部短劇由一家中國短劇平台投資。",
    "市場研究機構的數據顯示，2026年德國已成為中國短劇App在歐洲收入最高的市場。",
]
LEAD = (
    "在北美站穩腳跟之後，中國短劇平台開始把目光投向歐洲。德語配音、德國演員、本地題材能打動觀眾嗎？"
)
NOTE = "Editor's note: Hannah Park is a television critic. The views expressed here are her own."
ENGLISH = [
    "Every week, tens of millions of people watch stories that no critic reviews at all.",
    "Critics have been here before: soap operas were dismissed before they were studied.",
]


def _title(between: str, body: list[str]) -> HtmlElement:
    paras = "".join(f"<p>{line}</p>" for line in body)
    root = document_fromstring(
        f"<html><body><article><h1>中國短劇進軍歐洲</h1>{between}"
        f'<div class="author"><span>Julia Schmidt</span></div><div class="rich-text">{paras}</div>'
        "</article></body></html>"
    )
    return next(root.iter("h1"))


def test_a_chinese_standfirst_above_the_body_comes_back_first() -> None:
    title = _title(f'<p class="teaser-text">{LEAD}</p>', BODY)
    assert with_standfirst(BODY, title) == [LEAD, *BODY]


def test_a_caption_above_the_body_stays_out() -> None:
    title = _title(
        f"<figure><img src='a.jpg'><figcaption><p>{LEAD}</p></figcaption></figure>", BODY
    )
    assert with_standfirst(BODY, title) == BODY


def test_a_linked_line_above_the_body_stays_out() -> None:
    title = _title(f'<p><a href="/zh-hant/a-1">{LEAD}</a></p>', BODY)
    assert with_standfirst(BODY, title) == BODY


def test_an_english_note_above_the_body_stays_out() -> None:
    title = _title(f"<p><em>{NOTE}</em></p>", ENGLISH)
    assert with_standfirst(ENGLISH, title) == ENGLISH
