"""A group that is one only by counting the block of the page's own headline is no list: a wire's
release section, its headline and its "News provided by" link above the text, beside two short
boxes of links, is an article; items beside the page's heading still make a list."""

from __future__ import annotations

from crawler.extract import extract_article
from crawler.extract.listing import find_items
from crawler.extract.parsing import parse_html

RELEASE = """
<section class="release-body">
<h1>Maple Reel Studios opens Toronto vertical drama stage with Ontario support</h1>
<p>News provided by <a href="/news/maple-reel-studios/">Maple Reel Studios</a></p>
<p>TORONTO, Dec. 3, 2026 /CNW/ - Maple Reel Studios today opened a production facility in
Etobicoke dedicated to vertical short-form dramas.</p>
<p>The studio expects to produce 60 series a year at the facility and employ 180 crew
members, most of whom previously worked on streaming productions.</p>
<p>The facility includes six standing sets that can be re-dressed overnight.</p>
</section>
<section class="also-from"><h3>Also from this source</h3><ul>
<li><a href="/a1.html">Maple Reel Studios signs distribution deal with GoodShort</a></li>
<li><a href="/a2.html">Maple Reel Studios names head of production</a></li></ul></section>
<section class="explore"><h3>Explore</h3><ul>
<li><a href="/c1">Film and Motion Picture</a></li><li><a href="/c2">Entertainment</a></li>
</ul></section>
"""
URL = "https://www.newswire.example.ca/news-releases/maple-reel-studios-opens-stage-811234567.html"


def test_a_release_beside_two_boxes_is_an_article() -> None:
    html = f"<html><head><title>Maple Reel</title></head><body><main>{RELEASE}</main></body></html>"
    assert extract_article(html, URL).is_article


def test_no_group_by_the_headlines_block() -> None:
    root = parse_html(f"<html><body><main>{RELEASE}</main></body></html>")
    assert root is not None
    assert find_items(root).count == 3
    assert find_items(root, own=root.find(".//h1")).count == 0


def test_items_beside_the_page_heading_still_make_a_list() -> None:
    items = "".join(
        f'<div><h2><a href="/story/{n}.html">Studio number {n} opens a new vertical stage</a></h2>'
        f"<p>A teaser about the studio number {n} and its plans.</p></div>"
        for n in range(4)
    )
    root = parse_html(f"<html><body><h1>Latest news</h1><div>{items}</div></body></html>")
    assert root is not None
    assert find_items(root, own=root.find(".//h1")).count == 4
