"""Streamed server rendering: segments sent after the footer are read where they belong."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract import extract_article
from crawler.extract.meta import norm
from crawler.extract.streamed import place_streamed, streamed_segments

PARAS = [
    "The regulator published new rules for short dramas on Monday morning in Beijing.",
    "Platforms must review every series before it goes online, the notice says in full.",
    "The rules take effect next month and apply to every platform in the whole country.",
    "Smaller studios said they would need more staff to keep up with all the reviews.",
]


def _page() -> str:
    """An article whose body container holds only placeholders; the paragraphs come last."""
    holders = "".join(
        f'<template id="B:{i}"></template><div>Loading paragraph...</div>' for i in range(4)
    )
    segments = "".join(f'<div hidden id="S:{i}"><p>{p}</p></div>' for i, p in enumerate(PARAS))
    return (
        "<html><head><title>New rules for short dramas</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>New rules for short dramas</h1><div class='article-body'>{holders}</div>"
        "</article><footer><p>Copyright 2025 Example Media. All rights reserved.</p></footer>"
        f"{segments}</body></html>"
    )


def test_segments_take_their_placeholders_place_and_fallbacks_go() -> None:
    root = document_fromstring(_page())
    place_streamed(root, streamed_segments(root))
    body = root.xpath("//div[@class='article-body']")[0]
    assert [norm(p.text_content()) for p in body.iter("p")] == PARAS
    assert "Loading" not in body.text_content()
    assert not root.xpath("//template")


def test_a_segment_fills_a_placeholder_inside_another_segment() -> None:
    html = (
        '<html><body><main><template id="B:0"></template><div></div></main><footer>f</footer>'
        '<div hidden id="S:0"><section><template id="P:1"></template></section></div>'
        f'<div hidden id="S:1"><p>{PARAS[0]}</p></div></body></html>'
    )
    root = document_fromstring(html)
    place_streamed(root, streamed_segments(root))
    assert norm(root.xpath("//main//section/div/p")[0].text_content()) == PARAS[0]


def test_a_shell_waiting_for_segments_is_not_taken_for_a_fallback() -> None:
    html = (
        '<html><body><template id="B:0"></template><main><template id="P:1"></template></main>'
        f'<div hidden id="S:0"></div><div hidden id="S:1"><p>{PARAS[0]}</p></div></body></html>'
    )
    root = document_fromstring(html)
    place_streamed(root, streamed_segments(root))
    assert norm(root.xpath("//main/div/p")[0].text_content()) == PARAS[0]


def test_the_article_text_reads_the_streamed_paragraphs_in_order() -> None:
    found = extract_article(_page(), "https://example.com/news/rules")
    assert found.text.split("\n\n") == PARAS
