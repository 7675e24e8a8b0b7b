"""Titles from more than two sources: the JSON-LD headline as a metadata title, the words of the
URL's path settling a heading that no metadata title states (or, without a heading, the
metadata titles), and a site name that only copies the page's title."""

from __future__ import annotations

from crawler.extract import extract_article
from crawler.extract.meta import jsonld_headline, meta_map
from crawler.extract.parsing import parse_html

PROSE = (
    "The regulator published new rules for short dramas on Monday. Platforms must review every "
    "series before it goes online. The rules take effect next month."
)
HEADING = "Five things to know before the new drama rules start"
META = "New Rules for Short Dramas Explained"


def _jsonld(headline: str) -> str:
    data = f'{{"@type": "NewsArticle", "headline": "{headline}"}}'
    return f'<script type="application/ld+json">{data}</script>'


def _title(head: str, url: str, heading: str = HEADING) -> str | None:
    html = (
        f'<html lang="en"><head>{head}</head><body><h1>{heading}</h1><p>{PROSE}</p></body></html>'
    )
    return extract_article(html, url).title


def test_the_jsonld_headline_is_read_with_its_escapes_and_entities() -> None:
    html = _jsonld(r"Rules \u201cexplained\u201d: \"dramas\" &amp; apps")
    assert jsonld_headline(html) == 'Rules “explained”: "dramas" & apps'


def test_a_headline_outside_jsonld_scripts_is_not_read() -> None:
    assert jsonld_headline('<script>var x = {"headline": "Not the title"};</script>') is None
    html = f"<html><head>{_jsonld('From JSON-LD')}</head><body></body></html>"
    assert meta_map(parse_html(html), html)["headline"] == "From JSON-LD"


def test_a_meta_headline_comes_before_the_jsonld_one() -> None:
    html = f'<html><head><meta itemprop="headline" content="From meta">{_jsonld("From JSON-LD")}'
    html += "</head><body></body></html>"
    assert meta_map(parse_html(html), html)["headline"] == "From meta"


def test_the_url_words_take_the_metadata_title_over_a_heading_no_metadata_states() -> None:
    head = f'<meta property="og:title" content="{META}"><title>{META} | Example News</title>'
    url = "https://news.example.com/guides/new-rules-for-short-dramas-explained"
    assert _title(head, url) == META


def test_a_heading_the_jsonld_headline_states_stands_against_the_url_words() -> None:
    head = f'<meta property="og:title" content="{META}">{_jsonld(HEADING)}'
    url = "https://news.example.com/guides/new-rules-for-short-dramas-explained"
    assert _title(head, url) == HEADING


def test_url_words_that_match_neither_clearly_leave_the_heading() -> None:
    head = f'<meta property="og:title" content="{META}">'
    assert _title(head, "https://news.example.com/a/1234567") == HEADING
    url = "https://news.example.com/guides/drama-rules"  # close to both
    assert _title(head, url) == HEADING


def _bare(head: str, url: str) -> str | None:
    html = f'<html lang="en"><head>{head}</head><body><p>{PROSE}</p></body></html>'
    return extract_article(html, url).title


def test_without_a_heading_the_url_words_choose_among_the_metadata_titles() -> None:
    head = f'<meta property="og:title" content="Here is what changes on Monday.">{_jsonld(META)}'
    url = "https://news.example.com/new-rules-for-short-dramas-explained"
    assert _bare(head, url) == META
    assert _bare(head, "https://news.example.com/a/1234567") == "Here is what changes on Monday."


def test_a_site_name_that_copies_the_pages_title_is_no_site_name() -> None:
    copied = f"{HEADING} | Example"
    head = (
        f'<meta property="og:site_name" content="{copied}">'
        f'<meta property="og:title" content="{copied}"><title>{copied}</title>'
    )
    assert _title(head, "https://example.com/blog/guide") == HEADING


def test_a_metadata_title_starting_with_a_separator_is_left_out() -> None:
    head = "<title>| Example News</title>"
    assert _title(head, "https://example.com/topics/dramas", "Short Dramas") == "Short Dramas"


