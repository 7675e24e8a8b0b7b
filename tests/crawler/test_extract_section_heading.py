"""An ``<h1>`` naming the page's section above the story's dated headline in an ``<h2>``."""

from __future__ import annotations

from crawler.extract import extract_article

PROSE = (
    "<p>Flickreels has signed a deal with a Nigerian production company to make ten series.</p>"
    "<p>The series will be filmed in English and Nigerian Pidgin and released next year.</p>"
)
HEADLINE = "Flickreels signs ten-series deal with Nigerian producer"
URL = "https://www.screens.example/industry-news/flickreels-nigeria"
MENU = '<nav><a href="/industry-news/">Industry News</a> <a href="/film/">Film</a></nav>'


def _title(body: str, title: str = "Industry News - Screens") -> str | None:
    html = f"<html><head><title>{title}</title></head><body>{MENU}{body}</body></html>"
    return extract_article(html, URL).title


def test_a_section_named_in_the_h1_gives_way_to_the_dated_headline_below() -> None:
    body = (
        '<h1>Industry News</h1><p>The business of film</p><div class="item">'
        f'<h2>{HEADLINE}</h2><p class="date">Posted 30/11/2026</p>{PROSE}</div>'
    )
    assert _title(body) == HEADLINE


def test_a_chinese_column_named_in_the_h1_gives_way_to_the_headline() -> None:
    headline = "全省首批12个微短剧拍摄基地授牌"
    body = (
        f'<h1 class="column">省内动态</h1><div><h2>{headline}</h2><p>2026-12-01 09:00:00</p>'
        "<p>记者从省广播电视局获悉，全省首批12个微短剧拍摄基地日前正式授牌。</p>"
        "<p>这些基地分布在8个市，总面积超过50万平方米，可同时容纳100个剧组拍摄。</p></div>"
        '<div class="side"><h3>省内动态</h3><a href="/1.html">全省广电工作会议召开</a></div>'
    )
    assert _title(body, "省内动态_新闻中心_省广播电视网") == headline


def test_a_topic_h1_above_its_introduction_stays_the_title() -> None:
    intro = "<p>The Internet of Things connects objects, places and environments online.</p>" * 4
    body = f"<h1>Industry News</h1>{intro}<h2>{HEADLINE}</h2><p>Posted 30/11/2026</p>{PROSE}"
    assert _title(body) == "Industry News"


def test_a_short_headline_the_page_names_nowhere_else_stays_the_title() -> None:
    body = f"<h1>Vertical Gold</h1><h2>{HEADLINE}</h2><p>Posted 30/11/2026</p>{PROSE}"
    assert _title(body, "Vertical Gold - Screens") == "Vertical Gold"
