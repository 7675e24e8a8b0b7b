"""Chinese lines made of the page's links, and a sign-off after an end mark: an app prompt of
links and a related-links pointer inside the text go, as does what follows "— END —" in the
text's tail; a story's own line naming an app, and prose after an end mark, stay."""

from __future__ import annotations

from lxml.html import HtmlElement, document_fromstring

from crawler.extract.chrome_zh import trim_chrome_runs

BODY = [
    "郑州正在成为继横店、西安之后的又一个短剧重镇，今年前11个月共完成短剧拍摄备案3012部，同比增长85%。",
    "在郑州金水区一处短剧产业园，12个摄影棚几乎全部排满，剧组要提前两周预约，热门场景最抢手。",
    "业内人士分析，郑州的优势在于成本较低、交通便利，演员和场地价格比横店低两到三成，吸引了大量中小剧组。",
]


def _root(links: str = "") -> HtmlElement:
    return document_fromstring(f"<html><body><p>x</p><div>{links}</div></body></html>")


def test_an_app_prompt_made_of_links_goes_from_inside_the_text() -> None:
    links = (
        "<a>不用抽 不用搶 現在用APP看新聞 保證天天中獎</a><a>點我下載APP</a><a>按我看活動辦法</a>"
    )
    prompt = "不用抽 不用搶 現在用APP看新聞 保證天天中獎 點我下載APP 按我看活動辦法"
    paras = [BODY[0], prompt, *BODY[1:]]
    assert trim_chrome_runs(paras, _root(links)) == BODY


def test_a_line_naming_an_app_that_is_no_link_stays() -> None:
    paras = [BODY[0], "红果短剧App上线听剧功能", *BODY[1:]]
    assert trim_chrome_runs(paras, _root("<a>红果短剧</a>")) == paras


def test_a_related_pointer_goes_from_inside_the_text() -> None:
    pointer = "相關新聞：本地网红拍短剧 一部剧赚进百万点阅"
    paras = [BODY[0], pointer, *BODY[1:]]
    assert trim_chrome_runs(paras, _root("<a>本地网红拍短剧 一部剧赚进百万点阅</a>")) == BODY


def test_a_related_label_before_a_sentence_stays() -> None:
    line = "相关新闻：记者从郑州市文化广电和旅游局获悉，全市短剧相关企业超过800家。"
    paras = [BODY[0], line, *BODY[1:]]
    assert trim_chrome_runs(paras, _root()) == paras


def test_the_sign_off_after_an_end_mark_goes() -> None:
    paras = [*BODY, "— END —", "点击下方名片，关注短剧自习室", "每天一篇，读懂短剧行业"]
    assert trim_chrome_runs(paras, _root()) == BODY


def test_prose_after_an_end_mark_stays() -> None:
    prose = "附记：" + "本文写作过程中，多位从业者提供了大量一手资料与数据，" * 6 + "在此一并致谢。"
    paras = [*BODY, "— END —", prose]
    assert trim_chrome_runs(paras, _root()) == paras
