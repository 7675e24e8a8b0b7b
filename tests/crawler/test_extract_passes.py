"""trafilatura's comparing pass runs only where the fast pass holds little of the page, and the
page's text lengths measured once agree with measuring them one by one."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement, document_fromstring, tostring

import crawler.extract.passes as passes
from crawler.extract import ExtractionSettings, extract_article
from crawler.extract.chrome import text_lengths
from crawler.extract.density import thin_text_source
from crawler.extract.meta import squashed_len

BODY = " ".join(f"Sentence number {i} of the article says something new." for i in range(30))


def _passes(monkeypatch: pytest.MonkeyPatch, fast_text: str) -> list[bool]:
    """The ``fast`` flag of each trafilatura pass on a page whose fast pass finds ``fast_text``."""
    calls: list[bool] = []

    def fake(tree: HtmlElement, url: str, *, precise: bool, fast: bool) -> passes.Pass:
        calls.append(fast)
        return passes.Pass(fast_text if fast else "the full pass", structured=True)

    monkeypatch.setattr(passes, "_run_trafilatura", fake)
    root = document_fromstring(f"<html><body><p>{BODY}</p><p>Menu Home About</p></body></html>")
    settings = ExtractionSettings()
    text, _ = passes.trafilatura_text(root, "https://example.org/a", settings, root.text_content())
    assert text == ("the full pass" if calls[-1] is False else fast_text)
    return calls


def test_a_fast_text_holding_most_of_the_page_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _passes(monkeypatch, BODY) == [True]


def test_a_fast_text_holding_little_gives_way_to_the_full_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _passes(monkeypatch, "Menu Home About") == [True, False]


def test_the_comparing_pass_first_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []

    def fake(tree: HtmlElement, url: str, *, precise: bool, fast: bool) -> passes.Pass:
        calls.append(fast)
        return passes.Pass("", structured=False)

    monkeypatch.setattr(passes, "_run_trafilatura", fake)
    root = document_fromstring(f"<html><body><p>{BODY}</p></body></html>")
    settings = ExtractionSettings(compare_first=True)
    passes.trafilatura_text(root, "https://x.org/", settings, root.text_content())
    assert calls == [False]


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>A title</title></head><body><p>Some  text</p> tail</body></html>",
        "<html><body><nav>Menu</nav><p>Text <a href='/x'>link</a></p></body></html>",
        "<p>no body element at all</p>",
    ],
)
def test_text_lengths_agree_with_measuring_page_and_body_apart(html: str) -> None:
    root = document_fromstring(html)
    body = root.find("body")
    body_len = squashed_len((root if body is None else body).text_content())
    assert text_lengths(root) == (squashed_len(root.text_content()), body_len)


def test_no_density_rescue_on_a_page_without_cjk_characters() -> None:
    root = document_fromstring(f"<html><body><div><p>{BODY}</p></div></body></html>")
    assert thin_text_source("", root, root.text_content()) is None


def test_a_pass_tells_whether_its_text_has_a_heading_or_a_list() -> None:
    story = "".join(f"<p>{BODY}</p>" for _ in range(3))
    opening = "<h2>Key points</h2><ul><li>One point</li><li>Another point</li></ul>"
    url = "https://example.org/a"
    article = document_fromstring(f"<html><body><article>{opening}{story}</article></body></html>")
    bare = document_fromstring(f"<html><body><div class='x'>{opening}{story}</div></body></html>")
    assert passes.trafilatura_text(article, url, ExtractionSettings(), BODY).structured
    assert not passes.trafilatura_text(bare, url, ExtractionSettings(), BODY).structured


def test_a_short_post_run_together_by_the_last_resort_is_split_into_its_blocks() -> None:
    post = """<html lang="en"><head><title>That DramaBox ad everyone is talking about</title>
    </head><body><article class="post"><header><h1>That DramaBox ad everyone is talking about</h1>
    <div class="entry-meta">Posted on <time datetime="2025-03-21">March 21, 2025</time></div>
    </header><div class="entry-content"><p>You have probably seen it: the DramaBox ad where a
    billionaire CEO disguises himself as a delivery driver.</p>
    <p>It has been viewed 40 million times on TikTok.</p></div></article></body></html>"""
    got = extract_article(post, "https://shortsblog.net/2025/03/21/dramabox-ad/")
    assert got.text.startswith("You have probably seen it")
    assert got.text.endswith("40 million times on TikTok.")
    assert "Posted on" not in got.text


def test_the_head_is_set_aside_for_the_duration_and_put_back_with_its_tail() -> None:
    head = "<head><title>T</title><meta name='a' content='b'></head>"
    root = document_fromstring(f"<html lang='en'>{head}\n<body><p>x</p></body></html>")
    before = tostring(root)
    with pytest.raises(RuntimeError), passes.head_aside(root):
        assert root.find("head") is None
        assert root[0].tag == "body"
        raise RuntimeError
    assert tostring(root) == before


def test_a_fast_pass_leaves_the_callers_tree_as_it_was() -> None:
    body = f"<body><article><p>{BODY}</p></article></body>"
    root = document_fromstring(f"<html><head><title>A title</title></head>{body}</html>")
    before = tostring(root)
    found = passes.trafilatura_text(root, "https://example.org/a", ExtractionSettings(), BODY)
    assert found.text.startswith("Sentence number 0")
    assert tostring(root) == before
