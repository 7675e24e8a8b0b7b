"""An article a single-page app ships only in its script state is read from that state."""

from __future__ import annotations

import json

from lxml.html import HtmlElement

from crawler.extract import extract_article
from crawler.extract.chrome import strip_code
from crawler.extract.parsing import parse_html
from crawler.extract.script_state import state_article

URL = "https://news.example.cn/news.html?id=20261204A0"
TITLE = "短剧出海进入本地化深水区"
PARAS = [
    "当中国短剧在海外市场站稳脚跟后，从业者发现，单纯把国内爆款翻译成外语已经不够用了。",
    "据某出海短剧平台负责人介绍，今年以来，平台在美国本土拍摄的原创短剧已占到新上线作品的四成以上。",
    "业内人士认为，随着出海竞争加剧，具备海外制作能力和发行渠道的企业将获得更大优势。",
]


def _root(html: str) -> HtmlElement:
    """The page's tree, its scripts removed as extraction removes them."""
    root = parse_html(html)
    assert root is not None
    strip_code(root)
    return root


def _page(shown: list[str]) -> str:
    state = {
        "user": {"isLogin": False},
        "article": {
            "title": TITLE,
            "publishTime": "2026-12-04 11:25:36",
            "content": "".join(f"<p>{p}</p>" for p in PARAS),
        },
    }
    body = "".join(f"<p>{p}</p>" for p in shown) or '<div class="loading">加载中…</div>'
    return (
        '<html><head><meta charset="utf-8"><title>潮新闻</title></head><body>'
        f'<div id="app"><div class="top"><a href="/">潮新闻</a></div>{body}</div>'
        f"<script>window.__INITIAL_STATE__={json.dumps(state, ensure_ascii=False)};</script>"
        "</body></html>"
    )


def test_a_shell_page_is_read_from_its_state_with_the_title_beside_the_body() -> None:
    found = extract_article(_page([]), URL)
    assert found.is_article
    assert found.title == TITLE
    assert all(p in found.text for p in PARAS)
    assert "加载中" not in found.text


def test_a_page_showing_only_its_first_paragraph_takes_the_rest_from_its_state() -> None:
    found = extract_article(_page(PARAS[:1]), URL)
    assert all(p in found.text for p in PARAS)


def test_a_page_that_shows_its_state_is_read_from_its_markup() -> None:
    html = _page(PARAS)
    root = _root(html)
    assert state_article(html, root, []) is None


def test_a_body_in_the_state_beside_another_text_is_no_article() -> None:
    html = _page([])
    root = _root(html)
    assert state_article(html, root, [PARAS[0]]) is not None
    assert state_article(html, root, [f"{p}{p}" for p in PARAS]) is None  # a longer article
    other = "记者从市文化广电旅游局获悉，本市将于明年春季举办首届网络视听产业博览会。"
    assert state_article(html, root, [other]) is None  # a short article beside a bio


def test_a_state_without_markup_or_not_json_holds_no_article() -> None:
    html = "<html><body><p>正文</p><script>window.__STATE__={a: undefined};</script></body></html>"
    root = _root(html)
    assert state_article(html, root, []) is None


def test_a_sites_markup_in_the_state_of_a_page_without_paragraphs_is_no_article() -> None:
    footer = "".join(f"<div><a href='/p{n}'>{p}</a></div>" for n, p in enumerate(PARAS))
    state = {"site": {"title": "潮新闻客户端", "footerHtml": footer}}
    html = (
        f"<html><head><title>{TITLE}</title></head><body><div id='app'></div>"
        f"<script>window.__INITIAL_STATE__={json.dumps(state, ensure_ascii=False)};</script>"
        "</body></html>"
    )
    assert state_article(html, _root(html), []) is None


def test_a_page_titled_like_the_state_is_read_from_it() -> None:
    html = _page([]).replace("<title>潮新闻</title>", f"<title>{TITLE}_潮新闻</title>")
    found = state_article(html, _root(html), [])
    assert found is not None
    assert found.title == TITLE


def test_a_state_nested_too_deep_to_read_holds_no_article() -> None:
    deep = '{"a":' * 5000 + "1" + "}" * 5000
    html = f"<html><body><p>正文</p><script>window.__STATE__={deep};</script></body></html>"
    assert state_article(html, _root(html), []) is None
