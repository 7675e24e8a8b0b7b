"""Steps that stop reading early, or skip a search, give the answers of their plain definitions."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from lxml.html import HtmlElement

from crawler.extract import byline, meta, recover
from crawler.extract.article import _CONTAINER_CLASSES, _CONTAINER_RANK, container_candidates
from crawler.extract.hidden import drop_hidden
from crawler.extract.kind import _ARTICLE_TYPE_RE, _LIST_TYPE_RE, declared_article, link_share
from crawler.extract.meta import XPATH_SPACE, text_len
from crawler.extract.parsing import parse_html
from crawler.extract.prompts import _PROMPT_RE, is_prompt
from crawler.extract.text_nodes import _kept_tails

_TYPES = [
    "",
    '{"@type": "NewsArticle"}',
    '{"@type": "CollectionPage"}',
    '{"@type": "ItemList"} {"@type": "BlogPosting"}',
    '{"@type": "BlogPosting"} {"@type": "ItemList"}',
    '{"@type": ["WebPage", "CollectionPage"]}',
    '{"@type": ["Thing", "Report"]} "@type" "@type": "Person"',
    '"@type""@type": "SearchResultsPage"',
    '{"@type" : "Organization"}',
]


def _plain_declared(html: str, meta: dict[str, str]) -> bool | None:
    og_type = meta.get("og:type", "").lower()
    if og_type == "product.group":
        return False
    if _LIST_TYPE_RE.search(html) and not _ARTICLE_TYPE_RE.search(html):
        return False
    if og_type == "article" or _ARTICLE_TYPE_RE.search(html):
        return True
    return None


@pytest.mark.parametrize("html", _TYPES)
@pytest.mark.parametrize("og_type", ["", "article", "website", "product.group"])
def test_a_declaration_read_in_one_pass_is_the_searches_one(html: str, og_type: str) -> None:
    meta = {"og:type": og_type}
    assert declared_article(f"<html>{html}</html>", meta) is _plain_declared(html, meta)


@pytest.mark.parametrize(
    "para",
    [
        "Thanks for reading!",
        "THANK YOU FOR WATCHING",
        "Follow us on Instagram",
        "Find me on Mastodon.",
        "If you enjoyed this post, tell a friend",
        "Share this with a friend",
        "Sign up for our newsletter",
        "Subscribe to our podcast",
        "Register for my course",
        "Already a subscriber? Log in",
        "Get unlimited digital access",
        "Become a member today",
        "Great news. Download the Example News app",
        "To continue reading, log in",
        "Subscribe now to unlock this story",
        "Unlock the full story",
        "Read the rest of the article",
        "Support our journalism",
        "Listen wherever you get your podcasts",
        "We're funded by our readers",
        "Support us from as little as $1",
        "This story originally appeared on Example.com",
        "The article was originally published in March 2024",
        "The market grew by 40% last year.",
        "Download speeds rose.",
        "Thanks to the new rules, the market grew.",
        "Follow the money, say analysts",
        "Don’t miss it: sign up for our newsletter",
        "THAN\u212a YOU FOR READING",
        "\u017fhare this with a friend",
        "\u0130f you liked it, tell us",
        "Don’t miss: \u017fign up for our list",
        "Café news: follow us on Weibo",
        "Already a member? Log in",
        "Found a typo? Let us know.",
        "Questions? Get in touch",
        "Questions? \u0130f you can, tell us",
        "x" * 300 + " thanks for reading",
    ],
)
def test_a_prompt_is_what_the_search_finds(para: str) -> None:
    assert is_prompt(para) is (len(para) < 250 and bool(_PROMPT_RE.search(para)))


def test_every_prompt_pattern_has_its_words() -> None:
    (top, (_, branches)), *_ = re._parser.parse(_PROMPT_RE.pattern, _PROMPT_RE.flags).data
    # a new alternative needs a word of _PROMPT_WORDS that its every match holds, and a line above
    assert str(top) == "BRANCH"
    assert len(branches) == 22


@pytest.mark.parametrize(
    "after",
    [
        "<p>A short byline, 3 March 2025</p>",
        "<span>a  b</span>\n" * 120,
        "<p>" + "word " * 400 + "</p><p>more</p>",
        "<div>" + "<b> x </b> \n " * 90 + "</div>" + "<p>late</p>" * 5,
        "<p>" + "y" * 799 + "</p><p> z</p><p>w</p>",
        "<p>" + "y" * 800 + "</p><p>z</p>",
    ],
)
def test_the_text_after_a_title_is_the_start_of_the_text_nodes_after_it(after: str) -> None:
    root = parse_html(f"<html><body><div><h1>The title</h1>{after}</div><p>end</p></body></html>")
    assert root is not None
    title = next(root.iter("h1"))
    nodes = [t for t in title.xpath("following::text()") if t.strip(XPATH_SPACE)][:80]
    expected = " ".join(" ".join(nodes).split())[:800]
    assert byline.title_context(title).after == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>No links here.</p>",
        "<p>Text <a href='/a'>a\u00a0link</a>, <a href='/b'> b\n c </a>and\u3000more.</p>",
        "<ul><li><a href='/1'>one</a></li><li><a href='/2'><b>t</b>wo</a></li></ul>",
        "<a href='/x'>x<a href='/y'>y</a> z</a>",
        "<a href='/e'> </a>",
    ],
)
def test_the_share_in_links_measures_the_links_one_by_one(body: str) -> None:
    root = parse_html(f"<html><body>{body}</body></html>")
    assert root is not None
    page = next(root.iter("body"))
    linked = sum(text_len(a) for a in page.iter("a"))
    assert link_share(root) == (linked / text_len(page) if text_len(page) else 1.0)


def test_container_candidates_are_the_elements_naming_a_container() -> None:
    classes = ["c", "TRS_Editor", "x\tzoom", "zoomed Content", "a\u00a0Content", "content", ""]
    ids = ["c", "UCAP-CONTENT", "cc", None]
    html = "".join(
        f"<div class='{cls}'{'' if ident is None else f' id={ident!r}'}>x</div>"
        for cls in classes
        for ident in ids
    )
    root = parse_html(f"<html><body>{html}<p class='pages_content'>y</p></body></html>")
    assert root is not None
    named = list(root.iter("div", "p"))
    plain = [
        el
        for el in named
        if el.get("id") in _CONTAINER_RANK
        or _CONTAINER_CLASSES.intersection((el.get("class") or "").split())
    ]
    assert container_candidates(named) == plain
    assert len(plain) == 23


_STORY = "".join(f"<p>The {n} paragraph of the story goes on here.</p>" for n in ("first", "next"))
_PARAS = [f"The {n} paragraph of the story goes on here." for n in ("first", "next")]


@pytest.mark.parametrize(
    ("inside", "paras"),
    [
        ("<p>Closing words.</p>", [*_PARAS, "Closing words."]),
        ("<p>Closing words.</p>", [*_PARAS, "Closing words.", "Sign up today"]),
        (
            "<table><tr><td>Alpha</td>Zulu<td>Omega</td></tr></table>",
            [*_PARAS, "Alpha | Omega", "phaOme"],
        ),
        ("<p>ΟΔΟΣ</p>ΑΒΓ", [*_PARAS, "ΟΔΟΣ"]),
    ],
)
def test_a_closing_paragraph_found_in_a_block_is_inside_the_container(
    inside: str, paras: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    html = f"<html><body><div id='main'>{_STORY}{inside}</div><p>Sign up today</p></body></html>"
    root = parse_html(html)
    assert root is not None
    found = recover.recover_blocks(paras, root)
    whole = recover._drop_outside_tail  # the body's whole text searched for every paragraph
    monkeypatch.setattr(recover, "_drop_outside_tail", lambda p, body, _: whole(p, body, []))
    assert found == recover.recover_blocks(paras, root)


def _plain_date(root: HtmlElement, html: str) -> str | None:
    found: dict[str, str | None] = {}
    for el in root.iter("meta"):
        key = el.get("name") or el.get("property") or el.get("itemprop") or el.get("http-equiv")
        if key and (content := (el.get("content") or "").strip()):
            found.setdefault(key.strip().lower(), content)
    if "datePublished" in html:
        for el in meta._ITEMPROP_DATE_XPATH(root):
            found.setdefault("datepublished", el.get("datetime") or el.get("content"))
        for script in root.iter("script"):
            text = script.text if script.get("type") == "application/ld+json" else None
            if text and (match := meta._JSONLD_DATE_RE.search(text)):
                found.setdefault("datepublished", match.group(1))
    return found.get("datepublished")


_LD = '<script type=\'application/ld+json\'>{{"datePublished": "{}"}}</script>'


@pytest.mark.parametrize(
    "head",
    [
        "<meta itemprop='datePublished' content='2025-01-02'>" + _LD.format("2025-01-03"),
        "<meta name='description' content='x'>"
        + _LD.format("2025-01-03")
        + _LD.format("2025-01-04"),
        "<script>var datePublished = 1;</script>",
        "",
    ],
)
@pytest.mark.parametrize(
    "body",
    [
        "",
        "<time itemprop='datePublished' datetime='2025-02-01'>1 Feb</time>"
        "<span itemprop='datePublished' content='2025-02-02'>2 Feb</span>",
        "<time itemprop='datePublished' datetime=''>x</time><time itemprop='datePublished'"
        " datetime='2025-02-03'>y</time>",
    ],
)
def test_the_first_stated_publication_date_is_kept(head: str, body: str) -> None:
    html = f"<html><head>{head}</head><body>{body}<p>text</p></body></html>"
    root = parse_html(html)
    assert root is not None
    assert meta.meta_map(root, html).get("datepublished") == _plain_date(root, html)


def test_the_tails_kept_are_those_of_elements_inside_none_of_the_tags() -> None:
    tags = ("script", "style", "noscript", "iframe", "select", "input", "template", "svg")
    html = (
        "<html><head><script>a</script>\n<style>b</style> </head><body>x<script>c</script>t1"
        "<noscript><iframe src='/f'></iframe>t2<img src='/i'>t3</noscript>t4<svg><style>s"
        "</style>t5<path d=''/>t6</svg>t7<p>p<input name='q'>t8<select><option>o</option>"
        "</select>t9</p><template><svg><script>z</script>t10</svg>t11</template>t12</body></html>"
    )
    root = parse_html(html)
    assert root is not None
    plain = [
        (el, el.getparent(), el.tail)
        for el in root.iter(*tags)
        if el.tail is not None and next(el.iterancestors(*tags), None) is None
    ]
    assert list(_kept_tails(root, tags)) == plain
    assert len(plain) >= 6


def test_hidden_elements_are_those_of_the_styled_elements() -> None:
    html = (
        "<html><body><div style='display:none'>a<p style='visibility: hidden'>b</p></div>"
        "<p style='color:red'>c</p><div class='accordion' style='DISPLAY : NONE'>d</div>"
        "<span style=''>e</span><p>" + "f " * 50 + "</p></body></html>"
    )
    root = parse_html(html)
    assert root is not None
    kept = [etree.tostring(el) for el in root.iter() if el.get("style") is not None]
    drop_hidden(root)
    left = [etree.tostring(el) for el in root.iter() if el.get("style") is not None]
    assert kept[2:] == left  # the hidden box and the paragraph in it go, the panel stays
