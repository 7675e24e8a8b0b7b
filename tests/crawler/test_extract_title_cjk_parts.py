"""Chinese titles whose headline is one part of ``<title>`` or of a heading: the site name before
it ("郑州日报数字报-标题"), after a closing bracket and a space ("决定书（……号） 市场监督管理局"),
and a badge element before a heading ("<span>原创</span>标题", "<span>Exclusive</span> …")."""

from __future__ import annotations

from crawler.extract import extract_article

PROSE = (
    "<p>6月2日下午，横店镇在影视文化产业园举办微短剧产业人才对接会，六十余家制作公司参加。</p>"
    "<p>今年以来横店共接待微短剧剧组1200余个，占全镇剧组接待总量的六成以上。</p>"
)
HEADLINE = "横店镇举办微短剧产业人才对接会 200余名演员现场签约"
URL = "http://www.example.gov.cn/art/1178.html"


def _title(head: str, body: str) -> str | None:
    html = f"<html><head>{head}</head><body>{body}{PROSE}</body></html>"
    return extract_article(html, URL).title


def test_a_site_name_before_the_headline_gives_way_to_the_headline_the_page_shows() -> None:
    for sep in ("--", "-", "_", " | "):
        head = f"<title>横店镇人民政府{sep}{HEADLINE}</title>"
        body = f'<table><tr><td class="tit">{HEADLINE}</td></tr></table>'
        assert _title(head, body) == HEADLINE


def test_a_title_whose_parts_the_page_does_not_show_stays_whole() -> None:
    title = f"横店镇人民政府--{HEADLINE}"
    assert _title(f"<title>{title}</title>", "<p>首页</p>") == title


def test_a_site_name_after_a_closing_bracket_and_a_space_goes() -> None:
    headline = "杭州某网络科技有限公司发布虚假广告案行政处罚决定书（杭市监处罚〔2025〕156号）"
    head = f"<title>{headline} 杭州市市场监督管理局</title>"
    body = f'<table><tr><td class="title">{headline}</td></tr></table>'
    assert _title(head, body) == headline


def test_a_badge_before_a_heading_is_not_the_title() -> None:
    headline = "我们统计了100部爆款短剧的片名，发现了这些规律"
    head = f'<meta property="og:title" content="{headline}"><title>{headline}</title>'
    body = f'<h1 class="rich_media_title"><span class="tag">原创</span>{headline}</h1>'
    assert _title(head, body) == headline


def test_a_first_element_of_the_heading_the_metadata_title_states_stays() -> None:
    headline = "原创微短剧扶持计划公布 首批二十部作品入选"
    head = f'<meta property="og:title" content="{headline}"><title>{headline}</title>'
    body = "<h1><span>原创</span>微短剧扶持计划公布 首批二十部作品入选</h1>"
    assert _title(head, body) == headline


def test_a_heading_part_a_title_starts_before_its_suffixes_is_the_title() -> None:
    headline = "在横店跑了9天短剧组，说说真实情况"
    head = f"<title>{headline} - 短剧交流 - 影视圈论坛 - Powered by Discuz!</title>"
    body = f'<h1><a href="/type/3">[经验分享]</a> <span id="subject">{headline}</span></h1>'
    assert _title(head, body) == headline


def test_a_word_badge_before_an_english_heading_is_not_the_title() -> None:
    headline = "FlexTV owner in talks to buy Korean studio"
    head = f"<title>{headline} - Asia Screen Deals</title>"
    body = f'<h1 class="headline"><span class="kicker">Exclusive</span> {headline}</h1>'
    assert _title(head, body) == headline
