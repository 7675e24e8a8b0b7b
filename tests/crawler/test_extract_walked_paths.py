"""The walks that stand in for trafilatura's XPaths select the same elements in the same order,
on the edge cases the XPath semantics decide (attribute order, missing attributes, a step's
``[1]``, unions), and stand in only while a pass runs and only for the XPaths they match."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree
from trafilatura import xpaths

from crawler.extract import body_walks, prunes, walked_paths

# Each line is a case one of the XPaths decides on; together they touch every condition.
PAGE = """<html><body>
<div class="x" id="cookie-bar">class first: no cookie</div>
<div id="cookie-bar" class="x">id first: cookie</div>
<span style="color:red" id="hidden-thing">style first</span>
<span id="hidden-thing" style="color:red">id first: hidden</span>
<p class="reply-box">reply</p><p id="a" class="reply-x">id first: no reply</p>
<p class="Teaser">teaser</p><p id="TEASER">no teaser</p>
<div role="Navigation">nav</div><div role="NAV">no nav</div>
<div data-lp-replacement-content="">lp</div><div data-component="xMostPopularStoriesx">pop</div>
<p aria-hidden="true">a</p><p style="display: none">b</p><p style="display:none">c</p>
<b class="comments-title">t</b><i class="x hidden">h</i><em id="akismet-1">k</em>
<ol id="comments">list</ol><ul id="disqus_thread">no list</ul><ul class="commentary">no</ul>
<div id="disqus_thread">disqus</div><details class="post-comments">c</details>
<div class="infinite-scroll"><h1>kept</h1></div><div class="mvp-post-add-box"><h1>x</h1></div>
<section id="infinitescroll">no h1</section><aside class="elementor-share-buttons x">s</aside>
<list class="menu"><item class="ad-slot">i</item><item class="caption-x">c</item></list>
<p id="figcaption">cap</p><p class="sidebar-widget">w</p><p class="bar"></p><p> </p>
<div><div class="post">1</div><div class="entry">2</div><div class="post">3</div></div>
<section><div class="post-body">4</div><div id="article-content">5</div></section>
<article id="Story">a</article><article class="FullText">f</article><div class="text">t</div>
<div id="Main-Content">m</div><div class="Page-Content">p</div><div class="content">c</div>
<main class="main">main</main><div class="main-wrap">d</div><section role="main-x">r</section>
<div class="site-footer">f</div><div class="a" id="footer">class first</div>
<div id="footer" class="a">id first: footer</div><p class="Cookie-Banner">c</p><svg></svg>
<template>t</template><fencedframe></fencedframe><script>s</script><style>s</style>
<!-- a comment --><?pi x?>
</body></html>"""

LATE_MAIN = """<html><body><div><p>x</p></div><div id="mainpage"><main>m</main></div>
<section><article>a</article></section></body></html>"""


def _trees() -> list[Any]:
    parser = etree.HTMLParser(remove_comments=False, remove_pis=False)
    return [etree.fromstring(page, parser) for page in (PAGE, LATE_MAIN)] + [
        etree.fromstring("<html><body><p>plain</p></body></html>", parser)
    ]


Walk = tuple[Any, str, int | None, str, Any]  # see walked_paths._WALKS


def _xpath(walk: Walk) -> Any:
    """The XPath of trafilatura that ``walk`` stands in for."""
    module, name, index, _, _ = walk
    return getattr(module, name) if index is None else getattr(module, name)[index]


@pytest.mark.parametrize("walk", walked_paths._WALKS, ids=lambda w: f"{w[1]}[{w[2]}]")
def test_each_walk_selects_what_its_xpath_selects(
    walk: tuple[Any, str, int | None, str, Any],
) -> None:
    path, function = _xpath(walk), walk[-1]
    for tree in _trees():
        for context in (tree, tree.find("body")):
            assert function(context) == path(context)
    assert any(function(tree) for tree in _trees()), "the page holds a case each walk selects"


def test_every_walk_stands_in_for_this_trafilaturas_xpath() -> None:
    assert len(walked_paths._swaps()) == len(walked_paths._WALKS)


def test_walks_stand_in_only_while_a_pass_runs() -> None:
    before = list(xpaths.OVERALL_DISCARD_XPATH)
    cleaning = walked_paths._BASELINE.BASIC_CLEAN_XPATH
    with walked_paths.walked_paths():
        assert xpaths.OVERALL_DISCARD_XPATH[0] is prunes.chrome_blocks
        assert xpaths.BODY_XPATH[4] is body_walks.first_main
        assert walked_paths._BASELINE.BASIC_CLEAN_XPATH is prunes.basic_cleaned
    assert before == xpaths.OVERALL_DISCARD_XPATH
    assert walked_paths._BASELINE.BASIC_CLEAN_XPATH is cleaning
    with pytest.raises(RuntimeError), walked_paths.walked_paths():
        raise RuntimeError
    assert before == xpaths.OVERALL_DISCARD_XPATH


def test_the_xpaths_come_back_only_when_the_last_of_overlapping_passes_ends() -> None:
    before = list(xpaths.OVERALL_DISCARD_XPATH)
    first, second = walked_paths.walked_paths(), walked_paths.walked_paths()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert xpaths.OVERALL_DISCARD_XPATH[0] is prunes.chrome_blocks
    second.__exit__(None, None, None)
    assert before == xpaths.OVERALL_DISCARD_XPATH


def test_an_xpath_of_other_text_keeps_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    other = etree.XPath(".//*[self::div][contains(@class, 'teaser')]")
    monkeypatch.setattr(xpaths, "TEASER_DISCARD_XPATH", [other])
    walked_paths._swaps.cache_clear()
    try:
        with walked_paths.walked_paths():
            assert [other] == xpaths.TEASER_DISCARD_XPATH
            assert xpaths.DISCARD_IMAGE_ELEMENTS[0] is prunes.captions
    finally:
        walked_paths._swaps.cache_clear()
