"""A short story followed by a box of related headlines is an article, not a listing."""

from __future__ import annotations

from crawler.extract import extract_article
from crawler.extract.listing import find_items
from crawler.extract.meta import squash
from crawler.extract.parsing import parse_html
from crawler.extract.trailing import missed_story, trailing_box

STORY = "https://example.com/news/2025/03/20/reelshort-names-new-head-of-content"
NOTICE = "https://www.nrta.gov.cn/art/2025/3/20/art_113_70402.html"


def _story(links: int) -> str:
    items = "".join(
        f'<li><a href="/news/2025/03/{i}/platform-announces-new-series-number-{i}">'
        f"Platform announces new vertical drama series number {i} for spring</a> "
        f"<span>March {i % 28 + 1}, 2025</span></li>"
        for i in range(links)
    )
    return (
        '<html><head><meta charset="utf-8"><title>ReelShort names new head of content | '
        'Example News</title></head><body><nav><a href="/">Home</a><a href="/news">News</a>'
        '</nav><main><h1>ReelShort names new head of content</h1><p class="byline">Published '
        "March 20, 2025</p><p>ReelShort has named a new head of content, the company said on "
        "Thursday.</p><p>The appointment takes effect in April and covers all of its "
        "English-language slate.</p><p>The company did not disclose terms.</p></main>"
        f'<div class="related"><h3>More news</h3><ul>{items}</ul></div>'
        "<footer>Copyright Example News</footer></body></html>"
    )


def _notice(links: int) -> str:
    items = "".join(
        f'<li><a href="/art/2025/3/{i}/art_{1000 + i}.html">关于印发第{i}批网络微短剧重点项目'
        f"名单的通知</a><span>2025-03-{i % 28 + 1:02d}</span></li>"
        for i in range(links)
    )
    return (
        '<html><head><meta charset="utf-8"><title>关于开展网络微短剧专项整治的通知_国家广播电视'
        '总局</title></head><body><div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开'
        '</a><a href="/xwzx/">新闻中心</a></div><div class="article"><h1>关于开展网络微短剧专项'
        '整治的通知</h1><div class="info">发布时间：2025-03-20 来源：网络视听司</div><div '
        'class="content"><p>各省、自治区、直辖市广播电视局：</p><p>为进一步规范网络微短剧传播'
        "秩序，总局决定即日起开展网络微短剧专项整治工作。请各地结合实际认真组织实施，确保整治工作"
        "取得实效。</p><p>现将有关事项通知如下，请遵照执行。</p></div></div>"
        f'<div class="related"><h3>相关文件</h3><ul>{items}</ul></div>'
        '<div class="footer">版权所有 国家广播电视总局 京ICP备05034561号</div></body></html>'
    )


def test_a_short_story_followed_by_more_news_is_an_article() -> None:
    for links in (5, 10, 20):
        found = extract_article(_story(links), STORY)
        assert found.is_article, links
        assert found.text.startswith("ReelShort has named")
        assert found.text.endswith("did not disclose terms.")  # the box is not the story's text


def test_a_short_notice_followed_by_related_documents_is_an_article() -> None:
    for links in (20, 40):
        found = extract_article(_notice(links), NOTICE)
        assert found.is_article, links
        assert "专项整治工作" in found.text and "重点项目名单" not in found.text


def test_a_listing_with_an_introduction_has_no_trailing_list() -> None:
    items = "".join(
        f'<li><a href="/news/{i}/story-number-{i}">Story number {i} about short dramas</a></li>'
        for i in range(10)
    )
    intro = "<p>All the news about short dramas from our newsroom, updated every day.</p>"
    title = "<title>Short drama news | Example</title>"
    shared = f"<main><h1>Short drama news</h1>{intro}<ul>{items}</ul></main>"
    alone = f"<main><h1>Short drama news</h1></main><div>{intro}<ul>{items}</ul></div>"
    for body in (shared, alone):
        root = parse_html(f"<html><head>{title}</head><body>{body}</body></html>")
        assert root is not None and trailing_box(root, find_items(root).parent) is None


def test_a_section_heading_does_not_name_a_story() -> None:
    page = _story(10).replace("<h1>ReelShort names new head of content</h1>", "<h1>News</h1>")
    root = parse_html(page)
    assert root is not None and trailing_box(root, find_items(root).parent) is None
    assert not extract_article(page, STORY).is_article


def test_the_storys_date_is_read_in_any_shared_form() -> None:
    for written in ("20.03.2025", "20 March 2025, 08:00 CET", "2025年3月20日"):
        html = _story(20).replace("Published March 20, 2025", f"Published {written}")
        assert extract_article(html, STORY).is_article, written


_BRIEF = (
    "Reelverse has hired a drama commissioner from the BBC to run its new UK team.",
    "She starts in January and will commission about thirty series, the company said.",
)


def _brief_beside_teasers() -> str:
    teasers = "".join(
        f'<li><a href="/news/2025/03/{i}/other-story-{i}/">Another headline of the day, '
        f"number {i}</a><p>The teaser of story {i} runs to a whole sentence of its own, longer "
        "than either of the brief's two and full of the detail a teaser carries.</p></li>"
        for i in range(8)
    )
    return (
        '<html><head><meta charset="utf-8"><title>Reelverse hires BBC drama executive | '
        'Example News</title></head><body><nav><a href="/">Home</a><a href="/news">News</a>'
        '</nav><main><article class="brief"><h1>Reelverse hires BBC drama executive</h1>'
        '<p class="byline">March 20, 2025</p><div class="body">'
        + "".join(f"<p>{sentence}</p>" for sentence in _BRIEF)
        + f'</div></article><div class="rail"><h2>Latest news</h2><ul>{teasers}</ul></div>'
        "</main><footer>Copyright Example News</footer></body></html>"
    )


def test_a_text_read_wholly_from_the_rail_beside_a_brief_leads_back_to_the_brief() -> None:
    root = parse_html(_brief_beside_teasers())
    rail = next(el for el in root.iter("div") if el.get("class") == "rail")
    related = squash(rail.text_content())
    teasers = [p.text_content() for p in rail.iter("p")]
    story = missed_story(root, teasers, related)
    assert story is not None and story.get("class") == "brief"
    assert all(sentence in story.text_content() for sentence in _BRIEF)


def test_a_text_with_a_paragraph_outside_the_rail_is_the_page_s_own() -> None:
    root = parse_html(_brief_beside_teasers())
    rail = next(el for el in root.iter("div") if el.get("class") == "rail")
    teasers = [p.text_content() for p in rail.iter("p")]
    assert missed_story(root, [_BRIEF[0], *teasers], squash(rail.text_content())) is None


def test_a_brief_beside_a_rail_of_longer_teasers_keeps_its_own_text() -> None:
    found = extract_article(_brief_beside_teasers(), STORY)
    assert found.is_article
    assert all(sentence in found.text for sentence in _BRIEF)
    assert "The teaser of story" not in found.text
