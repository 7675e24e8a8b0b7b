"""Where a page's own dates are read: the article region, without other pages' link lists."""

from __future__ import annotations

from crawler.extract.date_region import article_region, without_link_lists
from crawler.extract.meta import squashed_len
from crawler.extract.parsing import parse_html

BODY = "<p>The regulator published new rules for short dramas on Monday, officials said.</p>"
LATEST = (
    "<ul><li><a href='/a'>Older story one</a> 2025-01-02</li><li><a href='/b'>Two</a></li></ul>"
)
CARDS = "".join(
    f"<div><a href='/c{n}'>Teaser headline {n}</a> 2025-01-0{n}</div>" for n in range(3)
)
PAGE = (
    "<html><body><div id='side'>Menu</div><div id='story'><h1>New rules</h1>"
    f"<p>Published: 2025-03-10</p>{BODY * 3}{LATEST}<section>{CARDS}</section></div></body></html>"
)


def test_the_region_is_the_title_s_smallest_ancestor_holding_most_of_the_text() -> None:
    root = parse_html(PAGE)
    assert root is not None
    title = root.find(".//h1")
    main_len = squashed_len(BODY * 3)
    region = article_region(root, title, main_len)
    assert region is not None and region.get("id") == "story"
    assert article_region(root, None, main_len) is None


def test_link_lists_go_from_a_copy_and_boxes_of_cards_only_when_asked() -> None:
    root = parse_html(PAGE)
    assert root is not None
    story = root.find(".//div[@id='story']")
    assert story is not None
    plain = without_link_lists(story).text_content()
    assert "Older story one" not in plain and "Teaser headline" in plain
    assert "Published: 2025-03-10" in plain
    assert "Teaser headline" not in without_link_lists(story, cards=True).text_content()
    assert "Older story one" in story.text_content()  # the page itself is left whole
