"""Chinese pages: whole portal, government and column pages (one GB2312-encoded), and the two
edge trimmers (density second opinion, runs of Chinese chrome lines)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from lxml.html import document_fromstring

from crawler.extract import extract_article
from crawler.extract.chrome_zh import trim_chrome_runs
from crawler.extract.density import (
    block_lines,
    densest_element,
    is_cjk,
    restore_gaps,
    thin_text_source,
    trim_edges,
)
from dramawatch.explain import decode_html

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "zh-news" / "pages"
LABELS = json.loads((PAGES / "labels.json").read_text(encoding="utf-8"))
BODY = [
    "清晨七点，老纺织厂的红砖外墙在阳光下显得格外温暖。几位老人已经坐在书房门口的长椅上。",
    "这座建于上世纪五十年代的厂房，曾经是全市最大的纺织车间之一，工厂搬迁后空置了将近十年。",
    "设计团队保留了原有的锯齿形屋顶和部分纺织机械，把车间改成了一座两层的城市书房。",
]


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("key", sorted(LABELS))
def test_a_chinese_page_comes_out_whole_and_clean(key: str) -> None:
    label = LABELS[key]
    found = extract_article(decode_html((PAGES / f"{key}.html").read_bytes()), label["url"])
    text = _squash(found.text)
    assert found.is_article
    assert found.title == label["title"]
    assert found.published_at is not None
    assert found.published_at.date().isoformat() == label["date"]
    assert [s for s in label["sentences"] if _squash(s) not in text] == []
    assert [c for c in label["chrome"] if _squash(c) in text] == []
    assert "\ufffd" not in found.text


def _root(body: str):  # type: ignore[no-untyped-def]
    return document_fromstring(f"<html><body>{body}</body></html>")


def test_the_densest_element_is_the_article_body_not_the_sidebar() -> None:
    article = "".join(f"<p>{p}</p>" for p in BODY)
    links = "".join(f'<li><a href="/{i}">城市新闻标题第{i}条</a></li>' for i in range(12))
    root = _root(f'<div id="side"><ul>{links}</ul></div><div id="body">{article}</div>')
    best = densest_element(root)
    assert best is not None and best.get("id") == "body"


def test_edges_outside_the_densest_element_are_trimmed_never_the_middle() -> None:
    article = "".join(f"<p>{p}</p>" for p in [BODY[0], "一、改造经过", *BODY[1:]])
    root = _root(f'<div class="profile"><p>爱读书</p><p>功能介绍</p></div><div>{article}</div>')
    paras = ["爱读书", "功能介绍", BODY[0], "一、改造经过", *BODY[1:]]
    assert trim_edges(paras, root) == [BODY[0], "一、改造经过", *BODY[1:]]


def test_a_sentence_outside_the_densest_element_stays() -> None:
    root = _root(f"<div><p>{BODY[0]}</p></div><div><p>{BODY[1]}</p><p>{BODY[2]}</p></div>")
    assert trim_edges(["导读", *BODY], root) == BODY


def test_density_trimming_leaves_text_alone_when_the_best_element_holds_little_of_it() -> None:
    root = _root(f"<div><p>{BODY[2]}</p><p>{BODY[2]}</p></div>")
    paras = ["导读", *BODY]
    assert trim_edges(paras, root) == paras


def test_a_chrome_tail_is_dropped_and_a_short_closing_paragraph_kept() -> None:
    root = _root('<a href="/n">老街巷里的修表铺</a>')
    tail = ["（责任编辑：李明）", "分享到", "老街巷里的修表铺", "本文为原创，转载请注明出处。"]
    paras = ["标签|城市|文化|记忆", *BODY, "特此通知。", *tail]
    assert trim_chrome_runs(paras, root) == [*BODY, "特此通知。"]


@pytest.mark.parametrize(
    "closing",
    [
        "更多的市民走进书房，评论说这里留住了城市的记忆。",
        "市民可扫码预约。",
        "请广大市民关注官方渠道发布的权威信息。",
        "法院认定被告构成侵权，判令赔偿原告经济损失十万元。",
        "该视频被大量转载，引发网友热议。",
    ],
)
def test_a_closing_sentence_with_a_chrome_word_stays(closing: str) -> None:
    paras = [*BODY, closing]
    assert trim_chrome_runs(paras, _root("")) == paras


def test_a_run_without_any_chrome_line_stays() -> None:
    paras = [*BODY, "某市农业农村局", "2024年2月20日"]
    assert trim_chrome_runs(paras, _root("")) == paras


def test_latin_text_is_never_trimmed_by_the_chinese_rules() -> None:
    paras = ["Share this", "The regulator published new rules on Monday.", "Related", "Editor: A"]
    assert trim_chrome_runs(paras, _root("")) == paras
    assert trim_edges(paras, _root("<div><p>x</p></div>")) == paras


def test_a_related_block_with_summaries_is_cut_at_its_heading() -> None:
    root = _root('<a href="/1">暑期消费市场活力足</a><a href="/2">多地发布促消费新举措</a>')
    related = [
        "您可能感兴趣的文章",
        "暑期消费市场活力足",
        "今年暑期，各地消费市场人气旺盛，文旅消费增长明显。",
    ]
    paras = [*BODY, *related, "多地发布促消费新举措"]
    assert trim_chrome_runs(paras, root) == BODY


def test_a_related_heading_without_links_after_it_is_kept() -> None:
    paras = [*BODY, "相关链接", "本次改造的设计图纸已在市档案馆公开展出，市民可以预约参观。"]
    assert trim_chrome_runs(paras, _root("")) == paras


def test_a_chinese_text_full_of_code_is_still_chinese() -> None:
    prose = "熟悉这门语言的同学都知道，它有一个关键词叫做延迟调用，函数返回前会执行。"
    code = "import json\nfrom contextlib import ExitStack\ndef parse(redis_client, handler):"
    assert is_cjk("\n".join([prose, *[code] * 4, prose]))
    assert not is_cjk("The Shanghai Composite 上证指数 fell two percent as investors sold shares")


def test_a_chrome_tail_after_code_in_a_chinese_text_is_dropped() -> None:
    code = ["import json", "with contextlib.ExitStack() as stack:", "stack.callback(add_ts)"] * 3
    closing = "无论是正常结束还是运行中报错，回调函数都会运行。"
    paras = [BODY[0], *code, closing, "微信扫一扫", "关注该公众号"]
    assert trim_chrome_runs(paras, _root("")) == paras[:-2]


def _wechat_like(prompt: str) -> str:
    article = "".join(f"<p>{p}</p>" for p in BODY)
    return f'<div id="content">{article}</div><div class="qr"><p>{prompt}</p></div>'


def test_a_text_holding_little_of_the_densest_prose_is_replaced_by_it() -> None:
    root = _root(_wechat_like("微信扫一扫关注该公众号"))
    best = thin_text_source("微信扫一扫\n关注该公众号", root, root.text_content())
    assert best is not None and best.get("id") == "content"


def test_a_text_holding_the_prose_is_kept() -> None:
    root = _root(_wechat_like("微信扫一扫关注该公众号"))
    assert thin_text_source("\n".join(BODY[:2]), root, root.text_content()) is None


def test_the_whole_page_as_densest_element_is_no_reason_to_replace_a_text() -> None:
    root = _root("".join(f"<p>{p}</p>" for p in BODY * 4))
    assert thin_text_source(BODY[0], root, root.text_content()) is None


def test_latin_pages_are_never_replaced_by_the_density_element() -> None:
    prose = "The regulator published new rules on Monday, and banks must comply by June. " * 5
    root = _root(f"<div><p>{prose}</p><p>{prose}</p></div><div><p>Share this</p></div>")
    assert thin_text_source("Share this", root, root.text_content()) is None


MISSING = "被添加的回调函数进入了一个栈，所以后添加的回调函数先调用。"


def test_block_lines_split_an_element_at_its_blocks_and_line_breaks() -> None:
    root = _root(
        f"<div>导语<p>{BODY[0]}</p><ul><li><section>{MISSING}</section></li></ul>甲<br>乙</div>"
    )
    assert block_lines(root.find(".//div")) == ["导语", BODY[0], MISSING, "甲", "乙"]


def test_a_sentence_the_text_lacks_inside_the_body_is_put_back_in_place() -> None:
    lines = [BODY[0], "可以看出以下特点：", MISSING, "1", BODY[1], BODY[2]]
    paras = [BODY[0], "可以看出以下特点：", BODY[1], BODY[2]]
    assert restore_gaps(paras, lines) == [BODY[0], "可以看出以下特点：", MISSING, *BODY[1:]]


def test_sentences_beyond_the_texts_edges_are_not_put_back() -> None:
    lines = [MISSING, BODY[0], BODY[1], "本文内容来自网络，如有侵权请联系删除，谢谢大家的支持。"]
    assert restore_gaps(BODY[:2], lines) == BODY[:2]


def test_short_lines_and_lines_without_sentences_are_not_put_back() -> None:
    lines = [BODY[0], "上一篇", "扫码关注我们获取更多精彩内容", BODY[1]]
    assert restore_gaps(BODY[:2], lines) == BODY[:2]


def test_a_list_item_the_text_lacks_is_restored_by_edge_trimming() -> None:
    article = f"<p>{BODY[0]}</p><ul><li><section>{MISSING}</section></li></ul><p>{BODY[1]}</p>"
    root = _root(f"<div>{article}<p>{BODY[2]}</p></div>")
    assert trim_edges([*BODY], root) == [BODY[0], MISSING, BODY[1], BODY[2]]


def test_no_sentence_is_put_back_from_the_whole_body() -> None:
    root = _root("".join(f"<p>{p}</p>" for p in [BODY[0], MISSING, BODY[1], BODY[2]]))
    assert densest_element(root) is root.find("body")
    assert trim_edges([*BODY], root) == BODY
