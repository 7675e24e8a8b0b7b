"""Breadcrumbs: opening lines that link up to the sections the article sits in are navigation;
a link to another page, or a line after the first long paragraph, stays."""

from __future__ import annotations

from lxml.html import document_fromstring

from crawler.extract import extract_article
from crawler.extract.crumbs import drop_leading_crumbs

URL = "https://example.com/blog/rules/new-rules-for-short-dramas"
PARAGRAPHS = [
    "The regulator published new rules for short dramas on Monday, officials said in Beijing.",
    "Platforms must review every series before it goes online, the notice says, or face fines.",
    "Studios that miss the deadline lose their licence for a year, according to the document.",
]
LINKS = """<a href="/">Home</a><a href="/blog/">Back to Blog</a>
<a href="https://other.example.org/blog">Partner blog</a><a href="/shop">Shop</a>"""


def test_lines_linking_up_to_the_articles_sections_go() -> None:
    root = document_fromstring(f"<html><body>{LINKS}</body></html>")
    paras = ["Home", "Back to Blog", "Partner blog", "Shop", *PARAGRAPHS, "Home"]
    assert drop_leading_crumbs(paras, root, URL) == [
        "Partner blog",
        "Shop",
        *PARAGRAPHS,
        "Home",
    ]


def test_crumbs_never_take_every_paragraph() -> None:
    root = document_fromstring(f"<html><body>{LINKS}</body></html>")
    assert drop_leading_crumbs(["Home"], root, URL) == ["Home"]


def test_a_trail_above_the_article_is_left_out_of_the_text() -> None:
    body = '<span><a href="/blog">Blog</a></span><h1>New rules</h1>'
    body += "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        f"<html><head><title>New rules</title></head><body><article>{body}</article></body></html>"
    )
    text = extract_article(html, URL).text
    assert not text.startswith("Blog")
    assert PARAGRAPHS[0] in text