def test_a_page_whose_metadata_titles_only_name_the_site_is_titled_by_that_name() -> None:
    head = (
        '<meta property="og:site_name" content="Example News">'
        '<meta property="og:title" content="Example News"><title>Example News</title>'
    )
    html = f'<html lang="en"><head>{head}</head><body><p>{PROSE}</p></body></html>'
    assert extract_article(html, "https://example.com/").title == "Example News"
    fed = extract_article(html, "https://example.com/", fallback_title="New Drama Rules")
    assert fed.title == "New Drama Rules"


def test_a_shown_headline_beats_a_title_that_only_names_the_app() -> None:
    headline = "成都一短剧公司被曝拖欠演员片酬，公司回应：月底前结清"
    body = (
        '<div class="bar"><span>红星新闻</span><a>打开APP</a></div>'
        f'<div class="hx-title">{headline}</div><div class="hx-meta">2025-05-27 19:10</div>'
        "<div><p>近日，有多名演员在社交平台发文称，成都一家短剧公司拖欠片酬已超过三个月。</p>"
        "<p>该公司负责人承认存在拖欠情况，称将在本月底前结清全部欠款。</p></div>"
    )
    html = f"<html><head><title>红星新闻</title></head><body>{body}</body></html>"
    assert extract_article(html, "https://static.example.com/a/123.html").title == headline


def test_an_app_bar_label_that_agrees_with_a_name_only_title_is_not_the_headline() -> None:
    headline = "关于进一步规范短剧推广素材的公告"
    body = (
        '<div class="topbar"><span class="topbar-title">平台公告</span></div>'
        f'<div class="notice-title">{headline}</div><div class="notice-time">2025-06-27</div>'
        "<div><p>为维护良好的内容生态，平台将自2025年7月1日起进一步规范短剧推广素材的制作和投放。</p>"
        "<p>推广素材应与短剧正片内容一致，不得剪辑拼接正片中不存在的情节。</p></div>"
    )
    html = f"<html><head><title>红果短剧平台公告</title></head><body>{body}</body></html>"
    assert extract_article(html, "https://api.example.com/notice/1").title == headline


def test_a_heading_linking_to_its_own_page_is_the_headline() -> None:
    """A forum topic's heading is a permalink to the topic: the headline, not the board's name
    and the "View topic" label <title> wraps it in."""
    url = "https://forum.example.net/board/viewtopic.php?f=12&t=30418"
    topic = "[GUIDE] Formatting a vertical drama script so producers read it"
    html = (
        f"<html><head><title>Screenwriters Board &bull; View topic - {topic}</title></head>"
        f'<body><h1>Screenwriters Board</h1><h2><a href="./viewtopic.php?f=12&amp;t=30418">'
        f'{topic}</a></h2><div class="post"><p>{PROSE}</p></div></body></html>'
    )
    assert extract_article(html, url).title == topic


def test_a_boards_subject_is_the_headline_where_the_titles_name_the_section() -> None:
    """A festival's news board titles every post with its section and name; the post's own
    headline is its subject line."""
    url = "https://www.festival.example.kr/en/news/view?idx=1044"
    subject = "Busan launches Vertical Series Showcase with 12 titles from five countries"
    html = (
        "<html><head><title>FESTIVAL NEWS | Example International Film Festival</title>"
        '<meta property="og:title" content="FESTIVAL NEWS | Example International Film '
        'Festival"></head><body><h2>NEWS</h2><div class="board-view"><div class="view-head">'
        f'<h3 class="subject">{subject}</h3><dl><dt>Date</dt><dd>2026.09.08</dd></dl></div>'
        f'<div class="view-cont"><p>{PROSE}</p></div></div></body></html>'
    )
    assert extract_article(html, url).title == subject


def test_a_list_of_subjects_is_no_headline() -> None:
    """A paper's "Subjects" field names its fields, not the page."""
    html = (
        "<html><head><title>Short drama retention modelling</title></head><body>"
        '<h1>Short drama retention modelling</h1><table><tr><td class="tablecell subjects">'
        f"Artificial Intelligence (cs.AI)</td></tr></table><p>{PROSE}</p></body></html>"
    )
    assert extract_article(html, "https://arxiv.example.org/abs/2612.01234").title == (
        "Short drama retention modelling"
    )
